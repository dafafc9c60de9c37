"""SageMaker API request shapes -> canonical job settings.

CreateTrainingJob, CreateHyperParameterTuningJob and CreateProcessingJob requests share their
field names with the Describe* responses, with pipeline step ``Arguments`` and with Step
Functions task ``Parameters``; one reader serves them all. Values a pipeline or state machine
fills in at run time (``{"Get": "Parameters.Subnets"}``, ``"VpcConfig.$": "$.vpc"``) are unknown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from smguard.errors import ApiShapeError
from smguard.frontends import script_secrets
from smguard.frontends.value import ABSENT, PENDING, UNKNOWN, State, Value
from smguard.model import JobKind, MonitoringKind

Placeholder = Callable[[Any], bool]


def no_placeholder(_: Any) -> bool:
    """For requests and responses that hold only concrete values (API calls, Describe* responses)."""
    return False


class Fields(Protocol):
    """What the settings readers below ask of a request: a value by its API field path."""

    def get(self, *path: str) -> Value: ...
    def string(self, *path: str) -> Value: ...
    def boolean(self, *path: str, default: bool) -> Value: ...
    def strings(self, *path: str) -> Value: ...


@dataclass(frozen=True)
class Reader:
    """Reads fields of one request, telling run-time placeholders apart from values."""

    request: Mapping[str, Any]
    placeholder: Placeholder
    pending: Placeholder = no_placeholder
    """Values set to something known only once deployed (a resource of the same template)."""
    text_booleans: bool = False
    """``"true"``/``"false"`` are Booleans too (CloudFormation takes them so, e.g. from a parameter)."""

    def inner(self, request: Mapping[str, Any]) -> Reader:
        """A reader of a structure inside this request, reading as this one does."""
        return replace(self, request=request)

    def get(self, *path: str) -> Value:
        node: Any = self.request
        for depth, key in enumerate(path):
            if self.placeholder(node):
                return UNKNOWN
            if not isinstance(node, Mapping):
                raise ApiShapeError(f"{'.'.join(path[:depth])} is not an object")
            if f"{key}.$" in node:  # Step Functions: the value comes from the state's input
                return UNKNOWN
            node = node.get(key)
            if node is None:
                return ABSENT
        if self.pending(node):
            return PENDING
        return UNKNOWN if self.placeholder(node) else Value(State.KNOWN, node)

    def string(self, *path: str) -> Value:
        value = self.get(*path)
        if value.known and not isinstance(value.value, str):
            raise ApiShapeError(f"{'.'.join(path)} is not a string")
        return ABSENT if value.known and value.value == "" else value

    def boolean(self, *path: str, default: bool) -> Value:
        value = self.get(*path)
        if value.state is State.ABSENT:
            return Value(State.KNOWN, default)
        if self.text_booleans and value.known and str(value.value).lower() in ("true", "false"):
            return Value(State.KNOWN, str(value.value).lower() == "true")
        if value.known and not isinstance(value.value, bool):
            raise ApiShapeError(f"{'.'.join(path)} is not a boolean")
        return value

    def strings(self, *path: str) -> Value:
        value = self.get(*path)
        if not value.known:
            return value
        if not isinstance(value.value, list):
            raise ApiShapeError(f"{'.'.join(path)} is not a list")
        if any(self.placeholder(v) for v in value.value):
            return UNKNOWN
        if any(self.pending(v) for v in value.value):
            return PENDING
        if not all(isinstance(v, str) for v in value.value):
            raise ApiShapeError(f"{'.'.join(path)} is not a list of strings")
        items = sorted(v for v in value.value if v)
        return Value(State.KNOWN, items) if items else ABSENT


def training_settings(reader: Fields) -> dict[str, Value]:
    """A training job, or one training definition of a tuning job: the one declaration of what is
    read and its AWS default, for every input."""
    return {
        "subnets": reader.strings("VpcConfig", "Subnets"),
        "security_group_ids": reader.strings("VpcConfig", "SecurityGroupIds"),
        "enable_network_isolation": reader.boolean("EnableNetworkIsolation", default=False),
        "enable_inter_container_traffic_encryption": reader.boolean(
            "EnableInterContainerTrafficEncryption", default=False
        ),
        "volume_kms_key_id": reader.string("ResourceConfig", "VolumeKmsKeyId"),
        "output_kms_key_id": reader.string("OutputDataConfig", "KmsKeyId"),
        "enable_remote_debug": reader.boolean("RemoteDebugConfig", "EnableRemoteDebug", default=False),
    }


def _processing(reader: Fields) -> dict[str, Value]:
    return {
        "subnets": reader.strings("NetworkConfig", "VpcConfig", "Subnets"),
        "security_group_ids": reader.strings("NetworkConfig", "VpcConfig", "SecurityGroupIds"),
        "enable_network_isolation": reader.boolean("NetworkConfig", "EnableNetworkIsolation", default=False),
        "enable_inter_container_traffic_encryption": reader.boolean(
            "NetworkConfig", "EnableInterContainerTrafficEncryption", default=False
        ),
        "volume_kms_key_id": reader.string("ProcessingResources", "ClusterConfig", "VolumeKmsKeyId"),
        "output_kms_key_id": reader.string("ProcessingOutputConfig", "KmsKeyId"),
        "enable_remote_debug": NOT_A_SETTING,
    }


NOT_A_SETTING = Value(State.KNOWN, None)
"""What a job kind has no setting for: the attribute's rule does not judge the kind (lib/jobs)."""


def _vpc(*base: str) -> dict[str, tuple[str, ...]]:
    return {"subnets": (*base, "VpcConfig", "Subnets"), "security_group_ids": (*base, "VpcConfig", "SecurityGroupIds")}


_LABELING = ("LabelingJobAlgorithmsConfig", "LabelingJobResourceConfig")
_AUTOML_V1 = ("AutoMLJobConfig", "SecurityConfig")
# Kinds whose settings are a field each: attribute -> the field it is read from. CreateAutoMLJob
# holds its security settings in AutoMLJobConfig; CreateAutoMLJobV2 and DescribeAutoMLJobV2 (which
# describes both) at the top. A transform job runs in its model's VPC; a labeling job without
# automated labeling runs no instances of the customer's.
DECLARED: dict[JobKind, dict[str, tuple[str, ...]]] = {
    "automl": {**_vpc(*_AUTOML_V1), "enable_inter_container_traffic_encryption": (
        *_AUTOML_V1, "EnableInterContainerTrafficEncryption"), "volume_kms_key_id": (*_AUTOML_V1, "VolumeKmsKeyId"),
        "output_kms_key_id": ("OutputDataConfig", "KmsKeyId")},
    "automl_v2": {**_vpc("SecurityConfig"), "enable_inter_container_traffic_encryption": (
        "SecurityConfig", "EnableInterContainerTrafficEncryption"), "volume_kms_key_id": (
        "SecurityConfig", "VolumeKmsKeyId"), "output_kms_key_id": ("OutputDataConfig", "KmsKeyId")},
    "transform": {"volume_kms_key_id": ("TransformResources", "VolumeKmsKeyId"),
                  "output_kms_key_id": ("TransformOutput", "KmsKeyId")},
    "compilation": {**_vpc(), "output_kms_key_id": ("OutputConfig", "KmsKeyId")},
    "optimization": {**_vpc(), "output_kms_key_id": ("OutputConfig", "KmsKeyId")},
    "inference_recommendations": {**_vpc("InputConfig"), "volume_kms_key_id": ("InputConfig", "VolumeKmsKeyId"),
                                  "output_kms_key_id": ("OutputConfig", "KmsKeyId")},
    "cluster": _vpc(),
    "labeling": {"output_kms_key_id": ("OutputConfig", "KmsKeyId")},
    "labeling_automated": {**_vpc(*_LABELING), "volume_kms_key_id": (*_LABELING, "VolumeKmsKeyId"),
                           "output_kms_key_id": ("OutputConfig", "KmsKeyId")},
    "validation_training": {"volume_kms_key_id": ("ResourceConfig", "VolumeKmsKeyId"),
                            "output_kms_key_id": ("OutputDataConfig", "KmsKeyId")},
    "validation_transform": {"volume_kms_key_id": ("TransformResources", "VolumeKmsKeyId"),
                             "output_kms_key_id": ("TransformOutput", "KmsKeyId")},
}  # fmt: skip
_ATTRIBUTES = ("subnets", "security_group_ids", "enable_network_isolation",
               "enable_inter_container_traffic_encryption", "volume_kms_key_id", "output_kms_key_id",
               "enable_remote_debug")  # fmt: skip


def _declared(paths: Mapping[str, tuple[str, ...]], reader: Fields) -> dict[str, Value]:
    values = dict.fromkeys(_ATTRIBUTES, NOT_A_SETTING)
    for attribute, path in paths.items():
        if attribute in ("subnets", "security_group_ids"):
            values[attribute] = reader.strings(*path)
        elif attribute.startswith("enable_"):
            values[attribute] = reader.boolean(*path, default=False)
        else:
            values[attribute] = reader.string(*path)
    return values


# The kinds whose request starts one job.
SINGLE_JOB: dict[JobKind, Callable[[Fields], dict[str, Value]]] = {
    "training": training_settings,
    "processing": _processing,
    **{kind: functools.partial(_declared, paths) for kind, paths in DECLARED.items()},
}


def labeling_jobs(reader: Reader) -> list[tuple[str, JobKind, dict[str, Value]]]:
    """CreateLabelingJob: automated labeling runs instances of the customer's; human labeling does not."""
    automated = reader.get("LabelingJobAlgorithmsConfig").state is not State.ABSENT
    kind: JobKind = "labeling_automated" if automated else "labeling"
    return [("", kind, SINGLE_JOB[kind](reader))]


_VALIDATION_KINDS: tuple[tuple[str, JobKind], ...] = (
    ("TrainingJobDefinition", "validation_training"),
    ("TransformJobDefinition", "validation_transform"),
)


def validation_jobs(reader: Reader) -> list[tuple[str, JobKind, dict[str, Value]]]:
    """CreateAlgorithm and CreateModelPackage: the training and transform jobs of each validation profile."""
    profiles = reader.get("ValidationSpecification", "ValidationProfiles")
    if profiles.known and not isinstance(profiles.value, list):
        raise ApiShapeError("ValidationSpecification.ValidationProfiles is not a list")
    found: list[tuple[str, JobKind, dict[str, Value]]] = []
    for i, raw in enumerate(profiles.value if profiles.known else []):
        profile = _mapping(raw, f"ValidationSpecification.ValidationProfiles.{i}")
        name = profile.get("ProfileName") if isinstance(profile.get("ProfileName"), str) else str(i)
        for key, kind in _VALIDATION_KINDS:
            if profile.get(key) is not None:
                definition = reader.inner(_mapping(profile[key], f"{name}.{key}"))
                found.append((f"/validation/{name}/{key}", kind, SINGLE_JOB[kind](definition)))
    return found


def job_settings(
    kind: JobKind, request: Any, placeholder: Placeholder, pending: Placeholder = no_placeholder
) -> list[tuple[str, dict[str, Value]]]:
    """(suffix, settings) for each job a request starts: one, or one per tuning job definition."""
    if placeholder(request):
        return [("", dict.fromkeys(training_settings(Reader({}, placeholder, pending)), UNKNOWN))]
    if not isinstance(request, Mapping):
        raise ApiShapeError("the request is not an object")
    reader = Reader(request, placeholder, pending)
    if kind in SINGLE_JOB:
        return [("", SINGLE_JOB[kind](reader))]
    found: list[tuple[str, dict[str, Value]]] = []
    single = reader.get("TrainingJobDefinition")
    if single.unknown:
        return [("", dict.fromkeys(training_settings(Reader({}, placeholder, pending)), UNKNOWN))]
    if single.known:
        found.append(("", training_settings(reader.inner(_mapping(single.value, "TrainingJobDefinition")))))
    several = reader.get("TrainingJobDefinitions")
    if several.unknown:
        return [*found, ("/definitions", dict.fromkeys(training_settings(Reader({}, placeholder, pending)), UNKNOWN))]
    if several.known:
        if not isinstance(several.value, list):
            raise ApiShapeError("TrainingJobDefinitions is not a list")
        for i, raw in enumerate(several.value):
            definition = _mapping(raw, f"TrainingJobDefinitions.{i}")
            name = definition.get("DefinitionName")
            found.append((f"/{name if isinstance(name, str) else i}", training_settings(reader.inner(definition))))
    return found


# Model Monitor: each job definition kind names its output configuration after itself; a
# schedule holds the same settings under other names in its inline MonitoringJobDefinition.
MONITORING_DEFINITIONS: dict[MonitoringKind, str] = {
    "data_quality": "DataQuality",
    "model_quality": "ModelQuality",
    "model_bias": "ModelBias",
    "model_explainability": "ModelExplainability",
}
_SCHEDULED = ("MonitoringScheduleConfig", "MonitoringJobDefinition")


def monitoring_settings(kind: MonitoringKind, reader: Fields) -> dict[str, Value] | None:
    """A job definition or a monitoring schedule (Create/UpdateMonitoringSchedule,
    DescribeMonitoringSchedule); None for a schedule that runs a job definition by name, which is
    judged where it is defined."""
    if kind != "schedule":
        return job_definition_settings(kind, reader)
    if reader.get(*_SCHEDULED).state is State.ABSENT:
        return None
    return _monitoring_job(reader.string("MonitoringScheduleName"), reader, _SCHEDULED,
                           (*_SCHEDULED, "MonitoringOutputConfig"), (*_SCHEDULED, "MonitoringResources"))  # fmt: skip


def job_definition_settings(kind: MonitoringKind, reader: Fields) -> dict[str, Value]:
    """Create*JobDefinition and Describe*JobDefinition of the four kinds."""
    output = (f"{MONITORING_DEFINITIONS[kind]}JobOutputConfig",)
    return _monitoring_job(reader.string("JobDefinitionName"), reader, (), output, ("JobResources",))


def _monitoring_job(
    name: Value, reader: Fields, base: tuple[str, ...], output: tuple[str, ...], resources: tuple[str, ...]
) -> dict[str, Value]:
    network = (*base, "NetworkConfig")
    return {
        "name": name,
        "subnets": reader.strings(*network, "VpcConfig", "Subnets"),
        "security_group_ids": reader.strings(*network, "VpcConfig", "SecurityGroupIds"),
        "enable_network_isolation": reader.boolean(*network, "EnableNetworkIsolation", default=False),
        "enable_inter_container_traffic_encryption": reader.boolean(
            *network, "EnableInterContainerTrafficEncryption", default=False
        ),
        "volume_kms_key_id": reader.string(*resources, "ClusterConfig", "VolumeKmsKeyId"),
        "output_kms_key_id": reader.string(*output, "KmsKeyId"),
    }


def feature_group_settings(reader: Fields) -> dict[str, Value]:
    """CreateFeatureGroup and DescribeFeatureGroup."""
    offline = reader.get("OfflineStoreConfig")
    return {
        "name": reader.string("FeatureGroupName"),
        "offline_store": offline if offline.unknown else Value(State.KNOWN, offline.known and bool(offline.value)),
        "offline_kms_key_id": reader.string("OfflineStoreConfig", "S3StorageConfig", "KmsKeyId"),
        "online_store": reader.boolean("OnlineStoreConfig", "EnableOnlineStore", default=False),
        "online_storage_type": string_or(reader.string("OnlineStoreConfig", "StorageType"), "Standard"),
        "online_kms_key_id": reader.string("OnlineStoreConfig", "SecurityConfig", "KmsKeyId"),
    }


def flow_definition_settings(reader: Fields) -> dict[str, Value]:
    """CreateFlowDefinition and DescribeFlowDefinition (Augmented AI human review)."""
    return {"name": reader.string("FlowDefinitionName"), "output_kms_key_id": reader.string("OutputConfig", "KmsKeyId")}


def lifecycle_config_settings(reader: Reader) -> dict[str, Value]:
    """CreateNotebookInstanceLifecycleConfig and its Describe: the secrets in its scripts. A
    snapshot holds what the collector found (``ContentSecrets``) instead of a script."""
    name = reader.string("NotebookInstanceLifecycleConfigName")
    found: list[dict[str, Any]] = []
    for key, script in (("OnCreate", "on_create"), ("OnStart", "on_start")):
        hooks = reader.get(key)
        if hooks.unknown:
            return {"name": name, "secrets": hooks}
        if hooks.known and not isinstance(hooks.value, list):
            raise ApiShapeError(f"{key} is not a list")
        for i, hook in enumerate(hooks.value if hooks.known else []):
            if not isinstance(hook, Mapping):
                raise ApiShapeError(f"{key}.{i} is not an object")
            content = reader.inner(hook).string("Content")
            if content.unknown:
                return {"name": name, "secrets": content}
            if content.known:
                found += script_secrets.found_in(script, str(content.value))
            elif isinstance(hook.get("ContentSecrets"), list):
                found += [{"script": script, "line": s.get("line"), "kind": s.get("kind")}
                          for s in hook["ContentSecrets"] if isinstance(s, Mapping)]  # fmt: skip
            else:  # no script, or one the collector could not read
                raise ApiShapeError(f"{key}.{i}: {hook.get('ContentUnreadable') or 'no Content'}")
    return {"name": name, "secrets": Value(State.KNOWN, found)}


def _mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ApiShapeError(f"{path} is not an object")
    return value


def string_or(value: Value, default: str) -> Value:
    """The value, or the AWS default when it is not set."""
    return Value(State.KNOWN, default) if value.state is State.ABSENT else value


def _enabled(reader: Reader, *path: str) -> Value:
    value = string_or(reader.string(*path), "Enabled")
    return Value(State.KNOWN, value.value == "Enabled") if value.known else value


def notebook_settings(reader: Reader, groups_key: str = "SecurityGroupIds") -> dict[str, Value]:
    """CreateNotebookInstance (``SecurityGroupIds``) and DescribeNotebookInstance (``SecurityGroups``)."""
    return {
        "name": reader.string("NotebookInstanceName"),
        "direct_internet_access": _enabled(reader, "DirectInternetAccess"),
        "root_access": _enabled(reader, "RootAccess"),
        "subnet_id": reader.string("SubnetId"),
        "security_groups": reader.strings(groups_key),
        "kms_key_id": reader.string("KmsKeyId"),
        "minimum_instance_metadata_service_version": reader.string(
            "InstanceMetadataServiceConfiguration", "MinimumInstanceMetadataServiceVersion"
        ),
        "platform_identifier": reader.string("PlatformIdentifier"),
    }


def model_settings(reader: Reader) -> dict[str, Value]:
    return {
        "name": reader.string("ModelName"),
        "subnets": reader.strings("VpcConfig", "Subnets"),
        "security_group_ids": reader.strings("VpcConfig", "SecurityGroupIds"),
        "enable_network_isolation": reader.boolean("EnableNetworkIsolation", default=False),
        "containers": _containers(reader),
    }


def _containers(reader: Reader) -> Value:
    """PrimaryContainer and Containers (an inference pipeline): image and registry access mode."""
    listed = reader.get("Containers")
    if listed.unknown:
        return UNKNOWN
    if listed.known and not isinstance(listed.value, list):
        raise ApiShapeError("Containers is not a list")
    raw = [*([reader.get("PrimaryContainer").value] if reader.get("PrimaryContainer").known else []),
           *(listed.value if listed.known else [])]  # fmt: skip
    found = []
    for i, container in enumerate(raw):
        if not isinstance(container, Mapping):
            raise ApiShapeError(f"container {i} is not an object")
        inner = reader.inner(container)
        image = inner.string("Image")
        if image.state is State.ABSENT:
            continue  # a model package's container: its image is the package's
        mode = string_or(inner.string("ImageConfig", "RepositoryAccessMode"), "Platform")
        found.append({"image": image.value if image.known else None,
                      "repository_access_mode": mode.value if mode.known else None})  # fmt: skip
    return Value(State.KNOWN, found)


def endpoint_config_settings(reader: Reader) -> dict[str, Value]:
    """Variants name their model; ``model`` (the model's ID in the input) is for the caller to resolve."""
    variants = []
    for key, shadow in (("ProductionVariants", False), ("ShadowProductionVariants", True)):
        listed = reader.get(key)
        if listed.known and listed.value is not None and not isinstance(listed.value, list):
            raise ApiShapeError(f"{key} is not a list")
        for i, variant in enumerate(listed.value if listed.known and isinstance(listed.value, list) else []):
            if not isinstance(variant, Mapping):
                raise ApiShapeError(f"{key}.{i} is not an object")
            inner = reader.inner(variant)
            count = _whole_number(inner, key, i)
            serverless = inner.get("ServerlessConfig")
            variants.append({
                "variant_name": inner.string("VariantName").value, "shadow": shadow,
                "model_name": inner.string("ModelName").value, "model": None,
                "enable_ssm_access": inner.boolean("EnableSSMAccess", default=False).value,
                "initial_instance_count": count.value if count.known else None,
                "serverless": serverless.known if not serverless.unknown else None,
            })  # fmt: skip
    # An empty DataCaptureConfig (moto's answer for none) names no destination: nothing is captured.
    capture = reader.get("DataCaptureConfig")
    capturing = capture.known and capture.value != {}
    return {
        "name": reader.string("EndpointConfigName"),
        "kms_key_arn": reader.string("KmsKeyId"),
        "variants": Value(State.KNOWN, variants),
        "data_capture_enabled": Value(
            State.KNOWN, capturing and reader.boolean("DataCaptureConfig", "EnableCapture", default=True).value
        ),
        "data_capture_kms_key_id": reader.string("DataCaptureConfig", "KmsKeyId"),
        "async_inference_enabled": Value(State.KNOWN, reader.get("AsyncInferenceConfig").known),
        "async_output_kms_key_id": reader.string("AsyncInferenceConfig", "OutputConfig", "KmsKeyId"),
    }


def _whole_number(reader: Reader, key: str, i: int) -> Value:
    """A variant's InitialInstanceCount (a template's parameter gives it as text)."""
    count = reader.get("InitialInstanceCount")
    if count.known and isinstance(count.value, str) and count.value.isdigit():
        return Value(State.KNOWN, int(count.value))
    if count.known and (isinstance(count.value, bool) or not isinstance(count.value, int)):
        raise ApiShapeError(f"{key}.{i}.InitialInstanceCount is not a whole number")
    return count


def domain_settings(reader: Reader) -> dict[str, Value]:
    return {
        "name": reader.string("DomainName"),
        "app_network_access_type": string_or(reader.string("AppNetworkAccessType"), "PublicInternetOnly"),
        "vpc_id": reader.string("VpcId"),
        "kms_key_id": reader.string("KmsKeyId"),
    }
