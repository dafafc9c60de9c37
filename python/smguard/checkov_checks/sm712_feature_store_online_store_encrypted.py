"""Mirror: a feature group's enabled Standard online store has a KMS key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import FEATURE_GROUPS, MirrorCheck, feature_group_settings_of, flag, required


class FeatureStoreOnlineStoreEncrypted(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(FEATURE_GROUPS, CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        group = feature_group_settings_of(conf)
        if flag(group, "online_store", True) is False or group["online_storage_type"].value == "InMemory":
            return True
        key = required(group, "online_kms_key_id")
        undecided = group["online_store"].unknown or group["online_storage_type"].unknown
        return None if key is not True and undecided else key


check = FeatureStoreOnlineStoreEncrypted()
