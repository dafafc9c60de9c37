"""The documented command line: checkov with smguard's mirrors as external checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
CHECKOV = Path(sys.executable).parent / "checkov"


def test_checkov_cli_runs_the_mirrors_on_hcl_and_plans() -> None:
    checks = subprocess.run(
        [sys.executable, "-m", "smguard", "checkov-dir"], capture_output=True, text=True, check=True
    )
    folder = ROOT / "tests/golden/SM101/fail_direct_internet_enabled"
    command = [
        str(CHECKOV), "-d", str(folder), "--external-checks-dir", checks.stdout.strip(),
        "--framework", "terraform", "terraform_plan", "--repo-root-for-plan-enrichment", str(folder),
        "--check", "SM101,SM104", "--skip-download", "-o", "json", "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
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
    checks = subprocess.run(
        [sys.executable, "-m", "smguard", "checkov-dir"], capture_output=True, text=True, check=True
    )
    template = ROOT / "tests/golden/SM101/fail_direct_internet_enabled/template.yaml"
    command = [
        str(CHECKOV), "-f", str(template), "--external-checks-dir", checks.stdout.strip(),
        "--framework", "cloudformation", "--check", "SM101,SM104", "--skip-download", "-o", "json",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr[-2000:]
    report = json.loads(result.stdout)
    failed = {(check["check_id"], check["resource"]) for check in report["results"]["failed_checks"]}
    passed = {(check["check_id"], check["resource"]) for check in report["results"]["passed_checks"]}
    resource = "AWS::SageMaker::NotebookInstance.FailDirectInternetEnabledNotebookInstance"
    assert (failed, passed) == ({("SM101", resource)}, {("SM104", resource)})
