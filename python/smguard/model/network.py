"""VPC building blocks that SageMaker resources are placed in."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class Subnet(TypedDict):
    """A subnet the input describes, with its VPC resolved where possible."""

    meta: Meta
    subnet_id: str | None
    vpc_id: str | None
    default_network: bool | None
    """True when it is a default subnet or belongs to the default VPC."""
