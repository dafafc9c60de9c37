"""Mirror: security groups are configured (a reference counts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, present, setting


class NotebookSecurityGroupsExplicit(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_notebook_instance",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return present(setting(conf, "security_groups"))


check = NotebookSecurityGroupsExplicit()
