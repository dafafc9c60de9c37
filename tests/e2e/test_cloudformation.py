"""CloudFormation templates through the real CLI: the corpus, hostile templates, parameters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smguard.frontends.cloudformation import decode

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "tests" / "corpus" / "cloudformation"
HOSTILE = ROOT / "tests" / "hostile" / "templates"
# cfn-guard's test files are rule tests, not templates.
NOT_TEMPLATES = {p.name for p in CORPUS.glob("guard__*")}
JUDGED = {f"AWS::SageMaker::{k}" for k in ("NotebookInstance", "Model", "EndpointConfig", "Endpoint", "Domain")}


def scan(*args: str | Path) -> tuple[int, set[tuple[str, str, str]], str]:
    result = subprocess.run([sys.executable, "-m", "smguard", "scan", *map(str, args), "--format", "json"],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["findings"] if result.returncode in (0, 1) else []
    return result.returncode, {(f["rule_id"], f["resource"], f["status"]) for f in findings}, result.stderr


TEMPLATES = sorted(
    p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.name not in NOT_TEMPLATES
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_public_template_is_judged_without_a_crash(path: Path) -> None:
    code, _, stderr = scan(path)
    assert code in (0, 1), stderr
    # Every SageMaker resource of a kind smguard judges is in the document (or an error for it).
    document = json.loads(subprocess.run([sys.executable, "-m", "smguard", "convert", str(path), "-o", "-"],
                                         capture_output=True, text=True, check=True).stdout)  # fmt: skip
    read = {r["meta"]["id"] for kind in document["resources"].values() for r in kind} | {
        e["resource"] for e in document["errors"]
    }
    template = decode(path.read_text(), path.name)
    judged = {logical_id for logical_id, resource in template["Resources"].items()
              if resource.get("Type") in JUDGED and "Condition" not in resource}  # fmt: skip
    assert judged <= read, sorted(judged - read)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("guard__*")), ids=lambda p: p.name)
def test_files_that_are_not_templates_are_refused(path: Path) -> None:
    code, _, stderr = scan(path)
    assert code == 2 and "not a CloudFormation template" in stderr


# Checked by hand against the templates.
def test_kics_notebook_examples() -> None:
    _, open_to_internet, _ = scan(CORPUS / "kics__sagemaker_enabling_internet_access__positive1.yaml")
    assert ("SM101", "Notebook", "fail") in open_to_internet
    _, closed, _ = scan(CORPUS / "kics__sagemaker_enabling_internet_access__negative1.yaml")
    assert "SM101" not in {r for r, _, _ in closed}
    _, in_vpc, _ = scan(CORPUS / "kics__sagemaker_notebook_not_placed_in_vpc__negative2.json")
    assert "SM102" not in {r for r, _, _ in in_vpc}
    _, outside, _ = scan(CORPUS / "kics__sagemaker_notebook_not_placed_in_vpc__positive2.json")
    assert "SM102" in {r for r, _, _ in outside}


def test_model_isolation_examples() -> None:
    _, failed, _ = scan(CORPUS / "checkov__CKV_AWS_370_SagemakerModelWithNetworkIsolation-FAILED.yaml")
    _, passed, _ = scan(CORPUS / "checkov__CKV_AWS_370_SagemakerModelWithNetworkIsolation-PASSED.yaml")
    assert "SM402" in {r for r, _, _ in failed}
    assert "SM402" not in {r for r, _, _ in passed}


@pytest.mark.parametrize(
    "check",
    [
        "CKV_AWS_367_SagemakerDataQualityJobDefinitionEncryption",
        "CKV_AWS_368_SagemakerDataQualityJobDefinitionVolumeEncryption",
    ],
)
def test_monitoring_key_examples_agree_with_checkov(check: str) -> None:
    """Checkov's output key and volume key checks: SM704 asks for both, on the same resources."""
    _, failed, _ = scan(CORPUS / f"checkov__{check}-FAILED.yaml")
    _, passed, _ = scan(CORPUS / f"checkov__{check}-PASSED.yaml")
    failing = {resource for rule, resource, status in failed if rule == "SM704" and status == "fail"}
    assert failing and all(resource.startswith("MyDataQualityJobDefinitionFail") for resource in failing)
    assert ("SM704", "MyDataQualityJobDefinitionPass", "fail") not in passed | failed


def test_the_hosting_chain_is_followed_through_get_att() -> None:
    _, findings, _ = scan(
        CORPUS / "kics__sagemaker_endpoint_config_should_specify_kms_key_id_attribute__positive1.yaml"
    )
    assert ("SM405", "fail") in {(r, s) for r, _, s in findings}  # the endpoint serves a model without isolation


def test_aws_managed_policies_of_roles_are_judged() -> None:
    # An AWS-managed policy with thousands of action patterns (ReadOnlyAccess) among them.
    code, findings, stderr = scan(CORPUS / "smlops__env_iam_vpcsubnets_presigned.yaml")
    assert code == 1, stderr
    assert ("SM204", "SageMakerExecutionRole#AmazonSageMakerFullAccess", "fail") in findings


HOSTILE_EXPECTED = {
    "billion_laughs.yaml": (2, "YAML alias amplification"),
    "deep_nesting.yaml": (2, "nesting depth"),
    "duplicate_keys.yaml": (2, "Duplicate found 'DirectInternetAccess'"),
    "not_a_template.yaml": (2, "not a CloudFormation template"),
    "undefined_reference.yaml": (1, None),
    "unknown_tag.yaml": (1, None),
    "huge_string.yaml": (1, None),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_hostile_templates(name: str) -> None:
    code, findings, stderr = scan(HOSTILE / name)
    expected_code, message = HOSTILE_EXPECTED[name]
    assert code == expected_code, stderr
    if message:
        assert stderr.count("\n") == 1 and message in stderr
    if name == "undefined_reference.yaml":
        assert findings == {("SM001", "Notebook", "error")}
    if name == "unknown_tag.yaml":  # an unknown function is unknown, never a pass
        assert ("SM101", "Notebook", "unknown") in findings


def test_every_hostile_template_has_an_expectation() -> None:
    assert {p.name for p in HOSTILE.iterdir()} == set(HOSTILE_EXPECTED)


PARAMETERIZED = """
Parameters:
  Internet: {Type: String, Default: Enabled, AllowedValues: [Enabled, Disabled]}
  Key: {Type: String, Default: ""}
Conditions:
  HasKey: !Not [!Equals [!Ref Key, ""]]
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/nb"
      DirectInternetAccess: !Ref Internet
      KmsKeyId: !If [HasKey, !Ref Key, !Ref AWS::NoValue]
"""


def test_parameters_and_conditions(tmp_path: Path) -> None:
    template = tmp_path / "nb.yaml"
    template.write_text(PARAMETERIZED)
    _, defaults, _ = scan(template)
    assert {("SM101", "fail"), ("SM105", "fail")} <= {(r, s) for r, _, s in defaults}
    given = tmp_path / "params.json"
    key = "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
    given.write_text(json.dumps([{"ParameterKey": "Internet", "ParameterValue": "Disabled"},
                                 {"ParameterKey": "Key", "ParameterValue": key}]))  # fmt: skip
    _, overridden, _ = scan(template, "--parameters", given)
    assert not {r for r, _, _ in overridden} & {"SM101", "SM105"}
    lines = tmp_path / "params.env"
    lines.write_text("Internet=Disabled\n")
    _, by_lines, _ = scan(template, "--parameters", lines)
    assert "SM101" not in {r for r, _, _ in by_lines}
    wrong = tmp_path / "wrong.env"
    wrong.write_text("Internt=Disabled\n")
    code, _, stderr = scan(template, "--parameters", wrong)
    assert code == 2 and "does not declare: Internt" in stderr


def test_a_template_without_sagemaker_resources_is_clean(tmp_path: Path) -> None:
    template = tmp_path / "bucket.yaml"
    template.write_text("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n")
    code, findings, stderr = scan(template)
    assert (code, findings) == (0, set())
    assert "read 1 resources, none of a kind smguard judges" in stderr


def test_sarif_points_at_the_line_of_the_resource(tmp_path: Path) -> None:
    template = tmp_path / "nb.yaml"
    template.write_text(PARAMETERIZED)
    result = subprocess.run([sys.executable, "-m", "smguard", "scan", str(template), "--format", "sarif"],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1, result.stderr
    (location,) = {
        json.dumps(r["locations"][0]["physicalLocation"]) for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    line = PARAMETERIZED.splitlines().index("  Notebook:") + 1
    assert json.loads(location)["region"] == {"startLine": line}
