"""A live snapshot (raw AWS responses, see ``smguard.collect``) -> the canonical document. Pure.

ARNs (VPC endpoint IDs for endpoints) are the resources' IDs; subnets are resolved to VPCs from
the described subnets and VPCs; endpoint -> configuration -> model are joined by name within an
account and region. Every call that failed during collection becomes an error finding.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, cast
from urllib.parse import unquote

from smguard.errors import ApiShapeError, InputError, PolicyDocumentError
from smguard.frontends import managed_policies
from smguard.frontends.conversion import Conversion
from smguard.frontends.iam_policy import parse_policy
from smguard.frontends.sagemaker_api import (
    Reader,
    domain_settings,
    endpoint_config_settings,
    feature_group_settings,
    flow_definition_settings,
    job_settings,
    lifecycle_config_settings,
    model_settings,
    monitoring_settings,
    no_placeholder,
    notebook_settings,
)
from smguard.frontends.services import sagemaker_service
from smguard.frontends.value import ABSENT, UNKNOWN, State, Value, meta, plain
from smguard.model import Document, JobKind, MonitoringKind, empty_document

SNAPSHOT_FORMAT = 1
_JOBS: tuple[tuple[str, JobKind, str], ...] = (
    ("sagemaker.DescribeTrainingJob", "training", "TrainingJobArn"),
    ("sagemaker.DescribeHyperParameterTuningJob", "tuning", "HyperParameterTuningJobArn"),
    ("sagemaker.DescribeProcessingJob", "processing", "ProcessingJobArn"),
    ("sagemaker.DescribeAutoMLJobV2", "automl_v2", "AutoMLJobArn"),
)
_MONITORING: tuple[tuple[str, MonitoringKind, str], ...] = (
    ("sagemaker.DescribeDataQualityJobDefinition", "data_quality", "JobDefinitionArn"),
    ("sagemaker.DescribeModelQualityJobDefinition", "model_quality", "JobDefinitionArn"),
    ("sagemaker.DescribeModelBiasJobDefinition", "model_bias", "JobDefinitionArn"),
    ("sagemaker.DescribeModelExplainabilityJobDefinition", "model_explainability", "JobDefinitionArn"),
    ("sagemaker.DescribeMonitoringSchedule", "schedule", "MonitoringScheduleArn"),
)


def is_snapshot(value: Any) -> bool:
    return isinstance(value, Mapping) and "smguard_snapshot" in value


_T = TypeVar("_T")


class _Region:
    """One account and region of the snapshot, with its lookups built once."""

    def __init__(self, account: str, region: str, calls: Mapping[str, Any]) -> None:
        self.location = f"aws:{account}/{region}"
        self.calls = calls
        self.subnets = {s["SubnetId"]: s for s in self.items("ec2.DescribeSubnets", "Subnets")}
        self.vpcs = {v["VpcId"]: v for v in self.items("ec2.DescribeVpcs", "Vpcs")}

    def items(self, api: str, key: str) -> Iterator[Mapping[str, Any]]:
        for page in self.calls.get(api, []):
            yield from (item for item in page.get(key, []) if isinstance(item, Mapping))

    def network(self, subnets: Value) -> tuple[Value, str | None, Value]:
        """(vpc_id, vpc_key, default_network) of one subnet ID or a list of them."""
        if not subnets.known:
            return subnets, None, subnets
        ids = subnets.value if isinstance(subnets.value, list) else [subnets.value]
        described = [self.subnets.get(i) for i in ids]
        if not ids or None in described:
            return UNKNOWN, None, UNKNOWN
        vpcs = {cast(Mapping[str, Any], s)["VpcId"] for s in described}
        if len(vpcs) != 1:
            return UNKNOWN, None, UNKNOWN
        vpc_id = vpcs.pop()
        default = any(cast(Mapping[str, Any], s).get("DefaultForAz") for s in described) or (
            self.vpcs.get(vpc_id, {}).get("IsDefault")
        )
        known_default = default is True or vpc_id in self.vpcs
        return Value(State.KNOWN, vpc_id), vpc_id, Value(State.KNOWN, bool(default)) if known_default else UNKNOWN


def convert_snapshot(snapshot: Any, name: str) -> Conversion:
    if not is_snapshot(snapshot) or snapshot.get("smguard_snapshot") != SNAPSHOT_FORMAT:
        raise InputError(f"{name}: not an smguard snapshot of format {SNAPSHOT_FORMAT}")
    accounts = snapshot.get("accounts")
    if not isinstance(accounts, Mapping) or not accounts:
        raise InputError(f"{name}: the snapshot covers no account")
    document = empty_document()
    document["sources"].append({"kind": "aws-snapshot", "name": name, "format_version": str(SNAPSHOT_FORMAT),
                                "tool_version": snapshot.get("tool", {}).get("version")})  # fmt: skip
    lists = cast(dict[str, list[Any]], document["resources"])
    for account, content in accounts.items():
        regions = content.get("regions", {}) if isinstance(content, Mapping) else {}
        for region, region_content in regions.items() if isinstance(regions, Mapping) else []:
            with _malformed(document, f"aws:{account}/{region}"):
                _convert_region(_Region(str(account), str(region), region_content.get("calls", {})), lists, document)
        with _malformed(document, f"aws:{account}/global"):
            _convert_account(str(account), content.get("global", {}).get("calls", {}), lists, document)
    failures = snapshot.get("failures", [])
    for failure in failures if isinstance(failures, list) else [failures]:
        if not isinstance(failure, Mapping):
            _error(document, f"{name}:failures", name, "a failures entry of the snapshot is not an object")
            continue
        where = f"{failure.get('account')}/{failure.get('region')}"
        document["errors"].append({
            "resource": f"aws:{where}:{failure.get('api')}", "location": f"aws:{where}",
            "message": f"{failure.get('api')} failed ({failure.get('code')}): {failure.get('message')}",
        })  # fmt: skip
    return Conversion(document)


def _error(document: Document, resource: str, location: str, message: str) -> None:
    document["errors"].append({"resource": resource, "location": location, "message": message})


def _described(region: _Region, document: Document, api: str, arn_key: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each response of ``api`` with its ARN, the resource's ID everywhere; a response without
    one is an error, not a resource named "None"."""
    for response in region.calls.get(api, {}).values():
        if not isinstance(response, Mapping):
            continue
        arn = response.get(arn_key)
        if isinstance(arn, str) and arn:
            yield arn, response
        else:
            _error(document, f"{region.location}:{arn_key}", region.location, f"a response has no {arn_key}")


def _shaped(document: Document, arn: str, location: str, read: Callable[..., _T], *args: Any) -> _T | None:
    """One resource's settings, or None and an error when its response has the wrong shape."""
    try:
        return read(*args)
    except ApiShapeError as exc:
        _error(document, arn, location, str(exc))
        return None


@contextlib.contextmanager
def _malformed(document: Document, location: str) -> Iterator[None]:
    """A snapshot edited by hand or cut short: what cannot be read is an error for that part, which
    keeps the scan from passing, while the rest of the snapshot is still judged."""
    try:
        yield
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        _error(document, location, location, f"the snapshot's responses here are malformed ({type(exc).__name__})")


def _convert_region(region: _Region, lists: dict[str, list[Any]], document: Document) -> None:
    _convert_workloads(region, lists, document)
    _convert_ml_operations(region, lists, document)
    _convert_registry(region, lists, document)
    _convert_hosting(region, lists, document)
    _convert_network(region, lists, document)


def _convert_workloads(region: _Region, lists: dict[str, list[Any]], document: Document) -> None:
    loc = region.location
    for arn, response in _described(region, document, "sagemaker.DescribeNotebookInstance", "NotebookInstanceArn"):
        values = _shaped(document, arn, loc, notebook_settings, Reader(response, no_placeholder), "SecurityGroups")
        if values is None:
            continue
        vpc_id, vpc_key, default = region.network(values["subnet_id"])
        values |= {"vpc_id": vpc_id, "default_network": default}
        lists["notebook_instances"].append(
            {
                "meta": meta(arn, "DescribeNotebookInstance", loc, values),
                **plain(values, {"security_groups": []}),
                "vpc_key": vpc_key,
            }  # fmt: skip
        )
    for arn, response in _described(
        region, document, "sagemaker.DescribeNotebookInstanceLifecycleConfig", "NotebookInstanceLifecycleConfigArn"
    ):
        values = _shaped(document, arn, loc, lifecycle_config_settings, Reader(response, no_placeholder))
        if values is not None:
            lists["lifecycle_configs"].append(
                {"meta": meta(arn, "DescribeNotebookInstanceLifecycleConfig", loc, values), **plain(values)}
            )
    for api, kind, arn_key in _JOBS:
        for arn, response in _described(region, document, api, arn_key):
            settings = _shaped(document, arn, loc, job_settings, kind, response, no_placeholder)
            if settings is None:
                continue
            for suffix, job in settings:
                name = Value(State.KNOWN, arn.rsplit("/", 1)[-1])
                _, vpc_key, _ = region.network(job["subnets"])
                values = {"name": name, **job}
                lists["training_jobs"].append(
                    {
                        "meta": meta(f"{arn}{suffix}", api.split(".")[1], loc, values),
                        "kind": kind,
                        **plain(values),
                        "vpc_key": vpc_key,
                    }  # fmt: skip
                )
    for arn, response in _described(region, document, "sagemaker.DescribeDomain", "DomainArn"):
        values = _shaped(document, arn, loc, domain_settings, Reader(response, no_placeholder))
        if values is None:
            continue
        vpc = values["vpc_id"]
        lists["domains"].append({"meta": meta(arn, "DescribeDomain", loc, values), **plain(values),
                                 "vpc_key": vpc.value if vpc.known else None})  # fmt: skip


def _convert_ml_operations(region: _Region, lists: dict[str, list[Any]], document: Document) -> None:
    loc = region.location
    for api, monitoring, arn_key in _MONITORING:
        for arn, response in _described(region, document, api, arn_key):
            values = _shaped(document, arn, loc, monitoring_settings, monitoring, Reader(response, no_placeholder))
            if values is not None:
                lists["monitoring_jobs"].append(
                    {"meta": meta(arn, api.split(".")[1], loc, values), "kind": monitoring, **plain(values)}
                )
    for arn, response in _described(region, document, "sagemaker.DescribeFeatureGroup", "FeatureGroupArn"):
        values = _shaped(document, arn, loc, feature_group_settings, Reader(response, no_placeholder))
        if values is not None:
            lists["feature_groups"].append({"meta": meta(arn, "DescribeFeatureGroup", loc, values), **plain(values)})
    for arn, response in _described(region, document, "sagemaker.DescribeFlowDefinition", "FlowDefinitionArn"):
        values = _shaped(document, arn, loc, flow_definition_settings, Reader(response, no_placeholder))
        if values is not None:
            lists["flow_definitions"].append(
                {"meta": meta(arn, "DescribeFlowDefinition", loc, values), **plain(values)}
            )


def _convert_registry(region: _Region, lists: dict[str, list[Any]], document: Document) -> None:
    """Model package groups from their list, each with the policy GetModelPackageGroupPolicy read:
    ``None`` when the group has none; a group whose policy was not read is ``unknown`` (the
    failed call is an error of its own)."""
    loc = region.location
    policies = region.calls.get("sagemaker.GetModelPackageGroupPolicy", {})
    for group in region.items("sagemaker.ListModelPackageGroups", "ModelPackageGroupSummaryList"):
        arn, name = group.get("ModelPackageGroupArn"), group.get("ModelPackageGroupName")
        if not isinstance(arn, str) or not arn or not isinstance(name, str):
            _error(document, f"{loc}:ModelPackageGroupArn", loc, "a model package group has no ARN or name")
            continue
        response = policies.get(name)
        policy = UNKNOWN
        if isinstance(response, Mapping) and response.get("ResourcePolicy") is None:
            policy = ABSENT
        elif isinstance(response, Mapping):
            try:
                policy = Value(State.KNOWN, parse_policy(response["ResourcePolicy"]))
            except PolicyDocumentError as exc:
                _error(document, arn, loc, f"ResourcePolicy: {exc}")
                continue
        values = {"name": Value(State.KNOWN, name), "policy": policy}
        lists["model_package_groups"].append(
            {"meta": meta(arn, "GetModelPackageGroupPolicy", loc, values), **plain(values)}
        )


def _convert_hosting(region: _Region, lists: dict[str, list[Any]], document: Document) -> None:
    loc = region.location
    models_by_name, configs_by_name = {}, {}
    for arn, response in _described(region, document, "sagemaker.DescribeModel", "ModelArn"):
        values = _shaped(document, arn, loc, model_settings, Reader(response, no_placeholder))
        if values is None:
            continue
        _, vpc_key, _ = region.network(values["subnets"])
        models_by_name[response.get("ModelName")] = arn
        lists["models"].append({"meta": meta(arn, "DescribeModel", loc, values), **plain(values), "vpc_key": vpc_key})
    for arn, response in _described(region, document, "sagemaker.DescribeEndpointConfig", "EndpointConfigArn"):
        values = _shaped(document, arn, loc, endpoint_config_settings, Reader(response, no_placeholder))
        if values is None:
            continue
        for variant in values["variants"].value:
            variant["model"] = models_by_name.get(variant["model_name"])
        configs_by_name[response.get("EndpointConfigName")] = arn
        lists["endpoint_configs"].append({"meta": meta(arn, "DescribeEndpointConfig", loc, values), **plain(values)})
    for arn, response in _described(region, document, "sagemaker.DescribeEndpoint", "EndpointArn"):
        reader = Reader(response, no_placeholder)
        values = {"name": reader.string("EndpointName"), "endpoint_config_name": reader.string("EndpointConfigName")}
        config = configs_by_name.get(values["endpoint_config_name"].value)
        lists["endpoints"].append({"meta": meta(arn, "DescribeEndpoint", loc, values), **plain(values),
                                   "endpoint_config": config})  # fmt: skip


def _convert_network(region: _Region, lists: dict[str, list[Any]], document: Document) -> None:
    loc = region.location
    for endpoint in region.items("ec2.DescribeVpcEndpoints", "VpcEndpoints"):
        endpoint_id = str(endpoint.get("VpcEndpointId"))
        policy: Value = ABSENT
        if isinstance(endpoint.get("PolicyDocument"), str):
            try:
                policy = Value(State.KNOWN, parse_policy(endpoint["PolicyDocument"]))
            except PolicyDocumentError as exc:
                _error(document, endpoint_id, loc, f"PolicyDocument: {exc}")
                continue
        service = endpoint.get("ServiceName")
        values = {
            "service_name": Value(State.KNOWN, service),
            "endpoint_type": Value(State.KNOWN, endpoint.get("VpcEndpointType")),
            "vpc_id": Value(State.KNOWN, endpoint.get("VpcId")),
            "private_dns_enabled": Value(State.KNOWN, endpoint.get("PrivateDnsEnabled") is True),
            "policy": policy,
        }
        lists["vpc_endpoints"].append({
            "meta": meta(endpoint_id, "DescribeVpcEndpoints", loc, values), **plain(values),
            "sagemaker_service": sagemaker_service(service) if isinstance(service, str) else None,
            "vpc_key": endpoint.get("VpcId"),
        })  # fmt: skip
    for vpc_id, vpc in region.vpcs.items():
        values = {"vpc_id": Value(State.KNOWN, vpc_id), "default": Value(State.KNOWN, vpc.get("IsDefault") is True)}
        # Collection lists every endpoint of the region, so a VPC's endpoints are all known - unless
        # that listing failed.
        lists["vpcs"].append({"meta": meta(vpc_id, "DescribeVpcs", loc, values), **plain(values), "vpc_key": vpc_id,
                              "endpoints_known": "ec2.DescribeVpcEndpoints" in region.calls})  # fmt: skip
    for subnet_id in region.subnets:
        vpc_id, vpc_key, default = region.network(Value(State.KNOWN, subnet_id))
        values = {"subnet_id": Value(State.KNOWN, subnet_id), "vpc_id": vpc_id, "default_network": default}
        lists["subnets"].append({"meta": meta(subnet_id, "DescribeSubnets", loc, values), **plain(values),
                                 "vpc_key": vpc_key})  # fmt: skip


def _document(raw: Any) -> Any:
    # IAM returns policy documents URL-encoded; boto3 usually decodes them already.
    # Text that is not JSON is kept: the policy parser reports it as a malformed document.
    return unquote(raw) if isinstance(raw, str) and raw.startswith("%7B") else raw


# Principal list of GetAccountAuthorizationDetails -> the key of their inline policies.
_PRINCIPAL_LISTS = {
    "RoleDetailList": "RolePolicyList", "UserDetailList": "UserPolicyList", "GroupDetailList": "GroupPolicyList",
}  # fmt: skip


def _listed(pages: list[Any], list_key: str) -> list[Any]:
    return [p for page in pages for p in page.get(list_key, [])]


def _convert_account(account: str, calls: Mapping[str, Any], lists: dict[str, list[Any]], document: Document) -> None:
    loc = f"aws:{account}/global"
    readable = Value(State.KNOWN, "organizations.DescribePolicy" in calls)
    unreadable = "" if readable.value else str(calls.get("organizations.unreadable") or "the snapshot holds no SCPs")
    lists["accounts"].append({"meta": meta(f"aws:{account}", "account", loc, {"scps_readable": readable}),
                              "account_id": account, "scps_readable": readable.value, "scps_unreadable": unreadable,
                              "scp_exempt": calls.get("organizations.ManagementAccount") is True})  # fmt: skip

    pages = calls.get("iam.GetAccountAuthorizationDetails", [])
    principals = [p for list_key in _PRINCIPAL_LISTS for p in _listed(pages, list_key)]
    attached: dict[str, list[str]] = {}  # managed policy ARN -> the principals it is attached to
    for principal in principals:
        for managed in principal.get("AttachedManagedPolicies", []):
            attached.setdefault(managed.get("PolicyArn", ""), []).append(principal["Arn"])

    def add(kind: str, policy_id: str, name: str, raw: Any, owners: list[str]) -> None:
        try:
            statements = parse_policy(_document(raw))
        except PolicyDocumentError as exc:
            _error(document, policy_id, loc, str(exc))
            return
        known = Value(State.KNOWN)
        lists[kind].append({"meta": meta(policy_id, "iam", loc, {"statements": known}), "name": name,
                            "statements": statements, "attached_to": owners})  # fmt: skip

    for page in pages:
        for policy in page.get("Policies", []):
            for version in policy.get("PolicyVersionList", []):
                if version.get("IsDefaultVersion"):
                    add("iam_policies", policy["Arn"], policy.get("PolicyName", ""), version.get("Document"),
                        attached.get(policy["Arn"], []))  # fmt: skip
    for list_key, inline_key in _PRINCIPAL_LISTS.items():
        for principal in _listed(pages, list_key):
            for inline in principal.get(inline_key, []):
                policy_id = f"{principal['Arn']}#inline/{inline.get('PolicyName')}"
                add("iam_policies", policy_id, inline.get("PolicyName", ""), inline.get("PolicyDocument"),
                    [principal["Arn"]])  # fmt: skip
    for arn, owners in sorted(attached.items()):
        policy = managed_policies.attachment(arn, "iam", loc, arn, sorted(owners))
        if policy is not None:
            lists["iam_policies"].append(policy)
    for policy in calls.get("organizations.DescribePolicy", {}).values():
        summary = policy.get("Policy", {}).get("PolicySummary", {})
        add("service_control_policies", summary.get("Arn", ""), summary.get("Name", ""),
            policy.get("Policy", {}).get("Content"), [])  # fmt: skip
