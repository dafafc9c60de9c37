"""Hosting: models, endpoint configurations and endpoints (patterns 7-8)."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class Container(TypedDict):
    """A container of a model (the primary one, or one of an inference pipeline)."""

    image: str | None
    """The image URI; null when it cannot be known."""
    repository_access_mode: str | None
    """``Platform`` (the default) or ``Vpc`` (a private registry reached through the VPC); null
    when it cannot be known."""


class Model(TypedDict):
    meta: Meta
    name: str | None
    subnets: list[str] | None
    security_group_ids: list[str] | None
    vpc_key: str | None
    enable_network_isolation: bool | None
    containers: list[Container] | None
    """Containers that name an image (one from a model package does not); null when unknown."""


class Variant(TypedDict):
    """A production or shadow variant of an endpoint configuration."""

    variant_name: str | None
    shadow: bool
    model_name: str | None
    model: str | None
    """``meta.id`` of the variant's model when the input holds it; null when it does not."""
    enable_ssm_access: bool | None
    initial_instance_count: int | None
    """Null when it cannot be known, or is not set (a serverless variant has none)."""
    serverless: bool | None
    """True when the variant is serverless (ServerlessConfig): it scales, it has no instance count."""


class EndpointConfig(TypedDict):
    meta: Meta
    name: str | None
    kms_key_arn: str | None
    variants: list[Variant] | None
    data_capture_enabled: bool | None
    """True when data capture is configured and enabled."""
    data_capture_kms_key_id: str | None
    async_inference_enabled: bool | None
    """True when asynchronous inference (and so its output location) is configured."""
    async_output_kms_key_id: str | None


class Endpoint(TypedDict):
    meta: Meta
    name: str | None
    endpoint_config_name: str | None
    endpoint_config: str | None
    """``meta.id`` of the endpoint configuration when the input holds it; null when it does not."""
