"""The routes a new user takes on the first day: each fails closed and speaks in one clear line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from smguard import catalog
from smguard.config import parse_config
from smguard.engine.binaries import find_tool
from smguard.errors import ConfigError
from tests.e2e.test_reports import MULTITOOL

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "tests/golden/examples/notebooks/plan.json"
DEFAULTS = "aws_sagemaker_notebook_instance.defaults"


def smguard(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None,
            stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "smguard", *map(str, args)], capture_output=True, text=stdin is None, check=False,
        env=env, cwd=cwd, input=stdin,
    )  # fmt: skip


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr
    return lines[0]


# --- waivers ------------------------------------------------------------------------------------

TYPO = "aws_sagemaker_notebook_instance.defualts"


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "smguard.yaml"
    path.write_text(text)
    return path


@pytest.fixture
def typo_waiver(tmp_path: Path) -> Path:
    return _config(
        tmp_path,
        f"""
waivers:
  - {{rule: SM101, resource: "{DEFAULTS}", reason: lab, expires: 2099-01-01}}
  - {{rule: SM104, resource: "{TYPO}", reason: break-glass, expires: 2099-01-01}}
""",
    )


def test_an_unused_waiver_is_a_warning_in_text_json_and_sarif(tmp_path: Path, typo_waiver: Path) -> None:
    text = smguard("scan", EXAMPLE, "--config", typo_waiver)
    assert text.returncode == 1  # the six failures, not the waiver
    assert f"WARNING: unused waiver: waivers[1] (SM104 on '{TYPO}') matches no finding" in text.stdout
    assert "1 unused waivers" in text.stdout.splitlines()[-1]

    report = json.loads(smguard("scan", EXAMPLE, "--config", typo_waiver, "--format", "json").stdout)
    assert report["unused_waivers"] == [{"index": 1, "rule": "SM104", "resource": TYPO, "reason": "break-glass",
                                         "expires": "2099-01-01", "level": "warning"}]  # fmt: skip
    assert report["summary"]["unused_waivers"] == 1

    sarif = tmp_path / "report.sarif"
    scanned = smguard("scan", EXAMPLE, "--config", typo_waiver, "--format", "sarif", "-o", sarif)
    assert "smguard: warning: unused waiver: waivers[1]" in scanned.stderr
    log = json.loads(sarif.read_text())
    jsonschema.validate(log, json.loads((MULTITOOL / "sarif-2.1.0.json").read_text()))
    (notification,) = log["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert notification["descriptor"]["id"] == "unused-suppression"
    assert notification["level"] == "warning"
    assert notification["associatedRule"]["id"] == "SM104"
    validation = tmp_path / "validation.sarif"
    done = subprocess.run([str(MULTITOOL / "Sarif.Multitool"), "validate", str(sarif), "-o", str(validation)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    problems = json.loads(validation.read_text())["runs"][0].get("results", [])
    assert [p for p in problems if p.get("level", "warning") == "error"] == []


def test_strict_waivers_make_an_unused_waiver_fail_the_scan(tmp_path: Path) -> None:
    # Every finding waived, so only the unused waiver can fail the scan.
    config = _config(
        tmp_path,
        f"""
waivers:
  - {{rule: "SM1*", resource: "{DEFAULTS}", reason: lab, expires: 2099-01-01}}
""".replace('"SM1*"', "SM101"),
    )
    lenient = smguard("scan", EXAMPLE, "--config", config, "--format", "json")
    assert lenient.returncode == 1  # SM102-SM106 still fail
    waive_all = "\n".join(
        f"  - {{rule: {r}, resource: '{DEFAULTS}', reason: lab, expires: 2099-01-01}}"
        for r in ("SM101", "SM102", "SM103", "SM104", "SM105", "SM106", "SM107")
    )
    config.write_text("waivers:\n" + waive_all + "\n")
    assert smguard("scan", EXAMPLE, "--config", config).returncode == 0  # SM107 unused: a warning
    strict = smguard("scan", EXAMPLE, "--config", config, "--strict-waivers", "--format", "json")
    assert strict.returncode == 1
    report = json.loads(strict.stdout)
    assert [(w["rule"], w["level"]) for w in report["unused_waivers"]] == [("SM107", "error")]
    assert report["summary"]["passed"] is False


def test_an_impossible_waiver_date_is_a_config_error(tmp_path: Path) -> None:
    config = _config(tmp_path, "waivers:\n  - {rule: SM101, resource: x, reason: y, expires: 2027-02-30}\n")
    line = _one_line(smguard("scan", EXAMPLE, "--config", config))
    assert line == f"smguard: {config}: an impossible date (day is out of range for month)"


BAD_CONFIGS = [
    {"acess": {"corporate_cidrs": ["10.0.0.0/8"]}},
    {"network": {"approved_subnets": ["subnet-0a1b2c3d4e5f60718"]}},
    {"network": {"approved_vpc_ids": "vpc-0123456789abcdef0"}},
    {"access": {"corporate_cidrs": ["10.0.0.1/8"]}},
    {"access": {"corporate_cidrs": ["10.0.0.0/33"]}},
    {"perimeter": {"org_id": "o-*"}},
    {"rules": {"disable": ["SM199"]}},
    {"rules": {"disable": ["SM001"]}},
    {"waivers": [{"rule": "SM101", "resource": "*", "reason": "r"}]},
    {"waivers": [{"rule": "SM101", "resource": "*", "reason": "r", "expires": "2027-02-30"}]},
    {"waivers": [{"rule": "SM101", "resource": "*", "reason": "", "expires": "2027-01-01"}]},
    {"waivers": [{"rule": "SM101", "resource": "*", "reason": "r", "expires": "2027-01-01", "owner": "me"}]},
    {"waivers": [{"rule": "SM1O1", "resource": "*", "reason": "r", "expires": "2027-01-01"}]},
    {"waivers": [{"rule": "SM001", "resource": "*", "reason": "r", "expires": "2027-01-01"}]},
    {"waivers": {"rule": "SM101"}},
    {"policies": "rules"},
]
GOOD_CONFIGS = [
    {},
    {
        "access": {
            "corporate_cidrs": ["192.0.2.0/24", "2001:db8::/32"],
            "allowed_vpce_ids": ["vpce-0a1b2c3d4e5f60718"],
        },
        "perimeter": {"org_id": "o-a1b2c3d4e5", "account_ids": ["123456789012"]},
    },  # fmt: skip
    {
        "rules": {"disable": ["SM106"]},
        "waivers": [{"rule": "SM101", "resource": "*", "reason": "r", "expires": "2027-01-01"}],
    },  # fmt: skip
]


def _rego_problems(config: Any, tmp_path: Path) -> list[str]:
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"smguard": {"config": config}}))
    done = subprocess.run(
        [str(find_tool("opa")), "eval", "--format", "json", "--bundle", str(ROOT / "policies"), "--ignore",
         "*_test.rego", "--data", str(data), "data.smguard.lib.config.problems"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return list(json.loads(done.stdout)["result"][0]["expressions"][0]["value"])


@pytest.mark.parametrize("config", BAD_CONFIGS + GOOD_CONFIGS, ids=lambda c: json.dumps(c)[:60])
def test_the_cli_and_the_rego_routes_refuse_the_same_configs(config: Any, tmp_path: Path) -> None:
    try:
        parse_config(json.dumps(config), "config", rules=catalog.rules())
        refused = False
    except ConfigError:
        refused = True
    problems = _rego_problems(config, tmp_path)
    assert refused == (config in BAD_CONFIGS)
    assert bool(problems) == refused, problems


def test_the_readme_config_example_is_valid() -> None:
    text = (ROOT / "README.md").read_text()
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "waivers:" in b]
    config = parse_config(block, "README.md", rules=catalog.rules())
    assert config["waivers"][0]["expires"] == "2027-03-31"


# --- conftest -----------------------------------------------------------------------------------


def _conftest(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(find_tool("conftest")), *map(str, args)], capture_output=True, text=True,
                          check=False, cwd=ROOT, input=stdin)  # fmt: skip


def _failures(result: subprocess.CompletedProcess[str]) -> dict[str, set[tuple[str, str]]]:
    """namespace -> {(rule, status)} of conftest's failures."""
    return {e["namespace"]: {(f["metadata"]["rule_id"], f["metadata"]["status"]) for f in e.get("failures") or []}
            for e in json.loads(result.stdout)}  # fmt: skip


SIX = {(f"SM10{n}", "fail") for n in range(1, 7)}


def test_conftest_with_its_defaults_judges(tmp_path: Path) -> None:
    document = tmp_path / "in.json"
    assert smguard("convert", EXAMPLE, "-o", document).returncode == 0
    plain = _conftest("test", document, "-p", "policies", "-o", "json")
    assert plain.returncode == 1, plain.stdout + plain.stderr
    assert _failures(plain) == {"main": SIX}
    every = _conftest("test", document, "-p", "policies", "--all-namespaces", "-o", "json")
    assert every.returncode == 1, every.stdout + every.stderr
    judged = {namespace: found for namespace, found in _failures(every).items() if found}
    assert judged == {"main": SIX, "smguard.conftest": SIX}


def test_convert_to_stdout_pipes_into_conftest() -> None:
    converted = smguard("convert", EXAMPLE, "-o", "-")
    assert converted.returncode == 0
    assert not Path("-").exists()
    piped = _conftest("test", "-", "-p", "policies", "-n", "smguard.conftest", "-o", "json", stdin=converted.stdout)
    assert piped.returncode == 1
    assert _failures(piped) == {"smguard.conftest": SIX}


def test_conftest_data_with_an_incomplete_waiver_is_an_error_not_a_pass(tmp_path: Path) -> None:
    document = tmp_path / "in.json"
    smguard("convert", EXAMPLE, "-o", document)
    data = tmp_path / "config.json"
    data.write_text(json.dumps({"smguard": {"config": {"waivers": [{"rule": "SM101", "resource": "*", "reason": "r"}],
                                                       "netwrok": {}}}}))  # fmt: skip
    result = _conftest("test", document, "-p", "policies", "-n", "smguard.conftest", "-o", "json", "--data", data)
    assert result.returncode == 1
    (entry,) = json.loads(result.stdout)
    errors = {f["metadata"]["message"] for f in entry["failures"] if f["metadata"]["rule_id"] == "SM001"}
    assert errors == {
        "waivers[0]: expires is required (a non-empty string)",
        'unknown config section "netwrok" (known: access, hosting, network, perimeter, policies, rules, scan, waivers)',
    }
    assert ("SM101", "fail") in _failures(result)["smguard.conftest"]  # the incomplete waiver waived nothing


# --- inputs that are not plans ------------------------------------------------------------------

WRAPPED = """[command]/home/runner/work/_temp/3f1c/terraform-bin show -json plan.out
{"format_version":"1.2","resource_changes":[]}
::debug::Terraform exited with code 0.
::debug::stdout: {"format_version":"1.2"}
"""
CLOUDFORMATION = """AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
"""


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("main.tf", 'resource "aws_sagemaker_notebook_instance" "x" {\n  name = "x"\n}\n', "Terraform source (HCL)"),
        ("plan.json", WRAPPED, "setup-terraform's wrapper"),
    ],
)
def test_what_a_file_looks_like_is_named_with_what_to_run(tmp_path: Path, name: str, content: str, hint: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    assert hint in _one_line(smguard("scan", path))


def test_a_template_under_any_name_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "stack.cfn"
    path.write_text(CLOUDFORMATION + "    Properties: {InstanceType: ml.t3.medium, RoleArn: r}\n")
    result = smguard("scan", path, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert {f["rule_id"] for f in json.loads(result.stdout)["findings"]} >= {"SM101", "SM102"}


def test_a_binary_plan_file_is_named(tmp_path: Path) -> None:
    plan = tmp_path / "plan.out"
    with zipfile.ZipFile(plan, "w") as archive:
        archive.writestr("tfplan", b"\x00\x01\x02\xff\xfe")
    assert "binary Terraform plan file; run `terraform plan -out plan.out && terraform show -json" in _one_line(
        smguard("scan", plan)
    )


# --- live set-up --------------------------------------------------------------------------------


def _no_aws(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return env | {"AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"), "AWS_CONFIG_FILE": str(tmp_path / "none"),
                  "AWS_EC2_METADATA_DISABLED": "true", "AWS_DEFAULT_REGION": "us-east-1"} | extra  # fmt: skip


def test_missing_credentials_are_one_line(tmp_path: Path) -> None:
    line = _one_line(smguard("scan", "--aws", env=_no_aws(tmp_path)))
    assert line.startswith("smguard: cannot tell which account the credentials belong to")
    assert "no AWS credentials found" in line


def test_an_unknown_profile_is_one_line(tmp_path: Path) -> None:
    line = _one_line(smguard("snapshot", "-o", tmp_path / "s.json", "--profile", "nope", env=_no_aws(tmp_path)))
    assert line == "smguard: cannot use the AWS profile 'nope': The config profile (nope) could not be found"


def test_bad_collection_limits_are_usage_errors() -> None:
    assert "is not a positive number of seconds" in _one_line(smguard("scan", "--aws", "--timeout", "0"))
    assert "is not a positive whole number" in _one_line(smguard("scan", "--aws", "--max-attempts", "-1"))


# --- users' own rules ---------------------------------------------------------------------------


@pytest.fixture
def user_rules(tmp_path: Path) -> Path:
    """The README's example rule, as the README prints it."""
    text = (ROOT / "README.md").read_text()
    rego = re.search(r"<!-- example: user-rule -->\n```rego\n(.*?)```", text, re.DOTALL)
    assert rego is not None
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "notebook_owner_named.rego").write_text(rego.group(1))
    return folder


def test_a_user_rule_is_first_class(tmp_path: Path, user_rules: Path) -> None:
    report = json.loads(smguard("scan", EXAMPLE, "--policy", user_rules, "--format", "json").stdout)
    assert {(f["rule_id"], f["status"]) for f in report["findings"] if f["rule_id"] == "SM901"} == {("SM901", "fail")}
    assert {f["title"] for f in report["findings"] if f["rule_id"] == "SM901"} == {"Notebook names carry their owner"}

    listed = json.loads(smguard("rules", "--policy", user_rules, "--format", "json").stdout)
    assert [r["id"] for r in listed][-1] == "SM901"

    sarif = tmp_path / "r.sarif"
    assert smguard("scan", EXAMPLE, "--policy", user_rules, "--format", "sarif", "-o", sarif).returncode == 1
    log = json.loads(sarif.read_text())
    jsonschema.validate(log, json.loads((MULTITOOL / "sarif-2.1.0.json").read_text()))
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert descriptors[-1]["id"] == "SM901"
    assert {descriptors[r["ruleIndex"]]["id"] for r in log["runs"][0]["results"]} >= {"SM901"}

    # From the config: the folder (relative to it), a waiver and a disabled rule of the user's.
    (tmp_path / "waive.yaml").write_text(
        "policies: [my-rules]\nwaivers:\n  - {rule: SM901, resource: '*', reason: naming later, expires: 2099-01-01}\n"
    )
    waived = json.loads(smguard("scan", EXAMPLE, "--config", tmp_path / "waive.yaml", "--format", "json").stdout)
    assert {f["status"] for f in waived["findings"] if f["rule_id"] == "SM901"} == {"waived"}
    (tmp_path / "off.yaml").write_text("policies: [my-rules]\nrules: {disable: [SM901]}\n")
    off = json.loads(smguard("scan", EXAMPLE, "--config", tmp_path / "off.yaml", "--format", "json").stdout)
    assert not [f for f in off["findings"] if f["rule_id"] == "SM901"]
    # Without the folder, SM901 is unknown to the CLI's config check.
    (tmp_path / "alone.yaml").write_text("rules: {disable: [SM901]}\n")
    assert "unknown rules: SM901" in _one_line(smguard("scan", EXAMPLE, "--config", tmp_path / "alone.yaml"))


def test_a_user_rule_goes_into_the_bundle(tmp_path: Path, user_rules: Path) -> None:
    bundle = tmp_path / "b.tar.gz"
    assert smguard("bundle", "-o", bundle, "--policy", user_rules).returncode == 0
    inspected = subprocess.run([str(find_tool("opa")), "inspect", "--format", "json", str(bundle)],
                               capture_output=True, text=True, check=True)  # fmt: skip
    packages = set(json.loads(inspected.stdout)["namespaces"])
    assert "data.smguard.rules.custom.notebook_owner_named" in packages


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("id: SM901", "id: SM101"), "custom.id must be SM9 and two digits, the users' range"),
        (("severity: LOW", "severity: low"), "custom.severity must be one of CRITICAL, HIGH, MEDIUM, LOW"),
        (("#   remediation: Name the notebook owner-<team>-<purpose>.\n", ""), "custom.remediation is required"),
        (
            ("package smguard.rules.custom.notebook_owner_named", "package mine.notebook_owner_named"),
            "the package must be smguard.rules.<area>.<slug>",
        ),
        (("findings contains", "findings contains bad"), "the Rego does not load"),
    ],
)
def test_a_user_rule_with_bad_metadata_is_refused(user_rules: Path, change: tuple[str, str], problem: str) -> None:
    rule = user_rules / "notebook_owner_named.rego"
    assert change[0] in rule.read_text()
    rule.write_text(rule.read_text().replace(*change))
    assert problem in _one_line(smguard("scan", EXAMPLE, "--policy", user_rules))


def test_yaml_config_of_the_user_rule_reaches_conftest_unchanged(tmp_path: Path, user_rules: Path) -> None:
    """The same YAML, as conftest --data: SM9xx rules are accepted in Rego (their METADATA is not readable there)."""
    config = {"policies": ["my-rules"], "rules": {"disable": ["SM901"]}}
    assert _rego_problems(yaml.safe_load(json.dumps(config)), tmp_path) == []
