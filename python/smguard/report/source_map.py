"""Where a Terraform resource is written: the ``.tf`` file and line of its block (``--source-root``).

The HCL is parsed with bc-python-hcl2 (the parser Checkov maintains), which keeps each block's
first line. A plan address (``module.app.aws_sagemaker_model.m[0]``) is followed from the root
folder through each ``module`` block's local ``source``; a module from a registry or git has no
source here, and its resources keep the plan as their location.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any


@dataclass(frozen=True)
class SourceBlock:
    path: str
    """The file, relative to the source root (POSIX separators)."""
    line: int


@dataclass
class SourceIndex:
    """Blocks by folder (relative to the root): resources and data sources, and module calls."""

    blocks: dict[str, dict[tuple[str, str, str], SourceBlock]] = field(default_factory=dict)
    modules: dict[str, dict[str, str]] = field(default_factory=dict)
    """folder -> module name -> the folder its local source points at."""
    unreadable: list[str] = field(default_factory=list)


_STEP = re.compile(r'module\.([^.\[]+)(?:\[(?:"[^"]*"|[^\]]*)\])?\.')
_RESOURCE = re.compile(r"(data\.)?([^.\[]+)\.([^.\[]+)(?:\[.*\])?")


def _blocks(parsed: Mapping[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for mode in ("resource", "data"):
        for group in parsed.get(mode) or []:
            for type_, named in group.items():
                for name, body in named.items():
                    yield mode, type_, name, body


def index_folder_text(index: SourceIndex, folder: str, name: str, text: str) -> None:
    """Add one ``.tf`` file's blocks (a pure step: the caller reads the file)."""
    import hcl2  # only --source-root needs the HCL parser

    try:
        parsed = hcl2.load(io.StringIO(text))  # type: ignore[attr-defined]
    except Exception:  # the parser raises lark's many error types
        index.unreadable.append(str(PurePosixPath(folder, name)))
        return
    where = str(PurePosixPath(folder, name)) if folder else name
    found = index.blocks.setdefault(folder, {})
    for mode, type_, block_name, body in _blocks(parsed):
        found.setdefault((mode, type_, block_name), SourceBlock(where, int(body.get("__start_line__", 1))))
    for group in parsed.get("module") or []:
        for module_name, body in group.items():
            source = body.get("source")
            source = source[0] if isinstance(source, list) and source else source
            if isinstance(source, str) and source.startswith(("./", "../")):
                target = PurePosixPath(folder, source).as_posix()
                index.modules.setdefault(folder, {})[module_name] = _normal(target)


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in PurePosixPath(path).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def index_sources(root: Path) -> SourceIndex:
    """Every ``.tf`` file under ``root`` (not the provider cache in ``.terraform``)."""
    index = SourceIndex()
    for path in sorted(root.rglob("*.tf")):
        relative = path.relative_to(root)
        if ".terraform" in relative.parts:
            continue
        folder = relative.parent.as_posix()
        index_folder_text(index, "" if folder == "." else folder, relative.name, path.read_text(errors="replace"))
    return index


def locate(address: str, index: SourceIndex) -> SourceBlock | None:
    """The block of a plan address, or None when its source is not under the root."""
    folder, rest = "", address
    while (step := _STEP.match(rest)) is not None:
        target = index.modules.get(folder, {}).get(step.group(1))
        if target is None:
            return None
        folder, rest = target, rest[step.end() :]
    match = _RESOURCE.fullmatch(rest)
    if match is None:
        return None
    mode = "data" if match.group(1) else "resource"
    return index.blocks.get(folder, {}).get((mode, match.group(2), match.group(3)))
