"""Mirror: the model has VpcConfig subnets and security groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, present, setting


class HostingModelInCustomerVpc(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_model",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        subnets, groups = setting(conf, "vpc_config", "subnets"), setting(conf, "vpc_config", "security_group_ids")
        return present(subnets) and present(groups)


check = HostingModelInCustomerVpc()
