"""AWS endpoint service names, classified for the SageMaker services the rules care about."""

from __future__ import annotations

import re

# com.amazonaws.<region>.sagemaker.api / .runtime / .runtime-fips / .featurestore-runtime,
# aws.sagemaker.<region>.notebook / .studio
_SAGEMAKER = re.compile(
    r"^(?:com\.amazonaws\.[a-z0-9-]+\.sagemaker\.(?P<svc>api|runtime|runtime-fips|featurestore-runtime)"
    r"|aws\.sagemaker\.[a-z0-9-]+\.(?P<nb>notebook|studio))$"
)


def sagemaker_service(service_name: str) -> str | None:
    """``api``, ``runtime``, ``runtime-fips``, ``featurestore-runtime``, ``notebook``, ``studio`` or None."""
    match = _SAGEMAKER.match(service_name.strip().lower())
    if match is None:
        return None
    return match.group("svc") or match.group("nb")
