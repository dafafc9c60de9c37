"""VPC building blocks that SageMaker resources are placed in and reached through."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.iam import Statement
from smguard.model.meta import Meta


class Vpc(TypedDict):
    meta: Meta
    vpc_id: str | None
    vpc_key: str
    """``vpc_id`` when known, else the resource's own ID: the key other resources join on."""
    default: bool | None
    endpoints_known: bool
    """True when the input lists every VPC endpoint of this VPC (it is managed or described in it)."""


class Subnet(TypedDict):
    """A subnet the input describes, with its VPC resolved where possible."""

    meta: Meta
    subnet_id: str | None
    vpc_id: str | None
    vpc_key: str | None
    default_network: bool | None
    """True when it is a default subnet or belongs to the default VPC."""


class VpcEndpoint(TypedDict):
    meta: Meta
    service_name: str | None
    sagemaker_service: str | None
    """``api``, ``runtime``, ``runtime-fips``, ``featurestore-runtime``, ``notebook``, ``studio``, or None."""
    endpoint_type: str | None
    vpc_id: str | None
    vpc_key: str | None
    private_dns_enabled: bool | None
    policy: list[Statement] | None
    """The endpoint policy's statements; None means no policy, i.e. AWS's full-access default."""
