"""Mirror: kms_key_arn is set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, present, setting


class HostingEndpointConfigVolumeEncrypted(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_endpoint_configuration",), CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return present(setting(conf, "kms_key_arn"))


check = HostingEndpointConfigVolumeEncrypted()
