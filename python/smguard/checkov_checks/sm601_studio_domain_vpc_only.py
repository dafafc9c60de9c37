"""Mirror: VpcOnly; absent means PublicInternetOnly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting


class StudioDomainVpcOnly(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_domain",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return bool(setting(conf, "app_network_access_type") == "VpcOnly")


check = StudioDomainVpcOnly()
