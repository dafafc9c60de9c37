"""Mirror: every container image is in Amazon ECR or pulled through the VPC (no config: any account)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from checkov.common.models.enums import CheckCategories

from smguard.checkov_mirror import MirrorCheck, setting, unresolved

_ECR = re.compile(r"[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/")


class HostingTrustedImages(MirrorCheck):
    def __init__(self) -> None:
        super().__init__(("aws_sagemaker_model",), CheckCategories.SUPPLY_CHAIN)

    def verdict(self, conf: Mapping[str, Any]) -> bool | None:
        verdicts = [_trusted(c) for key in ("primary_container", "container", "containers") for c in _all(conf, key)]
        if False in verdicts:
            return False
        return None if None in verdicts else True


def _all(conf: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """Blocks (HCL, plan) or one object or a list of them (a template's PrimaryContainer, Containers)."""
    value = conf.get(key)
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, Mapping)]


def _trusted(container: Mapping[str, Any]) -> bool | None:
    image, mode = setting(container, "image"), setting(container, "image_config", "repository_access_mode")
    if image is None:
        return True  # a model package's container
    if mode == "Vpc" or (isinstance(image, str) and _ECR.match(image)):
        return True
    if unresolved(image) or unresolved(mode):
        return None
    return False


check = HostingTrustedImages()
