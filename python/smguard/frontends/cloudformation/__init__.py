"""A CloudFormation (or SAM) template -> the canonical document. Pure: no I/O.

SageMaker properties carry the API's field names, so the readers of the API frontend apply (with
the same AWS defaults). A finding's ``resource`` is the logical ID, its ``location`` the template.
Resources whose Condition the template cannot decide are judged as if created.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from smguard.errors import ApiShapeError, InputError, PolicyDocumentError
from smguard.frontends import managed_policies, workflows
from smguard.frontends.cloudformation.template import (
    Created,
    Resolver,
    Unresolved,
    contains_created,
    created_text,
    decode,
    is_template,
    line_of,
    parameters_file,
)
from smguard.frontends.conversion import Conversion
from smguard.frontends.iam_policy import parse_policy
from smguard.frontends.sagemaker_api import (
    MONITORING_DEFINITIONS,
    Reader,
    domain_settings,
    endpoint_config_settings,
    feature_group_settings,
    job_settings,
    lifecycle_config_settings,
    model_settings,
    monitoring_settings,
    no_placeholder,
    notebook_settings,
    string_or,
)
from smguard.frontends.services import sagemaker_service
from smguard.frontends.value import ABSENT, PENDING, UNKNOWN, State, Value, meta, plain
from smguard.jsonio import loads
from smguard.model import MonitoringKind, empty_document

__all__ = ["convert_template", "decode", "is_template", "line_of", "parameters_file"]

_SUBNET, _VPC, _DOMAIN = "AWS::EC2::Subnet", "AWS::EC2::VPC", "AWS::SageMaker::Domain"


def _unresolved(value: Any) -> bool:
    return isinstance(value, Unresolved)


def _created(value: Any) -> bool:
    return contains_created(value)


class _Template:
    def __init__(self, template: Mapping[str, Any], name: str, parameters: Mapping[str, str], stack: str) -> None:
        self.name = name
        self.prefix = f"{stack}/" if stack else ""
        self.resolver = Resolver(template, parameters)
        self.resources: Mapping[str, Any] = template.get("Resources") or {}
        self.document = empty_document()
        self.lists = cast(dict[str, list[Any]], self.document["resources"])

    def type_of(self, logical_id: str) -> str:
        resource = self.resources.get(logical_id)
        return str(resource.get("Type")) if isinstance(resource, Mapping) else ""

    def properties(self, logical_id: str) -> dict[str, Any]:
        raw = self.resources[logical_id].get("Properties") or {}
        if not isinstance(raw, Mapping):
            raise ApiShapeError("Properties is not an object")
        resolved = self.resolver.value(raw)
        return resolved if isinstance(resolved, dict) else {}

    def reader(self, properties: Mapping[str, Any]) -> Reader:
        return Reader(properties, _unresolved, _created, text_booleans=True)

    def id(self, logical_id: str) -> str:
        """A resource's ID in findings: its logical ID, after the stack's name in a cloud assembly."""
        return self.prefix + logical_id

    def key(self, value: Any) -> str | None:
        """A join key (a VPC, domain…): a resource of the template by ID, else the name it is given."""
        return self.id(value.logical_id) if isinstance(value, Created) else value if isinstance(value, str) else None

    def meta(self, logical_id: str, values: Mapping[str, Value]) -> Any:
        return meta(self.id(logical_id), self.type_of(logical_id.split("#", 1)[0]), self.name, values)

    def network(self, subnet: Value) -> tuple[Value, str | None, Value]:
        """(vpc_id, vpc_key, default_network) of a subnet value."""
        if subnet.state is State.ABSENT:
            return ABSENT, None, ABSENT
        raw = subnet.value
        if subnet.state is State.PENDING and isinstance(raw, Created) and self.type_of(raw.logical_id) == _SUBNET:
            vpc = self.properties(raw.logical_id).get("VpcId")
            if isinstance(vpc, Created) and self.type_of(vpc.logical_id) == _VPC:
                return PENDING, self.id(vpc.logical_id), Value(State.KNOWN, False)  # a VPC the template creates
            if isinstance(vpc, str):
                return Value(State.KNOWN, vpc), vpc, UNKNOWN
        return UNKNOWN, None, UNKNOWN


def _subnet_value(reader: Reader, *path: str) -> Value:
    """A subnet (or the first of a list), a Created one kept as the value of its pending state."""
    node: Any = reader.request
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    if isinstance(node, list):
        node = node[0] if node else None
    if node is None:
        return ABSENT
    if isinstance(node, Created):
        return Value(State.PENDING, node)
    return Value(State.KNOWN, node) if isinstance(node, str) else UNKNOWN


def _notebook(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    reader = t.reader(props)
    values = notebook_settings(reader)
    vpc_id, vpc_key, default = t.network(_subnet_value(reader, "SubnetId"))
    values |= {"vpc_id": vpc_id, "default_network": default}
    t.lists["notebook_instances"].append(
        {"meta": t.meta(logical_id, values), **plain(values, {"security_groups": []}), "vpc_key": vpc_key}
    )


def _model(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    reader = t.reader(props)
    values = model_settings(reader)
    _, vpc_key, _ = t.network(_subnet_value(reader, "VpcConfig", "Subnets"))
    t.lists["models"].append({"meta": t.meta(logical_id, values), **plain(values), "vpc_key": vpc_key})


def _endpoint_config(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    reader = t.reader(props)
    values = endpoint_config_settings(reader)
    raw_variants = [v for key in ("ProductionVariants", "ShadowProductionVariants") for v in _list(props.get(key))]
    for variant, raw in zip(values["variants"].value, raw_variants, strict=True):
        model = raw.get("ModelName") if isinstance(raw, Mapping) else None
        variant["model"] = _target(t, model, "AWS::SageMaker::Model", "ModelName")
        if isinstance(model, Created):
            variant["model_name"] = model.logical_id
    t.lists["endpoint_configs"].append({"meta": t.meta(logical_id, values), **plain(values)})


def _endpoint(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    reader = t.reader(props)
    config = props.get("EndpointConfigName")
    values = {"name": reader.string("EndpointName"), "endpoint_config_name": reader.string("EndpointConfigName")}
    t.lists["endpoints"].append({
        "meta": t.meta(logical_id, values), **plain(values),
        "endpoint_config": _target(t, config, "AWS::SageMaker::EndpointConfig", "EndpointConfigName"),
    })  # fmt: skip


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _target(t: _Template, value: Any, kind: str, name_key: str) -> str | None:
    """The logical ID of the resource a name refers to: a Ref/GetAtt, or the name it is given."""
    if isinstance(value, Created) and t.type_of(value.logical_id) == kind:
        return t.id(value.logical_id)
    if isinstance(value, str):
        for other, resource in t.resources.items():
            if t.type_of(other) == kind and (resource.get("Properties") or {}).get(name_key) == value:
                return t.id(other)
    return None


def _domain(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    values = domain_settings(t.reader(props))
    t.lists["domains"].append(
        {"meta": t.meta(logical_id, values), **plain(values), "vpc_key": t.key(props.get("VpcId"))}
    )


def _policy_statements(document: Any) -> Value:
    if _contains(document, lambda v: _unresolved(v) or _created(v)):
        return UNKNOWN  # built from values known only when deployed (a created key's ARN…)
    try:
        return Value(State.KNOWN, parse_policy(document))
    except PolicyDocumentError as exc:
        raise ApiShapeError(f"PolicyDocument: {exc}") from None


def _contains(node: Any, found: Callable[[Any], bool]) -> bool:
    if isinstance(node, Mapping):
        return any(_contains(v, found) for v in node.values())
    if isinstance(node, list):
        return any(_contains(v, found) for v in node)
    return found(node)


def _names(t: _Template, value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [t.id(i.logical_id) if isinstance(i, Created) else str(i) for i in items if not _unresolved(i)]


def _identity(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    attached = [n for key in ("Roles", "Users", "Groups") for n in _names(t, props.get(key))]
    _add_policy(t, "iam_policies", logical_id, props.get("PolicyName") or props.get("ManagedPolicyName"),
                props.get("PolicyDocument"), attached)  # fmt: skip


def _principal(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    """A role, user or group: its inline Policies and its AWS-managed ManagedPolicyArns."""
    name = [t.id(logical_id)]
    for i, inline in enumerate(props.get("Policies") or []):
        label = inline.get("PolicyName", i) if isinstance(inline, Mapping) else i
        document = inline.get("PolicyDocument") if isinstance(inline, Mapping) else None
        _add_policy(t, "iam_policies", f"{logical_id}#inline/{label}", str(label), document, name)
    for arn in props.get("ManagedPolicyArns") or []:
        if isinstance(arn, str):
            policy = managed_policies.attachment(t.id(f"{logical_id}#{arn.rsplit('/', 1)[-1]}"), t.type_of(logical_id),
                                                 t.name, arn, name)  # fmt: skip
            if policy is not None:
                t.lists["iam_policies"].append(policy)


def _add_policy(t: _Template, kind: str, policy_id: str, name: Any, document: Any, attached: list[str]) -> None:
    statements = _policy_statements(document)
    t.lists[kind].append({
        "meta": t.meta(policy_id, {"statements": statements}),
        "name": name if isinstance(name, str) else None, "statements": statements.value, "attached_to": attached,
    })  # fmt: skip


def _organizations_policy(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    if props.get("Type", "SERVICE_CONTROL_POLICY") == "SERVICE_CONTROL_POLICY":
        _add_policy(t, "service_control_policies", logical_id, props.get("Name"), props.get("Content"), [])


def _vpc_endpoint(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    reader = t.reader(props)
    service = reader.string("ServiceName")
    document = props.get("PolicyDocument")
    policy = ABSENT if document is None else _policy_statements(document)
    vpc = props.get("VpcId")
    kind = string_or(reader.string("VpcEndpointType"), "Gateway")
    values = {
        "service_name": service, "endpoint_type": kind, "vpc_id": reader.string("VpcId"),
        "private_dns_enabled": reader.boolean("PrivateDnsEnabled", default=False), "policy": policy,
    }  # fmt: skip
    t.lists["vpc_endpoints"].append({
        "meta": t.meta(logical_id, values), **plain(values),
        "sagemaker_service": sagemaker_service(service.value) if service.known else None,
        "vpc_key": t.key(vpc),
    })  # fmt: skip


def _user_profile(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    reader = t.reader(props)
    values = {
        "name": reader.string("UserProfileName"),
        "security_groups": reader.strings("UserSettings", "SecurityGroups"),
    }
    domain = props.get("DomainId")
    t.lists["user_profiles"].append({
        "meta": t.meta(logical_id, values), **plain(values, {"security_groups": []}),
        "domain": _target(t, domain, _DOMAIN, "DomainName"),
    })  # fmt: skip


def _workflow_jobs(t: _Template, logical_id: str, definition: Any, pipeline: bool) -> None:
    """The jobs a pipeline or state machine definition starts; a definition the template does not
    hold (an S3 location, a value known only when deployed) is one job of unknown settings."""
    if isinstance(definition, str):
        try:
            definition = loads(definition)
        except (ValueError, RecursionError):
            raise ApiShapeError("the definition is not valid JSON") from None
    if not isinstance(definition, Mapping) or _contains(definition, _unresolved):
        unknown = dict.fromkeys(job_settings("training", {}, no_placeholder)[0][1], UNKNOWN)
        _add_job(t, logical_id, "training", unknown)
        return
    found = workflows.pipeline_jobs(definition) if pipeline else workflows.state_machine_jobs(definition)
    if found is None:
        raise ApiShapeError("the pipeline definition has no Steps list")
    run_time = workflows.pipeline_placeholder if pipeline else workflows.state_machine_placeholder
    for where, kind, request in found:
        for suffix, values in job_settings(kind, request, run_time, _created):
            _add_job(t, f"{logical_id}{where}{suffix}", kind, values)


def _add_job(t: _Template, job_id: str, kind: Any, values: dict[str, Value]) -> None:
    everything = {"name": Value(State.KNOWN, job_id.rsplit("#", 1)[-1]), **values}
    t.lists["training_jobs"].append({"meta": t.meta(job_id, everything), "kind": kind,
                                     **plain(everything), "vpc_key": None})  # fmt: skip


def _monitoring(kind: MonitoringKind) -> Callable[[_Template, str, dict[str, Any]], None]:
    def mapper(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
        values = monitoring_settings(kind, t.reader(props))
        if values is not None:
            t.lists["monitoring_jobs"].append({"meta": t.meta(logical_id, values), "kind": kind, **plain(values)})

    return mapper


def _feature_group(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    values = feature_group_settings(t.reader(props))
    t.lists["feature_groups"].append({"meta": t.meta(logical_id, values), **plain(values)})


def _lifecycle_config(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    values = lifecycle_config_settings(t.reader(props))
    t.lists["lifecycle_configs"].append({"meta": t.meta(logical_id, values), **plain(values)})


def _model_package_group(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    document = props.get("ModelPackageGroupPolicy")
    values = {"name": t.reader(props).string("ModelPackageGroupName"),
              "policy": ABSENT if document is None else _policy_statements(document)}  # fmt: skip
    t.lists["model_package_groups"].append({"meta": t.meta(logical_id, values), **plain(values)})


def _pipeline(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    definition = props.get("PipelineDefinition")
    body = definition.get("PipelineDefinitionBody") if isinstance(definition, Mapping) else definition
    _workflow_jobs(t, logical_id, body, pipeline=True)


def _state_machine(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    definition = props.get("Definition", props.get("DefinitionString"))
    substitutions = props.get("DefinitionSubstitutions")
    if isinstance(substitutions, Mapping) and definition is not None:
        definition = _substituted(definition, substitutions)
    _workflow_jobs(t, logical_id, definition, pipeline=False)


def _substituted(node: Any, substitutions: Mapping[str, Any]) -> Any:
    """``${Name}`` in a definition's strings replaced by DefinitionSubstitutions (a value known
    only when deployed leaves the definition unresolved; one of the template's resources, set)."""
    if isinstance(node, Mapping):
        return {k: _substituted(v, substitutions) for k, v in node.items()}
    if isinstance(node, list):
        return [_substituted(v, substitutions) for v in node]
    if not isinstance(node, str):
        return node
    for name, given in substitutions.items():
        token = f"${{{name}}}"
        if token not in node:
            continue
        value = created_text(given) if isinstance(given, Created) else given
        if not isinstance(value, str | int | float | bool):
            return Unresolved(f"DefinitionSubstitutions {name} is known only when deployed")
        node = node.replace(token, str(value).lower() if isinstance(value, bool) else str(value))
    return node


def _subnet(t: _Template, logical_id: str, props: dict[str, Any]) -> None:
    vpc = props.get("VpcId")
    values = {"subnet_id": PENDING, "vpc_id": PENDING if isinstance(vpc, Created) else t.reader(props).string("VpcId"),
              "default_network": Value(State.KNOWN, False)}  # fmt: skip
    t.lists["subnets"].append({
        "meta": t.meta(logical_id, values), **plain(values),
        "vpc_key": t.key(vpc),
    })  # fmt: skip


def _vpc(t: _Template, logical_id: str, _props: dict[str, Any]) -> None:
    values = {"vpc_id": PENDING, "default": Value(State.KNOWN, False)}
    # Created by the template: its endpoints are those the template creates.
    t.lists["vpcs"].append({"meta": t.meta(logical_id, values), **plain(values), "vpc_key": t.id(logical_id),
                            "endpoints_known": True})  # fmt: skip


_MAPPERS: dict[str, Callable[[_Template, str, dict[str, Any]], None]] = {
    "AWS::SageMaker::NotebookInstance": _notebook,
    "AWS::SageMaker::Model": _model,
    "AWS::SageMaker::EndpointConfig": _endpoint_config,
    "AWS::SageMaker::Endpoint": _endpoint,
    "AWS::SageMaker::Domain": _domain,
    "AWS::SageMaker::UserProfile": _user_profile,
    "AWS::SageMaker::Pipeline": _pipeline,
    **{f"AWS::SageMaker::{name}JobDefinition": _monitoring(kind) for kind, name in MONITORING_DEFINITIONS.items()},
    "AWS::SageMaker::MonitoringSchedule": _monitoring("schedule"),
    "AWS::SageMaker::FeatureGroup": _feature_group,
    "AWS::SageMaker::NotebookInstanceLifecycleConfig": _lifecycle_config,
    "AWS::SageMaker::ModelPackageGroup": _model_package_group,
    "AWS::StepFunctions::StateMachine": _state_machine,
    "AWS::IAM::Policy": _identity,
    "AWS::IAM::ManagedPolicy": _identity,
    "AWS::IAM::Role": _principal,
    "AWS::IAM::User": _principal,
    "AWS::IAM::Group": _principal,
    "AWS::Organizations::Policy": _organizations_policy,
    "AWS::EC2::VPCEndpoint": _vpc_endpoint,
    _VPC: _vpc,
    _SUBNET: _subnet,
}


def convert_template(
    template: Mapping[str, Any],
    name: str,
    parameters: Mapping[str, str] | None = None,
    *,
    stack: str = "",
    constructs: Mapping[str, str] | None = None,
) -> Conversion:
    """The canonical document of a decoded template. Pure.

    ``stack`` is the stack's artifact ID in a CDK cloud assembly (resource IDs become
    ``<stack>/<LogicalId>``); ``constructs`` maps logical IDs to construct paths where the
    template's own ``aws:cdk:path`` metadata is missing (synthesized without path metadata).
    """
    t = _Template(template, name, parameters or {}, stack)
    t.document["sources"].append({"kind": "cloudformation", "name": name, "format_version": None,
                                  "tool_version": _str(template.get("AWSTemplateFormatVersion"))})  # fmt: skip
    warnings, judged = [], 0
    for logical_id, resource in t.resources.items():
        kind = t.type_of(logical_id)
        mapper = _MAPPERS.get(kind)
        if mapper is None:
            continue
        judged += 1
        try:
            if t.resolver.included(resource) is False:
                continue  # its Condition is false with these parameters
            mapper(t, logical_id, t.properties(logical_id))
        except ApiShapeError as exc:
            t.document["errors"].append({"resource": t.id(logical_id), "location": name, "message": str(exc)})
        except InputError as exc:
            raise InputError(f"{name}: {exc}") from None
    # The logical ID's own line (the key), else where its definition starts.
    lines = {
        t.id(str(key)): line for key, resource in t.resources.items() if (line := line_of(key) or line_of(resource))
    }
    if not judged:
        warnings.append(f"{name}: read {len(t.resources)} resources, none of a kind smguard judges")
    return Conversion(t.document, warnings, lines, _construct_paths(t, constructs or {}))


def _construct_paths(t: _Template, given: Mapping[str, str]) -> dict[str, str]:
    """Resource ID -> the CDK construct that made it (``aws:cdk:path``), for users to find it."""
    paths = {}
    for logical_id, resource in t.resources.items():
        metadata = resource.get("Metadata") if isinstance(resource, Mapping) else None
        path = metadata.get("aws:cdk:path") if isinstance(metadata, Mapping) else None
        path = path if isinstance(path, str) else given.get(str(logical_id))
        if path:
            paths[t.id(str(logical_id))] = path
    return paths


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
