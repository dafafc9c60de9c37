"""Mirror: every job runs with network isolation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import JOB_RESOURCES, MirrorCheck, all_jobs, flag


class TrainingNetworkIsolation(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(JOB_RESOURCES, CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return all_jobs(self.entity_type, conf, lambda job: flag(job, "enable_network_isolation", True))


check = TrainingNetworkIsolation()
