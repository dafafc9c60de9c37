"""Mirror: every job encrypts inter-container traffic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import JOB_RESOURCES, MirrorCheck, all_jobs, flag


class TrainingInterContainerEncryption(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(JOB_RESOURCES, CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return all_jobs(
            self.entity_type, conf, lambda job: flag(job, "enable_inter_container_traffic_encryption", True)
        )


check = TrainingInterContainerEncryption()
