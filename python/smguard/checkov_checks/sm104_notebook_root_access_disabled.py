"""Mirror: root access disabled; absent means Enabled."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting


class NotebookRootAccessDisabled(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_notebook_instance",), CheckCategories.IAM)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return bool(setting(conf, "root_access") == "Disabled")


check = NotebookRootAccessDisabled()
