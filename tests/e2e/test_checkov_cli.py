"""The documented command line: checkov with smguard's mirrors as external checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CHECKOV = Path(sys.executable).parent / "checkov"


def _checkov(*args: str) -> subprocess.CompletedProcess[str]:
    """The real checkov with the folder `smguard checkov-dir` prints as its external checks."""
    checks = subprocess.run(
        [sys.executable, "-m", "smguard", "checkov-dir"], capture_output=True, text=True, check=True
    ).stdout.strip()
    command = [str(CHECKOV), *args, "--external-checks-dir", checks, "--skip-download", "-o", "json"]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_checkov_cli_runs_the_mirrors_on_hcl_and_plans() -> None:
    folder = ROOT / "tests/golden/SM101/fail_direct_internet_enabled"
    result = _checkov("-d", str(folder), "--framework", "terraform", "terraform_plan",
                      "--repo-root-for-plan-enrichment", str(folder), "--check", "SM101,SM104", "--quiet")  # fmt: skip
    assert result.returncode == 1, result.stderr[-2000:]
    reports = json.loads(result.stdout)
    failed = {
        (report["check_type"], check["check_id"], check["resource"])
        for report in (reports if isinstance(reports, list) else [reports])
        for check in report["results"]["failed_checks"]
    }
    resource = "aws_sagemaker_notebook_instance.fail_direct_internet_enabled"
    assert failed == {("terraform", "SM101", resource), ("terraform_plan", "SM101", resource)}


def test_checkov_cli_runs_the_mirrors_on_templates() -> None:
    template = ROOT / "tests/golden/SM101/fail_direct_internet_enabled/template.yaml"
    result = _checkov("-f", str(template), "--framework", "cloudformation", "--check", "SM101,SM104")
    assert result.returncode == 1, result.stderr[-2000:]
    report = json.loads(result.stdout)
    failed = {(check["check_id"], check["resource"]) for check in report["results"]["failed_checks"]}
    passed = {(check["check_id"], check["resource"]) for check in report["results"]["passed_checks"]}
    resource = "AWS::SageMaker::NotebookInstance.FailDirectInternetEnabledNotebookInstance"
    assert (failed, passed) == ({("SM101", resource)}, {("SM104", resource)})


@pytest.mark.parametrize("number", ["367", "368", "369"])
def test_monitoring_mirrors_agree_with_checkovs_own_checks(number: str) -> None:
    """Checkov's data quality job checks on its own examples: SM702 is CKV_AWS_369, and SM704
    (both keys) fails exactly where CKV_AWS_367 (output key) or CKV_AWS_368 (volume key) does."""
    (example,) = (ROOT / "tests/corpus/terraform").glob(f"checkov__CKV_AWS_{number}_*.tf")
    result = _checkov("-f", str(example), "--framework", "terraform", "--quiet",
                      "--check", "CKV_AWS_367,CKV_AWS_368,CKV_AWS_369,SM702,SM704")  # fmt: skip
    failed: dict[str, set[str]] = {}
    for check in json.loads(result.stdout)["results"]["failed_checks"]:
        failed.setdefault(check["check_id"], set()).add(check["resource"])
    assert failed.get(f"CKV_AWS_{number}")  # the example's failing resources fail its check
    assert failed.get("SM702", set()) == failed.get("CKV_AWS_369", set())
    assert failed.get("SM704", set()) == failed.get("CKV_AWS_367", set()) | failed.get("CKV_AWS_368", set())
