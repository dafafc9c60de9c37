"""What a reporter is given: the findings and what was scanned."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from smguard.catalog import Rule, rules
from smguard.findings import FAILING, Finding, UnusedWaiver, summarize
from smguard.model import Source
from smguard.report.source_map import SourceBlock


@dataclass(frozen=True)
class ScanResult:
    findings: list[Finding]
    sources: list[Source]
    resources: int
    unused_waivers: list[UnusedWaiver] = field(default_factory=list)
    strict_waivers: bool = False
    """Unused waivers are errors (``--strict-waivers``), not warnings."""
    rules: Mapping[str, Rule] = field(default_factory=rules)
    """The catalog: the built-in rules and any the user loaded with --policy."""
    source_blocks: Mapping[str, SourceBlock] = field(default_factory=dict)
    """Terraform addresses -> where their blocks are written (--source-root)."""
    source_lines: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """(input, resource ID) -> the line the resource is defined on in that input (templates)."""
    failing: frozenset[str] = FAILING
    """The statuses that fail the scan (``--fail-on`` / ``scan.fail_on``)."""
    constructs: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(input, resource ID) -> the CDK construct path that made the resource (synthesized templates)."""

    def construct(self, finding: Finding) -> str | None:
        return self.constructs.get((finding.location, finding.resource.split("#", 1)[0]))

    @property
    def waiver_level(self) -> str:
        return "error" if self.strict_waivers else "warning"

    def summary(self) -> dict[str, Any]:
        """Counts for the report footer and the JSON ``summary``; unused waivers fail when strict."""
        counts = summarize(self.findings, resources=self.resources, failing=self.failing)
        counts["unused_waivers"] = len(self.unused_waivers)
        counts["passed"] = counts["passed"] and not (self.strict_waivers and self.unused_waivers)
        return counts
