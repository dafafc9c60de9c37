"""Mirror: no production variant enables SSM access."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, blocks, setting


class HostingNoSsmAccess(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_endpoint_configuration",), CheckCategories.GENERAL_SECURITY)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        variants = [*blocks(conf, "production_variants"), *blocks(conf, "shadow_production_variants")]
        return all(setting(variant, "enable_ssm_access") in (False, None) for variant in variants)


check = HostingNoSsmAccess()
