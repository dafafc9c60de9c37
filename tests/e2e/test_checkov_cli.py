"""The documented command line: checkov with smguard's mirrors as external checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
