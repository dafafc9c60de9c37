"""Mirror: a subnet is configured."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, present, setting


class NotebookInCustomerSubnet(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_notebook_instance",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return present(setting(conf, "subnet_id"))


check = NotebookInCustomerSubnet()
