"""Policy JSON (as in IAM, SCP and VPC endpoint policies) to normalized statements.

Shared by every frontend: a Terraform plan, a live snapshot and an API request all carry the
same policy language.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any, cast

from smguard.errors import PolicyDocumentError
from smguard.jsonio import loads
from smguard.model.iam import Condition, Principal, Statement

_QUALIFIERS = ("ForAnyValue", "ForAllValues")


def parse_policy(document: Any) -> list[Statement]:
    """Statements of a policy given as JSON text or as an already decoded object."""
    if isinstance(document, str):
        try:
            document = loads(document)
        except (ValueError, RecursionError) as exc:
            raise PolicyDocumentError(f"the policy is not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(document, Mapping):
        raise PolicyDocumentError("the policy is not a JSON object")
    statements = document.get("Statement")
    if isinstance(statements, Mapping):
        statements = [statements]  # IAM accepts a single statement object
    if not isinstance(statements, list):
        raise PolicyDocumentError("the policy has no Statement list")
    return [_statement(s, i) for i, s in enumerate(statements)]


def _statement(raw: Any, index: int) -> Statement:
    if not isinstance(raw, Mapping):
        raise PolicyDocumentError(f"statement {index} is not an object")
    effect = raw.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise PolicyDocumentError(f"statement {index} has Effect {effect!r}, not Allow or Deny")
    if ("Action" in raw) == ("NotAction" in raw):
        raise PolicyDocumentError(f"statement {index} needs exactly one of Action and NotAction")
    sid = raw.get("Sid")
    return {
        "sid": sid if isinstance(sid, str) else None,
        "effect": effect,
        "actions": _actions(raw, "Action", index),
        "not_actions": _actions(raw, "NotAction", index),
        "resources": _strings(raw, "Resource", index),
        "not_resources": _strings(raw, "NotResource", index),
        "principals": principals(raw.get("Principal"), index),
        "not_principals": principals(raw.get("NotPrincipal"), index),
        "conditions": conditions(raw.get("Condition"), index),
        "unknown": [],
    }


def _strings(raw: Mapping[str, Any], key: str, index: int) -> list[str] | None:
    if key not in raw:
        return None
    value = raw[key]
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise PolicyDocumentError(f"statement {index} {key} is not a string or a list of strings")
    return cast(list[str], values)


def _actions(raw: Mapping[str, Any], key: str, index: int) -> list[str] | None:
    values = _strings(raw, key, index)
    return None if values is None else [v.lower() for v in values]  # actions are case-insensitive


def principals(value: Any, index: int) -> list[Principal] | None:
    """``"*"`` or ``{"AWS": [...], "Service": "..."}`` as a list of typed principals."""
    if value is None:
        return None
    if value == "*":
        return [{"type": "*", "values": ["*"]}]
    if not isinstance(value, Mapping):
        raise PolicyDocumentError(f'statement {index} Principal is neither "*" nor an object')
    result: list[Principal] = []
    for type_, given in value.items():
        ids = [given] if isinstance(given, str) else given
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise PolicyDocumentError(f"statement {index} Principal {type_} is not a string or list of strings")
        result.append({"type": str(type_), "values": ids})
    return result


def conditions(value: Any, index: int) -> list[Condition]:
    """``{"Operator": {"key": value(s)}}`` as one condition per (operator, key)."""
    if value is None:
        return []
    if not isinstance(value, Mapping):
        raise PolicyDocumentError(f"statement {index} Condition is not an object")
    result = []
    for operator, tests in value.items():
        if not isinstance(tests, Mapping):
            raise PolicyDocumentError(f"statement {index} Condition {operator} is not an object")
        for key, values in tests.items():
            if values is None or (isinstance(values, list) and None in values):
                # IAM rejects it; read as "no value", it would look like a restriction.
                raise PolicyDocumentError(f"statement {index} condition {operator} {key} has a null value")
            result.append(condition(str(operator), str(key), values, index))
    return result


def condition(operator: str, key: str, values: Any, index: int) -> Condition:
    """One condition test, with the operator split into qualifier, base and IfExists."""
    listed = values if isinstance(values, list) else [values]
    if not all(isinstance(v, str | bool | int | float) or v is None for v in listed):
        raise PolicyDocumentError(f"statement {index} condition {operator} {key} has non-scalar values")
    qualifier, _, base = operator.rpartition(":")
    if qualifier and qualifier not in _QUALIFIERS:
        raise PolicyDocumentError(f"statement {index} condition operator {operator!r} has an unknown qualifier")
    if_exists = base.endswith("IfExists")
    if base.removesuffix("IfExists") in ("IpAddress", "NotIpAddress"):
        for value in listed:
            if isinstance(value, str) and "${" not in value and not _address(value):
                # IAM rejects it; read as a range, it would look like a restriction.
                raise PolicyDocumentError(f"statement {index} condition {operator} {key} holds {value!r}, "
                                          "which is not an IP address or CIDR range")  # fmt: skip
    return {
        "operator": operator,
        "base": base.removesuffix("IfExists"),
        "qualifier": cast(Any, qualifier or None),
        "if_exists": if_exists,
        "key": key.lower(),
        "values": [_as_string(v) for v in listed if v is not None],
        "values_unknown": any(v is None for v in listed),
    }


def _address(value: str) -> bool:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return True


def _as_string(value: str | bool | float) -> str:
    # IAM compares condition values as strings; JSON booleans mean "true"/"false".
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
