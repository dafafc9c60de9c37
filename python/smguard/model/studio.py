"""SageMaker Studio domains and user profiles."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class Domain(TypedDict):
    meta: Meta
    name: str | None
    app_network_access_type: str | None
    """``PublicInternetOnly`` (the AWS default) or ``VpcOnly``."""
    vpc_id: str | None
    vpc_key: str | None
    kms_key_id: str | None


class UserProfile(TypedDict):
    meta: Meta
    name: str | None
    domain: str | None
    """``meta.id`` of the profile's domain when the input holds it."""
    security_groups: list[str] | None
