"""Models, endpoint configurations and endpoints, with endpoint -> configuration -> model resolved."""

from __future__ import annotations

from typing import cast

from smguard.errors import MalformedResourceError
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import boolean, meta, string, strings, subnets_network
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import State, Value, plain
from smguard.model import Endpoint, EndpointConfig, Model, Variant

MODEL = "aws_sagemaker_model"
ENDPOINT_CONFIG = "aws_sagemaker_endpoint_configuration"


def model(resource: PlanResource, index: PlanIndex, location: str) -> Model:
    network = subnets_network(resource, index, "vpc_config", 0, "subnets")
    values = {
        "name": string(resource, "name"),
        "subnets": strings(resource, "vpc_config", 0, "subnets"),
        "security_group_ids": strings(resource, "vpc_config", 0, "security_group_ids"),
        "enable_network_isolation": boolean(resource, "enable_network_isolation", default=False),
        "containers": _containers(resource),
    }
    return cast(Model, {"meta": meta(resource, location, values), **plain(values), "vpc_key": network.vpc_key})


def endpoint_config(resource: PlanResource, index: PlanIndex, location: str) -> EndpointConfig:
    capture = resource.attribute("data_capture_config", 0)
    asynchronous = resource.attribute("async_inference_config", 0)
    values = {
        "name": string(resource, "name"),
        "kms_key_arn": string(resource, "kms_key_arn"),
        # Data capture is on when configured, unless enable_capture says otherwise (API default).
        "data_capture_enabled": _configured_and(resource, capture, "data_capture_config", 0, "enable_capture"),
        "data_capture_kms_key_id": string(resource, "data_capture_config", 0, "kms_key_id"),
        "async_inference_enabled": _present(asynchronous),
        "async_output_kms_key_id": string(resource, "async_inference_config", 0, "output_config", 0, "kms_key_id"),
        "variants": _variants(resource, index),
    }
    return cast(EndpointConfig, {"meta": meta(resource, location, values), **plain(values)})


def _containers(resource: PlanResource) -> Value:
    """primary_container and container blocks (an inference pipeline): image, registry access mode."""
    found = []
    for attribute in ("primary_container", "container"):
        blocks = resource.block_count(attribute)
        if blocks.unknown:
            return blocks
        for i in range(blocks.value if blocks.known else 0):
            image = string(resource, attribute, i, "image")
            if image.state is State.ABSENT:
                continue  # model_package_name: the package's image
            mode = string(resource, attribute, i, "image_config", 0, "repository_access_mode")
            mode = Value(State.KNOWN, "Platform") if mode.state is State.ABSENT else mode
            found.append({"image": image.value if image.known else None,
                          "repository_access_mode": mode.value if mode.known else None})  # fmt: skip
    return Value(State.KNOWN, found)


def _present(block: Value) -> Value:
    """Whether a block is configured; a block with values known only after apply still is."""
    return block if block.state is State.UNKNOWN else Value(State.KNOWN, block.state is not State.ABSENT)


def _configured_and(resource: PlanResource, block: Value, *flag: str | int) -> Value:
    present = _present(block)
    return present if not present.known or present.value is False else boolean(resource, *flag, default=True)


def _variants(resource: PlanResource, index: PlanIndex) -> Value:
    variants: list[Variant] = []
    for attribute, shadow in (("production_variants", False), ("shadow_production_variants", True)):
        blocks = resource.block_count(attribute)
        if blocks.unknown:
            return blocks
        for i in range(blocks.value if blocks.known else 0):
            name = string(resource, attribute, i, "model_name")
            models = _resolve(resource, index, MODEL, name, attribute, i, "model_name")
            variant_name = string(resource, attribute, i, "variant_name")
            ssm = boolean(resource, attribute, i, "enable_ssm_access", default=False)
            count = _count(resource, attribute, i, "initial_instance_count")
            serverless = _present(resource.attribute(attribute, i, "serverless_config", 0))
            variants.append(
                {
                    "variant_name": variant_name.value if variant_name.known else None,
                    "shadow": shadow,
                    "model_name": name.value if name.known else None,
                    "model": models[0].address if len(models) == 1 else None,
                    "enable_ssm_access": ssm.value if ssm.known else None,
                    "initial_instance_count": count.value if count.known else None,
                    "serverless": serverless.value if serverless.known else None,
                }
            )
    return Value(State.KNOWN, variants)


def _count(resource: PlanResource, *path: str | int) -> Value:
    value = resource.attribute(*path)
    if value.known and (isinstance(value.value, bool) or not isinstance(value.value, int)):
        raise MalformedResourceError(resource.address, f"{'.'.join(map(str, path))} is not a whole number")
    return value


def endpoint(resource: PlanResource, index: PlanIndex, location: str) -> Endpoint:
    name = string(resource, "endpoint_config_name")
    configs = _resolve(resource, index, ENDPOINT_CONFIG, name, "endpoint_config_name")
    values = {"name": string(resource, "name"), "endpoint_config_name": name}
    return cast(
        Endpoint,
        {
            "meta": meta(resource, location, values),
            **plain(values),
            "endpoint_config": configs[0].address if len(configs) == 1 else None,
        },
    )


def _resolve(resource: PlanResource, index: PlanIndex, type_: str, name: Value, *path: str | int) -> list[PlanResource]:
    """The resource of ``type_`` a name attribute points at: by reference, or by its known name."""
    if name.known:
        return index.named(type_, name.value)
    return [r for r in index.referenced(resource, *path) if r.type == type_]
