"""Mirror: every monitoring job runs in a VpcConfig with subnets and security groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MONITORING_RESOURCES, MirrorCheck, monitoring_settings_of, required


class MonitoringInCustomerVpc(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(MONITORING_RESOURCES, CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        job = monitoring_settings_of(self.entity_type, conf)
        return True if job is None else required(job, "subnets", "security_group_ids")


check = MonitoringInCustomerVpc()
