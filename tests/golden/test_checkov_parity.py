"""The Checkov mirrors agree with the Rego rules on every golden case: HCL, plan JSON and template.

Checkov runs in-process, once per framework for the whole session. Checkov has no smguard
config, so the Rego side is evaluated without one too; parity is on failures (an unknown Rego
verdict must not be a Checkov failure: its mirror answers UNKNOWN).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from smguard import catalog
from smguard.paths import REPO_ROOT
from tests.golden.cases import GOLDEN, Case, discover

MIRRORED = sorted(r.id for r in catalog.rules().values() if r.checkov_mirror)
CASES = discover()
Failures = dict[str, set[tuple[str, str]]]


def _run(framework: str) -> Failures:
    from checkov.cloudformation.runner import Runner as CloudFormationRunner
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.plan_runner import Runner as PlanRunner
    from checkov.terraform.runner import Runner as HclRunner

    checks_dir = str(REPO_ROOT / "python/smguard/checkov_checks")
    runner_filter = RunnerFilter(framework=[framework], checks=MIRRORED)
    if framework == "terraform":
        report = HclRunner().run(root_folder=str(GOLDEN), external_checks_dir=[checks_dir], runner_filter=runner_filter)
    elif framework == "cloudformation":
        files = [str(c.template) for c in CASES if c.template is not None]
        report = CloudFormationRunner().run(
            root_folder=None, files=files, external_checks_dir=[checks_dir], runner_filter=runner_filter
        )
    else:
        files = [str(c.folder / "plan.json") for c in CASES]
        report = PlanRunner().run(
            root_folder=None, files=files, external_checks_dir=[checks_dir], runner_filter=runner_filter
        )
    failures: Failures = defaultdict(set)
    for record in report.failed_checks:
        folder = Path(record.file_abs_path).parent.resolve()
        failures[str(folder)].add((record.check_id, record.resource))
    return failures


@pytest.fixture(scope="session")
def checkov_failures() -> dict[str, Failures]:
    return {framework: _run(framework) for framework in ("terraform", "terraform_plan", "cloudformation")}


def _rego_failures(case: Case, form: str = "plan") -> set[tuple[str, str]]:
    # A job found inside a pipeline or state machine is reported by Checkov on the resource itself.
    return {
        (rule_id, resource.split("#")[0])
        for rule_id, resource, status in case.verdicts(with_config=False, form=form)
        if rule_id in MIRRORED and status == "fail"
    }


@pytest.mark.parametrize("framework", ["terraform", "terraform_plan"])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_checkov_mirror_agrees_with_rego(case: Case, framework: str, checkov_failures: dict[str, Any]) -> None:
    assert checkov_failures[framework].get(str(case.folder.resolve()), set()) == _rego_failures(case)


@pytest.mark.parametrize("case", [c for c in CASES if c.template is not None], ids=str)
def test_checkov_mirror_agrees_with_rego_on_the_template(case: Case, checkov_failures: dict[str, Any]) -> None:
    # Checkov names a CloudFormation resource "<Type>.<LogicalId>".
    found = {(rule, resource.split(".", 1)[1]) for rule, resource in checkov_failures["cloudformation"].get(
        str(case.folder.resolve()), set())}  # fmt: skip
    assert found == _rego_failures(case, form="template")


def test_enough_rules_are_mirrored_and_each_is_a_file() -> None:
    assert len(MIRRORED) >= 20
    folder = REPO_ROOT / "python/smguard/checkov_checks"
    files = {p.stem for p in folder.glob("sm*.py")}
    assert files == {r.mirror_module for r in catalog.rules().values() if r.checkov_mirror}


def test_every_rule_is_mirrored_or_says_why_not() -> None:
    for rule in catalog.rules().values():
        assert rule.checkov_mirror != bool(rule.checkov_not_mirrored), rule.id
