"""Mirror: every production variant runs on two or more instances (serverless ones are not judged)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, blocks, present, setting, unresolved


class HostingMultipleInstances(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_endpoint_configuration",), CheckCategories.GENERAL_SECURITY)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        verdicts = [_one(variant) for variant in blocks(conf, "production_variants")]
        if False in verdicts:
            return False
        return None if None in verdicts else True


def _one(variant: Mapping[str, Any]) -> bool | None:
    if present(setting(variant, "serverless_config")):
        return True
    count = setting(variant, "initial_instance_count")
    if count is None or unresolved(count):
        return None
    return str(count) != "1"


check = HostingMultipleInstances()
