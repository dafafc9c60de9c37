"""``aws_sagemaker_notebook_instance`` and its lifecycle configurations -> the canonical document."""

from __future__ import annotations

from typing import Any, cast

from smguard.errors import ApiShapeError, MalformedResourceError
from smguard.frontends import script_secrets
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import meta, placement, string
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import ABSENT, State, Value, plain
from smguard.model import LifecycleConfig, NotebookInstance

LIFECYCLE_CONFIGURATION = "aws_sagemaker_notebook_instance_lifecycle_configuration"


def notebook_instance(resource: PlanResource, index: PlanIndex, location: str) -> NotebookInstance:
    where = placement(resource, index)
    values: dict[str, Value] = {
        "name": string(resource, "name"),
        # The provider and the API both default these two to "Enabled".
        "direct_internet_access": _enabled(resource, "direct_internet_access", default=True),
        "root_access": _enabled(resource, "root_access", default=True),
        "subnet_id": where.subnet_id,
        "security_groups": _string_list(resource, "security_groups"),
        "kms_key_id": string(resource, "kms_key_id", setting=True),
        "minimum_instance_metadata_service_version": string(
            resource, "instance_metadata_service_configuration", 0, "minimum_instance_metadata_service_version"
        ),
        "platform_identifier": string(resource, "platform_identifier", setting=True),
        "vpc_id": where.network.vpc_id,
        "default_network": where.network.default_network,
    }
    notebook = {
        "meta": meta(resource, location, values),
        **{
            k: v.value if v.known else ([] if k == "security_groups" and v.state is State.ABSENT else None)
            for k, v in values.items()
        },
        "vpc_key": where.network.vpc_key,
    }
    return cast(NotebookInstance, notebook)


def _enabled(resource: PlanResource, attribute: str, *, default: bool) -> Value:
    value = string(resource, attribute)
    if value.state is State.ABSENT:
        return Value(State.KNOWN, default)
    if value.unknown:
        return value
    if value.value not in ("Enabled", "Disabled"):
        raise MalformedResourceError(resource.address, f"{attribute} is neither Enabled nor Disabled")
    return Value(State.KNOWN, value.value == "Enabled")


def _string_list(resource: PlanResource, attribute: str) -> Value:
    # Computed by the provider when not set (the VPC's default group): the configuration decides.
    value = resource.setting(attribute)
    if not value.known:
        return value
    if not isinstance(value.value, list) or not all(isinstance(v, str) for v in value.value):
        raise MalformedResourceError(resource.address, f"{attribute} is not a list of strings")
    groups = sorted(v for v in value.value if v)
    return Value(State.KNOWN, groups) if groups else ABSENT


def lifecycle_configuration(resource: PlanResource, _index: PlanIndex, location: str) -> LifecycleConfig:
    """``aws_sagemaker_notebook_instance_lifecycle_configuration``: its Base64 scripts' secrets."""
    found: list[dict[str, Any]] = []
    secrets: Value = Value(State.KNOWN, found)
    for script in ("on_create", "on_start"):
        content = string(resource, script)
        if content.unknown:
            secrets = content
            break
        if content.known:
            try:
                found += script_secrets.found_in(script, content.value)
            except ApiShapeError as exc:
                raise MalformedResourceError(resource.address, str(exc)) from None
    values = {"name": string(resource, "name"), "secrets": secrets}
    return cast(LifecycleConfig, {"meta": meta(resource, location, values), **plain(values)})
