"""The user's config file (YAML), validated on load and passed to OPA as ``data.smguard.config``.

Found at ``--config FILE``, else ``.smguard.yaml`` in the working directory, else empty.
"""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from smguard import aws_ids
from smguard.catalog import Rule
from smguard.errors import ConfigError

DEFAULT_NAME = ".smguard.yaml"

CIDR = "cidr"
"""The check of a setting that is an IP range rather than an ID."""


@dataclass(frozen=True)
class Setting:
    """One accepted config key: a pattern every value must match in full (or ``CIDR``)."""

    check: str
    what: str
    single: bool = False
    """A string, not a list of strings."""


# Every accepted key. Anything else is refused, so a typo can never silently switch a check
# off. `make generate` writes the same table into policies/smguard/lib/catalog for the Rego routes.
SETTINGS: dict[str, dict[str, Setting]] = {
    "access": {
        "corporate_cidrs": Setting(CIDR, "a CIDR range"),
        "allowed_vpce_ids": Setting(aws_ids.VPC_ENDPOINT, "a VPC endpoint ID (vpce-…)"),
        "admin_principals": Setting(r"[A-Za-z0-9+=,.@_/:-]+", "a role, user or group name or ARN"),
    },
    "perimeter": {
        "org_id": Setting(aws_ids.ORGANIZATION, "an organization ID (o-…)", single=True),
        "account_ids": Setting(aws_ids.ACCOUNT, "a 12-digit account ID"),
    },
    "network": {
        "approved_subnet_ids": Setting(aws_ids.SUBNET, "a subnet ID (subnet-…)"),
        "approved_vpc_ids": Setting(aws_ids.VPC, "a VPC ID (vpc-…)"),
    },
    "hosting": {"image_accounts": Setting(aws_ids.ACCOUNT, "a 12-digit account ID")},
    "rules": {"disable": Setting(r"SM[0-9]{3}", "a rule ID (SM…)")},
    "scan": {"fail_on": Setting(r"fail|error|unknown", "fail, error or unknown")},
}
WAIVER_KEYS = ("rule", "resource", "reason", "expires")
EXTRA_SECTIONS = ("waivers", "policies")
"""Sections besides SETTINGS: the waivers, and the folders of the user's own rules (read by the CLI)."""


def _problem(setting: Setting, value: str) -> str | None:
    if setting.check == CIDR:
        try:
            ipaddress.ip_network(value, strict=True)
        except ValueError as exc:
            return f"{value!r} is not a CIDR range ({exc})"
        return None
    return None if re.fullmatch(setting.check, value) else f"{value!r} is not {setting.what}"


def parse_config(text: str, name: str, *, rules: Mapping[str, Rule]) -> dict[str, Any]:
    """Validate a config file's text; returns the mapping handed to OPA (single values as given)."""
    return validate_config(read_config(text, name), name, rules=rules)


def read_config(text: str, name: str) -> dict[str, Any]:
    """The config file's YAML as a mapping, not yet validated (its ``policies`` decide the rules)."""
    import yaml  # here, as only scans with a config file need it: a tenth of the CLI's imports

    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConfigError(f"{name}: not valid YAML{where}") from None
    except ValueError as exc:  # what YAML reads as a date but no calendar has (2027-02-30)
        raise ConfigError(f"{name}: an impossible date ({exc})") from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise ConfigError(f"{name}: the config must be a mapping, not a {type(config).__name__}")
    return config


def policy_folders(config: Mapping[str, Any], name: str) -> list[str]:
    """``policies:``, the folders of the user's own rules (relative to the config file)."""
    folders = config.get("policies", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        raise ConfigError(f"{name}: policies must be a list of folders")
    return folders


def validate_config(config: dict[str, Any], name: str, *, rules: Mapping[str, Rule]) -> dict[str, Any]:
    """Check every section of a config read by :func:`read_config`; the users' rules are in ``rules``."""
    policy_folders(config, name)
    for section, settings in config.items():
        if section == "waivers":
            config["waivers"] = _waivers(settings, name, rules)
            continue
        if section == "policies":
            continue
        if section not in SETTINGS:
            known = ", ".join([*SETTINGS, *EXTRA_SECTIONS])
            raise ConfigError(f"{name}: unknown config section {section!r} (known: {known})")
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{name}: {section} must be a mapping")
        for key, value in settings.items():
            _check_setting(name, section, key, value)
    disabled = set(config.get("rules", {}).get("disable", []))
    if disabled - set(rules):
        raise ConfigError(f"{name}: rules.disable names unknown rules: {', '.join(sorted(disabled - set(rules)))}")
    always_on = sorted(rule_id for rule_id in disabled if rules[rule_id].always_on)
    if always_on:
        raise ConfigError(
            f"{name}: rules.disable: {', '.join(always_on)} cannot be disabled (it reports input "
            "that could not be read)"
        )
    return config


def _waivers(waivers: Any, name: str, rules: Mapping[str, Rule]) -> list[dict[str, str]]:
    """``[{rule, resource (glob), reason, expires}]``: every key required, dates as YYYY-MM-DD."""
    if not isinstance(waivers, list):
        raise ConfigError(f"{name}: waivers must be a list")
    checked = []
    for i, waiver in enumerate(waivers):
        where = f"{name}: waivers[{i}]"
        if not isinstance(waiver, Mapping):
            raise ConfigError(f"{where} must be a mapping")
        unknown = set(waiver) - set(WAIVER_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(WAIVER_KEYS)})")
        for key in WAIVER_KEYS:
            if waiver.get(key) in (None, ""):
                raise ConfigError(f"{where}: {key} is required" + (": say why" if key == "reason" else ""))
        expires = waiver["expires"]
        if isinstance(expires, str):
            try:
                expires = datetime.date.fromisoformat(expires)
            except ValueError:
                raise ConfigError(f"{where}: expires {waiver['expires']!r} is not a date (YYYY-MM-DD)") from None
        if isinstance(expires, datetime.datetime):  # YAML reads `2020-01-01 10:00:00` as a timestamp
            expires = expires.date()
        if not isinstance(expires, datetime.date):
            raise ConfigError(f"{where}: expires must be a date (YYYY-MM-DD)")
        rule = str(waiver["rule"])
        if rule not in rules:
            raise ConfigError(f"{where}: unknown rule {rule!r}")
        if rules[rule].always_on:
            raise ConfigError(f"{where}: {rule} cannot be waived (it reports input that could not be read)")
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
    settings = SETTINGS[section]
    path = f"{section}.{key}"
    if key not in settings:
        raise ConfigError(f"{name}: unknown config key {path!r} (known in {section}: {', '.join(settings)})")
    setting = settings[key]
    values = [value] if setting.single else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{name}: {path} must be {'a string' if setting.single else 'a list of strings'}")
    for item in values:
        problem = _problem(setting, item)
        if problem:
            raise ConfigError(f"{name}: {path}: {problem}")
