"""Mirror: data capture and async output carry KMS keys when configured."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, present, setting


class HostingCapturedOutputEncrypted(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_endpoint_configuration",), CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        capture = present(setting(conf, "data_capture_config"))
        capturing = capture and setting(conf, "data_capture_config", "enable_capture") is not False
        if capturing and not present(setting(conf, "data_capture_config", "kms_key_id")):
            return False
        asynchronous = present(setting(conf, "async_inference_config"))
        return not asynchronous or present(setting(conf, "async_inference_config", "output_config", "kms_key_id"))


check = HostingCapturedOutputEncrypted()
