"""JSON report: ``{"findings": [...], "unused_waivers": [...], "summary": {...}, "sources": [...]}``."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from smguard import __version__
from smguard.findings import Finding
from smguard.report.scan import ScanResult


def _finding(finding: Finding, result: ScanResult) -> dict[str, Any]:
    construct = result.construct(finding)
    rule = result.rules.get(finding.rule_id)
    return (
        finding.to_json()
        | {"compliance": list(rule.compliance) if rule else []}
        | ({"construct": construct} if construct is not None else {})
    )


def render_json(result: ScanResult) -> str:
    return (
        json.dumps(
            {
                "tool": {"name": "smguard", "version": __version__},
                "findings": [_finding(f, result) for f in result.findings],
                "unused_waivers": [asdict(w) | {"level": result.waiver_level} for w in result.unused_waivers],
                "summary": result.summary(),
                "sources": result.sources,
            },
            indent=2,
        )
        + "\n"
    )
