"""Mirror verdicts on Checkov resource confs (values wrapped in lists, as Checkov passes them)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from checkov.common.models.enums import CheckResult

SM503 = importlib.import_module("smguard.checkov_checks.sm503_network_endpoint_private_dns").check


def _endpoint(**fields: Any) -> dict[str, Any]:
    conf = {"service_name": "com.amazonaws.eu-west-1.sagemaker.api", "vpc_endpoint_type": "Interface",
            "private_dns_enabled": False} | fields  # fmt: skip
    return {key: [value] for key, value in conf.items()}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, CheckResult.FAILED),
        ({"private_dns_enabled": True}, CheckResult.PASSED),
        ({"vpc_endpoint_type": "Gateway"}, CheckResult.PASSED),
        ({"service_name": "com.amazonaws.${var.region}.sagemaker.api"}, CheckResult.UNKNOWN),
        ({"vpc_endpoint_type": "${var.endpoint_type}"}, CheckResult.UNKNOWN),
        ({"private_dns_enabled": "${var.private_dns}"}, CheckResult.UNKNOWN),
    ],
    ids=["off", "on", "gateway", "unresolved-service", "unresolved-type", "unresolved-dns"],
)
def test_sm503_mirror_is_unknown_on_unresolved_expressions(fields: dict[str, Any], expected: CheckResult) -> None:
    assert SM503.scan_resource_conf(_endpoint(**fields)) == expected
