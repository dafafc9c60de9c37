"""Terraform resource addresses and references."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_MODULE_STEP = re.compile(r'module\.([A-Za-z0-9_-]+)(?:\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\])?')
_RESOURCE_REF = re.compile(r'^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[([0-9]+|"(?:[^"\\]|\\.)*")\])?')
# References that name no value of their own (the instance key, paths): nothing to follow.
IGNORED_REFERENCES = frozenset({"each", "count", "path", "terraform", "self"})
_NOT_RESOURCES = frozenset({"var", "local", "module"}) | IGNORED_REFERENCES


# Both are asked about the same few strings again and again: every resource of a module
# instance shares its address, and references repeat in every instance of a module. Plans list
# resources module by module, so a bounded cache hits as well as an unbounded one would.
@functools.lru_cache(maxsize=4096)
def module_names(module_address: str) -> tuple[str, ...]:
    """``module.a["x"].module.b[0]`` -> ``("a", "b")``: the configuration path, without instance keys."""
    return tuple(_MODULE_STEP.findall(module_address))


@dataclass(frozen=True)
class ResourceRef:
    """A reference to a resource in the same module, e.g. ``aws_subnet.private[0].id``."""

    local_key: str
    index: int | str | None


@functools.lru_cache(maxsize=4096)
def parse_reference(reference: str) -> ResourceRef | None:
    """The resource a configuration reference points at, or None for variables, locals, modules…"""
    match = _RESOURCE_REF.match(reference)
    if match is None or (match.group(1) is None and match.group(2) in _NOT_RESOURCES):
        return None
    data, type_, name, raw_index = match.groups()
    index: int | str | None = None
    if raw_index is not None:
        index = int(raw_index) if raw_index.isdigit() else raw_index[1:-1]
    return ResourceRef(f"{data or ''}{type_}.{name}", index)
