"""The embedded engine (the bundle compiled to Wasm, in process) against ``opa eval``: byte-identical
findings and unused waivers on every golden, corpus, hostile and fuzzed input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from smguard import catalog
from smguard.config import parse_config
from smguard.engine import Evaluation, opa_eval
from smguard.engine.local import evaluate_embedded
from smguard.engine.wasm import _go_quote, _parse_rfc3339_ns, _sprintf
from smguard.errors import InputError
from smguard.frontends.aws_snapshot import convert_snapshot
from smguard.frontends.detect import convert
from smguard.jsonio import parse_json
from smguard.model import Document
from smguard.paths import policies_dir
from tests.fuzz.strategies import plans, snapshots
from tests.golden.cases import discover
from tests.unit.test_aws_snapshot import API, APIS, _snapshot

ROOT = Path(__file__).parents[2]


def _document(path: Path) -> Document | None:
    try:
        return convert(parse_json(path.read_bytes(), path.name), path.name).document
    except InputError:
        return None  # refused before any engine sees it


def _inputs() -> list[tuple[str, Document, dict[str, Any]]]:
    found: list[tuple[str, Document, dict[str, Any]]] = []
    for case in discover():
        config_file = case.folder / "config.yaml"
        config = parse_config(config_file.read_text(), "c", rules=catalog.rules()) if config_file.exists() else {}
        document = _document(case.folder / "plan.json")
        assert document is not None
        found.append((str(case), document, config))
    for folder in ("tests/corpus/tfplan", "tests/hostile", "tests/golden/examples"):
        for path in sorted((ROOT / folder).rglob("*.json")):
            document = _document(path)
            if document is not None:
                found.append((str(path.relative_to(ROOT)), document, {}))
    # Every recorded API response at once, as one live snapshot.
    readable = {*APIS, "ec2_DescribeVpcEndpoints"}  # the names _snapshot maps (case suffix after a second __)
    responses = [p.name for p in sorted(API.glob("*__*__*.json")) if p.name.split("__")[1] in readable]
    recorded = convert_snapshot(_snapshot(*responses), "recorded").document
    found.append(("tests/corpus/api", recorded, {}))
    return found


def _same(document: Document, config: dict[str, Any]) -> tuple[str, str]:
    def text(evaluation: Evaluation) -> str:
        return json.dumps({"findings": [f.to_json() for f in evaluation.findings],
                           "unused": [vars(w) for w in evaluation.unused_waivers]})  # fmt: skip

    return (
        text(evaluate_embedded(document, config)),
        text(opa_eval.evaluate_scan(document, config, policies=policies_dir())),
    )


INPUTS = _inputs()


def test_the_inputs_cover_every_kind() -> None:
    names = [name for name, _, _ in INPUTS]
    assert len([n for n in names if n.startswith("SM")]) > 90
    assert any(n.startswith("tests/corpus/tfplan") for n in names)
    assert any(n.startswith("tests/corpus/api") for n in names)
    assert any(n.startswith("tests/hostile") for n in names)


@pytest.mark.parametrize(("name", "document", "config"), INPUTS, ids=[name for name, _, _ in INPUTS])
def test_embedded_equals_opa_eval(name: str, document: Document, config: dict[str, Any]) -> None:
    embedded, reference = _same(document, config)
    assert embedded == reference


WAIVERS = {
    "waivers": [
        {"rule": "SM101", "resource": "aws_sagemaker_notebook_instance.*", "reason": "lab", "expires": "2099-01-01"},
        {
            "rule": "SM104",
            "resource": "aws_sagemaker_notebook_instance.defaults",
            "reason": "old",
            "expires": "2020-01-01",
        },
        {"rule": "SM105", "resource": "nothing.matches", "reason": "typo", "expires": "2099-01-01"},
    ],
    "rules": {"disable": ["SM106"]},
}


def test_waivers_expiry_and_unused_waivers_agree() -> None:
    document = _document(ROOT / "tests/golden/examples/notebooks/plan.json")
    assert document is not None
    embedded, reference = _same(document, WAIVERS)
    assert embedded == reference
    assert '"status": "waived"' in embedded and "waiver expired on 2020-01-01" in embedded
    assert '"rule": "SM105"' in embedded  # the unused one


@pytest.mark.parametrize(
    "config",
    [
        {"acess": {}},
        {"access": {"corporate_cidrs": ["10.0.0.1/24", "10.0.0.0/33", "2001:DB8::/32", "10.0.0.0/8"]}},
        {"waivers": [{"rule": "SM101", "resource": "*", "reason": "r", "expires": "2027-02-30"}]},
        {"waivers": [{"rule": "SM1O1", "resource": "*", "reason": "r", "expires": "1969-12-31"}, "x"]},
        {"perimeter": {"org_id": ["o-a1b2c3d4e5"]}},
    ],
    ids=str,
)
def test_invalid_configs_agree(config: dict[str, Any]) -> None:
    """Config problems go through the host built-ins (sprintf %q, net.cidr_*, time.parse_rfc3339_ns)."""
    document = _document(ROOT / "tests/golden/examples/notebooks/plan.json")
    assert document is not None
    embedded, reference = _same(document, config)
    assert embedded == reference
    assert '"rule_id": "SM001"' in embedded


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(plans, snapshots))
@example({"smguard_snapshot": 1, "accounts": {"\U00020000": None}})  # beyond the BMP: a surrogate pair in JSON
@example({"smguard_snapshot": 1, "accounts": {"\ud800x": None}})  # half a pair: no character at all
def test_fuzzed_inputs_agree(value: Any) -> None:
    try:
        document = convert(value, "fuzz").document
    except InputError:
        return
    embedded, reference = _same(document, {})
    assert embedded == reference


def test_host_builtins_format_as_go_does() -> None:
    assert _sprintf("%s/%d %q %%", ["a", 7, 'x"y\n\u00e9\x01']) == 'a/7 "x\\"y\\n\u00e9\\x01" %'
    assert _sprintf("%v and %s", [["a", 1], {"k": True}]) == '["a", 1] and {"k": true}'
    assert _go_quote("\u2028") == '"\\u2028"'
    assert _parse_rfc3339_ns("2030-01-01T23:59:59Z") == 1893542399 * 10**9
    assert _parse_rfc3339_ns("1970-01-01T00:00:00.5+01:00") == -3600 * 10**9 + 500_000_000
