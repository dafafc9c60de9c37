"""Mirror: network isolation on; absent means off."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting


class HostingModelNetworkIsolation(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_model",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        return setting(conf, "enable_network_isolation") is True


check = HostingModelNetworkIsolation()
