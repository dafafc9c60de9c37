"""What a frontend returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from smguard.model import Document


@dataclass(frozen=True)
class Conversion:
    """A canonical document plus the warnings worth telling the user (on stderr, never in reports)."""

    document: Document
    warnings: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """Resource ID -> the line its definition starts on in the input (templates)."""
    constructs: dict[str, str] = field(default_factory=dict)
    """Resource ID -> the CDK construct path that made it (synthesized templates)."""
