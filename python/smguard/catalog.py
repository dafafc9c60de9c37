"""The rule catalog, generated from the rules' METADATA (``make generate``); never typed by hand.

Users' own rules (``--policy DIR``) join it at run time, read from their METADATA the same way.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from smguard.errors import ConfigError

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW")
USER_RULE_ID = re.compile(r"SM9[0-9]{2}")

DOCS = "https://github.com/smguard/smguard/blob/main/policies/{path}/README.md"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    resource: str
    description: str
    remediation: str
    package: str
    path: str
    related_resources: tuple[str, ...]
    equivalents: dict[str, list[str]]
    always_on: bool
    """The rule cannot be disabled in the config."""
    checkov_mirror: bool
    """A Checkov check in ``checkov_checks`` restates the rule (file ``<id>_<area>_<slug>.py``)."""
    checkov_not_mirrored: str
    """Why there is no Checkov mirror, when there is none."""
    compliance: tuple[dict[str, Any], ...] = ()
    """``{framework, control, partial}``: the Security Hub controls the rule checks (METADATA
    ``custom.compliance``), the AWS standards that hold them and the NIST SP 800-53 Rev. 5 controls
    AWS maps them to."""
    origin: str = ""
    """Empty for a built-in rule; for a user's rule, the folder given with --policy."""

    @property
    def doc_url(self) -> str:
        """The rule's documentation: the generated page, or a user rule's own folder."""
        if self.origin:
            return (Path(self.origin) / self.path).resolve().as_uri()
        return DOCS.format(path=self.path)

    @property
    def area(self) -> str:
        """``<area>`` of the package ``smguard.rules.<area>.<slug>``."""
        return self.package.split(".")[-2]

    @property
    def slug(self) -> str:
        return self.package.split(".")[-1]

    @property
    def mirror_module(self) -> str:
        """The mirror's module name, by convention from the rule's ID and package."""
        return f"{self.id.lower()}_{self.area}_{self.slug}"

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__} | {
            "related_resources": list(self.related_resources), "compliance": list(self.compliance),
        }  # fmt: skip

    def in_framework(self, framework: str) -> bool:
        return any(entry["framework"] == framework for entry in self.compliance)


@cache
def rules() -> dict[str, Rule]:
    """All built-in rules by ID, in ID order."""
    raw = json.loads(resources.files("smguard").joinpath("catalog.json").read_text())
    return {entry["id"]: _rule(entry) for entry in raw["rules"]}


def _rule(entry: Mapping[str, Any], origin: str = "") -> Rule:
    # .get: `make generate` scans with the catalog it is about to rewrite.
    fields = dict(entry) | {"related_resources": tuple(entry["related_resources"]),
                            "compliance": tuple(entry.get("compliance", ())), "origin": origin}  # fmt: skip
    return Rule(**fields)


# The compliance frameworks a rule can be listed under (smguard rules/scan --framework).
FRAMEWORKS = ("aws-securityhub", "aws-ai-security-best-practices", "nist-800-53-r5")


@cache
def securityhub_controls() -> dict[str, dict[str, Any]]:
    """AWS Security Hub's SageMaker controls by ID (data/securityhub_sagemaker.json, from AWS's pages)."""
    raw = json.loads(resources.files("smguard").joinpath("data/securityhub_sagemaker.json").read_text())
    return {control["id"]: control for control in raw["controls"]}


def compliance(mapped: Any) -> list[dict[str, Any]]:
    """METADATA ``custom.compliance`` (``[{control: SageMaker.N, partial: why}]``) with what AWS maps
    each control to. An unknown control is a ConfigError."""
    found: dict[tuple[str, str], bool] = {}
    for entry in mapped if isinstance(mapped, list) else []:
        control = entry.get("control") if isinstance(entry, Mapping) else None
        known = securityhub_controls().get(str(control))
        if known is None:
            raise ConfigError(f"custom.compliance names {control!r}, which is not a Security Hub SageMaker control")
        partial = bool(entry.get("partial"))
        targets = [("aws-securityhub", str(control))]
        targets += [("aws-ai-security-best-practices", str(control))] if known["ai_security_standard"] else []
        targets += [("nist-800-53-r5", nist) for nist in known["nist_800_53_r5"]]
        for target in targets:  # partial only when every control mapping to it is
            found[target] = found.get(target, True) and partial
    return [{"framework": f, "control": c, "partial": p} for (f, c), p in sorted(found.items())]


def entries(inspected: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Catalog entries from ``opa inspect -a --format json`` of a folder: one per rule package."""
    found = []
    for item in inspected.get("annotations") or []:
        annotation, custom = item["annotations"], item["annotations"].get("custom") or {}
        if annotation.get("scope") != "package" or "id" not in custom:
            continue
        found.append(
            {
                "id": custom["id"],
                "title": annotation.get("title", ""),
                "severity": custom.get("severity", ""),
                "resource": custom.get("resource", ""),
                "description": annotation.get("description", "").strip(),
                "remediation": str(custom.get("remediation", "")).strip(),
                "package": ".".join(str(step["value"]) for step in item["path"][1:]),
                "path": Path(item["location"]["file"]).parent.as_posix(),
                "related_resources": [r["ref"] for r in annotation.get("related_resources", [])],
                "equivalents": custom.get("equivalents", {}),
                "always_on": custom.get("always_on", False),
                "checkov_mirror": custom.get("checkov_mirror", False),
                "checkov_not_mirrored": str(custom.get("checkov_not_mirrored", "")).strip(),
                "compliance": compliance(custom.get("compliance")),
            }
        )
    return sorted(found, key=lambda entry: entry["id"])


def with_user_rules(folders: Sequence[Path], opa: Path) -> dict[str, Rule]:
    """The built-in rules and the users' rules in ``folders``, their METADATA validated like ours."""
    catalog = dict(rules())
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"--policy {folder}: not a folder")
        inspected = subprocess.run(
            [str(opa), "inspect", "-a", "--format", "json", "."], capture_output=True, check=False, cwd=folder
        )  # fmt: skip
        if inspected.returncode != 0:
            problem = " ".join(inspected.stderr.decode(errors="replace").split())[:300]
            raise ConfigError(f"--policy {folder}: the Rego does not load: {problem}")
        try:
            found = entries(json.loads(inspected.stdout))
        except ConfigError as exc:
            raise ConfigError(f"--policy {folder}: {exc}") from None
        for entry in found:
            rule = _rule(entry, str(folder))
            problem = next(iter(_user_rule_problems(rule, catalog)), "")
            if problem:
                raise ConfigError(f"--policy {folder}: {rule.package} ({rule.id}): {problem}")
            catalog[rule.id] = rule
    return dict(sorted(catalog.items()))


def _user_rule_problems(rule: Rule, known: Mapping[str, Rule]) -> Iterable[str]:
    if not USER_RULE_ID.fullmatch(rule.id):
        yield "custom.id must be SM9 and two digits, the users' range"
    if rule.id in known:
        yield f"{rule.id} is already the ID of {known[rule.id].package}"
    if not rule.package.startswith("smguard.rules.") or rule.package.count(".") != 3:
        yield "the package must be smguard.rules.<area>.<slug>, or main never reads its findings"
    if not rule.title:
        yield "METADATA title is required"
    if rule.severity not in SEVERITIES:
        yield f"custom.severity must be one of {', '.join(SEVERITIES)}"
    if not rule.remediation:
        yield "custom.remediation is required (what to do about a finding)"
    if rule.always_on:
        yield "custom.always_on is for smguard's own read errors"
