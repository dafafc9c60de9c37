"""Mirror: SageMaker interface endpoints have private DNS on; absent means off."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting, unresolved
from smguard.frontends.services import sagemaker_service


class NetworkEndpointPrivateDns(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_vpc_endpoint",), CheckCategories.NETWORKING)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        service, kind = setting(conf, "service_name"), setting(conf, "vpc_endpoint_type")
        dns = setting(conf, "private_dns_enabled")
        if unresolved(service) or unresolved(kind):
            return None
        if not isinstance(service, str) or sagemaker_service(service) is None or kind != "Interface":
            return True
        return None if unresolved(dns) else dns is True


check = NetworkEndpointPrivateDns()
