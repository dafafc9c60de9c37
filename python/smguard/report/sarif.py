"""SARIF 2.1.0: one reporting descriptor per catalog rule, one result per finding.

Unknown findings are notes; waived ones carry an external suppression with the waiver's reason,
so code scanning shows them as dismissed rather than hiding them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from smguard import __version__
from smguard.catalog import Rule
from smguard.findings import Finding, UnusedWaiver
from smguard.report.scan import ScanResult

_LEVEL = {"CRITICAL": "error", "HIGH": "error", "MEDIUM": "warning", "LOW": "note"}
# GitHub code scanning reads "security-severity" (0-10) to rank security alerts.
_SECURITY_SEVERITY = {"CRITICAL": "9.5", "HIGH": "8.0", "MEDIUM": "5.5", "LOW": "3.0"}


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.slug.split("_")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description},
        "help": {
            "text": rule.remediation,
            "markdown": f"**Fix:** {rule.remediation}\n\n[Rule documentation]({rule.doc_url})",
        },
        "helpUri": rule.doc_url,
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "security-severity": _SECURITY_SEVERITY[rule.severity],
            # Compliance controls as tags too ("aws-securityhub/SageMaker.1"): code scanning
            # filters on tags, not on properties.
            "tags": ["security", "sagemaker", rule.area,
                     *sorted({f"{c['framework']}/{c['control']}" for c in rule.compliance})],
            "compliance": list(rule.compliance),
        },
    }  # fmt: skip


def _physical(finding: Finding, result: ScanResult) -> dict[str, Any]:
    """The resource's block in the Terraform source when --source-root found it, its line in a
    template, else the input file."""
    block = result.source_blocks.get(finding.resource)
    if block is not None:
        return {"artifactLocation": {"uri": quote(block.path)}, "region": {"startLine": block.line}}
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.location)}}
    line = result.source_lines.get((finding.location, finding.resource.split("#", 1)[0]))
    return location | ({"region": {"startLine": line}} if line else {})


def _result(finding: Finding, index: dict[str, int], result: ScanResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": "note" if finding.status == "unknown" else _LEVEL[finding.severity],
        "message": {"text": f"{finding.resource}: {finding.message}"},
        "locations": [
            {
                "physicalLocation": _physical(finding, result),
                "logicalLocations": [{"fullyQualifiedName": finding.resource, "kind": "resource"}],
            }
        ],
        "partialFingerprints": {
            "smguardFinding/v1": hashlib.sha256(f"{finding.rule_id}|{finding.resource}".encode()).hexdigest()
        },
        "properties": {"status": finding.status, "attribute": finding.attribute},
    }
    if (construct := result.construct(finding)) is not None:
        # The CDK construct path (aws:cdk:path) is where a CDK user finds the resource.
        entry["locations"][0]["logicalLocations"].append({"fullyQualifiedName": construct, "kind": "module"})
        entry["properties"]["construct"] = construct
    if finding.status == "waived":
        entry["suppressions"] = [{"kind": "external", "justification": finding.waiver}]
    return entry


def _uri(location: str) -> str:
    """A URI reference SARIF accepts: file:// for absolute paths, a relative reference otherwise."""
    path = PurePath(location or ".")
    return path.as_uri() if path.is_absolute() else quote(path.as_posix())


def _unused_waiver(result: ScanResult, waiver: UnusedWaiver) -> dict[str, Any]:
    """A suppression in the config that suppressed nothing, as a configuration notification."""
    return {
        "level": result.waiver_level,
        "message": {"text": f"unused waiver: {waiver.describe()}"},
        "descriptor": {"id": "unused-suppression"},
        "associatedRule": {"id": waiver.rule},
        "properties": {"waiver": asdict(waiver)},
    }


def render_sarif(result: ScanResult) -> str:
    catalog = list(result.rules.values())
    index = {rule.id: i for i, rule in enumerate(catalog)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "smguard",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://github.com/smguard/smguard",
                        "rules": [_descriptor(rule) for rule in catalog],
                    }
                },
                "results": [_result(finding, index, result) for finding in result.findings],
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolConfigurationNotifications": [_unused_waiver(result, w) for w in result.unused_waivers],
                    }
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
