"""Mirror: minimum IMDS version 2."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting


class NotebookImdsv2Required(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_notebook_instance",), CheckCategories.GENERAL_SECURITY)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        version = setting(conf, "instance_metadata_service_configuration", "minimum_instance_metadata_service_version")
        return bool(version == "2")


check = NotebookImdsv2Required()
