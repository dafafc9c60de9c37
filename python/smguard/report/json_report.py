"""JSON report: ``{"findings": [...], "summary": {...}, "sources": [...]}``."""

from __future__ import annotations

import json

from smguard import __version__
from smguard.findings import summarize
from smguard.report.scan import ScanResult


def render_json(result: ScanResult) -> str:
    return (
        json.dumps(
            {
                "tool": {"name": "smguard", "version": __version__},
                "findings": [f.to_json() for f in result.findings],
                "summary": summarize(result.findings, resources=result.resources),
                "sources": result.sources,
            },
            indent=2,
        )
        + "\n"
    )
