"""Mirror: the notebook's platform is not one whose support has ended (unset is AWS's current default)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting, unresolved

_ENDED = frozenset({"notebook-al1-v1", "notebook-al2-v1", "notebook-al2-v2", "notebook-al2-v3"})


class NotebookSupportedPlatform(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_notebook_instance",), CheckCategories.GENERAL_SECURITY)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        platform = setting(conf, "platform_identifier")
        return None if unresolved(platform) else platform not in _ENDED


check = NotebookSupportedPlatform()
