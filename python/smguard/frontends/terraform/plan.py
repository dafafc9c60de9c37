"""The plan as a whole: recognise it, index it, and map each supported resource type."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast

from smguard.errors import InputError, MalformedResourceError
from smguard.frontends.conversion import Conversion
from smguard.frontends.terraform.api_shaped import (
    DATA_QUALITY,
    FEATURE_GROUP,
    FLOW_DEFINITION,
    data_quality_job_definition,
    feature_group,
    flow_definition,
)
from smguard.frontends.terraform.hosting import ENDPOINT_CONFIG, MODEL, endpoint, endpoint_config, model
from smguard.frontends.terraform.iam import (
    ATTACHMENTS,
    POLICY_DOCUMENT,
    attached_policies,
    identity_policy,
    model_package_group_policy,
    policy_document,
    role_inline_policies,
    service_control_policy,
)
from smguard.frontends.terraform.index import PlanIndex, configuration_index, plan_resource
from smguard.frontends.terraform.network import SUBNET_TYPES, VPC_TYPES, subnet_resource, vpc_resource
from smguard.frontends.terraform.notebook import LIFECYCLE_CONFIGURATION, lifecycle_configuration, notebook_instance
from smguard.frontends.terraform.studio import DOMAIN, domain, user_profile
from smguard.frontends.terraform.training import pipeline_jobs, state_machine_jobs, training_job
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.terraform.vpc_endpoint import vpc_endpoint
from smguard.jsonio import json_type
from smguard.model import Document, empty_document

_PLAN_KEYS = ("resource_changes", "planned_values")
_SUPPORTED_MAJOR = "1"

Mapper = Callable[[PlanResource, PlanIndex, str], Any]

# (mode, type) -> (canonical list, mapper). A mapper may return None to leave a resource out.
_MAPPERS: dict[tuple[str, str], tuple[str, Mapper]] = {
    ("managed", "aws_sagemaker_notebook_instance"): ("notebook_instances", notebook_instance),
    ("managed", LIFECYCLE_CONFIGURATION): ("lifecycle_configs", lifecycle_configuration),
    ("managed", "aws_sagemaker_training_job"): ("training_jobs", training_job),
    ("managed", "aws_sagemaker_pipeline"): ("training_jobs", pipeline_jobs),
    ("managed", "aws_sfn_state_machine"): ("training_jobs", state_machine_jobs),
    ("managed", DATA_QUALITY): ("monitoring_jobs", data_quality_job_definition),
    ("managed", FEATURE_GROUP): ("feature_groups", feature_group),
    ("managed", FLOW_DEFINITION): ("flow_definitions", flow_definition),
    ("managed", "aws_sagemaker_model_package_group_policy"): ("model_package_groups", model_package_group_policy),
    ("managed", MODEL): ("models", model),
    ("managed", ENDPOINT_CONFIG): ("endpoint_configs", endpoint_config),
    ("managed", "aws_sagemaker_endpoint"): ("endpoints", endpoint),
    ("managed", DOMAIN): ("domains", domain),
    ("managed", "aws_sagemaker_user_profile"): ("user_profiles", user_profile),
    ("managed", "aws_iam_policy"): ("iam_policies", identity_policy),
    ("managed", "aws_iam_role"): ("iam_policies", role_inline_policies),
    ("managed", "aws_iam_role_policy"): ("iam_policies", identity_policy),
    ("managed", "aws_iam_user_policy"): ("iam_policies", identity_policy),
    ("managed", "aws_iam_group_policy"): ("iam_policies", identity_policy),
    **{("managed", t): ("iam_policies", attached_policies) for t in ATTACHMENTS},
    ("data", POLICY_DOCUMENT): ("iam_policies", policy_document),
    ("managed", "aws_organizations_policy"): ("service_control_policies", service_control_policy),
    ("managed", "aws_vpc_endpoint"): ("vpc_endpoints", vpc_endpoint),
    **{(mode, t): ("vpcs", vpc_resource) for mode in ("managed", "data") for t in VPC_TYPES},
    **{(mode, t): ("subnets", subnet_resource) for mode in ("managed", "data") for t in SUBNET_TYPES},
}


def is_plan(document: Any) -> bool:
    """True when the JSON value looks like ``terraform show -json`` of a plan."""
    return isinstance(document, Mapping) and (
        isinstance(document.get("resource_changes"), list) or isinstance(document.get("planned_values"), Mapping)
    )


def convert_plan(plan: Any, name: str) -> Conversion:
    """Convert parsed plan JSON into the canonical document. Pure: no I/O."""
    warnings = _check_shape(plan, name)
    index = _index(plan)
    document: Document = empty_document()
    document["sources"].append(
        {
            "kind": "terraform-plan",
            "name": name,
            "format_version": _str_or_none(plan.get("format_version")),
            "tool_version": _str_or_none(plan.get("terraform_version")),
        }
    )
    for problem in index.malformed:
        document["errors"].append({"resource": problem.address, "location": name, "message": str(problem)})
    lists = cast(dict[str, list[Any]], document["resources"])
    for resource in index.resources:
        kind, mapper = _MAPPERS.get((resource.mode, resource.type), ("", None))
        if mapper is None:
            continue
        try:
            converted = mapper(resource, index, name)
        except MalformedResourceError as problem:
            document["errors"].append({"resource": resource.address, "location": name, "message": str(problem)})
            continue
        if isinstance(converted, list):
            lists[kind].extend(converted)
        elif converted is not None:
            lists[kind].append(converted)
    return Conversion(document, warnings)


def _check_shape(plan: Any, name: str) -> list[str]:
    if not isinstance(plan, Mapping):
        raise InputError(f"{name}: not a Terraform plan: the top level is a {json_type(plan)}, not an object")
    if "values" in plan and "resource_changes" not in plan and "planned_values" not in plan:
        raise InputError(f"{name}: this is Terraform state, not a plan; scan `terraform show -json PLANFILE` instead")
    for key, expected in (("resource_changes", list), ("planned_values", Mapping), ("configuration", Mapping)):
        if key in plan and plan[key] is not None and not isinstance(plan[key], expected):
            raise InputError(f"{name}: not a valid Terraform plan: {key} is a {json_type(plan[key])}")
    if not is_plan(plan):
        raise InputError(f"{name}: not a Terraform plan: it has neither resource_changes nor planned_values")
    if not isinstance(plan.get("resource_changes"), list):  # then the module tree is all there is to read
        problem = _module_tree_problem(plan["planned_values"].get("root_module"), "planned_values.root_module")
        if problem:
            raise InputError(f"{name}: not a valid Terraform plan: {problem}")
    version = plan.get("format_version")
    if version is None:
        return [f"{name}: no format_version; reading it as a trimmed Terraform plan"]
    if not isinstance(version, str):
        raise InputError(f"{name}: not a valid Terraform plan: format_version is a {json_type(version)}")
    if version.split(".")[0] not in ("0", _SUPPORTED_MAJOR):
        return [f"{name}: plan format_version {version} is newer than the 1.x this version knows; trying anyway"]
    return []


def _index(plan: Mapping[str, Any]) -> PlanIndex:
    config = configuration_index(plan["configuration"]) if isinstance(plan.get("configuration"), Mapping) else None
    variables = plan.get("variables")
    read = functools.partial(
        plan_resource,
        config=config,
        root_variables={n: v.get("value") for n, v in variables.items() if isinstance(v, Mapping)}
        if isinstance(variables, Mapping)
        else {},
    )
    index = PlanIndex()
    changes = plan.get("resource_changes")
    if isinstance(changes, list):
        planned = [read(entry, from_changes=True) for entry in changes]
    else:
        planned = [read(e, from_changes=False, module_address=m) for e, m in _module_resources(plan["planned_values"])]
    seen: set[str] = set()
    for resource in planned:
        if isinstance(resource, MalformedResourceError):
            index.malformed.append(resource)
        elif resource is not None and resource.address in seen:
            # Two different entries for one address: neither can be trusted to be the real one.
            index.malformed.append(MalformedResourceError(resource.address, "the address appears twice in the plan"))
        elif resource is not None:
            seen.add(resource.address)
            index.add(resource)
    # Data sources read during planning are only in prior_state; they still describe the world.
    prior = plan.get("prior_state")
    for entry, module_address in _module_resources(prior.get("values") if isinstance(prior, Mapping) else None):
        if isinstance(entry, Mapping) and entry.get("mode") == "data":
            resource = read(entry, from_changes=False, module_address=module_address)
            if isinstance(resource, PlanResource) and resource.address not in seen:
                seen.add(resource.address)
                index.add(resource)
    return index


def _module_tree_problem(root: Any, where: str) -> str | None:
    stack = [(root, where)]
    while stack:
        module, where = stack.pop()
        if not isinstance(module, Mapping):
            return f"{where} is a {json_type(module)}, not an object"
        for key in ("resources", "child_modules"):
            if key in module and not isinstance(module[key], list):
                return f"{where}.{key} is a {json_type(module[key])}, not an array"
        children = module.get("child_modules", [])
        stack.extend((child, f"{where}.child_modules[{i}]") for i, child in enumerate(children))
    return None


def _module_resources(values: Any) -> Iterator[tuple[Any, str]]:
    """(resource entry, module address) for a ``planned_values``-style module tree."""
    if not isinstance(values, Mapping):
        return
    stack: list[tuple[Any, str]] = [(values.get("root_module"), "")]
    while stack:
        module, address = stack.pop()
        if not isinstance(module, Mapping):
            continue
        resources = module.get("resources")
        for entry in resources if isinstance(resources, list) else []:
            yield entry, address
        children = module.get("child_modules")
        for child in children if isinstance(children, list) else []:
            if isinstance(child, Mapping):
                stack.append((child, child.get("address", "") if isinstance(child.get("address"), str) else ""))


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None
