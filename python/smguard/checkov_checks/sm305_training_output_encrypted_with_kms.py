"""Mirror: every job has an output KMS key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import JOB_RESOURCES, MirrorCheck, all_jobs, required


class TrainingOutputEncryptedWithKms(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(JOB_RESOURCES, CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return all_jobs(self.entity_type, conf, lambda job: required(job, "output_kms_key_id"))


check = TrainingOutputEncryptedWithKms()
