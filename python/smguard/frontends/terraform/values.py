"""Reading one attribute of a planned resource: known, unknown until apply, or not set.

The plan alone cannot tell "not set" from "known after apply" for computed attributes
(``security_groups``, ``kms_key_id`` show up in ``after_unknown`` either way), so the
resource's ``configuration`` expressions decide: configured means unknown, not configured
means the AWS default applies.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Path = Sequence[str | int]


class State(enum.Enum):
    KNOWN = "known"
    UNKNOWN = "unknown"
    ABSENT = "absent"


@dataclass(frozen=True)
class Value:
    state: State
    value: Any = None

    @property
    def known(self) -> bool:
        return self.state is State.KNOWN


UNKNOWN = Value(State.UNKNOWN)
ABSENT = Value(State.ABSENT)


@dataclass(frozen=True)
class PlanResource:
    """One resource instance of a plan, in the shape the frontend needs."""

    address: str
    mode: str
    type: str
    name: str
    index: int | str | None
    module_address: str
    after: Mapping[str, Any]
    after_unknown: Mapping[str, Any] | bool
    after_sensitive: Mapping[str, Any] | bool
    expressions: Mapping[str, Any] | None
    """Configuration expressions; None when the plan carries no configuration for it."""
    marks_unknowns: bool
    """True when ``after_unknown`` was in the plan (resource_changes); planned_values lacks it."""
    local_key: str = field(init=False)

    def __post_init__(self) -> None:
        prefix = "data." if self.mode == "data" else ""
        object.__setattr__(self, "local_key", f"{prefix}{self.type}.{self.name}")

    def attribute(self, *path: str | int) -> Value:
        """The value at ``path`` (attribute name, then block indexes and names)."""
        current = _walk(self.after, path)
        if current is not None:
            # A sensitive value is present but never copied: to rules it is simply unknown.
            # So is a collection with unknown members.
            if _marked(self.after_sensitive, path) or _marked(self.after_unknown, path):
                return UNKNOWN
            return Value(State.KNOWN, current)
        if self.marks_unknowns and not _marked(self.after_unknown, path):
            return ABSENT
        if self.expressions is None:
            # Unknown in a plan without configuration: cannot tell "computed default" from "set".
            return UNKNOWN if self.marks_unknowns else ABSENT
        return UNKNOWN if configured(self.expressions, path) else ABSENT

    def references(self, name: str) -> list[str]:
        """The references of a top-level attribute's configuration expression."""
        if self.expressions is None:
            return []
        expression = self.expressions.get(name)
        if not isinstance(expression, Mapping):
            return []
        refs = expression.get("references")
        return [r for r in refs if isinstance(r, str)] if isinstance(refs, list) else []


def _step(node: Any, key: str | int) -> Any:
    if isinstance(key, int):
        if isinstance(node, list):
            return node[key] if key < len(node) else None
        return node if key == 0 and isinstance(node, Mapping) else None
    return node.get(key) if isinstance(node, Mapping) else None


def _walk(node: Any, path: Path) -> Any:
    for key in path:
        node = _step(node, key)
        if node is None:
            return None
    return node


def _marked(tree: Any, path: Path) -> bool:
    """True when ``tree`` (after_unknown / after_sensitive) marks the path or a block above it."""
    node = tree
    for key in path:
        if node is True:
            return True
        node = _step(node, key)
    return _contains_true(node)


def _contains_true(node: Any) -> bool:
    if node is True:
        return True
    if isinstance(node, Mapping):
        return any(_contains_true(v) for v in node.values())
    if isinstance(node, list):
        return any(_contains_true(v) for v in node)
    return False


def configured(expressions: Mapping[str, Any], path: Path) -> bool:
    """True when the configuration sets the attribute at ``path`` (constant or reference)."""
    return _walk(expressions, path) is not None
