"""Whatever arrives, the readers give a valid canonical document or a one-line InputError:
never another exception, never a document the schema (and so OPA's type checks) would refuse."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from smguard.errors import InputError, PolicyDocumentError
from smguard.frontends.api_request import OPERATIONS, convert_request
from smguard.frontends.detect import convert
from smguard.frontends.iam_policy import parse_policy
from smguard.jsonio import parse_json
from smguard.paths import REPO_ROOT
from tests.fuzz.strategies import json_values, plans, policies, snapshots


@cache
def _validator() -> Any:
    schema = json.loads((REPO_ROOT / "python/smguard/schemas/input.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def _document_or_input_error(value: Any) -> None:
    try:
        document = convert(value, "fuzz.json").document
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    _validator().validate(document)
    json.dumps(document, allow_nan=False)  # what OPA is given must be plain JSON


@given(plans)
def test_plans(plan: Any) -> None:
    _document_or_input_error(plan)


@given(snapshots)
def test_snapshots(snapshot: Any) -> None:
    _document_or_input_error(snapshot)


@given(json_values)
def test_any_json(value: Any) -> None:
    _document_or_input_error(value)


@given(st.one_of(policies, json_values, policies.map(json.dumps), st.text(max_size=40)))
def test_policies(policy: Any) -> None:
    try:
        statements = parse_policy(policy)
    except PolicyDocumentError as exc:
        assert "\n" not in str(exc)
        return
    json.dumps(statements, allow_nan=False)


@given(st.sampled_from(sorted(OPERATIONS)), st.dictionaries(st.text(max_size=24), json_values, max_size=6))
def test_api_requests(operation: str, params: dict[str, Any]) -> None:
    _validator().validate(convert_request(operation, params))


@given(st.binary(max_size=200) | plans.map(lambda p: json.dumps(p).encode("utf-16")))
def test_bytes(data: bytes) -> None:
    try:
        parse_json(data, "fuzz.json")
    except InputError as exc:
        assert "\n" not in str(exc)


@cache
def _mirrors() -> list[Any]:
    import importlib
    import pkgutil

    from smguard import checkov_checks

    return [
        importlib.import_module(f"smguard.checkov_checks.{m.name}").check
        for m in pkgutil.iter_modules(checkov_checks.__path__)
        if m.name.startswith("sm")
    ]


# Checkov passes attributes wrapped in lists, blocks as lists of dicts, and unresolved HCL as text.
_confs = st.dictionaries(
    st.sampled_from(["vpc_config", "subnets", "security_group_ids", "enable_network_isolation", "root_access",
                     "direct_internet_access", "kms_key_id", "service_name", "policy", "pipeline_definition",
                     "definition", "production_variants", "resource_config", "output_data_config", "__startline__"]),
    st.lists(json_values | st.just("${var.x}"), max_size=2) | json_values,
    max_size=6,
)  # fmt: skip


@given(st.integers(0, 99), st.integers(0, 9), _confs)
def test_checkov_mirrors(check: int, resource: int, conf: dict[str, Any]) -> None:
    from checkov.common.models.enums import CheckResult

    mirrors = _mirrors()
    mirror = mirrors[check % len(mirrors)]
    entity_type = mirror.supported_resources[resource % len(mirror.supported_resources)]
    assert mirror.scan_entity_conf(conf, entity_type) in set(CheckResult)
