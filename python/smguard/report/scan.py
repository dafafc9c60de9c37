"""What a reporter is given: the findings and what was scanned."""

from __future__ import annotations

from dataclasses import dataclass

from smguard.findings import Finding
from smguard.model import Source


@dataclass(frozen=True)
class ScanResult:
    findings: list[Finding]
    sources: list[Source]
    resources: int
