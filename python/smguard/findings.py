"""Findings: the only output type. Built in Rego, checked here, rendered by the reporters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from smguard.errors import EngineError, InputError, MalformedFindingError

Status = Literal["fail", "unknown", "error", "waived"]
STATUSES: tuple[Status, ...] = ("fail", "error", "unknown", "waived")
FAILING: frozenset[str] = frozenset({"fail", "error"})
"""Statuses that always fail a scan; ``--fail-on`` / ``scan.fail_on`` may add ``unknown``."""
MAY_FAIL: tuple[str, ...] = ("fail", "error", "unknown")


def failing_statuses(listed: Iterable[str], source: str) -> frozenset[str]:
    """The statuses that fail a scan, given a list of them (fail and error always do)."""
    listed = list(listed)
    wrong = [status for status in listed if status not in MAY_FAIL]
    if wrong:
        raise InputError(f"{source}: {', '.join(map(repr, wrong))} is not one of {', '.join(MAY_FAIL)}")
    return FAILING | frozenset(listed)


@dataclass(frozen=True, order=True)
class Finding:
    resource: str
    rule_id: str
    attribute: str
    status: Status
    severity: str
    title: str
    message: str
    location: str
    waiver: str
    """The waiver's reason when the status is ``waived``; empty otherwise."""

    @classmethod
    def from_json(cls, raw: Any) -> Finding:
        if not isinstance(raw, dict):
            raise MalformedFindingError(f"a finding is a {type(raw).__name__}, not an object")
        fields = {}
        for name in cls.__dataclass_fields__:
            value = raw.get(name)
            if not isinstance(value, str):
                raise MalformedFindingError(f"finding field {name!r} is missing or not a string: {raw!r:.200}")
            fields[name] = value
        if fields["status"] not in STATUSES:
            raise MalformedFindingError(f"finding status {fields['status']!r} is not one of {', '.join(STATUSES)}")
        return cls(**fields)  # type: ignore[arg-type]

    def to_json(self) -> dict[str, str]:
        # Not dataclasses.asdict, which deep-copies every field: its fields are all strings.
        return dict(vars(self))


@dataclass(frozen=True, order=True)
class UnusedWaiver:
    """A complete waiver of the config that matched no finding: a typo, or a resource since fixed."""

    index: int
    """Its place in the config's ``waivers`` list."""
    rule: str
    resource: str
    reason: str
    expires: str

    @classmethod
    def list_from_json(cls, raw: Any, source: str) -> list[UnusedWaiver]:
        try:
            return sorted(cls(**item) for item in raw)
        except TypeError:
            raise EngineError(f"{source}: unused waivers are not a list of waivers: {raw!r:.200}") from None

    def describe(self) -> str:
        return f"waivers[{self.index}] ({self.rule} on {self.resource!r}) matches no finding"


def summarize(findings: Iterable[Finding], *, resources: int, failing: frozenset[str] = FAILING) -> dict[str, Any]:
    """Counts for the report footer and the JSON ``summary``; ``passed`` when no status in ``failing``."""
    findings = list(findings)
    by_status = Counter(f.status for f in findings)
    return {
        "resources": resources,
        "findings": len(findings),
        "by_status": {status: by_status.get(status, 0) for status in STATUSES},
        "by_severity": dict(Counter(f.severity for f in findings if f.status in FAILING)),
        "passed": not any(f.status in failing for f in findings),
    }
