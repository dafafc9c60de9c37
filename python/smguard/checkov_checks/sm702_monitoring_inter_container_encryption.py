"""Mirror: every monitoring job encrypts inter-container traffic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MONITORING_RESOURCES, MirrorCheck, flag, monitoring_settings_of


class MonitoringInterContainerEncryption(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(MONITORING_RESOURCES, CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        job = monitoring_settings_of(self.entity_type, conf)
        return True if job is None else flag(job, "enable_inter_container_traffic_encryption", True)


check = MonitoringInterContainerEncryption()
