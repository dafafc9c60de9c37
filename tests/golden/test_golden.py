"""Every golden case through the real plan frontend and the real ``opa eval``."""

from __future__ import annotations

import re

import pytest

from tests.golden.cases import Case, discover

CASES = discover()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_findings_are_exactly_the_expected_ones(case: Case) -> None:
    assert case.verdicts() == case.expected()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case_name_matches_its_verdict(case: Case) -> None:
    """fail_* and unknown_* cases are flagged by their rule as promised; pass_* cases by nothing."""
    expected = case.expected()
    if case.outcome == "pass":
        assert expected == []
    else:
        # The resource under test carries the case name as its Terraform label (a job found in a
        # pipeline or state machine adds "#<step>").
        under_test = re.compile(rf"\.{case.name}(#.*)?$")
        assert [case.rule_id, case.outcome] in [[r, s] for r, res, s in expected if under_test.search(res)]


def test_every_rule_has_pass_and_fail_cases() -> None:
    from smguard import catalog

    outcomes = {(c.rule_id, c.outcome) for c in CASES}
    missing = [
        f"{rule_id} {outcome}"
        for rule_id, rule in catalog.rules().items()
        if rule.resource != "any"
        for outcome in ("pass", "fail")
        if (rule_id, outcome) not in outcomes
    ]
    assert not missing, f"rules without golden cases: {missing}"
