"""The same deployment as a Terraform plan and as a CloudFormation template gives the same findings.

Every golden case CloudFormation can express has ``template.yaml`` (``synth_template.py``): the
plan's findings, with each address written as the template's logical ID, must be exactly the
template's. The two frontends read different names (Terraform's attributes and schema defaults,
the API's fields and defaults), so this pins that they agree, rule area by rule area.
"""

from __future__ import annotations

import json

import pytest

from smguard import catalog
from tests.golden.cases import Case, discover
from tests.golden.synth_template import logical_id, synthesize, terraform_only

CASES = discover()
WITH_TEMPLATES = [c for c in CASES if c.template is not None]


def _as_logical_ids(case: Case, verdicts: list[list[str]]) -> list[list[str]]:
    addresses = {r["address"] for r in json.loads((case.folder / "plan.json").read_text())["resource_changes"]}
    ids = {address: logical_id(address) for address in addresses}

    def rename(resource: str) -> str:
        root, hash_, rest = resource.partition("#")
        return ids.get(root, root) + hash_ + rest

    return sorted([rule, rename(resource), status] for rule, resource, status in verdicts)


@pytest.mark.parametrize("case", WITH_TEMPLATES, ids=str)
def test_the_template_gives_the_plans_findings(case: Case) -> None:
    assert case.verdicts(form="template") == _as_logical_ids(case, case.expected())


@pytest.mark.parametrize("case", CASES, ids=str)
def test_templates_are_the_synthesized_ones(case: Case) -> None:
    """A case has a template exactly when CloudFormation can express it, and it is up to date."""
    main_tf = case.folder / "main.tf"
    if terraform_only(main_tf) is None:
        assert case.template is not None and case.template.read_text() == synthesize(main_tf), "run `make golden-synth`"
    else:
        assert case.template is None


# Areas whose golden cases CloudFormation cannot express as synthesized; their template forms
# are in the unit tests where there is one.
NO_TEMPLATE_FORM = {
    "human_review": "CloudFormation has no flow definition resource",
    "registry": "a group's policy is a resource of its own in Terraform (tests/unit/test_registry.py)",
}


def test_every_rule_area_has_cases_in_both_forms() -> None:
    areas = {rule.area for rule in catalog.rules().values() if rule.resource != "any"} - set(NO_TEMPLATE_FORM)
    with_both = {catalog.rules()[c.rule_id].area for c in WITH_TEMPLATES}
    assert areas <= with_both, sorted(areas - with_both)
    # fail and pass cases of every rule with a template form
    outcomes = {(c.rule_id, c.outcome) for c in WITH_TEMPLATES}
    assert {r for r, _ in outcomes if (r, "fail") in outcomes and (r, "pass") in outcomes} >= {
        "SM101", "SM102", "SM201", "SM301", "SM401", "SM405", "SM501", "SM502", "SM504", "SM601",
    }  # fmt: skip
