"""Human-readable report: one table per resource, then a summary line."""

from __future__ import annotations

from itertools import groupby

from smguard.findings import summarize
from smguard.report.scan import ScanResult

_STATUS = {"fail": "FAIL", "error": "ERROR", "unknown": "UNKNOWN"}


def render_text(result: ScanResult) -> str:
    lines: list[str] = []
    for resource, group in groupby(result.findings, key=lambda f: f.resource):
        findings = list(group)
        lines.append(f"{resource}  ({findings[0].location})" if findings[0].location else resource)
        id_width = max(len(f.rule_id) for f in findings)
        for f in findings:
            lines.append(f"  {_STATUS[f.status]:<7}  {f.rule_id:<{id_width}}  {f.severity:<8}  {f.title}")
            lines.append(f"  {'':<7}  {'':<{id_width}}  {'':<8}  {f.message}")
        lines.append("")
    summary = summarize(result.findings, resources=result.resources)
    counts = summary["by_status"]
    lines.append(
        f"{summary['resources']} resources scanned: {counts['fail']} failed, {counts['error']} errors, "
        f"{counts['unknown']} unknown" + ("" if summary["passed"] else " - FAILED")
    )
    return "\n".join(lines) + "\n"
