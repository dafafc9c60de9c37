"""Model package group policies (SM731) and flow definitions (SM721) on the inputs the golden
cases do not cover: templates, API requests, snapshots."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smguard.engine.local import evaluate
from smguard.frontends.api_request import convert_request
from smguard.frontends.aws_snapshot import convert_snapshot
from smguard.frontends.cloudformation import convert_template, decode

PUBLIC = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": "*", "Action": "sagemaker:DescribeModelPackage",
    "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model-package/models/*",
}]}  # fmt: skip
ORGANIZATION = {"Version": "2012-10-17", "Statement": [{
    **PUBLIC["Statement"][0], "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},  # type: ignore[index]
}]}  # fmt: skip


def _verdicts(document: Any) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.resource, f.status) for f in evaluate(document, {}).findings}


def test_template_group_policies() -> None:
    text = f"""
Resources:
  Public:
    Type: AWS::SageMaker::ModelPackageGroup
    Properties: {{ModelPackageGroupName: public, ModelPackageGroupPolicy: {json.dumps(PUBLIC)}}}
  Organization:
    Type: AWS::SageMaker::ModelPackageGroup
    Properties: {{ModelPackageGroupName: org, ModelPackageGroupPolicy: {json.dumps(ORGANIZATION)}}}
  Private:
    Type: AWS::SageMaker::ModelPackageGroup
    Properties: {{ModelPackageGroupName: private}}
"""
    document = convert_template(decode(text, "t.yaml"), "t.yaml", {}).document
    assert _verdicts(document) == {("SM731", "Public", "fail")}


@pytest.mark.parametrize(("policy", "expected"), [(PUBLIC, {"fail"}), (ORGANIZATION, set())])
def test_put_model_package_group_policy(policy: dict[str, Any], expected: set[str]) -> None:
    params = {"ModelPackageGroupName": "models", "ResourcePolicy": json.dumps(policy)}
    found = _verdicts(convert_request("PutModelPackageGroupPolicy", params))
    assert {status for rule, _, status in found if rule == "SM731"} == expected


def test_a_policy_that_is_not_json_is_an_error() -> None:
    params = {"ModelPackageGroupName": "models", "ResourcePolicy": "{not json"}
    assert ("SM001", "PutModelPackageGroupPolicy", "error") in _verdicts(
        convert_request("PutModelPackageGroupPolicy", params)
    )


def _group_snapshot(policies: dict[str, Any]) -> dict[str, Any]:
    summaries = [{"ModelPackageGroupName": name,
                  "ModelPackageGroupArn": f"arn:aws:sagemaker:us-east-1:111122223333:model-package-group/{name}"}
                 for name in ("public", "org", "private", "unread")]  # fmt: skip
    calls = {"sagemaker.ListModelPackageGroups": [{"ModelPackageGroupSummaryList": summaries}],
             "sagemaker.GetModelPackageGroupPolicy": policies}  # fmt: skip
    return {"smguard_snapshot": 1, "failures": [],
            "accounts": {"111122223333": {"regions": {"us-east-1": {"calls": calls}}}}}  # fmt: skip


def test_snapshot_group_policies_none_means_private_and_unread_means_unknown() -> None:
    policies = {"public": {"ResourcePolicy": json.dumps(PUBLIC)}, "org": {"ResourcePolicy": json.dumps(ORGANIZATION)},
                "private": {"ResourcePolicy": None}}  # fmt: skip
    found = {(resource.rsplit("/", 1)[-1], status)
             for rule, resource, status in _verdicts(convert_snapshot(_group_snapshot(policies), "s").document)
             if rule == "SM731"}  # fmt: skip
    assert found == {("public", "fail"), ("unread", "unknown")}


def test_a_snapshot_group_policy_that_is_not_json_is_an_error() -> None:
    policies = {name: {"ResourcePolicy": "{not json"} for name in ("public", "org", "private", "unread")}
    verdicts = _verdicts(convert_snapshot(_group_snapshot(policies), "s").document)
    assert {status for rule, _, status in verdicts if rule == "SM001"} == {"error"}
    assert not {v for v in verdicts if v[0] == "SM731"}


def test_flow_definitions_from_requests_and_snapshots() -> None:
    request = {"FlowDefinitionName": "review", "OutputConfig": {"S3OutputPath": "s3://b/a2i"}}
    assert _verdicts(convert_request("CreateFlowDefinition", request)) == {
        ("SM721", "CreateFlowDefinition:review", "fail")
    }
    arn = "arn:aws:sagemaker:us-east-1:111122223333:flow-definition/review"
    output = {"S3OutputPath": "s3://b/a2i", "KmsKeyId": "arn:aws:kms:us-east-1:1:key/k"}
    described = {"FlowDefinitionArn": arn, "FlowDefinitionName": "review", "OutputConfig": output}
    calls = {"sagemaker.DescribeFlowDefinition": {"review": described}}
    snapshot = {"smguard_snapshot": 1, "failures": [],
                "accounts": {"111122223333": {"regions": {"us-east-1": {"calls": calls}}}}}  # fmt: skip
    assert not {v for v in _verdicts(convert_snapshot(snapshot, "s").document) if v[0] == "SM721"}
    del output["KmsKeyId"]
    assert ("SM721", arn, "fail") in _verdicts(convert_snapshot(snapshot, "s").document)
