"""The compliance mapping: METADATA names Security Hub controls; AWS's data adds standards and NIST."""

from __future__ import annotations

import pytest

from smguard import catalog
from smguard.errors import ConfigError


def test_a_control_brings_its_standard_and_nist_controls() -> None:
    mapped = catalog.compliance([{"control": "SageMaker.3"}])
    assert {"framework": "aws-securityhub", "control": "SageMaker.3", "partial": False} in mapped
    assert {"framework": "aws-ai-security-best-practices", "control": "SageMaker.3", "partial": False} in mapped
    nist = sorted(m["control"] for m in mapped if m["framework"] == "nist-800-53-r5")
    assert nist == ["AC-2(1)", "AC-3(15)", "AC-3(7)", "AC-6", "AC-6(10)", "AC-6(2)"]


def test_partial_holds_only_where_every_mapping_is_partial() -> None:
    # SageMaker.1 and .2 map to the same NIST controls: one full mapping makes them full.
    mapped = catalog.compliance([{"control": "SageMaker.1", "partial": "stricter"}, {"control": "SageMaker.2"}])
    assert {"framework": "aws-securityhub", "control": "SageMaker.1", "partial": True} in mapped
    assert all(not m["partial"] for m in mapped if m["framework"] == "nist-800-53-r5")


def test_tagging_controls_are_not_in_the_ai_standard() -> None:
    mapped = catalog.compliance([{"control": "SageMaker.6"}])
    assert [m["framework"] for m in mapped] == ["aws-securityhub"]


def test_an_unknown_control_is_refused() -> None:
    with pytest.raises(ConfigError, match="SageMaker.99"):
        catalog.compliance([{"control": "SageMaker.99"}])


def test_every_security_hub_control_is_judged_or_says_why_not() -> None:
    mapped = {
        c["control"] for r in catalog.rules().values() for c in r.compliance if c["framework"] == "aws-securityhub"
    }
    for control in catalog.securityhub_controls().values():
        assert (control["id"] in mapped) != bool(control.get("not_covered")), control["id"]
