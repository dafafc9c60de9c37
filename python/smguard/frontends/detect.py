"""Which frontend a parsed input belongs to."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from smguard import hints
from smguard.errors import InputError
from smguard.frontends import kubernetes
from smguard.frontends.aws_snapshot import convert_snapshot, is_snapshot
from smguard.frontends.cloudformation.template import is_template
from smguard.frontends.conversion import Conversion
from smguard.frontends.terraform import convert_plan
from smguard.frontends.terraform.plan import is_plan
from smguard.model import SCHEMA_VERSION, Document

if TYPE_CHECKING:
    import jsonschema


_TEMPLATE_SUFFIXES = (".yaml", ".yml", ".template")


def convert_file(data: bytes, name: str, parameters: Mapping[str, str] | None = None) -> Conversion:
    """Convert a file's bytes: a CloudFormation template (YAML or JSON), or any JSON input."""
    from smguard.jsonio import decode_text, parse_json

    text = decode_text(data, name)
    if not text.lstrip().startswith(("{", "[")):
        if hints.looks_like_kubernetes(text):
            return _manifests(kubernetes.load(text, name), name)
        recognised = hints.looks_like_template(text)
        if recognised or (name.lower().endswith(_TEMPLATE_SUFFIXES) and hints.for_text(text) is None):
            return _template(text, name, parameters)
        parse_json(data, name)  # refused with what the text looks like (HCL, setup-terraform's wrapper…)
    value = parse_json(data, name)
    if is_template(value) or (isinstance(value, Mapping) and "AWSTemplateFormatVersion" in value):
        return _template(text, name, parameters)  # decoded again for its line numbers
    if isinstance(value, Mapping) and kubernetes.is_manifest([value]):
        return _manifests([value], name)  # `kubectl get -o json`: an object, or a List of them
    return convert(value, name)


def _manifests(documents: list[Any], name: str) -> Conversion:
    if not kubernetes.is_manifest(documents):
        raise InputError(f"{name}: not a Kubernetes manifest (a document has no apiVersion and kind)")
    return kubernetes.convert_manifests(kubernetes.listed(documents), name)


_INPUT_SUFFIXES = (".json", *_TEMPLATE_SUFFIXES)


def recognised(data: bytes, name: str) -> bool:
    """True when a file found in a folder is an input smguard reads (a plan, snapshot, template or
    canonical document); other files there are skipped, not errors."""
    if not name.lower().endswith(_INPUT_SUFFIXES):
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if not text.lstrip().startswith(("{", "[")):
        return hints.looks_like_template(text) or (hints.looks_like_kubernetes(text) and _manifest_file(text, name))
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return True  # JSON by its looks: reading it says what is wrong with it
    canonical = isinstance(value, Mapping) and "schema_version" in value and "resources" in value
    manifest = isinstance(value, Mapping) and kubernetes.is_manifest([value])
    return canonical or manifest or is_template(value) or is_snapshot(value) or is_plan(value)


def _manifest_file(text: str, name: str) -> bool:
    """Kubernetes objects, not a Helm chart's Chart.yaml or unrendered templates (render them with
    `helm template` and scan that); YAML that does not load is read, to say what is wrong with it."""
    if "{{" in text:
        return False
    try:
        return kubernetes.is_manifest(kubernetes.load(text, name))
    except InputError:
        return True


def _template(text: str, name: str, parameters: Mapping[str, str] | None) -> Conversion:
    from smguard.frontends.cloudformation import convert_template, decode

    return convert_template(decode(text, name), name, parameters)


def convert_template_file(
    data: bytes, name: str, *, stack: str, constructs: Mapping[str, str] | None = None
) -> Conversion:
    """A template of a CDK cloud assembly: its resources are ``<stack>/<LogicalId>``."""
    from smguard.frontends.cloudformation import convert_template, decode
    from smguard.jsonio import decode_text

    return convert_template(decode(decode_text(data, name), name), name, stack=stack, constructs=constructs)


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
