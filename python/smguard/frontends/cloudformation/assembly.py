"""CDK cloud assemblies (``cdk.out``): which templates a ``manifest.json`` names. Pure: no I/O.

A stack artifact's template is scanned with its artifact ID before each logical ID. A stage's
stacks are in a nested assembly (an artifact of type ``cdk:cloud-assembly`` naming a folder);
nested stacks' templates (``*.nested.template.json``) are files of the assembly no artifact
names. Construct paths come from each resource's ``aws:cdk:path`` metadata, or, for apps
synthesized without it, from the artifact's ``aws:cdk:logicalId`` metadata (inline, or in its
``additionalMetadataFile``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from smguard.errors import InputError

MANIFEST = "manifest.json"
NESTED_SUFFIX = ".nested.template.json"


@dataclass(frozen=True)
class Stack:
    artifact: str
    template: str
    """The template file, relative to the assembly's folder."""
    metadata_file: str | None
    metadata: Mapping[str, Any]


def is_manifest(value: Any) -> bool:
    """A cloud assembly manifest: a schema version and a map of artifacts."""
    return (
        isinstance(value, Mapping)
        and isinstance(value.get("version"), str)
        and isinstance(value.get("artifacts"), Mapping)
    )


def stacks(manifest: Mapping[str, Any], name: str) -> list[Stack]:
    found = []
    for artifact, entry in _artifacts(manifest, name):
        if entry.get("type") != "aws:cloudformation:stack":
            continue
        properties = entry.get("properties")
        template = properties.get("templateFile") if isinstance(properties, Mapping) else None
        if not isinstance(template, str) or not _relative(template):
            raise InputError(f"{name}: stack {artifact!r} has no templateFile inside the assembly")
        extra = entry.get("additionalMetadataFile")
        metadata = entry.get("metadata")
        found.append(Stack(artifact, template, extra if isinstance(extra, str) and _relative(extra) else None,
                           metadata if isinstance(metadata, Mapping) else {}))  # fmt: skip
    return found


def nested_assemblies(manifest: Mapping[str, Any], name: str) -> list[str]:
    """The folders of the assemblies a manifest nests (a CDK Stage's stacks)."""
    folders = []
    for artifact, entry in _artifacts(manifest, name):
        if entry.get("type") == "cdk:cloud-assembly":
            properties = entry.get("properties")
            folder = properties.get("directoryName") if isinstance(properties, Mapping) else None
            if not isinstance(folder, str) or not _relative(folder):
                raise InputError(f"{name}: nested assembly {artifact!r} has no directoryName inside the assembly")
            folders.append(folder)
    return folders


def construct_paths(metadata: Mapping[str, Any]) -> dict[str, str]:
    """Logical ID -> construct path, from an artifact's metadata entries."""
    paths = {}
    for path, entries in metadata.items():
        for entry in entries if isinstance(entries, list) else []:
            logical = isinstance(entry, Mapping) and entry.get("type") == "aws:cdk:logicalId"
            if logical and isinstance(entry.get("data"), str):
                paths[entry["data"]] = str(path).lstrip("/")
    return paths


def nested_stack_id(file_name: str) -> str:
    """The ID a nested stack's resources are reported under: its template's file name stem."""
    return file_name[: -len(NESTED_SUFFIX)]


def _artifacts(manifest: Mapping[str, Any], name: str) -> list[tuple[str, Mapping[str, Any]]]:
    artifacts = manifest.get("artifacts")
    if not isinstance(artifacts, Mapping):
        raise InputError(f"{name}: not a cloud assembly manifest (no artifacts)")
    return [(str(k), v) for k, v in artifacts.items() if isinstance(v, Mapping)]


def _relative(path: str) -> bool:
    """A file name inside the assembly's folder: a manifest cannot send smguard elsewhere."""
    parts = path.replace("\\", "/").split("/")
    return bool(path) and not path.startswith(("/", "\\")) and ".." not in parts and ":" not in path
