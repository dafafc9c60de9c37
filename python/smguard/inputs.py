"""Reading the inputs a scan is given: files, folders and CDK cloud assemblies (the I/O edge).

A folder is searched for plans, snapshots, templates and canonical documents; other files are
skipped and counted. A folder holding a cloud assembly (``manifest.json``) is read as one: each
stack's template, with the stack's artifact ID before its logical IDs, and none of the
assembly's other files (assets, tree, metadata) as inputs of their own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from smguard.errors import InputError
from smguard.frontends.cloudformation.assembly import (
    MANIFEST,
    NESTED_SUFFIX,
    construct_paths,
    is_manifest,
    nested_assemblies,
    nested_stack_id,
    stacks,
)
from smguard.frontends.cloudformation.template import parameters_file
from smguard.frontends.conversion import Conversion
from smguard.frontends.detect import convert_file, convert_template_file, recognised
from smguard.heap import collector_paused
from smguard.jsonio import decode_text, parse_json
from smguard.model import Document, merge

# Python holds a parsed plan in about ten times its size on disk; past this the machine, not
# smguard, would decide how the scan ends.
DEFAULT_MAX_INPUT_MB = 512

# (the input's name, what it converts to)
_Read = tuple[str, Conversion]

# Folders a scan of a directory does not descend into.
_SKIPPED_FOLDERS = {".git", ".terraform", "node_modules", ".venv", "__pycache__"}


@dataclass(frozen=True)
class Loaded:
    """The merged document, and where each resource is defined: (input, resource ID) -> ..."""

    document: Document
    lines: dict[tuple[str, str], int]
    """... the line of its definition (templates)."""
    constructs: dict[tuple[str, str], str]
    """... the CDK construct path that made it (synthesized templates)."""


def _max_input_bytes() -> int:
    raw = os.environ.get("SMGUARD_MAX_INPUT_MB", str(DEFAULT_MAX_INPUT_MB))
    if not raw.isdigit() or int(raw) == 0:
        raise InputError(f"SMGUARD_MAX_INPUT_MB must be a positive whole number of megabytes, not {raw[:40]!r}")
    return int(raw) * 1024 * 1024


def read(path: Path) -> bytes:
    """A file's bytes (``-``: standard input); a missing, unreadable or oversized file is an InputError."""
    if str(path) == "-":
        return _stdin()
    try:
        limit = _max_input_bytes()
        size = path.stat().st_size if path.is_file() else 0
        if size > limit:
            raise InputError(
                f"{path}: {size / 2**20:.0f} MB is over the input limit of {limit // 2**20} MB; "
                "set SMGUARD_MAX_INPUT_MB to raise it"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _stdin() -> bytes:
    limit = _max_input_bytes()
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"-: standard input is over the input limit of {limit // 2**20} MB; "
                         "set SMGUARD_MAX_INPUT_MB to raise it")  # fmt: skip
    return data


def load(paths: Sequence[Path], parameters: Path | None = None) -> Loaded:
    given = parameters_file(decode_text(read(parameters), str(parameters)), str(parameters)) if parameters else None
    with collector_paused():
        converted = _convert(paths, given)
    for _, conversion in converted:
        for warning in conversion.warnings:
            print(f"smguard: warning: {warning}", file=sys.stderr)
    return Loaded(
        merge([c.document for _, c in converted]),
        {(name, resource): line for name, c in converted for resource, line in c.lines.items()},
        {(name, resource): path for name, c in converted for resource, path in c.constructs.items()},
    )


def _convert(paths: Sequence[Path], parameters: Mapping[str, str] | None) -> list[_Read]:
    """Each file given, each assembly given, and in each folder given everything smguard reads."""
    found: list[_Read] = []
    for path in paths:
        if path.is_dir() and _is_assembly(path):
            found += _assembly(path, set())
        elif path.name == MANIFEST and path.is_file() and _is_assembly(path.parent):
            found += _assembly(path.parent, set())
        elif path.is_dir():
            found += _folder(path, parameters)
        else:
            found.append((str(path), convert_file(read(path), str(path), parameters)))
    return found


def _folder(path: Path, parameters: Mapping[str, str] | None) -> list[_Read]:
    files = sorted(f for f in path.rglob("*") if f.is_file() and not _SKIPPED_FOLDERS & set(f.parts))
    assemblies = [f.parent for f in files if f.name == MANIFEST and _is_assembly(f.parent)]
    outermost = [a for a in assemblies if not any(o != a and o in a.parents for o in assemblies)]
    loose = [f for f in files if not any(a in f.parents for a in outermost)]
    kept = [(f, data) for f in loose for data in [read(f)] if recognised(data, str(f))]
    if not kept and not outermost:
        raise InputError(f"{path}: no Terraform plan, snapshot, CloudFormation template or CDK cloud assembly "
                         f"in it ({len(files)} other files)")  # fmt: skip
    found = [(str(f), convert_file(data, str(f), parameters)) for f, data in kept]
    for assembly in outermost:
        found += _assembly(assembly, set())
    assembled = f", {len(outermost)} CDK cloud assemblies" if outermost else ""
    print(f"smguard: {path}: {len(kept)} inputs read{assembled}, {len(loose) - len(kept)} other files skipped",
          file=sys.stderr)  # fmt: skip
    return found


def _is_assembly(folder: Path) -> bool:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return False
    try:
        return is_manifest(parse_json(read(manifest), str(manifest)))
    except InputError:
        return False


def _assembly(folder: Path, seen: set[Path]) -> list[_Read]:
    """Every stack of a cloud assembly, its nested stacks and its nested assemblies' stacks."""
    if folder.resolve() in seen:
        raise InputError(f"{folder}: the cloud assembly nests itself")
    seen.add(folder.resolve())
    name = str(folder / MANIFEST)
    manifest = parse_json(read(folder / MANIFEST), name)
    if not is_manifest(manifest):
        raise InputError(f"{name}: not a cloud assembly manifest")
    found: list[_Read] = []
    for stack in stacks(manifest, name):
        constructs = construct_paths(stack.metadata)
        if stack.metadata_file:
            extra = parse_json(read(folder / stack.metadata_file), str(folder / stack.metadata_file))
            constructs |= construct_paths(extra if isinstance(extra, Mapping) else {})
        template = folder / stack.template
        conversion = convert_template_file(read(template), str(template), stack=stack.artifact, constructs=constructs)
        found.append((str(template), conversion))
    for nested in sorted(folder.glob(f"*{NESTED_SUFFIX}")):
        found.append(
            (str(nested), convert_template_file(read(nested), str(nested), stack=nested_stack_id(nested.name)))
        )
    for sub in nested_assemblies(manifest, name):
        found += _assembly(folder / sub, seen)
    return found
