"""Reading one attribute of a planned resource: known, set but known only after apply, unknown,
or not set.

In ``after`` (and in ``planned_values``) a value that is unknown at plan time is left out, and
``after_unknown`` marks it. The plan alone cannot tell "not set" from "known after apply" for
attributes the provider computes when they are not set (``security_groups``, an endpoint's
``policy``), so for those the resource's ``configuration`` decides: configured means the value
will be set, not configured means the AWS default applies, whatever the plan shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from smguard.frontends.value import ABSENT, PENDING, UNKNOWN, State, Value

Path = Sequence[str | int]
_MISSING = object()


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
    root_variables: Mapping[str, Any] = field(default_factory=dict)
    """Root module variable values, to tell a reference to a null variable from a real one."""
    local_key: str = field(init=False)

    def __post_init__(self) -> None:
        prefix = "data." if self.mode == "data" else ""
        object.__setattr__(self, "local_key", f"{prefix}{self.type}.{self.name}")

    def attribute(self, *path: str | int) -> Value:
        """The value at ``path`` (attribute name, then block indexes and names), as planned."""
        current = _walk(self.after, path)
        missing = current is None or current is _MISSING
        left_out = current is _MISSING and not self.marks_unknowns  # planned_values omit unknowns
        if (missing and _marked(self.after_unknown, path)) or left_out:
            return PENDING  # known after apply: configured by reference, or computed
        if missing:
            return ABSENT
        # A sensitive value is present but never copied: to rules it is set, value unknown.
        # So is a collection with unknown members.
        if _marked(self.after_sensitive, path) or _marked(self.after_unknown, path):
            return PENDING
        return Value(State.KNOWN, current)

    def block_count(self, *path: str | int) -> Value:
        """How many blocks are at ``path``: known whenever the plan holds the list, even when values
        inside the blocks (a generated model name) are known only after apply."""
        current = _walk(self.after, path)
        return Value(State.KNOWN, len(current)) if isinstance(current, list) else self.attribute(*path)

    def setting(self, *path: str | int) -> Value:
        """A user setting the provider computes when it is not set: the configuration decides."""
        if self.mode == "managed" and self.expressions is not None and not self.configured(path):
            return ABSENT
        value = self.attribute(*path)
        if value.state is State.PENDING and self.expressions is None:
            return UNKNOWN  # without configuration a computed default cannot be told from a setting
        return value

    def configured(self, path: Path) -> bool:
        """True when the configuration sets the attribute at ``path`` to something that is not null."""
        expression = _walk(self.expressions, path)
        if not isinstance(expression, Mapping):
            return expression not in (None, _MISSING)  # a nested block
        if "constant_value" in expression:
            return expression["constant_value"] is not None
        references = expression.get("references") or []
        variables = [r for r in references if isinstance(r, str) and r.startswith("var.")]
        if self.module_address == "" and variables and len(variables) == len(references):
            # Only root variables, whose values the plan records: null ones set nothing.
            return any(self.root_variables.get(v.split(".")[1], _MISSING) is not None for v in variables)
        return True

    def references(self, *path: str | int) -> list[str]:
        """The references of an attribute's configuration expression (path into nested blocks)."""
        if self.expressions is None:
            return []
        expression = _walk(self.expressions, path)
        if not isinstance(expression, Mapping):
            return []
        refs = expression.get("references")
        return [r for r in refs if isinstance(r, str)] if isinstance(refs, list) else []


def _step(node: Any, key: str | int) -> Any:
    # JSON decodes to dict and list: exact type checks are much cheaper than the Mapping ABC here.
    if type(key) is int:
        if type(node) is list:
            return node[key] if key < len(node) else None  # no such block
        return node if key == 0 and type(node) is dict else _MISSING
    return node.get(key, _MISSING) if type(node) is dict else _MISSING


def _walk(node: Any, path: Path) -> Any:
    for key in path:
        if node is None:
            return None
        node = _step(node, key)
        if node is _MISSING:
            return _MISSING
    return node


def _marked(tree: Any, path: Path) -> bool:
    """True when ``tree`` (after_unknown / after_sensitive) marks the path, a block above or within it."""
    if not tree:  # most resources have nothing sensitive, many nothing unknown
        return False
    node = tree
    for key in path:
        if node is True:
            return True
        node = _step(node, key)
        if node is _MISSING:
            return False
    stack: list[Any] = [node]
    while stack:  # iterative: plans can nest deeper than Python's recursion limit
        item = stack.pop()
        if item is True:
            return True
        if type(item) is dict:
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
    return False
