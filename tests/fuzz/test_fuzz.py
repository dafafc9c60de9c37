"""Whatever arrives, the readers give a valid canonical document or a one-line InputError:
never another exception, never a document the schema (and so OPA's type checks) would refuse."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from smguard.errors import InputError
from smguard.frontends.api_request import OPERATIONS, convert_request
from smguard.frontends.detect import convert
from smguard.frontends.iam_policy import PolicyDocumentError, parse_policy
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
