"""Mirror: a feature group's offline store has a KMS key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import FEATURE_GROUPS, MirrorCheck, feature_group_settings_of, required


class FeatureStoreOfflineStoreEncrypted(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(FEATURE_GROUPS, CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        group = feature_group_settings_of(conf)
        store = group["offline_store"]
        return True if store.known and not store.value else required(group, "offline_kms_key_id")


check = FeatureStoreOfflineStoreEncrypted()
