"""Feature groups on the inputs the golden cases do not cover: API requests, ACK manifests,
snapshots (DescribeFeatureGroup as botocore's model shapes it) and template details."""

from __future__ import annotations

from typing import Any

from smguard.engine.local import evaluate
from smguard.frontends.api_request import convert_request
from smguard.frontends.aws_snapshot import convert_snapshot
from smguard.frontends.cloudformation import convert_template, decode
from smguard.frontends.kubernetes import convert_manifests

RULES = {"SM711", "SM712"}
KEY = "arn:aws:kms:us-east-1:123456789012:key/k"


def _verdicts(document: Any) -> set[tuple[str, str, str]]:
    assert document["errors"] == []
    return {(f.rule_id, f.resource, f.status) for f in evaluate(document, {}).findings if f.rule_id in RULES}


def _group(**stores: Any) -> dict[str, Any]:
    return {"FeatureGroupName": "g", "RecordIdentifierFeatureName": "id", "EventTimeFeatureName": "t", **stores}


def test_requests() -> None:
    open_both = _group(OfflineStoreConfig={"S3StorageConfig": {"S3Uri": "s3://b/f"}},
                       OnlineStoreConfig={"EnableOnlineStore": True})  # fmt: skip
    assert _verdicts(convert_request("CreateFeatureGroup", open_both)) == {
        ("SM711", "CreateFeatureGroup:g", "fail"), ("SM712", "CreateFeatureGroup:g", "fail"),
    }  # fmt: skip
    keyed = _group(OfflineStoreConfig={"S3StorageConfig": {"S3Uri": "s3://b/f", "KmsKeyId": KEY}},
                   OnlineStoreConfig={"EnableOnlineStore": True, "SecurityConfig": {"KmsKeyId": KEY}})  # fmt: skip
    assert _verdicts(convert_request("CreateFeatureGroup", keyed)) == set()
    in_memory = _group(OnlineStoreConfig={"EnableOnlineStore": True, "StorageType": "InMemory"})
    assert _verdicts(convert_request("CreateFeatureGroup", in_memory)) == set()
    assert _verdicts(convert_request("CreateFeatureGroup", _group())) == set()  # no store judged: none configured


def test_ack_feature_group() -> None:
    obj = {"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "FeatureGroup",
           "metadata": {"name": "customers", "namespace": "ml"},
           "spec": {"featureGroupName": "customers", "onlineStoreConfig": {"enableOnlineStore": True},
                    "offlineStoreConfig": {"s3StorageConfig": {"s3URI": "s3://b/f", "kmsKeyID": KEY}}}}  # fmt: skip
    assert _verdicts(convert_manifests([obj], "m.yaml").document) == {("SM712", "FeatureGroup/ml/customers", "fail")}


def test_snapshot() -> None:
    described = {
        "FeatureGroupArn": "arn:aws:sagemaker:us-east-1:111122223333:feature-group/customers",
        "FeatureGroupName": "customers", "RecordIdentifierFeatureName": "id", "EventTimeFeatureName": "t",
        "OfflineStoreConfig": {"S3StorageConfig": {"S3Uri": "s3://b/f", "ResolvedOutputS3Uri": "s3://b/f/x"},
                               "DisableGlueTableCreation": False},
        "OnlineStoreConfig": {"EnableOnlineStore": True, "SecurityConfig": {"KmsKeyId": KEY}},
        "FeatureGroupStatus": "Created",
    }  # fmt: skip
    calls = {"sagemaker.DescribeFeatureGroup": {"customers": described}}
    snapshot = {"smguard_snapshot": 1, "failures": [],
                "accounts": {"111122223333": {"regions": {"us-east-1": {"calls": calls}}}}}  # fmt: skip
    assert _verdicts(convert_snapshot(snapshot, "s").document) == {("SM711", described["FeatureGroupArn"], "fail")}


def test_template_parameters_decide_the_online_store() -> None:
    text = """
Parameters:
  Online: {Type: String}
Resources:
  Group:
    Type: AWS::SageMaker::FeatureGroup
    Properties:
      FeatureGroupName: g
      RecordIdentifierFeatureName: id
      EventTimeFeatureName: t
      FeatureDefinitions: [{FeatureName: id, FeatureType: String}, {FeatureName: t, FeatureType: String}]
      OnlineStoreConfig: {EnableOnlineStore: !Ref Online}
"""
    for online, expected in (("true", {("SM712", "Group", "fail")}), ("false", set())):
        document = convert_template(decode(text, "t.yaml"), "t.yaml", {"Online": online}).document
        assert _verdicts(document) == expected
