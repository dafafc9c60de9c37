"""JSON report: ``{"findings": [...], "unused_waivers": [...], "summary": {...}, "sources": [...]}``."""

from __future__ import annotations

import json
from dataclasses import asdict

from smguard import __version__
from smguard.report.scan import ScanResult


def render_json(result: ScanResult) -> str:
    return (
        json.dumps(
            {
                "tool": {"name": "smguard", "version": __version__},
                "findings": [f.to_json() for f in result.findings],
                "unused_waivers": [asdict(w) | {"level": result.waiver_level} for w in result.unused_waivers],
                "summary": result.summary(),
                "sources": result.sources,
            },
            indent=2,
        )
        + "\n"
    )
