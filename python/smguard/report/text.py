"""Human-readable report: one block per resource (per input), then a summary line."""

from __future__ import annotations

from itertools import groupby

from smguard.errors import printable
from smguard.report.scan import ScanResult

_STATUS = {"fail": "FAIL", "error": "ERROR", "unknown": "UNKNOWN", "waived": "WAIVED"}


def render_text(result: ScanResult) -> str:
    lines: list[str] = []
    ordered = sorted(result.findings, key=lambda f: (f.location, f.resource, f.rule_id))
    for (location, resource), group in groupby(ordered, key=lambda f: (f.location, f.resource)):
        findings = list(group)
        lines.append(f"{printable(resource)}  ({printable(location)})" if location else printable(resource))
        if (construct := result.construct(findings[0])) is not None:
            lines.append(f"  construct: {printable(construct)}")
        id_width = max(len(f.rule_id) for f in findings)
        for f in findings:
            lines.append(f"  {_STATUS[f.status]:<7}  {f.rule_id:<{id_width}}  {f.severity:<8}  {f.title}")
            lines.append(f"  {'':<7}  {'':<{id_width}}  {'':<8}  {printable(f.message)}")
            if f.waiver:
                lines.append(f"  {'':<7}  {'':<{id_width}}  {'':<8}  waived: {printable(f.waiver)}")
        lines.append("")
    for waiver in result.unused_waivers:
        lines.append(f"{result.waiver_level.upper()}: unused waiver: {printable(waiver.describe())}")
    if result.unused_waivers:
        lines.append("")
    summary = result.summary()
    counts = summary["by_status"]
    unused = f", {summary['unused_waivers']} unused waivers" if summary["unused_waivers"] else ""
    lines.append(
        f"{summary['resources']} resources scanned: {counts['fail']} failed, {counts['error']} errors, "
        f"{counts['unknown']} unknown, {counts['waived']} waived{unused}" + ("" if summary["passed"] else " - FAILED")
    )
    return "\n".join(lines) + "\n"
