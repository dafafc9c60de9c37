"""Cloud assembly manifests: which stacks and nested assemblies they name, and their constructs."""

from __future__ import annotations

from typing import Any

import pytest

from smguard.errors import InputError
from smguard.frontends.cloudformation.assembly import (
    construct_paths,
    is_manifest,
    nested_assemblies,
    nested_stack_id,
    stacks,
)

MANIFEST: dict[str, Any] = {
    "version": "48.0.0",
    "artifacts": {
        "App.assets": {"type": "cdk:asset-manifest", "properties": {"file": "App.assets.json"}},
        "App": {
            "type": "aws:cloudformation:stack",
            "properties": {"templateFile": "App.template.json"},
            "additionalMetadataFile": "App.metadata.json",
        },
        "Old": {
            "type": "aws:cloudformation:stack",
            "properties": {"templateFile": "Old.template.json"},
            "metadata": {"/Old/Bucket/Resource": [{"type": "aws:cdk:logicalId", "data": "Bucket1"}]},
        },
        "assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Prod"}},
        "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
    },
}


def test_stacks_and_nested_assemblies() -> None:
    found = stacks(MANIFEST, "m")
    assert [(s.artifact, s.template, s.metadata_file) for s in found] == [
        ("App", "App.template.json", "App.metadata.json"),
        ("Old", "Old.template.json", None),
    ]
    assert construct_paths(found[1].metadata) == {"Bucket1": "Old/Bucket/Resource"}
    assert nested_assemblies(MANIFEST, "m") == ["assembly-Prod"]


def test_what_is_a_manifest() -> None:
    assert is_manifest(MANIFEST)
    assert not is_manifest({"artifacts": {}})  # no version
    assert not is_manifest({"format_version": "1.2", "resource_changes": []})  # a plan


@pytest.mark.parametrize("path", ["../x.template.json", "/etc/passwd", "a/../../b", "C:\\\\x", ""])
def test_a_manifest_cannot_send_smguard_outside_the_assembly(path: str) -> None:
    manifest = {"version": "1", "artifacts": {"S": {"type": "aws:cloudformation:stack",
                                                    "properties": {"templateFile": path}}}}  # fmt: skip
    with pytest.raises(InputError, match="inside the assembly"):
        stacks(manifest, "m")
    nested = {"version": "1", "artifacts": {"N": {"type": "cdk:cloud-assembly", "properties": {"directoryName": path}}}}
    with pytest.raises(InputError, match="inside the assembly"):
        nested_assemblies(nested, "m")


def test_metadata_entries_that_are_not_logical_ids_are_ignored() -> None:
    metadata = {
        "/App": [{"type": "aws:cdk:creationStack", "data": ["..."]}],
        "/App/X": "not a list",
        "/App/Y/Resource": [{"type": "aws:cdk:logicalId", "data": "Y1"}, {"type": "aws:cdk:logicalId"}],
    }
    assert construct_paths(metadata) == {"Y1": "App/Y/Resource"}


def test_nested_stack_ids() -> None:
    assert nested_stack_id("AppScratchCA86314A.nested.template.json") == "AppScratchCA86314A"
