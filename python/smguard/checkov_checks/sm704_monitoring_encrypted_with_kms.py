"""Mirror: every monitoring job has a volume and an output KMS key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MONITORING_RESOURCES, MirrorCheck, monitoring_settings_of, required


class MonitoringEncryptedWithKms(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(MONITORING_RESOURCES, CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        job = monitoring_settings_of(self.entity_type, conf)
        return True if job is None else required(job, "volume_kms_key_id", "output_kms_key_id")


check = MonitoringEncryptedWithKms()
