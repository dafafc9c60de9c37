"""The policy evaluator checked against an independent IAM simulator.

Hypothesis writes identity policies from the spellings that matter (address lists, VPC and
endpoint IDs and patterns, policy variables, IfExists and set operators, Denies narrowed by
tags, regions, user IDs or transport) and smguard judges each with the corporate network
configured: SM201 or SM203 failing means "reachable from outside the corporate network".
@cloud-copilot/iam-simulate then evaluates the same policy for a request of every class that
can tell the policies apart: from each part of the address space the policies name, through a
VPC endpoint the policy names or through a foreign one, with every combination of the other
keys. The two must agree, except where smguard is knowingly stricter (see _explained).
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smguard.engine.local import evaluate
from smguard.frontends.iam_policy import parse_policy
from smguard.frontends.value import State, Value, meta
from smguard.model import empty_document
from tests.oracle.simulator import Simulator

ACTION = "sagemaker:CreatePresignedNotebookInstanceUrl"
CORPORATE = ["192.0.2.0/24", "2001:db8::/32"]
OUR_VPC, OUR_ENDPOINT = "vpc-0a1b2c3d4e5f60718", "vpce-0a1b2c3d4e5f60718"
# Not the strangers smguard probes with: the oracle must not share them.
FOREIGN_VPC, FOREIGN_ENDPOINT = "vpc-0123456789abcdef0", "vpce-0123456789abcdef0"

ADDRESS_LISTS = [
    ["192.0.2.0/24"],
    ["198.51.100.0/24"],
    ["192.0.2.0/24", "198.51.100.0/24"],
    ["192.0.2.0/24", "2001:db8::/32"],
    ["0.0.0.0/1", "128.0.0.0/1"],
    ["::/1", "8000::/1"],
    ["0.0.0.0/0"],
]
# One address in each part of the address space that the lists above divide it into.
ADDRESSES = {
    "192.0.2.10": False, "2001:db8::10": False,  # corporate
    "198.51.100.10": True, "203.0.113.10": True, "1.1.1.1": True, "130.0.0.1": True,
    "10.0.0.1": True, "2001:db9::1": True, "9000::1": True,
}  # fmt: skip
VPC_IDS = {
    "aws:SourceVpc": [[OUR_VPC], ["vpc-0*"], ["vpc-*"], ["${aws:SourceVpc}"]],
    "aws:SourceVpce": [[OUR_ENDPOINT], ["vpce-0*"], ["${aws:SourceVpce}"], [OUR_ENDPOINT, "vpce-*"]],
}
OTHER_KEYS: dict[str, list[str | None]] = {
    "aws:PrincipalTag/team": [None, "ml", "finance"],
    "aws:RequestedRegion": ["eu-west-1", "us-east-1"],
    "aws:userid": ["AIDAEXAMPLEUSER", "AROAEXAMPLEROLE:session"],
    "aws:SecureTransport": ["true", "false"],
}
OTHER_TESTS = [
    ("StringEquals", "aws:PrincipalTag/team", ["ml"]),
    ("StringNotEqualsIfExists", "aws:PrincipalTag/team", ["ml"]),
    ("StringEquals", "aws:RequestedRegion", ["eu-west-1"]),
    ("StringLike", "aws:userid", ["AIDA*"]),
    ("Bool", "aws:SecureTransport", ["false"]),
    ("BoolIfExists", "aws:SecureTransport", ["true"]),
    ("StringLikeIfExists", "aws:RequestedRegion", ["*"]),
]
STATS: Counter[str] = Counter()


def _qualified(operators: list[str]) -> st.SearchStrategy[str]:
    prefixes = st.sampled_from(["", "", "", "ForAnyValue:", "ForAllValues:"])
    return st.tuples(prefixes, st.sampled_from(operators), st.sampled_from(["", "", "IfExists"])).map("".join)


def _network_test() -> st.SearchStrategy[tuple[str, str, list[str]]]:
    address = st.tuples(
        _qualified(["IpAddress", "NotIpAddress"]), st.just("aws:SourceIp"), st.sampled_from(ADDRESS_LISTS)
    )
    ids = st.sampled_from(sorted(VPC_IDS)).flatmap(
        lambda key: st.tuples(
            _qualified(["StringEquals", "StringNotEquals", "StringLike", "StringNotLike"]),
            st.just(key),
            st.sampled_from(VPC_IDS[key]),
        )
    )
    return st.one_of(address, ids)


def _statement(effect: str, tests: list[tuple[str, str, list[str]]]) -> dict[str, Any]:
    condition: dict[str, dict[str, list[str]]] = {}
    for operator, key, values in tests:
        condition.setdefault(operator, {}).setdefault(key, values)
    action = "sagemaker:CreatePresigned*" if effect == "Deny" else "sagemaker:*"
    return {"Effect": effect, "Action": action, "Resource": "*", **({"Condition": condition} if condition else {})}


@st.composite
def policies(draw: st.DrawFn) -> dict[str, Any]:
    grants = draw(
        st.lists(st.lists(st.one_of(_network_test(), st.sampled_from(OTHER_TESTS)), max_size=2), min_size=1, max_size=2)
    )
    denies = draw(st.lists(st.tuples(st.lists(_network_test(), min_size=1, max_size=2),
                                     st.lists(st.sampled_from(OTHER_TESTS), max_size=1)), max_size=3))  # fmt: skip
    statements = [_statement("Allow", tests) for tests in grants]
    statements += [_statement("Deny", network + other) for network, other in denies]
    return {"Version": "2012-10-17", "Statement": statements}


def _requests() -> Iterator[tuple[dict[str, str], bool]]:
    """(context, from outside the corporate network) for every class of request."""
    origins: list[tuple[dict[str, str], bool]] = [({"aws:SourceIp": ip}, outside) for ip, outside in ADDRESSES.items()]
    origins.append(({"aws:SourceVpc": OUR_VPC, "aws:SourceVpce": OUR_ENDPOINT}, False))
    origins.append(({"aws:SourceVpc": FOREIGN_VPC, "aws:SourceVpce": FOREIGN_ENDPOINT}, True))
    for (origin, outside), others in itertools.product(origins, itertools.product(*OTHER_KEYS.values())):
        context = dict(origin)
        context.update({k: v for k, v in zip(OTHER_KEYS, others, strict=True) if v is not None})
        yield context, outside


REQUESTS = list(_requests())


class Oracle:
    """Reachability from outside the corporate network, as the simulator decides it."""

    def __init__(self) -> None:
        self.simulator = Simulator()

    def reachable(self, policy: dict[str, Any]) -> bool:
        outside = [{"action": ACTION, "context": context} for context, out in REQUESTS if out]
        return "Allowed" in self.simulator.decide([_for_simulator(policy)], outside)

    def close(self) -> None:
        self.simulator.close()


def _for_simulator(policy: dict[str, Any]) -> dict[str, Any]:
    """The policy with 0.0.0.0/0 spelled as its two halves, which AWS treats alike: iam-simulate
    0.1.173 matches a /0 IPv4 range against 0.0.0.0 only (ipv4.js: `-1 << (32 - prefix)`, and a
    JavaScript shift by 32 shifts by 0)."""
    text = json.dumps(policy).replace('"0.0.0.0/0"', '"0.0.0.0/1", "128.0.0.0/1"')
    return dict(json.loads(text))


@pytest.fixture(scope="module")
def oracle() -> Iterator[Oracle]:
    simulator = Oracle()
    yield simulator
    simulator.close()


def smguard_reachable(policy: dict[str, Any]) -> bool:
    document = empty_document()
    document["resources"]["iam_policies"].append(
        {
            "meta": meta("policy", "iam", "test", {"statements": Value(State.KNOWN)}),
            "name": "p",
            "statements": parse_policy(policy),
        }
    )
    findings = evaluate(document, {"access": {"corporate_cidrs": CORPORATE}}).findings
    statuses = {(f.rule_id, f.status) for f in findings}
    assert not {s for s in statuses if s[1] in ("unknown", "error")}, statuses
    return ("SM201", "fail") in statuses or ("SM203", "fail") in statuses


def _explained(policy: dict[str, Any], oracle: Oracle) -> str | None:
    """Why smguard may call a policy reachable that the simulator closes (never the other way):
    it counts on each Deny alone, so Denies that only together cover every request, and a
    Deny mixing IpAddress and NotIpAddress tests, are not counted on."""
    statements = policy["Statement"]
    grants = [s for s in statements if s["Effect"] == "Allow"]
    denies = [s for s in statements if s["Effect"] == "Deny"]
    if any({"IpAddress", "NotIpAddress"} <= {_base(o) for o in d.get("Condition", {})} for d in denies):
        return "a Deny mixing IpAddress and NotIpAddress tests"
    alone = [oracle.reachable({**policy, "Statement": [*grants, deny]}) for deny in denies]
    if len(denies) > 1 and all(alone):
        return "Denies that close the policy only together"
    return None


def _base(operator: str) -> str:
    return operator.rpartition(":")[2].removesuffix("IfExists")


# `make fuzz` runs 5000 policies, some 25 minutes: longer than the suite's per-test timeout.
@pytest.mark.timeout(0 if os.environ.get("SMGUARD_FUZZ_PROFILE") == "fuzz" else 600)
@given(policies())
def test_smguard_agrees_with_the_simulator(oracle: Oracle, policy: dict[str, Any]) -> None:
    STATS["cases"] += 1
    ours, theirs = smguard_reachable(policy), oracle.reachable(policy)
    if ours == theirs:
        return
    STATS["disagreements"] += 1
    reason = _explained(policy, oracle) if ours else None
    assert reason is not None, (
        f"smguard says {'reachable' if ours else 'closed'}, the simulator "
        f"{'closed' if ours else 'reachable'}: {json.dumps(policy)}"
    )
    STATS[f"explained: {reason}"] += 1
