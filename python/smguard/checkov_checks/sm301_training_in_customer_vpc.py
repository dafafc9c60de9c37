"""Mirror: every job has VpcConfig subnets and security groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import JOB_RESOURCES, MirrorCheck, all_jobs, required


class TrainingInCustomerVpc(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(JOB_RESOURCES, CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return all_jobs(self.entity_type, conf, lambda job: required(job, "subnets", "security_group_ids"))


check = TrainingInCustomerVpc()
