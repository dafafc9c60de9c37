"""Mirror: a human review flow definition's output has a KMS key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, flow_definition_settings_of, required


class HumanReviewOutputEncrypted(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_flow_definition",), CheckCategories.ENCRYPTION)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return required(flow_definition_settings_of(conf), "output_kms_key_id")


check = HumanReviewOutputEncrypted()
