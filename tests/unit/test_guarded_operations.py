"""Which SageMaker operations the admission hook guards, checked against botocore's service model.

An operation whose input carries a setting a rule judges (found by walking its input shape) is
either converted by the API frontend (and so guarded) or listed below with the reason it is not
yet. A botocore release that adds such an operation fails this test until one of the two is done.
"""

from __future__ import annotations

from typing import Any

import botocore.session

from smguard.admission import GUARDED
from smguard.frontends.api_request import OPERATIONS

# The request fields the rules' readers judge (smguard.frontends.sagemaker_api and api_request).
JUDGED = {
    "VpcConfig", "NetworkConfig", "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
    "VolumeKmsKeyId", "RemoteDebugConfig", "DirectInternetAccess", "RootAccess", "InstanceMetadataServiceConfiguration",
    "AppNetworkAccessType", "EnableSSMAccess", "DataCaptureConfig", "AsyncInferenceConfig", "PipelineDefinition",
    "PipelineDefinitionS3Location", "EndpointConfigName", "OnlineStoreConfig", "OfflineStoreConfig",
    "ResourcePolicy",
}  # fmt: skip
# Judged where their shape is (a name used for other things elsewhere).
JUDGED_SHAPES = {"FlowDefinitionOutputConfig", "NotebookInstanceLifecycleConfigList"}
# Shapes under a judged name that hold nothing judged: UpdateFeatureGroup changes an online store's TTL only.
NOTHING_JUDGED = {"OnlineStoreConfigUpdate"}

# Operations that carry such settings but have no conversion yet (with why): none today.
NOT_YET: dict[str, str] = {}


def _fields(shape: Any, seen: frozenset[str] = frozenset()) -> set[str]:
    if shape.name in seen:
        return set()
    seen |= {shape.name}
    if shape.type_name == "structure":
        judged = {n for n, s in shape.members.items()
                  if (n in JUDGED and s.name not in NOTHING_JUDGED) or s.name in JUDGED_SHAPES}  # fmt: skip
        return judged | {f for s in shape.members.values() for f in _fields(s, seen)}
    if shape.type_name == "list":
        return _fields(shape.member, seen)
    if shape.type_name == "map":
        return _fields(shape.value, seen)
    return set()


def _carrying_settings() -> dict[str, set[str]]:
    model = botocore.session.get_session().get_service_model("sagemaker")
    found = {}
    for name in model.operation_names:
        shape = model.operation_model(name).input_shape
        fields = _fields(shape) if shape is not None and not name.startswith(("Describe", "List", "Delete")) else set()
        if fields:
            found[name] = fields
    return found


def test_every_operation_carrying_a_judged_setting_is_guarded_or_listed() -> None:
    carrying = _carrying_settings()
    unaccounted = sorted(set(carrying) - GUARDED - set(NOT_YET))
    assert not unaccounted, f"operations with judged settings that nothing converts: {unaccounted}"
    assert set(NOT_YET) <= set(carrying), sorted(set(NOT_YET) - set(carrying))  # the list stays current


def test_the_guarded_operations() -> None:
    carrying = _carrying_settings()
    assert GUARDED == OPERATIONS <= set(botocore.session.get_session().get_service_model("sagemaker").operation_names)
    assert sorted(GUARDED) == [
        "CreateAlgorithm", "CreateAutoMLJob", "CreateAutoMLJobV2", "CreateCluster", "CreateCompilationJob",
        "CreateDataQualityJobDefinition", "CreateDomain", "CreateEndpoint", "CreateEndpointConfig",
        "CreateFeatureGroup", "CreateFlowDefinition", "CreateHyperParameterTuningJob",
        "CreateInferenceRecommendationsJob", "CreateLabelingJob", "CreateModel", "CreateModelBiasJobDefinition",
        "CreateModelExplainabilityJobDefinition", "CreateModelPackage", "CreateModelQualityJobDefinition",
        "CreateMonitoringSchedule", "CreateNotebookInstance", "CreateNotebookInstanceLifecycleConfig",
        "CreateOptimizationJob", "CreatePipeline", "CreateProcessingJob", "CreateTrainingJob", "CreateTransformJob",
        "PutModelPackageGroupPolicy", "UpdateDomain", "UpdateEndpoint", "UpdateMonitoringSchedule",
        "UpdateNotebookInstance", "UpdateNotebookInstanceLifecycleConfig", "UpdatePipeline", "UpdateTrainingJob",
    ]  # fmt: skip
    assert all(operation in carrying for operation in GUARDED)
