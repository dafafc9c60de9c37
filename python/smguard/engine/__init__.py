"""Engines that evaluate the canonical document against the bundle: ``opa eval`` or an OPA server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smguard.errors import EngineError, MalformedFindingError
from smguard.findings import Finding, UnusedWaiver

QUERY = "data.smguard.main.findings"


@dataclass(frozen=True)
class Evaluation:
    """What a local scan's engine answers: the findings, and the waivers that matched none."""

    findings: list[Finding]
    unused_waivers: list[UnusedWaiver]


def findings_from(value: Any, source: str) -> list[Finding]:
    """Sorted findings from the value of ``QUERY``; anything else is an error, never a clean result."""
    if not isinstance(value, list):
        raise EngineError(f"{source}: {QUERY} is a {type(value).__name__}, not a list of findings")
    try:
        return sorted(Finding.from_json(raw) for raw in value)
    except MalformedFindingError as exc:
        raise EngineError(f"{source}: {exc}") from None
