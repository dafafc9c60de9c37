"""SageMaker notebook instances."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class NotebookInstance(TypedDict):
    """A notebook instance, AWS defaults applied."""

    meta: Meta
    name: str | None
    direct_internet_access: bool | None
    """True when SageMaker-managed direct internet access is on (the AWS default)."""
    root_access: bool | None
    """True when users get root (the AWS default)."""
    subnet_id: str | None
    security_groups: list[str] | None
    """Explicitly configured security groups; empty when none were configured, null when unknown."""
    kms_key_id: str | None
    minimum_instance_metadata_service_version: str | None
    """``"1"`` or ``"2"``; null when not set."""
    platform_identifier: str | None
    """``notebook-al2023-v1`` and the like; null when not set (AWS's current default) or unknown."""
    vpc_id: str | None
    """The VPC of ``subnet_id``, where the input tells it."""
    vpc_key: str | None
    """What identifies that VPC in the input (see ``Vpc.vpc_key``); null when not known."""
    default_network: bool | None
    """True when the subnet is a default subnet or in the default VPC."""


class ScriptSecret(TypedDict):
    """A secret a detector found: where and what kind, never its text."""

    script: Literal["on_create", "on_start"]
    line: int
    kind: str
    """The detector's name for it, e.g. ``AWS Access Key``."""


class LifecycleConfig(TypedDict):
    """A notebook instance lifecycle configuration: what its scripts hold."""

    meta: Meta
    name: str | None
    secrets: list[ScriptSecret] | None
    """Secrets found in its on-create and on-start scripts; null when a script cannot be known."""
