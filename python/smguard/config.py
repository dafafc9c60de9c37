"""The user's config file (YAML): network allow-lists, disabled rules. Passed to OPA as data.smguard.config."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from smguard.errors import InputError

# Every accepted key and the type of its value; anything else is refused, so a typo can never
# silently switch a check off.
_LIST_OF_STRINGS: dict[str, Any] = {
    "network": {"approved_subnet_ids": list, "approved_vpc_ids": list},
    "disabled_rules": list,
}


def parse_config(text: str, name: str, *, known_rules: set[str]) -> dict[str, Any]:
    """Validate a config file's text; returns the mapping handed to OPA."""
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise InputError(f"{name}: not valid YAML{where}") from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise InputError(f"{name}: the config must be a mapping, not a {type(config).__name__}")
    _check(config, _LIST_OF_STRINGS, name, "")
    unknown_rules = set(config.get("disabled_rules", [])) - known_rules
    if unknown_rules:
        raise InputError(f"{name}: disabled_rules names unknown rules: {', '.join(sorted(unknown_rules))}")
    return config


def _check(value: Mapping[Any, Any], spec: Mapping[str, Any], name: str, prefix: str) -> None:
    for key, item in value.items():
        path = f"{prefix}{key}"
        if key not in spec:
            raise InputError(f"{name}: unknown config key {path!r} (known: {', '.join(_keys(spec, prefix))})")
        expected = spec[key]
        if isinstance(expected, dict):
            if not isinstance(item, dict):
                raise InputError(f"{name}: {path} must be a mapping")
            _check(item, expected, name, f"{path}.")
        elif not isinstance(item, list) or not all(isinstance(v, str) for v in item):
            raise InputError(f"{name}: {path} must be a list of strings")


def _keys(spec: Mapping[str, Any], prefix: str) -> list[str]:
    return [f"{prefix}{k}" for k in spec]
