"""A SageMaker API request (boto3 parameters) -> the canonical document, for admission checks.

The request shapes are those of the Describe* responses, so the same field reading (and the same
AWS defaults) applies. A request names no resources around it: subnets are not resolved to VPCs,
models not to endpoint configurations; what depends on them is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from smguard.errors import ApiShapeError, InputError, PolicyDocumentError
from smguard.frontends import workflows
from smguard.frontends.iam_policy import parse_policy
from smguard.frontends.sagemaker_api import (
    Reader,
    domain_settings,
    endpoint_config_settings,
    feature_group_settings,
    flow_definition_settings,
    job_settings,
    labeling_jobs,
    lifecycle_config_settings,
    model_settings,
    monitoring_settings,
    no_placeholder,
    notebook_settings,
    validation_jobs,
)
from smguard.frontends.value import UNKNOWN, State, Value, meta, plain
from smguard.jsonio import loads
from smguard.model import Document, JobKind, MonitoringKind, empty_document


@dataclass(frozen=True)
class Request:
    """What is converted, and how its resource is named in findings."""

    operation: str
    resource_id: str | None = None
    """Else ``<operation>:<name>``."""
    location: str = "api-request"

    def id(self, name: Value) -> str:
        return self.resource_id or f"{self.operation}:{name.value if name.known else '(unnamed)'}"


def _notebook(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    values = {**notebook_settings(reader), "vpc_id": UNKNOWN, "default_network": UNKNOWN}
    return "notebook_instances", {**_resource(values, request), "vpc_key": None}


# An update changes only the fields it names (of those smguard judges, these: attribute ->
# request field); the rest stays as it was, which the request cannot tell, so it is unknown.
_UPDATABLE = {
    "UpdateNotebookInstance": {
        "root_access": "RootAccess",
        "minimum_instance_metadata_service_version": "InstanceMetadataServiceConfiguration",
    },
    "UpdateTrainingJob": {"enable_remote_debug": "RemoteDebugConfig"},
    "UpdateDomain": {"app_network_access_type": "AppNetworkAccessType"},
}


def _updated(operation: str, reader: Reader, values: dict[str, Value]) -> dict[str, Value]:
    updatable = _UPDATABLE[operation]
    return {
        key: value if key == "name" or updatable.get(key) in reader.request else UNKNOWN
        for key, value in values.items()
    }


def _notebook_update(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    values = _updated(request.operation, reader, notebook_settings(reader))
    values |= {"vpc_id": UNKNOWN, "default_network": UNKNOWN}
    return "notebook_instances", {**_resource(values, request), "vpc_key": None}


def _training_job_update(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    [(_, settings)] = job_settings("training", reader.request, no_placeholder)
    values = _updated(request.operation, reader, {"name": reader.string("TrainingJobName"), **settings})
    return "training_jobs", {**_resource(values, request), "kind": "training", "vpc_key": None}


def _domain_update(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    values = _updated(request.operation, reader, {**domain_settings(reader), "name": reader.string("DomainId")})
    return "domains", {**_resource(values, request), "vpc_key": None}


def _model(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    return "models", {**_resource(model_settings(reader), request), "vpc_key": None}


def _endpoint_config(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    return "endpoint_configs", _resource(endpoint_config_settings(reader), request)


def _domain(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    values = domain_settings(reader)
    vpc = values["vpc_id"]
    return "domains", {**_resource(values, request), "vpc_key": vpc.value if vpc.known else None}


def _endpoint(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    values = {"name": reader.string("EndpointName"), "endpoint_config_name": reader.string("EndpointConfigName")}
    # The configuration is not in the request: what it serves is unknown (SM405).
    return "endpoints", {**_resource(values, request), "endpoint_config": None}


def _feature_group(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    return "feature_groups", _resource(feature_group_settings(reader), request)


def _lifecycle_config(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    # An update is judged on the scripts it sends; one it leaves out was judged when it was sent.
    return "lifecycle_configs", _resource(lifecycle_config_settings(reader), request)


def _flow_definition(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    return "flow_definitions", _resource(flow_definition_settings(reader), request)


def _model_package_group_policy(reader: Reader, request: Request) -> tuple[str, dict[str, Any]]:
    text = reader.string("ResourcePolicy")
    try:
        policy = Value(State.KNOWN, parse_policy(text.value)) if text.known else text
    except PolicyDocumentError as exc:
        raise ApiShapeError(f"ResourcePolicy: {exc}") from None
    values = {"name": reader.string("ModelPackageGroupName"), "policy": policy}
    return "model_package_groups", _resource(values, request)


def _resource(values: dict[str, Value], request: Request) -> dict[str, Any]:
    return {
        "meta": meta(request.id(values["name"]), request.operation, request.location, values),
        **plain(values, {"security_groups": []}),
    }


_RESOURCES: dict[str, Callable[[Reader, Request], tuple[str, dict[str, Any]]]] = {
    "CreateNotebookInstance": _notebook,
    "UpdateNotebookInstance": _notebook_update,
    "CreateModel": _model,
    "CreateEndpointConfig": _endpoint_config,
    "CreateEndpoint": _endpoint,
    "UpdateEndpoint": _endpoint,
    "CreateDomain": _domain,
    "CreateFeatureGroup": _feature_group,
    "CreateNotebookInstanceLifecycleConfig": _lifecycle_config,
    "UpdateNotebookInstanceLifecycleConfig": _lifecycle_config,
    "CreateFlowDefinition": _flow_definition,
    "PutModelPackageGroupPolicy": _model_package_group_policy,
    "UpdateTrainingJob": _training_job_update,
    "UpdateDomain": _domain_update,
}
_JOBS: dict[str, tuple[JobKind, str]] = {
    "CreateTrainingJob": ("training", "TrainingJobName"),
    "CreateHyperParameterTuningJob": ("tuning", "HyperParameterTuningJobName"),
    "CreateProcessingJob": ("processing", "ProcessingJobName"),
    "CreateAutoMLJob": ("automl", "AutoMLJobName"),
    "CreateAutoMLJobV2": ("automl_v2", "AutoMLJobName"),
    "CreateTransformJob": ("transform", "TransformJobName"),
    "CreateCompilationJob": ("compilation", "CompilationJobName"),
    "CreateOptimizationJob": ("optimization", "OptimizationJobName"),
    "CreateInferenceRecommendationsJob": ("inference_recommendations", "JobName"),
    "CreateCluster": ("cluster", "ClusterName"),
}
# Requests whose jobs are of more than one kind: (name fields, the first one set names them; reader).
# A versioned model package is named by its group.
_MIXED_JOBS: dict[str, tuple[tuple[str, ...], Callable[[Reader], list[tuple[str, JobKind, dict[str, Value]]]]]] = {
    "CreateLabelingJob": (("LabelingJobName",), labeling_jobs),
    "CreateAlgorithm": (("AlgorithmName",), validation_jobs),
    "CreateModelPackage": (("ModelPackageName", "ModelPackageGroupName"), validation_jobs),
}
_PIPELINES = frozenset({"CreatePipeline", "UpdatePipeline"})
# UpdateMonitoringSchedule replaces the whole MonitoringScheduleConfig: the request is the new state.
_MONITORING: dict[str, MonitoringKind] = {
    "CreateDataQualityJobDefinition": "data_quality",
    "CreateModelQualityJobDefinition": "model_quality",
    "CreateModelBiasJobDefinition": "model_bias",
    "CreateModelExplainabilityJobDefinition": "model_explainability",
    "CreateMonitoringSchedule": "schedule",
    "UpdateMonitoringSchedule": "schedule",
}
OPERATIONS = frozenset(_RESOURCES) | frozenset(_JOBS) | frozenset(_MIXED_JOBS) | _PIPELINES | frozenset(_MONITORING)


def _job(request: Request, name: Value, suffix: str, kind: JobKind, settings: dict[str, Value]) -> dict[str, Any]:
    values = {"name": name, **settings}
    return {"meta": meta(request.id(name) + suffix, request.operation, request.location, values), "kind": kind,
            **plain(values), "vpc_key": None}  # fmt: skip


def _pipeline_jobs(reader: Reader) -> list[tuple[str, JobKind, dict[str, Value]]]:
    """The jobs of a pipeline definition (what ``pipeline.upsert()`` sends); one in S3 is unknown."""
    text = reader.string("PipelineDefinition")
    if not text.known:
        unknown = dict.fromkeys(job_settings("training", {}, no_placeholder)[0][1], UNKNOWN)
        return [("", "training", unknown)]  # PipelineDefinitionS3Location: read by SageMaker, not here
    try:
        definition = loads(str(text.value))
    except (ValueError, RecursionError):
        raise ApiShapeError("PipelineDefinition is not valid JSON") from None
    jobs = workflows.pipeline_jobs(definition)
    if jobs is None:
        raise ApiShapeError("the pipeline definition has no Steps list")
    return [(f"{where}{suffix}", kind, values) for where, kind, arguments in jobs
            for suffix, values in job_settings(kind, arguments, workflows.pipeline_placeholder)]  # fmt: skip


def convert_endpoint_request(
    operation: str,
    params: Mapping[str, Any],
    config: Mapping[str, Any],
    models: Mapping[str, Mapping[str, Any]],
) -> Document:
    """CreateEndpoint or UpdateEndpoint with what it would serve: the endpoint configuration it
    names and its models, as DescribeEndpointConfig and DescribeModel return them. Pure."""
    document = convert_request(operation, params)
    lists = cast(dict[str, list[Any]], document["resources"])
    config_id = f"{operation}:{params.get('EndpointName')}/config"
    add_request(document, Request("CreateEndpointConfig", config_id), config)
    for name, described in models.items():
        add_request(document, Request("CreateModel", f"{config_id}/model/{name}"), described)
    for endpoint in lists["endpoints"]:
        endpoint["endpoint_config"] = config_id
    model_ids = {m["name"]: m["meta"]["id"] for m in lists["models"]}
    for endpoint_config in lists["endpoint_configs"]:
        for variant in endpoint_config["variants"]:
            variant["model"] = model_ids.get(variant["model_name"])
    return document


def convert_request(operation: str, params: Mapping[str, Any]) -> Document:
    """The canonical document for one create or update request. Pure."""
    document = empty_document()
    document["sources"].append({"kind": "api-request", "name": operation, "format_version": None, "tool_version": None})
    add_request(document, Request(operation), params)
    return document


def add_request(document: Document, request: Request, params: Mapping[str, Any]) -> None:
    """The resources a request creates, added to ``document``; a malformed request is an error for it."""
    lists = cast(dict[str, list[Any]], document["resources"])
    operation = request.operation
    reader = Reader(params, no_placeholder)
    try:
        if operation in _RESOURCES:
            kind, resource = _RESOURCES[operation](reader, request)
            lists[kind].append(resource)
        elif operation in _JOBS:
            job_kind, name_key = _JOBS[operation]
            name = reader.string(name_key)
            for suffix, settings in job_settings(job_kind, params, no_placeholder):
                lists["training_jobs"].append(_job(request, name, suffix, job_kind, settings))
        elif operation in _MIXED_JOBS:
            name_keys, read = _MIXED_JOBS[operation]
            names = [reader.string(key) for key in name_keys]
            name = next((n for n in names if n.known), names[0])
            for suffix, job_kind, settings in read(reader):
                lists["training_jobs"].append(_job(request, name, suffix, job_kind, settings))
        elif operation in _MONITORING:
            monitoring = _MONITORING[operation]
            values = monitoring_settings(monitoring, reader)
            if values is not None:
                lists["monitoring_jobs"].append({**_resource(values, request), "kind": monitoring})
        elif operation in _PIPELINES:
            name = reader.string("PipelineName")
            for suffix, job_kind, settings in _pipeline_jobs(reader):
                lists["training_jobs"].append(_job(request, name, suffix, job_kind, settings))
        else:
            raise InputError(f"{operation} is not an operation smguard judges")
    except ApiShapeError as exc:
        document["errors"].append(
            {"resource": request.resource_id or operation, "location": request.location, "message": str(exc)}
        )
