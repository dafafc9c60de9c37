"""`smguard guardrails`: the generated policy is valid, fits, and passes SM306 (a round trip)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from smguard.errors import InputError
from smguard.frontends.iam_policy import parse_policy
from smguard.guardrails import GuardrailSettings, guardrail_policy, policy_text, sdk_defaults
from smguard.guardrails.policy import SCP_LIMIT

SUBNETS = ("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
GROUPS = ("sg-0123456789abcdef0",)
KEY = "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def smguard(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smguard", *map(str, args)], capture_output=True, text=True, check=False, cwd=cwd
    )


def _plan_with_scp(content: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(content)
    return {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": "aws_organizations_policy.guardrail",
                "mode": "managed",
                "type": "aws_organizations_policy",
                "name": "guardrail",
                "change": {
                    "actions": ["create"],
                    "after": {"name": "sagemaker-guardrail", "content": text, "type": "SERVICE_CONTROL_POLICY"},
                    "after_unknown": {"id": True, "arn": True},
                },
            }
        ],
        "configuration": {
            "root_module": {
                "resources": [
                    {
                        "address": "aws_organizations_policy.guardrail",
                        "expressions": {"content": {"constant_value": text}},
                    }
                ]
            }
        },
    }


def _scan_scp(tmp_path: Path, content: dict[str, Any]) -> list[dict[str, Any]]:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_plan_with_scp(content)))
    result = smguard("scan", plan, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return [f for f in json.loads(result.stdout)["findings"] if f["rule_id"] == "SM306"]


def test_generated_policy_passes_sm306(tmp_path: Path) -> None:
    result = smguard("guardrails", "--subnets", *SUBNETS, "--security-groups", *GROUPS, "--kms-key", KEY, "--org")
    assert result.returncode == 0, result.stderr
    policy = json.loads(result.stdout)
    assert len(json.dumps(policy, separators=(",", ":"))) <= SCP_LIMIT
    assert parse_policy(policy)  # valid policy language
    assert _scan_scp(tmp_path, policy) == []


def test_broken_variant_fails_sm306(tmp_path: Path) -> None:
    policy = guardrail_policy(GuardrailSettings(SUBNETS, GROUPS, organization=True))
    # The classic mistake: both keys in one Null block.
    merged = policy["Statement"][0]
    merged["Condition"]["Null"]["sagemaker:VpcSecurityGroupIds"] = "true"
    del policy["Statement"][1]
    findings = _scan_scp(tmp_path, policy)
    assert [f["resource"] for f in findings] == ["aws_organizations_policy.guardrail"]
    assert "deny only when both are missing" in findings[0]["message"]


def test_every_statement_fires_when_the_setting_is_omitted() -> None:
    policy = guardrail_policy(GuardrailSettings(SUBNETS, GROUPS, (KEY,)))
    for statement in parse_policy(policy):
        assert statement["effect"] == "Deny"
        (condition,) = statement["conditions"]
        omitted_fires = (condition["base"] == "Null" and condition["values"] == ["true"]) or condition["if_exists"]
        # The approved-value lists only bind when the key is present; Null statements cover absence.
        assert omitted_fires or condition["qualifier"] == "ForAnyValue", statement["sid"]


def test_sdk_defaults_carry_the_vpc_settings(tmp_path: Path) -> None:
    result = smguard(
        "guardrails", "--subnets", *SUBNETS, "--security-groups", *GROUPS, "--kms-key", KEY, "--emit", "sdk-config",
        "-o", tmp_path / "config.yaml",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "config.yaml").read_text()
    assert "&" not in text  # no YAML anchors: the SDK's loader and humans read it plainly
    config = yaml.safe_load(text)
    assert config["SchemaVersion"] == "1.0"
    vpc = {"SecurityGroupIds": list(GROUPS), "Subnets": sorted(SUBNETS)}
    assert config["SageMaker"]["TrainingJob"]["VpcConfig"] == vpc
    assert config["SageMaker"]["TrainingJob"]["EnableNetworkIsolation"] is True
    assert config["SageMaker"]["TrainingJob"]["ResourceConfig"] == {"VolumeKmsKeyId": KEY}
    assert config["SageMaker"]["ProcessingJob"]["NetworkConfig"]["VpcConfig"] == vpc
    assert config["SageMaker"]["Model"] == {"VpcConfig": vpc, "EnableNetworkIsolation": True}
    assert sdk_defaults(GuardrailSettings(SUBNETS, GROUPS))["SageMaker"].get("EndpointConfig") is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--subnets", "subnet-x", "--security-groups", "sg-0123456789abcdef0"], "'subnet-x' is not a subnet ID"),
        (["--subnets", SUBNETS[0], "--security-groups", "default"], "'default' is not a security group ID"),
        (["--subnets", SUBNETS[0], "--security-groups", GROUPS[0], "--kms-key", "alias/x"], "is not a KMS key ARN"),
    ],
)
def test_bad_values_are_exit_2(args: list[str], message: str) -> None:
    result = smguard("guardrails", *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_too_many_values_for_an_scp_is_refused() -> None:
    subnets = tuple(f"subnet-{i:017x}" for i in range(200))
    with pytest.raises(InputError, match="over the SCP limit of 5120"):
        guardrail_policy(GuardrailSettings(subnets, GROUPS, organization=True))


# The guardrail checked by the independent oracle (tests/oracle): condition keys each action
# really supports (iam-data), and decisions of the IAM simulator on compliant and non-compliant
# requests, with the policy as an SCP and as an IAM policy.
APPROVED = {
    "sagemaker:VpcSubnets": [SUBNETS[1]],
    "sagemaker:VpcSecurityGroupIds": list(GROUPS),
    "sagemaker:NetworkIsolation": "true",
    "sagemaker:InterContainerTrafficEncryption": "true",
    "sagemaker:DirectInternetAccess": "Disabled",
    "sagemaker:RootAccess": "Disabled",
    "sagemaker:VolumeKmsKeyArn": KEY,
    "sagemaker:OutputKmsKeyArn": KEY,
}
OTHER_KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
UNAPPROVED = {
    "sagemaker:VpcSubnets": [SUBNETS[1], "subnet-0badbadbadbadbad0"],
    "sagemaker:VpcSecurityGroupIds": ["sg-0badbadbadbadbad0"],
    "sagemaker:NetworkIsolation": "false",
    "sagemaker:InterContainerTrafficEncryption": "false",
    "sagemaker:DirectInternetAccess": "Enabled",
    "sagemaker:RootAccess": "Enabled",
    "sagemaker:VolumeKmsKeyArn": OTHER_KEY,
    "sagemaker:OutputKmsKeyArn": OTHER_KEY,
}
RESOURCE = {
    "CreateNotebookInstance": "notebook-instance/nb", "UpdateNotebookInstance": "notebook-instance/nb",
    "CreateTrainingJob": "training-job/t", "CreateHyperParameterTuningJob": "hyper-parameter-tuning-job/h",
    "CreateProcessingJob": "processing-job/p", "CreateModel": "model/m", "CreateEndpointConfig": "endpoint-config/c",
}  # fmt: skip
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
VARIANTS = {
    "iam": GuardrailSettings(SUBNETS, GROUPS),
    "iam with keys": GuardrailSettings(SUBNETS, GROUPS, (KEY,)),
    "scp with keys": GuardrailSettings(SUBNETS, GROUPS, (KEY,), organization=True),
}


def _guarded(policy: dict[str, Any]) -> dict[str, set[str]]:
    """Action -> the condition keys some statement of the policy tests for it."""
    guarded: dict[str, set[str]] = {}
    for statement in policy["Statement"]:
        for action in statement["Action"]:
            guarded.setdefault(action, set()).update(k for test in statement["Condition"].values() for k in test)
    return guarded


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_condition_key_is_one_its_actions_support(variant: str) -> None:
    from tests.oracle.simulator import condition_keys

    guarded = _guarded(guardrail_policy(VARIANTS[variant]))
    _, supported = condition_keys(sorted(guarded))
    for action, keys in guarded.items():
        known = supported[action]
        assert known is not None, f"{action} is no IAM action"
        assert keys <= set(known), f"{action} does not support {sorted(keys - set(known))}"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_simulator_denies_each_departure_and_allows_the_compliant_request(variant: str) -> None:
    from tests.oracle.simulator import ACCOUNT, Simulator, condition_keys

    settings = VARIANTS[variant]
    policy = json.loads(policy_text(guardrail_policy(settings), settings))
    guarded = _guarded(policy)
    _, supported = condition_keys(sorted(guarded))
    requests, expected = [], []
    for action, keys in sorted(guarded.items()):
        resource = {
            "arn": f"arn:aws:sagemaker:eu-west-1:{ACCOUNT}:{RESOURCE[action.split(':')[1]]}",
            "account": ACCOUNT,
        }
        compliant = {k: v for k, v in APPROVED.items() if k in (supported[action] or [])}

        def request(context: dict[str, Any], action: str = action, resource: dict[str, str] = resource) -> None:
            requests.append({"action": action, "context": context, "resource": resource})

        request(compliant)
        expected.append((action, "compliant", "Allowed"))
        for key in sorted(keys):
            request({k: v for k, v in compliant.items() if k != key})
            expected.append((action, f"without {key}", "ExplicitlyDenied"))
            request({**compliant, key: UNAPPROVED[key]})
            expected.append((action, f"unapproved {key}", "ExplicitlyDenied"))
    simulator = Simulator()
    try:
        if settings.organization:
            decisions = simulator.decide([ALLOW_ALL], requests, scps=[ALLOW_ALL, policy])
        else:
            decisions = simulator.decide([ALLOW_ALL, policy], requests)
    finally:
        simulator.close()
    wrong = [(a, case, want, got) for (a, case, want), got in zip(expected, decisions, strict=True) if got != want]
    assert wrong == []


def test_the_scp_limit_holds_for_the_bytes_written(tmp_path: Path) -> None:
    # As many subnets as fit: the check is on the compact text written, whitespace included.
    subnets = tuple(f"subnet-{i:017x}" for i in range(200))
    for count in range(len(subnets), 0, -1):
        try:
            guardrail_policy(GuardrailSettings(subnets[:count], GROUPS, (KEY,), organization=True))
            break
        except InputError:
            continue
    out = tmp_path / "scp.json"
    args = ["--subnets", *subnets[:count], "--security-groups", *GROUPS, "--kms-key", KEY, "--org", "-o", out]
    assert smguard("guardrails", *args).returncode == 0
    assert SCP_LIMIT - 40 < len(out.read_text().rstrip("\n")) <= SCP_LIMIT
    one_more = ["--subnets", *subnets[: count + 1], "--security-groups", *GROUPS, "--kms-key", KEY, "--org"]
    refused = smguard("guardrails", *one_more)
    assert refused.returncode == 2 and "over the SCP limit of 5120" in refused.stderr
