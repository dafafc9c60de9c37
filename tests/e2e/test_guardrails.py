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
from smguard.guardrails import GuardrailSettings, guardrail_policy, sdk_defaults
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
