"""A seeded generator of realistic Terraform plans (``terraform show -json`` shape) of any size.

Resources come in groups, as real ML platforms are written: a module per team holding a VPC,
subnets, a security group, a KMS key, SageMaker endpoints, notebooks, training jobs, models,
endpoint configurations, endpoints and IAM policies; about a third of each kind insecure, and
references to resources of the same plan left unknown until apply, with the ``configuration``
section that tells them apart from unset values.
"""

from __future__ import annotations

import json
import random
from typing import Any

RESOURCES_PER_TEAM = 20


def _change(
    address: str, module: str, type_: str, name: str, after: dict[str, Any], unknown: dict[str, Any]
) -> dict[str, Any]:
    return {
        "address": address,
        "module_address": module,
        "mode": "managed",
        "type": type_,
        "name": name,
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {
            "actions": ["create"],
            "before": None,
            "after": after,
            "after_unknown": unknown,
            "before_sensitive": False,
            "after_sensitive": {},
        },
    }


def _ref(target: str, attribute: str) -> dict[str, Any]:
    return {"references": [f"{target}.{attribute}", target]}


def _team(rng: random.Random, key: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One module instance: (resource_changes, configuration blocks of the module)."""
    module = f"module.{key}"
    changes, blocks = [], []

    def add(type_: str, name: str, after: dict[str, Any], unknown: dict[str, Any], expressions: dict[str, Any]) -> None:
        changes.append(_change(f"{module}.{type_}.{name}", module, type_, name, after, unknown))
        blocks.append(
            {"address": f"{type_}.{name}", "mode": "managed", "type": type_, "name": name, "expressions": expressions}
        )

    secure = rng.random() > 0.33
    add(
        "aws_vpc",
        "main",
        {"cidr_block": "10.0.0.0/16"},
        {"id": True, "arn": True},
        {"cidr_block": {"constant_value": "10.0.0.0/16"}},
    )
    for i in range(2):
        add(
            "aws_subnet",
            f"private{i}",
            {"cidr_block": f"10.0.{i}.0/24"},
            {"id": True, "vpc_id": True},
            {"vpc_id": _ref("aws_vpc.main", "id")},
        )
    add(
        "aws_security_group",
        "ml",
        {"name": f"{key}-ml"},
        {"id": True, "vpc_id": True},
        {"vpc_id": _ref("aws_vpc.main", "id")},
    )
    add("aws_kms_key", "ml", {"description": "ml"}, {"arn": True, "id": True}, {})
    policy = json.dumps(
        {
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "sagemaker:*",
                    "Resource": "*",
                    **({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}} if secure else {}),
                }
            ]
        }
    )
    for service in ("sagemaker.api", "sagemaker.runtime"):
        name = service.replace(".", "_")
        add(
            "aws_vpc_endpoint",
            name,
            {
                "service_name": f"com.amazonaws.eu-west-1.{service}",
                "vpc_endpoint_type": "Interface",
                "private_dns_enabled": secure,
                "policy": policy,
            },
            {"id": True, "vpc_id": True},
            {"vpc_id": _ref("aws_vpc.main", "id"), "policy": {"constant_value": policy}},
        )
    for i in range(3):
        hardened = secure or i > 0
        expressions: dict[str, Any] = {"subnet_id": _ref("aws_subnet.private0", "id")}
        unknown: dict[str, Any] = {"arn": True, "id": True, "security_groups": True, "subnet_id": True}
        if hardened:
            expressions |= {
                "security_groups": _ref("aws_security_group.ml", "id"),
                "kms_key_id": _ref("aws_kms_key.ml", "arn"),
            }
            unknown["kms_key_id"] = True
        add(
            "aws_sagemaker_notebook_instance",
            f"nb{i}",
            {
                "name": f"{key}-nb{i}",
                "instance_type": "ml.t3.medium",
                "role_arn": "arn:aws:iam::123456789012:role/nb",
                "direct_internet_access": "Disabled" if hardened else "Enabled",
                "root_access": "Disabled" if hardened else "Enabled",
                "instance_metadata_service_configuration": [
                    {"minimum_instance_metadata_service_version": "2" if hardened else "1"}
                ],
            },
            unknown,
            expressions,
        )
    for i in range(4):
        hardened = secure or i % 2 == 0
        vpc = [{"subnets": None, "security_group_ids": None}] if hardened else []
        unknown = {"arn": True, "id": True} | (
            {"vpc_config": [{"subnets": True, "security_group_ids": True}]} if hardened else {}
        )
        expressions = (
            {
                "vpc_config": [
                    {
                        "subnets": _ref("aws_subnet.private0", "id"),
                        "security_group_ids": _ref("aws_security_group.ml", "id"),
                    }
                ]
            }
            if hardened
            else {}
        )
        add(
            "aws_sagemaker_training_job",
            f"train{i}",
            {
                "training_job_name": f"{key}-train{i}",
                "enable_network_isolation": hardened,
                "enable_inter_container_traffic_encryption": hardened,
                "vpc_config": vpc,
                "resource_config": [
                    {"volume_kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/x" if hardened else None}
                ],
                "output_data_config": [
                    {
                        "kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/x" if hardened else None,
                        "s3_output_path": "s3://b/o",
                    }
                ],
            },
            unknown,
            expressions,
        )
    add(
        "aws_sagemaker_model",
        "model",
        {"name": f"{key}-model", "enable_network_isolation": secure, "vpc_config": []},
        {"arn": True, "id": True},
        {},
    )
    add(
        "aws_sagemaker_endpoint_configuration",
        "config",
        {
            "name": f"{key}-config",
            "kms_key_arn": "arn:aws:kms:eu-west-1:123456789012:key/x" if secure else None,
            "production_variants": [{"model_name": f"{key}-model", "variant_name": "v"}],
            "data_capture_config": [],
            "async_inference_config": [],
        },
        {"arn": True, "id": True},
        {},
    )
    add(
        "aws_sagemaker_endpoint",
        "endpoint",
        {"name": f"{key}-endpoint", "endpoint_config_name": f"{key}-config"},
        {"arn": True, "id": True},
        {},
    )
    presigned = {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*"}
    if secure:
        presigned["Condition"] = {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}}
    # One policy per team answers its grant with an "office or our endpoint" Deny (the evaluator's
    # Deny path), the others grant as they are.
    office_only = {
        "Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*",
        "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]},
                      "StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}},
    }  # fmt: skip
    for i in range(RESOURCES_PER_TEAM - len(changes)):
        statements = [presigned, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
        document = json.dumps({"Version": "2012-10-17", "Statement": [*statements, office_only][: 3 if i == 0 else 2]})
        add(
            "aws_iam_policy",
            f"policy{i}",
            {"name": f"{key}-p{i}", "policy": document},
            {"arn": True, "id": True},
            {"policy": {"constant_value": document}},
        )
    return changes, blocks


def generate(resources: int, seed: int = 7) -> dict[str, Any]:
    """A plan with about ``resources`` resources (a multiple of 20), always the same for a seed."""
    rng = random.Random(seed)  # noqa: S311  # reproducible test data, not secrets
    changes: list[dict[str, Any]] = []
    modules = []
    module_calls = {}
    for team in range(max(1, resources // RESOURCES_PER_TEAM)):
        key = f"team{team:05d}"
        team_changes, blocks = _team(rng, key)
        changes += team_changes
        modules.append({"address": f"module.{key}", "resources": [_planned(c) for c in team_changes]})
        module_calls[key] = {"source": "./team", "module": {"resources": blocks}}
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": [], "child_modules": modules}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
            "root_module": {"resources": [], "module_calls": module_calls},
        },
    }


def _planned(change: dict[str, Any]) -> dict[str, Any]:
    keys = ("address", "mode", "type", "name", "provider_name")
    return {k: change[k] for k in keys} | {
        "schema_version": 0,
        "values": change["change"]["after"],
        "sensitive_values": {},
    }
