"""Jobs in pipelines and state machines; hosting chains; the shared API request reader."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smguard.errors import ApiShapeError
from smguard.frontends.sagemaker_api import job_settings
from smguard.frontends.terraform import convert_plan
from smguard.frontends.value import State
from smguard.model import Document

HARDENED_REQUEST = {
    "VpcConfig": {"Subnets": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
    "EnableNetworkIsolation": True,
    "EnableInterContainerTrafficEncryption": True,
    "ResourceConfig": {"VolumeKmsKeyId": "k"},
    "OutputDataConfig": {"KmsKeyId": "k"},
}


def _plan(type_: str, after: dict[str, Any], expressions: dict[str, Any] | None = None) -> Document:
    plan = {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": f"{type_}.x",
                "mode": "managed",
                "type": type_,
                "name": "x",
                "change": {"actions": ["create"], "after": after, "after_unknown": {}},
            }
        ],
        "configuration": {"root_module": {"resources": [{"address": f"{type_}.x", "expressions": expressions or {}}]}},
    }
    return convert_plan(plan, "p.json").document


def _pipeline(steps: list[Any]) -> Document:
    definition = json.dumps({"Version": "2020-12-01", "Steps": steps})
    return _plan("aws_sagemaker_pipeline", {"pipeline_definition": definition})


def test_pipeline_steps_of_every_kind_are_jobs_named_after_the_step() -> None:
    tuning = {"TrainingJobDefinitions": [dict(HARDENED_REQUEST, DefinitionName="a"), {"RoleArn": "r"}]}
    processing = {"NetworkConfig": {"EnableNetworkIsolation": True}, "ProcessingOutputConfig": {"KmsKeyId": "k"}}
    document = _pipeline(
        [
            {"Name": "Train", "Type": "Training", "Arguments": HARDENED_REQUEST},
            {"Name": "Tune", "Type": "Tuning", "Arguments": tuning},
            {"Name": "Prep", "Type": "Processing", "Arguments": processing},
            {"Name": "Register", "Type": "RegisterModel", "Arguments": {}},
        ]
    )
    jobs = {j["meta"]["id"]: j for j in document["resources"]["training_jobs"]}
    assert set(jobs) == {
        "aws_sagemaker_pipeline.x#Train",
        "aws_sagemaker_pipeline.x#Tune/a",
        "aws_sagemaker_pipeline.x#Tune/1",
        "aws_sagemaker_pipeline.x#Prep",
    }
    assert jobs["aws_sagemaker_pipeline.x#Train"]["subnets"] == ["subnet-1"]
    assert jobs["aws_sagemaker_pipeline.x#Tune/1"]["subnets"] is None
    assert jobs["aws_sagemaker_pipeline.x#Tune/1"]["enable_network_isolation"] is False
    assert jobs["aws_sagemaker_pipeline.x#Prep"]["kind"] == "processing"
    assert jobs["aws_sagemaker_pipeline.x#Prep"]["enable_network_isolation"] is True
    assert jobs["aws_sagemaker_pipeline.x#Prep"]["output_kms_key_id"] == "k"


def test_steps_inside_condition_steps_are_found() -> None:
    condition = {
        "Name": "Check",
        "Type": "Condition",
        "Arguments": {"IfSteps": [{"Name": "Retrain", "Type": "Training", "Arguments": {}}], "ElseSteps": []},
    }
    ids = [j["meta"]["id"] for j in _pipeline([condition])["resources"]["training_jobs"]]
    assert ids == ["aws_sagemaker_pipeline.x#Retrain"]


def test_pipeline_parameters_are_unknown_not_compliant() -> None:
    request = dict(HARDENED_REQUEST, EnableNetworkIsolation={"Get": "Parameters.Isolate"})
    (job,) = _pipeline([{"Name": "T", "Type": "Training", "Arguments": request}])["resources"]["training_jobs"]
    assert job["enable_network_isolation"] is None
    assert job["meta"]["unknown"] == ["enable_network_isolation"]


def test_unknown_pipeline_definition_is_one_unknown_job() -> None:
    document = _plan("aws_sagemaker_pipeline", {}, {"pipeline_definition": {"references": ["local.definition"]}})
    (job,) = document["resources"]["training_jobs"]
    assert job["meta"]["id"] == "aws_sagemaker_pipeline.x"
    assert "subnets" in job["meta"]["unknown"]


def test_malformed_pipeline_is_a_read_error() -> None:
    document = _pipeline([{"Name": "T", "Type": "Training", "Arguments": {"VpcConfig": {"Subnets": "subnet-1"}}}])
    assert document["errors"][0]["message"] == "T: VpcConfig.Subnets is not a list"


def test_state_machine_tasks_nested_in_parallel_and_map_states() -> None:
    task = {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {}}
    jsonpath_vpc = dict(task, Parameters={"VpcConfig.$": "$.vpc"})
    definition = {
        "StartAt": "P",
        "States": {
            "P": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": task}}], "Next": "M"},
            "M": {"Type": "Map", "ItemProcessor": {"StartAt": "B", "States": {"B": jsonpath_vpc}}, "Next": "L"},
            "L": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke"},
        },
    }
    document = _plan("aws_sfn_state_machine", {"definition": json.dumps(definition)})
    jobs = {j["meta"]["id"]: j for j in document["resources"]["training_jobs"]}
    assert set(jobs) == {"aws_sfn_state_machine.x#P/0/A", "aws_sfn_state_machine.x#M/B"}
    assert jobs["aws_sfn_state_machine.x#P/0/A"]["subnets"] is None
    assert "subnets" not in jobs["aws_sfn_state_machine.x#P/0/A"]["meta"]["unknown"]
    assert "subnets" in jobs["aws_sfn_state_machine.x#M/B"]["meta"]["unknown"]


@pytest.mark.parametrize(
    "resource",
    [
        "arn:aws:states:::aws-sdk:sagemaker:createTrainingJob",
        "arn:aws-us-gov:states:::sagemaker:createTrainingJob.sync",
        "arn:aws-cn:states:::sagemaker:createTrainingJob.waitForTaskToken",
    ],
)
def test_state_machine_sdk_integrations_and_other_partitions_are_jobs_too(resource: str) -> None:
    definition = {"States": {"T": {"Type": "Task", "Resource": resource, "Parameters": {}}}}
    document = _plan("aws_sfn_state_machine", {"definition": json.dumps(definition)})
    assert [j["meta"]["id"] for j in document["resources"]["training_jobs"]] == ["aws_sfn_state_machine.x#T"]


def test_state_machine_with_odd_branches_and_deep_nesting_is_read() -> None:
    task = {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob", "Parameters": {}}
    machine: dict[str, Any] = {"States": {"T": task, "B": {"Type": "Parallel", "Branches": 5}}}
    for _ in range(200):  # as deep as a JSON definition Python can read goes
        machine = {"States": {"P": {"Type": "Parallel", "Branches": [machine]}}}
    document = _plan("aws_sfn_state_machine", {"definition": json.dumps(machine)})
    assert document["errors"] == []
    assert len(document["resources"]["training_jobs"]) == 1


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        ({"EnableNetworkIsolation": "yes"}, "EnableNetworkIsolation is not a boolean"),
        ({"VpcConfig": ["subnet-1"]}, "VpcConfig is not an object"),
        ({"OutputDataConfig": {"KmsKeyId": 5}}, "OutputDataConfig.KmsKeyId is not a string"),
        ("not a request", "the request is not an object"),
    ],
)
def test_api_shape_errors(request_: Any, message: str) -> None:
    with pytest.raises(ApiShapeError, match=message):
        job_settings("training", request_, lambda _: False)


def test_api_defaults() -> None:
    ((_, settings),) = job_settings("training", {}, lambda _: False)
    assert settings["enable_network_isolation"].value is False
    assert settings["enable_remote_debug"].value is False
    assert settings["subnets"].state is State.ABSENT


def test_endpoint_chain_resolved_by_name_and_by_reference() -> None:
    changes = [
        ("aws_sagemaker_endpoint.e", {"name": "e"}, {"endpoint_config_name": True},
         {"endpoint_config_name": {"references": ["aws_sagemaker_endpoint_configuration.c.name"]}}),
        ("aws_sagemaker_endpoint_configuration.c", {"name": "c", "production_variants": [{"model_name": "m"}]}, {}, {}),
        ("aws_sagemaker_model.m", {"name": "m"}, {}, {}),
    ]  # fmt: skip
    plan = {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": address,
                "mode": "managed",
                "type": address.split(".")[0],
                "name": address.split(".")[1],
                "change": {"actions": ["create"], "after": after, "after_unknown": unknown},
            }
            for address, after, unknown, _ in changes
        ],
        "configuration": {"root_module": {"resources": [{"address": a, "expressions": e} for a, _, _, e in changes]}},
    }
    document = convert_plan(plan, "p").document
    (endpoint,) = document["resources"]["endpoints"]
    (config,) = document["resources"]["endpoint_configs"]
    assert endpoint["endpoint_config"] == "aws_sagemaker_endpoint_configuration.c"
    assert config["variants"] == [
        {"variant_name": None, "shadow": False, "model_name": "m", "model": "aws_sagemaker_model.m",
         "enable_ssm_access": False, "initial_instance_count": None, "serverless": False}
    ]  # fmt: skip
