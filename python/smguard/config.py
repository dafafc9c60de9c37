"""The user's config file (YAML), validated on load and passed to OPA as ``data.smguard.config``.

Found at ``--config FILE``, else ``.smguard.yaml`` in the working directory, else empty.
"""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Callable, Mapping
from typing import Any

from smguard import aws_ids
from smguard.catalog import Rule
from smguard.errors import InputError

DEFAULT_NAME = ".smguard.yaml"

Check = Callable[[str], str | None]  # returns a problem, or None when the value is fine


def _cidr(value: str) -> str | None:
    try:
        ipaddress.ip_network(value, strict=True)
    except ValueError as exc:
        return f"{value!r} is not a CIDR range ({exc})"
    return None


def _pattern(regex: str, what: str) -> Check:
    compiled = re.compile(regex)
    return lambda value: None if compiled.fullmatch(value) else f"{value!r} is not {what}"


# Every accepted key and the check for each list element. Anything else is refused, so a typo
# can never silently switch a check off.
_SPEC: dict[str, dict[str, Check]] = {
    "access": {
        "corporate_cidrs": _cidr,
        "allowed_vpce_ids": _pattern(aws_ids.VPC_ENDPOINT, "a VPC endpoint ID (vpce-…)"),
    },
    "perimeter": {
        "org_id": _pattern(aws_ids.ORGANIZATION, "an organization ID (o-…)"),
        "account_ids": _pattern(aws_ids.ACCOUNT, "a 12-digit account ID"),
    },
    "network": {
        "approved_subnet_ids": _pattern(aws_ids.SUBNET, "a subnet ID (subnet-…)"),
        "approved_vpc_ids": _pattern(aws_ids.VPC, "a VPC ID (vpc-…)"),
    },
    "rules": {"disable": _pattern(r"SM[0-9]{3}", "a rule ID (SM…)")},
}
_SINGLE = {("perimeter", "org_id")}  # a string, not a list


def parse_config(text: str, name: str, *, rules: Mapping[str, Rule]) -> dict[str, Any]:
    """Validate a config file's text; returns the mapping handed to OPA (single values as given)."""
    import yaml  # here, as only scans with a config file need it: a tenth of the CLI's imports

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
    for section, settings in config.items():
        if section == "waivers":
            config["waivers"] = _waivers(settings, name, rules)
            continue
        if section not in _SPEC:
            raise InputError(f"{name}: unknown config section {section!r} (known: {', '.join([*_SPEC, 'waivers'])})")
        if not isinstance(settings, Mapping):
            raise InputError(f"{name}: {section} must be a mapping")
        for key, value in settings.items():
            _check_setting(name, section, key, value)
    disabled = set(config.get("rules", {}).get("disable", []))
    if disabled - set(rules):
        raise InputError(f"{name}: rules.disable names unknown rules: {', '.join(sorted(disabled - set(rules)))}")
    always_on = sorted(rule_id for rule_id in disabled if rules[rule_id].always_on)
    if always_on:
        raise InputError(
            f"{name}: rules.disable: {', '.join(always_on)} cannot be disabled (it reports input "
            "that could not be read)"
        )
    return config


_WAIVER_KEYS = ("rule", "resource", "reason", "expires")


def _waivers(waivers: Any, name: str, rules: Mapping[str, Rule]) -> list[dict[str, str]]:
    """``[{rule, resource (glob), reason, expires}]``: every key required, dates as YYYY-MM-DD."""
    if not isinstance(waivers, list):
        raise InputError(f"{name}: waivers must be a list")
    checked = []
    for i, waiver in enumerate(waivers):
        where = f"{name}: waivers[{i}]"
        if not isinstance(waiver, Mapping):
            raise InputError(f"{where} must be a mapping")
        unknown = set(waiver) - set(_WAIVER_KEYS)
        if unknown:
            raise InputError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(_WAIVER_KEYS)})")
        for key in _WAIVER_KEYS:
            if waiver.get(key) in (None, ""):
                raise InputError(f"{where}: {key} is required" + (": say why" if key == "reason" else ""))
        expires = waiver["expires"]
        if isinstance(expires, str):
            try:
                expires = datetime.date.fromisoformat(expires)
            except ValueError:
                raise InputError(f"{where}: expires {waiver['expires']!r} is not a date (YYYY-MM-DD)") from None
        if isinstance(expires, datetime.datetime):  # YAML reads `2020-01-01 10:00:00` as a timestamp
            expires = expires.date()
        if not isinstance(expires, datetime.date):
            raise InputError(f"{where}: expires must be a date (YYYY-MM-DD)")
        rule = str(waiver["rule"])
        if rule not in rules:
            raise InputError(f"{where}: unknown rule {rule!r}")
        if rules[rule].always_on:
            raise InputError(f"{where}: {rule} cannot be waived (it reports input that could not be read)")
        checked.append(
            {
                "rule": rule,
                "resource": str(waiver["resource"]),
                "reason": str(waiver["reason"]),
                "expires": expires.isoformat(),
            }  # fmt: skip
        )
    return checked


def _check_setting(name: str, section: str, key: Any, value: Any) -> None:
    checks = _SPEC[section]
    path = f"{section}.{key}"
    if key not in checks:
        raise InputError(f"{name}: unknown config key {path!r} (known in {section}: {', '.join(checks)})")
    single = (section, key) in _SINGLE
    values = [value] if single else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(f"{name}: {path} must be {'a string' if single else 'a list of strings'}")
    for item in values:
        problem = checks[key](item)
        if problem:
            raise InputError(f"{name}: {path}: {problem}")
