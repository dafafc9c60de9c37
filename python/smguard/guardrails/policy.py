"""A deny policy that blocks SageMaker resources created outside the approved VPC settings.

Every statement is a Deny that fires when the request omits the setting: a Null test per key
(never two keys in one Null block, which would deny only when both are missing), or a negated
test with ...IfExists. Usable as an SCP (``--org``) or as an IAM policy attached to every role
that creates SageMaker resources.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from smguard import aws_ids
from smguard.errors import InputError

SCP_LIMIT = 5120  # characters, AWS Organizations (whitespace included)
IAM_LIMIT = 6144  # characters, customer managed policy

_NOTEBOOK = "sagemaker:CreateNotebookInstance"
_JOBS = ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"]
_MODEL = "sagemaker:CreateModel"
_ENDPOINT_CONFIG = "sagemaker:CreateEndpointConfig"

_PATTERNS = {
    "subnets": (re.compile(aws_ids.SUBNET), "a subnet ID (subnet-…)"),
    "security_groups": (re.compile(aws_ids.SECURITY_GROUP), "a security group ID (sg-…)"),
    "kms_keys": (re.compile(aws_ids.KMS_KEY_ARN), "a KMS key ARN"),
}


@dataclass(frozen=True)
class GuardrailSettings:
    subnets: tuple[str, ...]
    security_groups: tuple[str, ...]
    kms_keys: tuple[str, ...] = ()
    organization: bool = False

    def __post_init__(self) -> None:
        if not self.subnets or not self.security_groups:
            raise InputError("guardrails need at least one subnet and one security group")
        for field, values in (("subnets", self.subnets), ("security_groups", self.security_groups),
                              ("kms_keys", self.kms_keys)):  # fmt: skip
            pattern, what = _PATTERNS[field]
            for value in values:
                if not pattern.fullmatch(value):
                    raise InputError(f"{value!r} is not {what}")


def _deny(sid: str, actions: list[str], operator: str, key: str, values: str | list[str]) -> dict[str, Any]:
    return {"Sid": sid, "Effect": "Deny", "Action": actions, "Resource": "*", "Condition": {operator: {key: values}}}


def guardrail_policy(settings: GuardrailSettings) -> dict[str, Any]:
    """The policy document; raises InputError when its text (policy_text) would exceed the limit."""
    policy = _policy(settings)
    policy_text(policy, settings)
    return policy


def policy_text(policy: dict[str, Any], settings: GuardrailSettings) -> str:
    """The text to write: compact for an SCP, whose whitespace counts against its limit, indented
    for IAM; the limit is checked on exactly these characters."""
    text = json.dumps(policy, separators=(",", ":")) if settings.organization else json.dumps(policy, indent=2)
    limit = SCP_LIMIT if settings.organization else IAM_LIMIT
    if len(text) > limit:
        kind = "SCP" if settings.organization else "IAM policy"
        size = len(text)
        raise InputError(f"the guardrail is {size} characters, over the {kind} limit of {limit}; list fewer values")
    return text + "\n"


def _policy(settings: GuardrailSettings) -> dict[str, Any]:
    in_vpc = [_NOTEBOOK, *_JOBS, _MODEL]
    statements = [
        _deny("DenyWithoutVpcSubnets", in_vpc, "Null", "sagemaker:VpcSubnets", "true"),
        _deny("DenyWithoutVpcSecurityGroups", in_vpc, "Null", "sagemaker:VpcSecurityGroupIds", "true"),
        _deny(
            "DenyUnapprovedSubnets",
            in_vpc,
            "ForAnyValue:StringNotEquals",
            "sagemaker:VpcSubnets",
            sorted(settings.subnets),
        ),  # fmt: skip
        _deny(
            "DenyUnapprovedSecurityGroups",
            in_vpc,
            "ForAnyValue:StringNotEquals",
            "sagemaker:VpcSecurityGroupIds",
            sorted(settings.security_groups),
        ),  # fmt: skip
        _deny("DenyWithoutNetworkIsolation", [*_JOBS, _MODEL], "BoolIfExists", "sagemaker:NetworkIsolation", "false"),
        _deny(
            "DenyWithoutInterContainerEncryption",
            _JOBS,
            "BoolIfExists",
            "sagemaker:InterContainerTrafficEncryption",
            "false",
        ),  # fmt: skip
        _deny(
            "DenyNotebookDirectInternetAccess",
            [_NOTEBOOK],
            "StringNotEqualsIfExists",
            "sagemaker:DirectInternetAccess",
            "Disabled",
        ),  # fmt: skip
        _deny(
            "DenyNotebookRootAccess",
            [_NOTEBOOK, "sagemaker:UpdateNotebookInstance"],
            "StringNotEqualsIfExists",
            "sagemaker:RootAccess",
            "Disabled",
        ),  # fmt: skip
    ]
    if settings.kms_keys:
        keys = sorted(settings.kms_keys)
        statements += [
            _deny(
                "DenyVolumesWithoutApprovedKey",
                [_NOTEBOOK, *_JOBS, _ENDPOINT_CONFIG],
                "ArnNotEqualsIfExists",
                "sagemaker:VolumeKmsKeyArn",
                keys,
            ),  # fmt: skip
            _deny("DenyOutputWithoutApprovedKey", _JOBS, "ArnNotEqualsIfExists", "sagemaker:OutputKmsKeyArn", keys),
        ]
    return {"Version": "2012-10-17", "Statement": statements}
