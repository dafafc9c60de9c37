"""The config file: only known keys with the right types, or a one-line refusal."""

from __future__ import annotations

import pytest

from smguard.config import parse_config
from smguard.errors import InputError

RULES = {"SM101", "SM107"}


def test_valid_config_is_returned_as_is() -> None:
    text = "network:\n  approved_subnet_ids: [subnet-1]\n  approved_vpc_ids: []\ndisabled_rules: [SM101]\n"
    assert parse_config(text, "c.yaml", known_rules=RULES) == {
        "network": {"approved_subnet_ids": ["subnet-1"], "approved_vpc_ids": []},
        "disabled_rules": ["SM101"],
    }


def test_empty_file_is_empty_config() -> None:
    assert parse_config("", "c.yaml", known_rules=RULES) == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("network:\n  approved_subnets: [a]\n", "unknown config key 'network.approved_subnets'"),
        ("netwrok: {}\n", "unknown config key 'netwrok'"),
        ("network:\n  approved_subnet_ids: subnet-1\n", "must be a list of strings"),
        ("network: [a]\n", "network must be a mapping"),
        ("disabled_rules: [SM999]\n", "unknown rules: SM999"),
        ("- a\n", "must be a mapping, not a list"),
        ("a: [\n", "not valid YAML"),
    ],
)
def test_bad_config_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_config(text, "c.yaml", known_rules=RULES)
