"""The smguard command as users run it: a real process, real files, real opa."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smguard import catalog

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "tests/golden/examples/notebooks/plan.json"
CORPUS = ROOT / "tests/corpus/tfplan"


def smguard(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smguard", *map(str, args)], capture_output=True, text=True, check=False
    )


def test_defaults_notebook_fails_sm101_to_sm106_and_hardened_one_passes() -> None:
    result = smguard("scan", EXAMPLE, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    flagged = {(f["rule_id"], f["resource"], f["status"]) for f in report["findings"]}
    defaults = "aws_sagemaker_notebook_instance.defaults"
    assert flagged == {(rule, defaults, "fail") for rule in ("SM101", "SM102", "SM103", "SM104", "SM105", "SM106")}
    assert report["summary"]["resources"] == 5  # 2 notebooks and 3 VPC endpoints
    assert report["summary"]["by_status"] == {"fail": 6, "error": 0, "unknown": 0, "waived": 0}
    assert report["summary"]["passed"] is False
    finding = report["findings"][0]
    assert set(finding) == {
        "rule_id",
        "status",
        "severity",
        "resource",
        "message",
        "title",
        "attribute",
        "location",
        "waiver",
        "compliance",
    }


def test_text_report_groups_findings_by_resource() -> None:
    result = smguard("scan", EXAMPLE)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("aws_sagemaker_notebook_instance.defaults")
    assert sum(line.startswith("  FAIL") for line in lines) == 6
    assert lines[-1] == "5 resources scanned: 6 failed, 0 errors, 0 unknown, 0 waived - FAILED"


def test_clean_plan_exits_zero() -> None:
    result = smguard("scan", ROOT / "tests/golden/SM101/pass_direct_internet_disabled/plan.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4 resources scanned: 0 failed, 0 errors, 0 unknown, 0 waived"


def test_config_disables_rules(tmp_path: Path) -> None:
    config = tmp_path / "smguard.yaml"
    config.write_text("rules:\n  disable: [SM101, SM102, SM103, SM104, SM105, SM106]\n")
    result = smguard("scan", EXAMPLE, "--config", config)
    assert result.returncode == 0, result.stdout + result.stderr


def test_several_inputs_are_one_scan(tmp_path: Path) -> None:
    other = ROOT / "tests/golden/SM104/fail_root_access_enabled/plan.json"
    report = json.loads(smguard("scan", EXAMPLE, other, "--format", "json").stdout)
    assert report["summary"]["resources"] == 9
    assert {s["name"] for s in report["sources"]} == {str(EXAMPLE), str(other)}


def test_two_plans_of_the_same_code_are_judged_apart(tmp_path: Path) -> None:
    # dev and prod plans of one module share every address; their models must not be confused.
    dev = ROOT / "tests/golden/SM405/fail_endpoint_serves_model_without_isolation/plan.json"
    prod = tmp_path / "prod.json"
    prod.write_text(dev.read_text().replace('"enable_network_isolation": false', '"enable_network_isolation": true'))
    done = smguard("scan", dev, prod, "--format", "json")
    assert done.returncode == 1, done.stderr
    verdicts = {(f["rule_id"], f["location"]) for f in json.loads(done.stdout)["findings"] if f["status"] == "fail"}
    assert ("SM405", str(dev)) in verdicts
    assert ("SM405", str(prod)) not in verdicts


def test_convert_then_scan_the_document_gives_the_same_findings(tmp_path: Path) -> None:
    document = tmp_path / "input.json"
    assert smguard("convert", EXAMPLE, "-o", document).returncode == 0
    assert json.loads(document.read_text())["schema_version"] == 3
    direct = json.loads(smguard("scan", EXAMPLE, "--format", "json").stdout)["findings"]
    converted = json.loads(smguard("scan", document, "--format", "json").stdout)["findings"]
    assert [(f["rule_id"], f["resource"]) for f in converted] == [(f["rule_id"], f["resource"]) for f in direct]


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert smguard("scan", EXAMPLE, "--format", "json", "-o", out).returncode == 1
    assert len(json.loads(out.read_text())["findings"]) == 6


def _bad_input_cases(tmp_path: Path) -> dict[str, tuple[list[str | Path], str]]:
    (tmp_path / "broken.json").write_text('{"format_version": "1.2", "resource_changes": [')
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "other.json").write_text('{"kind": "Deployment"}')
    (tmp_path / "bad.yaml").write_text("netwrok: {}\n")
    (tmp_path / "doc.json").write_text('{"schema_version": 3, "resources": {"notebook_instances": 3}}')
    (tmp_path / "unrelated").mkdir()
    (tmp_path / "unrelated" / "package.json").write_text('{"name": "x"}')
    return {
        "missing file": (["scan", tmp_path / "nope.json"], "no such file"),
        "directory": (
            ["scan", tmp_path / "unrelated"],
            "no Terraform plan, snapshot, CloudFormation template or CDK cloud assembly in it",
        ),
        "malformed JSON": (["scan", tmp_path / "broken.json"], "not valid JSON"),
        "JSON array": (["scan", tmp_path / "list.json"], "not a Terraform plan"),
        "not a plan": (["scan", tmp_path / "other.json"], "not a Terraform plan"),
        "state file": (["scan", CORPUS / "checkov__state_json_named_corrupted_plan.json"], "Terraform state"),
        "bad config": (["scan", EXAMPLE, "--config", tmp_path / "bad.yaml"], "unknown config section"),
        "invalid document": (["scan", tmp_path / "doc.json"], "not a valid smguard document"),
        "no path": (["scan"], "scan takes PATHs or --aws"),
        "unknown format": (["scan", EXAMPLE, "--format", "xml"], "invalid choice"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing file",
        "directory",
        "malformed JSON",
        "JSON array",
        "not a plan",
        "state file",
        "bad config",
        "invalid document",
        "no path",
        "unknown format",
    ],
)
def test_bad_input_is_exit_2_with_one_line(tmp_path: Path, case: str) -> None:
    args, message = _bad_input_cases(tmp_path)[case]
    result = smguard(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("smguard: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_opa_says_how_to_install(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "smguard", "scan", str(EXAMPLE), "--engine", "opa"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/nonexistent", "SMGUARD_OPA": str(tmp_path / "opa")},
    )
    assert result.returncode == 2
    assert result.stderr == f"smguard: SMGUARD_OPA={tmp_path / 'opa'} is not an executable file\n"


def test_version() -> None:
    result = smguard("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("smguard 0.")


def test_rules_json_lists_the_catalog() -> None:
    result = smguard("rules", "--format", "json")
    listed = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(listed) == set(catalog.rules())
    assert listed["SM101"]["severity"] == catalog.rules()["SM101"].severity


def test_config_is_found_in_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / ".smguard.yaml").write_text("rules:\n  disable: [SM101, SM102, SM103, SM104, SM105, SM106]\n")
    result = subprocess.run(
        [sys.executable, "-m", "smguard", "scan", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / ".smguard.yaml").write_text("access:\n  corporate_cidrs: [10.0.0.300/8]\n")
    result = subprocess.run(
        [sys.executable, "-m", "smguard", "scan", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("smguard: .smguard.yaml: access.corporate_cidrs: '10.0.0.300/8' is not a CIDR")


UNKNOWN_ONLY = ROOT / "tests/golden/SM201/unknown_policy_from_reference/plan.json"


def test_fail_on_unknown_for_strict_ci(tmp_path: Path) -> None:
    # A policy built with jsonencode over ARNs of the same plan: its verdicts are unknown.
    default = smguard("scan", UNKNOWN_ONLY, "--format", "json")
    assert default.returncode == 0, default.stderr
    statuses = {f["status"] for f in json.loads(default.stdout)["findings"]}
    assert statuses == {"unknown"}
    strict = smguard("scan", UNKNOWN_ONLY, "--format", "json", "--fail-on", "fail,error,unknown")
    assert strict.returncode == 1, strict.stderr
    assert json.loads(strict.stdout)["summary"]["passed"] is False
    config = tmp_path / "smguard.yaml"
    config.write_text("scan:\n  fail_on: [unknown]\n")
    assert smguard("scan", UNKNOWN_ONLY, "--config", config).returncode == 1
    # The option overrides the config; fail and error fail a scan whatever it lists.
    assert smguard("scan", UNKNOWN_ONLY, "--config", config, "--fail-on", "fail").returncode == 0
    assert smguard("scan", EXAMPLE, "--fail-on", "unknown").returncode == 1


@pytest.mark.parametrize("value", ["unknwon", "fail,waived", ""])
def test_fail_on_refuses_other_statuses(value: str) -> None:
    result = smguard("scan", EXAMPLE, "--fail-on", value)
    if value:
        assert result.returncode == 2
        assert result.stderr.startswith("smguard: --fail-on: ") and "not one of fail, error, unknown" in result.stderr
    else:
        assert result.returncode == 1  # nothing added: fail and error still fail the example


def test_a_folder_is_scanned_for_plans_and_templates(tmp_path: Path) -> None:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "plan.json").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n"
        "    Properties: {InstanceType: ml.t3.medium, RoleArn: r}\n"
    )
    (tmp_path / "package.json").write_text('{"name": "app"}')
    (tmp_path / "README.md").write_text("# not an input\n")
    (tmp_path / "node_modules" / "x").mkdir(parents=True)
    (tmp_path / "node_modules" / "x" / "plan.json").write_bytes(EXAMPLE.read_bytes())
    result = smguard("scan", tmp_path, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "2 inputs read, 2 other files skipped" in result.stderr
    resources = {(f["resource"], f["location"].rsplit("/", 1)[-1]) for f in json.loads(result.stdout)["findings"]}
    assert ("Notebook", "stack.yaml") in resources
    assert any(location == "plan.json" for _, location in resources)


def test_rules_and_scans_of_one_compliance_framework(tmp_path: Path) -> None:
    listed = json.loads(smguard("rules", "--framework", "aws-securityhub", "--format", "json").stdout)
    assert {r["id"] for r in listed} == {
        "SM101", "SM102", "SM104", "SM105", "SM108", "SM402", "SM407", "SM408", "SM701", "SM702", "SM711", "SM712",
    }  # fmt: skip
    scanned = smguard("scan", EXAMPLE, "--framework", "aws-securityhub", "--format", "json")
    findings = json.loads(scanned.stdout)["findings"]
    assert {f["rule_id"] for f in findings} == {"SM101", "SM102", "SM104", "SM105"}  # not SM103, SM106
    assert all(any(c["framework"] == "aws-securityhub" for c in f["compliance"]) for f in findings)
    sarif = json.loads(smguard("scan", EXAMPLE, "--format", "sarif").stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "aws-securityhub/SageMaker.1" in rules["SM101"]["properties"]["tags"]
    assert "nist-800-53-r5/SC-7" in rules["SM101"]["properties"]["tags"]
    assert rules["SM103"]["properties"]["compliance"] == []
