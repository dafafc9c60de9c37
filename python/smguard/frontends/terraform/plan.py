"""The plan as a whole: recognise it, index it, and map each supported resource type."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast

from smguard.errors import InputError
from smguard.frontends.conversion import Conversion
from smguard.frontends.terraform.index import (
    MalformedResourceError,
    PlanIndex,
    configuration_index,
    plan_resource,
)
from smguard.frontends.terraform.iam import (
    POLICY_DOCUMENT,
    identity_policy,
    policy_document,
    service_control_policy,
)
from smguard.frontends.terraform.network import SUBNET_TYPES, VPC_TYPES, subnet_resource, vpc_resource
from smguard.frontends.terraform.notebook import notebook_instance
from smguard.frontends.terraform.vpc_endpoint import vpc_endpoint
from smguard.frontends.terraform.values import PlanResource
from smguard.model import Document, empty_document

_PLAN_KEYS = ("resource_changes", "planned_values", "configuration")
_SUPPORTED_MAJOR = "1"

Mapper = Callable[[PlanResource, PlanIndex, str], Any]

# (mode, type) -> (canonical list, mapper). A mapper may return None to leave a resource out.
_MAPPERS: dict[tuple[str, str], tuple[str, Mapper]] = {
    ("managed", "aws_sagemaker_notebook_instance"): ("notebook_instances", notebook_instance),
    ("managed", "aws_iam_policy"): ("iam_policies", identity_policy),
    ("managed", "aws_iam_role_policy"): ("iam_policies", identity_policy),
    ("managed", "aws_iam_user_policy"): ("iam_policies", identity_policy),
    ("managed", "aws_iam_group_policy"): ("iam_policies", identity_policy),
    ("data", POLICY_DOCUMENT): ("iam_policies", policy_document),
    ("managed", "aws_organizations_policy"): ("service_control_policies", service_control_policy),
    ("managed", "aws_vpc_endpoint"): ("vpc_endpoints", vpc_endpoint),
    **{(mode, t): ("vpcs", vpc_resource) for mode in ("managed", "data") for t in VPC_TYPES},
    **{(mode, t): ("subnets", subnet_resource) for mode in ("managed", "data") for t in SUBNET_TYPES},
}


def is_plan(document: Any) -> bool:
    """True when the JSON value looks like ``terraform show -json`` of a plan."""
    return isinstance(document, Mapping) and any(key in document for key in _PLAN_KEYS)


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
        if converted is not None:
            lists[kind].append(converted)
    return Conversion(document, warnings)


def _check_shape(plan: Any, name: str) -> list[str]:
    if not isinstance(plan, Mapping):
        raise InputError(f"{name}: not a Terraform plan: the top level is a {_json_type(plan)}, not an object")
    if "values" in plan and not is_plan(plan):
        raise InputError(f"{name}: this is Terraform state, not a plan; scan `terraform show -json PLANFILE` instead")
    if not is_plan(plan):
        raise InputError(f"{name}: not a Terraform plan: it has none of {', '.join(_PLAN_KEYS)}")
    for key, expected in (("resource_changes", list), ("planned_values", Mapping), ("configuration", Mapping)):
        if key in plan and plan[key] is not None and not isinstance(plan[key], expected):
            raise InputError(f"{name}: not a valid Terraform plan: {key} is a {_json_type(plan[key])}")
    version = plan.get("format_version")
    if version is None:
        return [f"{name}: no format_version; reading it as a trimmed Terraform plan"]
    if not isinstance(version, str):
        raise InputError(f"{name}: not a valid Terraform plan: format_version is a {_json_type(version)}")
    if version.split(".")[0] not in ("0", _SUPPORTED_MAJOR):
        return [f"{name}: plan format_version {version} is newer than the 1.x this version knows; trying anyway"]
    return []


def _index(plan: Mapping[str, Any]) -> PlanIndex:
    config = configuration_index(plan["configuration"]) if isinstance(plan.get("configuration"), Mapping) else None
    index = PlanIndex()
    changes = plan.get("resource_changes")
    if isinstance(changes, list):
        entries: Iterator[tuple[Any, str]] = ((entry, "") for entry in changes)
        from_changes = True
    else:
        entries = _module_resources(plan.get("planned_values"))
        from_changes = False
    seen: set[str] = set()
    for entry, module_address in entries:
        _add(index, entry, config=config, from_changes=from_changes, module_address=module_address, seen=seen)
    # Data sources read during planning are only in prior_state; they still describe the world.
    prior = plan.get("prior_state")
    if isinstance(prior, Mapping):
        for entry, module_address in _module_resources(prior.get("values")):
            if isinstance(entry, Mapping) and entry.get("mode") == "data":
                _add(index, entry, config=config, from_changes=False, module_address=module_address, seen=seen)
    return index


def _add(index: PlanIndex, entry: Any, *, seen: set[str], **kwargs: Any) -> None:
    try:
        resource = plan_resource(entry, **kwargs)
    except MalformedResourceError as problem:
        index.malformed.append(problem)
        return
    if resource is not None and resource.address not in seen:
        seen.add(resource.address)
        index.add(resource)


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


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
