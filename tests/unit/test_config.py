"""The config file: only known keys with well-formed values, or a one-line refusal."""

from __future__ import annotations

import pytest

from smguard.catalog import Rule
from smguard.config import parse_config
from smguard.errors import InputError


def _rule(rule_id: str, *, always_on: bool = False) -> Rule:
    return Rule(rule_id, "t", "LOW", "r", "d", "f", "p", "path", (), {}, always_on, False, "")


RULES = {"SM101": _rule("SM101"), "SM107": _rule("SM107")}

FULL = """
access:
  corporate_cidrs: [192.0.2.0/24, "2001:db8::/32"]
  allowed_vpce_ids: [vpce-0a1b2c3d]
perimeter:
  org_id: o-a1b2c3d4e5
  account_ids: ["123456789012"]
network:
  approved_subnet_ids: [subnet-0a1b2c3d]
  approved_vpc_ids: []
rules:
  disable: [SM101]
"""


def test_valid_config_is_returned_as_is() -> None:
    assert parse_config(FULL, "c.yaml", rules=RULES) == {
        "access": {"corporate_cidrs": ["192.0.2.0/24", "2001:db8::/32"], "allowed_vpce_ids": ["vpce-0a1b2c3d"]},
        "perimeter": {"org_id": "o-a1b2c3d4e5", "account_ids": ["123456789012"]},
        "network": {"approved_subnet_ids": ["subnet-0a1b2c3d"], "approved_vpc_ids": []},
        "rules": {"disable": ["SM101"]},
    }


def test_empty_file_is_empty_config() -> None:
    assert parse_config("", "c.yaml", rules=RULES) == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("network:\n  approved_subnets: [a]\n", "unknown config key 'network.approved_subnets'"),
        ("netwrok: {}\n", "unknown config section 'netwrok'"),
        ("network:\n  approved_subnet_ids: subnet-1\n", "must be a list of strings"),
        ("network: [a]\n", "network must be a mapping"),
        ("rules:\n  disable: [SM999]\n", "unknown rules: SM999"),
        ("rules:\n  disable: [sm101]\n", "'sm101' is not a rule ID"),
        ("access:\n  corporate_cidrs: [10.0.0.300/8]\n", "'10.0.0.300/8' is not a CIDR range"),
        ("access:\n  corporate_cidrs: [10.0.0.1/8]\n", "has host bits set"),
        ("perimeter:\n  org_id: [o-a1b2c3d4e5]\n", "perimeter.org_id must be a string"),
        ("perimeter:\n  account_ids: ['12345']\n", "is not a 12-digit account ID"),
        ("- a\n", "must be a mapping, not a list"),
        ("a: [\n", "not valid YAML"),
    ],
)
def test_bad_config_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as refused:
        parse_config(text, "c.yaml", rules=RULES)
    assert str(refused.value).startswith("c.yaml: ")


def test_read_errors_cannot_be_disabled() -> None:
    rules = RULES | {"SM001": _rule("SM001", always_on=True)}
    with pytest.raises(InputError, match="SM001 cannot be disabled"):
        parse_config("rules:\n  disable: [SM001]\n", "c.yaml", rules=rules)


def test_a_yaml_timestamp_expiry_is_read_as_its_date() -> None:
    text = "waivers:\n  - {rule: SM101, resource: '*', reason: r, expires: 2020-01-01 10:00:00}\n"
    assert parse_config(text, "c.yaml", rules=RULES)["waivers"][0]["expires"] == "2020-01-01"
