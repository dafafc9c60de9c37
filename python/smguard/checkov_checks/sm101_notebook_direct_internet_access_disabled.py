"""Mirror: direct internet access disabled; absent means Enabled (Checkov's CKV_AWS_122 passes it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting


class NotebookDirectInternetAccessDisabled(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_notebook_instance",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return bool(setting(conf, "direct_internet_access") == "Disabled")


check = NotebookDirectInternetAccessDisabled()
