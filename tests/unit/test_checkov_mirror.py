"""Mirror verdicts on Checkov resource confs (values wrapped in lists, as Checkov passes them)."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest
from checkov.common.models.enums import CheckResult

from smguard import checkov_mirror

SM503 = importlib.import_module("smguard.checkov_checks.sm503_network_endpoint_private_dns").check


def _endpoint(**fields: Any) -> dict[str, Any]:
    conf = {"service_name": "com.amazonaws.eu-west-1.sagemaker.api", "vpc_endpoint_type": "Interface",
            "private_dns_enabled": False} | fields  # fmt: skip
    return {key: [value] for key, value in conf.items()}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, CheckResult.FAILED),
        ({"private_dns_enabled": True}, CheckResult.PASSED),
        ({"vpc_endpoint_type": "Gateway"}, CheckResult.PASSED),
        ({"service_name": "com.amazonaws.${var.region}.sagemaker.api"}, CheckResult.UNKNOWN),
        ({"vpc_endpoint_type": "${var.endpoint_type}"}, CheckResult.UNKNOWN),
        ({"private_dns_enabled": "${var.private_dns}"}, CheckResult.UNKNOWN),
    ],
    ids=["off", "on", "gateway", "unresolved-service", "unresolved-type", "unresolved-dns"],
)
def test_sm503_mirror_is_unknown_on_unresolved_expressions(fields: dict[str, Any], expected: CheckResult) -> None:
    assert SM503.scan_resource_conf(_endpoint(**fields)) == expected


JOB_MIRRORS = [
    importlib.import_module(f"smguard.checkov_checks.{name}").check
    for name in (
        "sm301_training_in_customer_vpc",
        "sm302_training_network_isolation",
        "sm303_training_inter_container_encryption",
        "sm304_training_volume_encrypted_with_kms",
        "sm305_training_output_encrypted_with_kms",
        "sm307_training_remote_debug_disabled",
    )
]


def _pipeline(isolated: bool) -> dict[str, Any]:
    step = {"Name": "Train", "Type": "Training", "Arguments": {"EnableNetworkIsolation": isolated}}
    return {"name": ["p"], "pipeline_definition": [json.dumps({"Version": "2020-12-01", "Steps": [step]})]}


def test_the_job_mirrors_parse_a_definition_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = []

    def counting_loads(text: str) -> Any:
        parsed.append(text)
        return json.loads(text)

    monkeypatch.setattr(checkov_mirror, "loads", counting_loads)
    checkov_mirror._written_workflow_jobs.cache_clear()

    def verdicts(conf: dict[str, Any]) -> list[CheckResult]:
        return [mirror.scan_entity_conf(conf, "aws_sagemaker_pipeline") for mirror in JOB_MIRRORS]

    isolated, open_ = verdicts(_pipeline(isolated=True)), verdicts(_pipeline(isolated=False))
    assert len(parsed) == 2  # once per definition, not once per mirror
    # The second resource is judged on its own definition, not the first one's.
    assert isolated[1] == CheckResult.PASSED
    assert open_[1] == CheckResult.FAILED
    assert isolated[:1] + isolated[2:] == open_[:1] + open_[2:]
    # A conf changed in place is judged on what it says now.
    conf = _pipeline(isolated=True)
    assert verdicts(conf)[1] == CheckResult.PASSED
    conf["pipeline_definition"] = _pipeline(isolated=False)["pipeline_definition"]
    assert verdicts(conf)[1] == CheckResult.FAILED


SM101 = importlib.import_module("smguard.checkov_checks.sm101_notebook_direct_internet_access_disabled").check
SM302 = importlib.import_module("smguard.checkov_checks.sm302_training_network_isolation").check


def _cloudformation(check: Any, kind: str, properties: dict[str, Any]) -> CheckResult:
    twin = check.cloudformation
    return twin.scan_entity_conf({"Type": kind, "Properties": properties, "__startline__": 1}, kind)


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        ({"DirectInternetAccess": "Disabled"}, CheckResult.PASSED),
        ({}, CheckResult.FAILED),
        ({"DirectInternetAccess": {"Fn::If": ["Prod", "Disabled", "Enabled"]}}, CheckResult.FAILED),
    ],
    ids=["disabled", "absent", "undecided-if"],
)
def test_the_cloudformation_twin_reads_properties(properties: dict[str, Any], expected: CheckResult) -> None:
    assert _cloudformation(SM101, "AWS::SageMaker::NotebookInstance", properties) == expected


def test_terraform_conf_renames_and_shows_intrinsics_as_references() -> None:
    conf = {"Type": "AWS::SageMaker::EndpointConfig", "Properties": {
        "KmsKeyId": {"Ref": "Key", "__startline__": 3},
        "DataCaptureConfig": {"EnableCapture": "false", "KmsKeyId": {"Fn::Sub": "arn:${Key}"}},
        "ProductionVariants": [{"EnableSSMAccess": True, "__file__": "t.yaml"}],
    }}  # fmt: skip
    assert checkov_mirror.terraform_conf("AWS::SageMaker::EndpointConfig", conf) == {
        "kms_key_arn": "${Ref}",
        "data_capture_config": {"enable_capture": False, "kms_key_id": "arn:${Key}"},
        "production_variants": [{"enable_ssm_access": True}],
    }


def test_workflow_definitions_on_cloudformation() -> None:
    step = {"Name": "Train", "Type": "Training", "Arguments": {"EnableNetworkIsolation": True}}
    body = json.dumps({"Version": "2020-12-01", "Steps": [step]})
    pipeline = "AWS::SageMaker::Pipeline"
    assert _cloudformation(SM302, pipeline, {"PipelineDefinition": {"PipelineDefinitionBody": body}}) == (
        CheckResult.PASSED
    )
    in_s3 = {"PipelineDefinition": {"PipelineDefinitionS3Location": {"Bucket": "b", "Key": "k"}}}
    assert _cloudformation(SM302, pipeline, in_s3) == CheckResult.UNKNOWN
    # A state machine's Definition object keeps the API's names.
    task = {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
            "Parameters": {"EnableNetworkIsolation": False}, "End": True}  # fmt: skip
    machine = {"Definition": {"StartAt": "Train", "States": {"Train": task}, "__startline__": 4}}
    assert _cloudformation(SM302, "AWS::StepFunctions::StateMachine", machine) == CheckResult.FAILED
