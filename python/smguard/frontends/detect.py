"""Which frontend a parsed input belongs to."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from smguard.errors import InputError
from smguard.frontends.aws_snapshot import convert_snapshot, is_snapshot
from smguard.frontends.conversion import Conversion
from smguard.frontends.terraform import convert_plan
from smguard.model import SCHEMA_VERSION, Document

if TYPE_CHECKING:
    import jsonschema


def convert(value: Any, name: str) -> Conversion:
    """Convert any supported input (Terraform plan, or an already canonical document)."""
    if isinstance(value, Mapping) and "schema_version" in value and "resources" in value:
        return Conversion(_canonical(value, name))
    if is_snapshot(value):
        return convert_snapshot(value, name)
    return convert_plan(value, name)  # it says precisely why when the value is not a plan


def _canonical(value: Mapping[str, Any], name: str) -> Document:
    if value["schema_version"] != SCHEMA_VERSION:
        raise InputError(
            f"{name}: smguard document schema_version {value['schema_version']!r} is not {SCHEMA_VERSION}; "
            "convert the source again with this version"
        )
    import jsonschema  # a third of the CLI's start-up, and only canonical documents need it

    error = jsonschema.exceptions.best_match(_validator().iter_errors(value))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise InputError(f"{name}: not a valid smguard document at {where}: {error.message:.200}")
    return cast(Document, value)


@cache
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema

    schema = json.loads(resources.files("smguard").joinpath("schemas/input.json").read_text())
    return jsonschema.Draft202012Validator(schema)
