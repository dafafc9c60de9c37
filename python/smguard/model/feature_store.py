"""SageMaker Feature Store feature groups."""

from __future__ import annotations

from typing_extensions import TypedDict

from smguard.model.meta import Meta


class FeatureGroup(TypedDict):
    """A feature group's stores, AWS defaults applied."""

    meta: Meta
    name: str | None
    offline_store: bool | None
    """True when an offline store (S3) is configured."""
    offline_kms_key_id: str | None
    online_store: bool | None
    """True when the online store is enabled (off by default)."""
    online_storage_type: str | None
    """``Standard`` (the default) or ``InMemory``."""
    online_kms_key_id: str | None
