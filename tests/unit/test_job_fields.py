"""Findings name the API field a job's attribute is read from (``lib/jobs``): the names are the
ones the frontends' readers actually read, for every kind of job."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from smguard.engine.binaries import find_tool
from smguard.frontends import sagemaker_api
from smguard.frontends.value import State, Value
from smguard.paths import policies_dir


class _Recording:
    """``Fields`` whose every value is the dotted path it was read from."""

    def get(self, *path: str) -> Value:
        return Value(State.KNOWN, {})

    def string(self, *path: str) -> Value:
        return Value(State.KNOWN, ".".join(path))

    def boolean(self, *path: str, default: bool) -> Value:
        return self.string(*path)

    def strings(self, *path: str) -> Value:
        return self.string(*path)


def _read(settings: dict[str, Value]) -> dict[str, Any]:
    # A constant (a processing job has no remote debugging) is read from no field.
    return {attribute: v.value for attribute, v in settings.items() if attribute != "name" and isinstance(v.value, str)}


def _python() -> dict[str, Any]:
    reader: Any = _Recording()
    fields = {
        **{kind: _read(read(reader)) for kind, read in sagemaker_api.SINGLE_JOB.items()},
        **{
            kind: _read(sagemaker_api.monitoring_settings(kind, reader) or {})
            for kind in [*sagemaker_api.MONITORING_DEFINITIONS, "schedule"]
        },  # fmt: skip
    }
    fields["tuning"] = fields["training"]  # within each training job definition
    return fields


def test_the_field_names_in_findings_are_the_ones_read() -> None:
    out = subprocess.run(
        [find_tool("opa"), "eval", "--format", "json", "-d", str(policies_dir()), "data.smguard.lib.jobs.fields"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rego = json.loads(out.stdout)["result"][0]["expressions"][0]["value"]
    assert rego == _python()


def test_automl_jobs_are_named_by_their_own_fields() -> None:
    from smguard.engine.local import evaluate
    from smguard.frontends.api_request import convert_request

    request = {"AutoMLJobName": "a", "OutputDataConfig": {"S3OutputPath": "s3://b/o"}}
    messages = {f.rule_id: f.message for f in evaluate(convert_request("CreateAutoMLJob", request), {}).findings}
    assert messages["SM301"] == (
        "the AutoML job has no AutoMLJobConfig.SecurityConfig.VpcConfig.Subnets: it runs in a SageMaker-managed VPC"
    )
    assert "SM302" not in messages  # AutoML has no network isolation setting
    v2 = {f.rule_id: f.message for f in evaluate(convert_request("CreateAutoMLJobV2", request), {}).findings}
    assert v2["SM304"] == "the AutoML job has no volume KMS key (SecurityConfig.VolumeKmsKeyId)"


def _rules(operation: str, request: dict[str, Any]) -> dict[str, dict[str, str]]:
    from smguard.engine.local import evaluate
    from smguard.frontends.api_request import convert_request

    found: dict[str, dict[str, str]] = {}
    for f in evaluate(convert_request(operation, request), {}).findings:
        found.setdefault(f.resource, {})[f.rule_id] = f.message
    return found


def test_every_job_kind_is_judged_on_the_settings_it_has() -> None:
    transform = _rules("CreateTransformJob", {"TransformJobName": "t"})
    assert transform == {"CreateTransformJob:t": {
        "SM304": "the transform job has no volume KMS key (TransformResources.VolumeKmsKeyId)",
        "SM305": "the transform job has no output KMS key (TransformOutput.KmsKeyId)",
    }}  # fmt: skip  # in its model's VPC: no VPC, isolation or remote debugging of its own
    human = _rules("CreateLabelingJob", {"LabelingJobName": "l"})
    assert set(human["CreateLabelingJob:l"]) == {"SM305"}
    automated = _rules("CreateLabelingJob", {"LabelingJobName": "l", "LabelingJobAlgorithmsConfig": {
        "LabelingJobAlgorithmSpecificationArn": "arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-"
        "specification/image-classification"}})  # fmt: skip
    assert automated["CreateLabelingJob:l"]["SM301"] == (
        "the labeling job's automated labeling has no "
        "LabelingJobAlgorithmsConfig.LabelingJobResourceConfig.VpcConfig.Subnets: it runs in a SageMaker-managed VPC"
    )
    assert set(_rules("CreateCluster", {"ClusterName": "c"})["CreateCluster:c"]) == {"SM301"}


def test_validation_profiles_of_algorithms_and_model_packages() -> None:
    profile = {"ProfileName": "p", "TrainingJobDefinition": {"ResourceConfig": {"VolumeKmsKeyId": "k"}},
               "TransformJobDefinition": {"TransformOutput": {"KmsKeyId": "k"}}}  # fmt: skip
    found = _rules(
        "CreateAlgorithm", {"AlgorithmName": "a", "ValidationSpecification": {"ValidationProfiles": [profile]}}
    )
    assert {resource: set(rules) for resource, rules in found.items()} == {
        "CreateAlgorithm:a/validation/p/TrainingJobDefinition": {"SM305"},
        "CreateAlgorithm:a/validation/p/TransformJobDefinition": {"SM304"},
    }
    versioned = {"ModelPackageGroupName": "g", "ValidationSpecification": {"ValidationProfiles": [profile]}}
    assert "CreateModelPackage:g/validation/p/TransformJobDefinition" in _rules("CreateModelPackage", versioned)
