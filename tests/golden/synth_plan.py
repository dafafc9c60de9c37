"""Write ``plan.json`` beside each golden ``main.tf`` until real ``tofu show -json`` plans replace them.

These plans are HAND-MADE, not Terraform output: they are marked with
``"terraform_version": "0.0.0-smguard-synthetic"`` and follow the shape of real plans in
``../shared/corpus/tfplan`` (format 1.2: resource_changes with after/after_unknown/
after_sensitive, planned_values, configuration expressions with references). Provider
behaviour is reduced to what the fixtures use: the schema defaults and computed attributes
below, as documented by terraform-provider-aws. ``make golden-plans`` (issue 10) is meant to
overwrite them with real output.

Run: ``python tests/golden/synth_plan.py`` (``make golden-synth``).
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path
from typing import Any

import hcl2

MARKER = "0.0.0-smguard-synthetic"
_REF = re.compile(r"^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$")
# An interpolation; "$${" is Terraform's escape for a literal "${" (an IAM policy variable).
_INTERPOLATION = re.compile(r"(?<!\$)\$\{")


def _interpolates(value: str) -> bool:
    return bool(_INTERPOLATION.search(value))


# type -> (defaults for unset optional attributes, attributes computed by the provider)
PROVIDER: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "aws_sagemaker_notebook_instance": (
        {
            "accelerator_types": None,
            "additional_code_repositories": None,
            "default_code_repository": None,
            "direct_internet_access": "Enabled",
            "instance_metadata_service_configuration": [],
            "kms_key_id": None,
            "lifecycle_config_name": None,
            "root_access": "Enabled",
            "subnet_id": None,
            "tags": None,
            "volume_size": 5,
        },
        ("arn", "id", "network_interface_id", "platform_identifier", "security_groups", "tags_all", "url"),
    ),
    "aws_vpc": (
        {
            "assign_generated_ipv6_cidr_block": None,
            "enable_dns_support": True,
            "instance_tenancy": "default",
            "tags": None,
        },
        (
            "arn",
            "id",
            "default_security_group_id",
            "main_route_table_id",
            "owner_id",
            "tags_all",
            "enable_dns_hostnames",
        ),
    ),
    "aws_default_vpc": ({"tags": None}, ("arn", "id", "cidr_block", "owner_id", "tags_all")),
    "aws_subnet": (
        {"map_public_ip_on_launch": False, "tags": None},
        ("arn", "id", "availability_zone", "owner_id", "tags_all"),
    ),
    "aws_default_subnet": ({"tags": None}, ("arn", "id", "cidr_block", "vpc_id", "owner_id", "tags_all")),
    "aws_security_group": (
        {"revoke_rules_on_delete": False, "tags": None, "timeouts": None},
        ("arn", "id", "egress", "ingress", "name_prefix", "owner_id", "tags_all"),
    ),
    "aws_iam_policy": ({"description": None, "path": "/", "tags": None}, ("arn", "id", "policy_id", "tags_all")),
    "aws_iam_role_policy": ({}, ("id",)),
    "aws_iam_role": (
        {
            "description": None,
            "force_detach_policies": False,
            "max_session_duration": 3600,
            "path": "/",
            "permissions_boundary": None,
            "tags": None,
        },
        ("arn", "create_date", "id", "inline_policy", "managed_policy_arns", "name_prefix", "tags_all", "unique_id"),
    ),  # fmt: skip
    "aws_iam_role_policy_attachment": ({}, ("id",)),
    "aws_vpc_endpoint": (
        {"auto_accept": None, "private_dns_enabled": False, "tags": None, "vpc_endpoint_type": "Gateway"},
        (
            "arn",
            "id",
            "cidr_blocks",
            "dns_entry",
            "network_interface_ids",
            "owner_id",
            "policy",
            "prefix_list_id",
            "requester_managed",
            "route_table_ids",
            "security_group_ids",
            "state",
            "subnet_ids",
            "tags_all",
        ),
    ),
    "aws_vpc_endpoint_policy": ({}, ("id",)),
    "aws_sagemaker_training_job": (
        {
            "enable_network_isolation": None,
            "enable_inter_container_traffic_encryption": None,
            "remote_debug_config": [],
            "resource_config": [],
            "vpc_config": [],
            "tags": None,
        },
        ("arn", "id", "tags_all"),
    ),
    # Without a name the provider generates one (Optional + Computed): known only after apply.
    "aws_sagemaker_model": (
        {"enable_network_isolation": None, "vpc_config": [], "tags": None},
        ("arn", "id", "name", "tags_all"),
    ),
    "aws_sagemaker_endpoint_configuration": (
        {
            "kms_key_arn": None,
            "data_capture_config": [],
            "async_inference_config": [],
            "shadow_production_variants": [],
            "tags": None,
        },
        ("arn", "id", "name", "tags_all"),
    ),
    "aws_sagemaker_endpoint": ({"tags": None}, ("arn", "id", "tags_all")),
    "aws_sagemaker_data_quality_job_definition": (
        {"data_quality_baseline_config": [], "network_config": [], "stopping_condition": [], "tags": None},
        ("arn", "id", "tags_all"),
    ),
    "aws_sagemaker_feature_group": (
        {
            "description": None,
            "offline_store_config": [],
            "online_store_config": [],
            "throughput_config": [],
            "tags": None,
        },
        ("arn", "id", "tags_all"),
    ),
    "aws_sagemaker_flow_definition": (
        {"human_loop_activation_config": [], "human_loop_request_source": [], "tags": None},
        ("arn", "id", "tags_all"),
    ),
    "aws_sagemaker_model_package_group": (
        {"model_package_group_description": None, "tags": None},
        ("arn", "id", "tags_all"),
    ),
    "aws_sagemaker_model_package_group_policy": ({}, ("id",)),
    "aws_sagemaker_notebook_instance_lifecycle_configuration": (
        {"on_create": None, "on_start": None, "tags": None},
        ("arn", "id", "tags_all"),
    ),
    "aws_sagemaker_domain": (
        {"app_network_access_type": "PublicInternetOnly", "kms_key_id": None, "tags": None},
        ("arn", "id", "url", "home_efs_file_system_id", "security_group_id_for_domain_boundary", "tags_all"),
    ),
    "aws_sagemaker_pipeline": ({"tags": None}, ("arn", "id", "tags_all")),
    "aws_sfn_state_machine": ({"tags": None, "type": "STANDARD"}, ("arn", "id", "creation_date", "tags_all")),
    "aws_organizations_policy": ({"type": "SERVICE_CONTROL_POLICY", "tags": None}, ("arn", "id", "tags_all")),
    "aws_kms_key": (
        {"deletion_window_in_days": None, "enable_key_rotation": False, "tags": None},
        ("arn", "id", "key_id", "policy", "tags_all"),
    ),
}


def _jsonencode(value: Any) -> Any:
    """``jsonencode({...})`` of constants, rendered as Terraform does (sorted keys, compact)."""
    if isinstance(value, str) and value.startswith("${jsonencode(") and not _interpolates(value[2:]):
        return json.dumps(ast.literal_eval(value[len("${jsonencode(") : -2]), sort_keys=True, separators=(",", ":"))
    return value


def _strip(value: Any) -> Any:
    """python-hcl2 wraps attribute values in one-element lists and adds line markers."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if not k.startswith("__")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _attributes(block: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, wrapped in _strip(block).items():
        # Nested blocks stay lists of objects; plain attributes are unwrapped once.
        is_block = isinstance(wrapped, list) and wrapped and all(isinstance(v, dict) for v in wrapped)
        out[key] = [_attributes(b) for b in wrapped] if is_block else _jsonencode(wrapped[0])
    return out


def _expression(value: Any) -> Any:
    if isinstance(value, str) and (m := _REF.match(value)):
        return {"references": [f"{m.group(1)}.{m.group(2)}", m.group(1)]}
    if isinstance(value, str) and _interpolates(value):
        found = re.findall(r"\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)", value)
        return {"references": [r for ref, attr in found for r in (f"{ref}.{attr}", ref)]}
    if isinstance(value, list) and any(isinstance(v, str) and _REF.match(v) for v in value):
        refs = [
            r
            for v in value
            if isinstance(v, str) and (m := _REF.match(v))
            for r in (f"{m.group(1)}.{m.group(2)}", m.group(1))
        ]
        return {"references": refs}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [{k: _expression(v) for k, v in block.items()} for block in value]
    return {"constant_value": value}


def _is_unknown(value: Any, known: dict[str, dict[str, Any]]) -> bool:
    if isinstance(value, str) and (m := _REF.match(value)):
        return m.group(2) not in known.get(m.group(1), {})
    if isinstance(value, str) and _interpolates(value):
        return True  # an expression over references (e.g. jsonencode): unknown until apply
    if isinstance(value, list):
        return any(_is_unknown(v, known) for v in value)
    return False


def _resolve(value: Any, known: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, str) and (m := _REF.match(value)):
        return known[m.group(1)][m.group(2)]
    if isinstance(value, str):
        return value.replace("$${", "${")
    if isinstance(value, list):
        return [_resolve(v, known) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(v, known) for k, v in value.items()}
    return value


def _plan(value: Any, known: dict[str, dict[str, Any]]) -> tuple[Any, Any]:
    """(after value, after_unknown mark): nested blocks get per-attribute marks, like Terraform's."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        afters, marks = [], []
        for block in value:
            after, mark = {}, {}
            for key, inner in block.items():
                planned, inner_mark = _plan(inner, known)
                if inner_mark is True:
                    mark[key] = True
                else:
                    after[key] = planned
                    if inner_mark:
                        mark[key] = inner_mark
            afters.append(after)
            marks.append(mark)
        return afters, marks if any(marks) else False
    if _is_unknown(value, known):
        return None, True
    return _resolve(value, known), False


def synthesize(tf: Path) -> dict[str, Any]:
    parsed = hcl2.loads(tf.read_text())
    blocks = [
        (t, n, _attributes(b))
        for group in parsed.get("resource", [])
        for t, named in group.items()
        for n, b in named.items()
    ]
    known = {f"{t}.{n}": {k: v for k, v in a.items() if not _is_unknown(v, {})} for t, n, a in blocks}
    changes, planned, config = [], [], []
    for type_, name, attrs in blocks:
        defaults, computed = PROVIDER[type_]
        after: dict[str, Any] = dict(defaults)
        unknown: dict[str, Any] = {c: True for c in computed if c not in attrs}
        for key, value in attrs.items():
            planned_value, mark = _plan(value, known)
            if mark is True:
                after.pop(key, None)
                unknown[key] = True
            else:
                after[key] = planned_value
                if mark:
                    unknown[key] = mark
        for key in [k for k, mark in unknown.items() if mark is True]:
            after.pop(key, None)
        address = f"{type_}.{name}"
        provider = "registry.terraform.io/hashicorp/aws"
        changes.append(
            {
                "address": address,
                "mode": "managed",
                "type": type_,
                "name": name,
                "provider_name": provider,
                "change": {
                    "actions": ["create"],
                    "before": None,
                    "after": after,
                    "after_unknown": unknown,
                    "before_sensitive": False,
                    "after_sensitive": {},
                },
            }
        )
        planned.append(
            {
                "address": address,
                "mode": "managed",
                "type": type_,
                "name": name,
                "provider_name": provider,
                "schema_version": 0,
                "values": after,
                "sensitive_values": {},
            }
        )
        config.append(
            {
                "address": address,
                "mode": "managed",
                "type": type_,
                "name": name,
                "provider_config_key": "aws",
                "schema_version": 0,
                "expressions": {k: _expression(v) for k, v in attrs.items()},
            }
        )
    return {
        "format_version": "1.2",
        "terraform_version": MARKER,
        "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
            "root_module": {"resources": config},
        },
    }


def main() -> int:
    here = Path(__file__).parent
    for tf in sorted([*here.glob("SM*/*/main.tf"), *here.glob("examples/*/main.tf")]):
        target = tf.with_name("plan.json")
        if target.exists() and json.loads(target.read_text()).get("terraform_version") != MARKER:
            continue  # a real plan: never overwrite it
        target.write_text(json.dumps(synthesize(tf), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
