"""What a frontend knows about one value: known, set but known only later, unknown, or not set."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from smguard.model import Meta


class State(enum.Enum):
    KNOWN = "known"
    PENDING = "pending"
    """Set to a value that is known only after apply (e.g. a resource created in the plan)."""
    UNKNOWN = "unknown"
    """Cannot be known from the input, not even whether it is set."""
    ABSENT = "absent"


@dataclass(frozen=True)
class Value:
    state: State
    value: Any = None

    @property
    def known(self) -> bool:
        return self.state is State.KNOWN

    @property
    def unknown(self) -> bool:
        """The value is not known (pending or unknown)."""
        return self.state in (State.PENDING, State.UNKNOWN)


PENDING = Value(State.PENDING)
UNKNOWN = Value(State.UNKNOWN)
ABSENT = Value(State.ABSENT)


def meta(resource_id: str, source_type: str, location: str, values: Mapping[str, Value]) -> Meta:
    """A resource's meta, listing the attributes whose value is not known."""
    return {
        "id": resource_id,
        "source_type": source_type,
        "location": location,
        "unknown": sorted(k for k, v in values.items() if v.unknown),
        "pending": sorted(k for k, v in values.items() if v.state is State.PENDING),
    }


def plain(values: Mapping[str, Value], empty: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The canonical attribute values: known values as they are, absent ones ``empty`` or null."""
    empty = empty or {}
    return {k: v.value if v.known else (empty.get(k) if v.state is State.ABSENT else None) for k, v in values.items()}
