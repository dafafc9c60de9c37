"""The snapshot frontend on recorded API responses (tests/corpus/api): fields moto does not keep."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smguard.engine.opa_eval import evaluate
from smguard.errors import InputError
from smguard.frontends.aws_snapshot import convert_snapshot
from smguard.paths import policies_dir

API = Path(__file__).parents[1] / "corpus" / "api"
APIS = {
    "DescribeNotebookInstance": "sagemaker.DescribeNotebookInstance",
    "DescribeTrainingJob": "sagemaker.DescribeTrainingJob",
    "DescribeHyperParameterTuningJob": "sagemaker.DescribeHyperParameterTuningJob",
    "DescribeProcessingJob": "sagemaker.DescribeProcessingJob",
    "DescribeModel": "sagemaker.DescribeModel",
    "DescribeEndpointConfig": "sagemaker.DescribeEndpointConfig",
    "DescribeEndpoint": "sagemaker.DescribeEndpoint",
    "DescribeDomain": "sagemaker.DescribeDomain",
}


def _response(path: Path) -> dict[str, Any]:
    raw = json.loads(path.read_text())
    return raw["data"] if "data" in raw and "status_code" in raw else raw  # c7n placebo records wrap responses


def _snapshot(*files: str) -> dict[str, Any]:
    calls: dict[str, Any] = {}
    for name in files:
        path = API / name
        api = path.name.split("__")[1]
        if api == "ec2_DescribeVpcEndpoints":
            calls["ec2.DescribeVpcEndpoints"] = [_response(path)]
        else:
            calls.setdefault(APIS[api], {})[path.stem] = _response(path)
    return {"smguard_snapshot": 1, "accounts": {"111122223333": {"regions": {"us-east-1": {"calls": calls}}}},
            "failures": []}  # fmt: skip


def _verdicts(*files: str) -> set[tuple[str, str]]:
    document = convert_snapshot(_snapshot(*files), "recorded").document
    assert document["errors"] == []
    return {(f.rule_id, f.status) for f in evaluate(document, {}, policies=policies_dir())}


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        (
            "c7n__DescribeNotebookInstance__direct_internet_enabled_root_enabled.json",
            {("SM101", "fail"), ("SM104", "fail")},
        ),
        ("c7n__DescribeModel__network_isolation_false.json", {("SM402", "fail")}),
        ("ack__DescribeTrainingJob__completed_no_vpc.json", {("SM301", "fail")}),
        ("c7n__DescribeTrainingJob__no_vpc_empty_kms.json", {("SM301", "fail"), ("SM304", "fail")}),
        ("c7n__DescribeEndpointConfig__no_kms.json", {("SM403", "fail")}),
        ("c7n__DescribeDomain__public_internet_only_kms.json", {("SM601", "fail")}),
    ],
)
def test_recorded_responses_fail_what_they_should(file: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _verdicts(file)


def test_recorded_hardened_values_pass() -> None:
    verdicts = _verdicts("c7n__DescribeEndpointConfig__with_kms.json")
    assert ("SM403", "fail") not in verdicts


def test_endpoint_policies_are_read() -> None:
    document = convert_snapshot(_snapshot("c7n__ec2_DescribeVpcEndpoints__endpoint_policies.json"), "r").document
    assert document["resources"]["vpc_endpoints"]
    assert all(e["meta"]["id"].startswith("vpce-") for e in document["resources"]["vpc_endpoints"])


def test_failures_become_errors_naming_account_region_and_api() -> None:
    snapshot = _snapshot()
    snapshot["failures"] = [{"account": "111122223333", "region": "eu-west-1", "api": "sagemaker.ListModels",
                             "code": "AccessDeniedException", "message": "denied"}]  # fmt: skip
    (error,) = convert_snapshot(snapshot, "s").document["errors"]
    assert error["resource"] == "aws:111122223333/eu-west-1:sagemaker.ListModels"
    assert "AccessDeniedException" in error["message"]


def test_secrets_in_responses_never_reach_the_document() -> None:
    snapshot = _snapshot("ack__DescribeTrainingJob__warm_pool.json")
    (response,) = snapshot["accounts"]["111122223333"]["regions"]["us-east-1"]["calls"][
        APIS["DescribeTrainingJob"]
    ].values()
    response["HyperParameters"] = {"password": "CANARY-hp-81f2"}
    response["Environment"] = {"DB_PASSWORD": "CANARY-env-81f2"}
    document = json.dumps(convert_snapshot(snapshot, "r").document)
    assert "CANARY" not in document


def _region_calls(snapshot: dict[str, Any]) -> dict[str, Any]:
    return snapshot["accounts"]["111122223333"]["regions"]["us-east-1"]["calls"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("api", "response"),
    [
        ("sagemaker.DescribeModel", {"ModelArn": "arn:m", "VpcConfig": ["subnet-1"]}),
        ("sagemaker.DescribeEndpointConfig", {"EndpointConfigArn": "arn:c", "ProductionVariants": 3}),
        ("sagemaker.DescribeDomain", {"DomainArn": "arn:d", "AppNetworkAccessType": 7}),
    ],
)
def test_a_response_of_the_wrong_shape_is_an_error_for_that_resource(api: str, response: dict[str, Any]) -> None:
    snapshot = _snapshot("c7n__DescribeModel__network_isolation_false.json")
    _region_calls(snapshot).setdefault(api, {})["odd"] = response
    document = convert_snapshot(snapshot, "s").document
    assert [e["resource"] for e in document["errors"]] == [next(v for k, v in response.items() if k.endswith("Arn"))]
    assert document["resources"]["models"]  # the rest is still judged


@pytest.mark.parametrize(
    "damage",
    [
        lambda calls: calls.__setitem__("ec2.DescribeSubnets", [{"Subnets": [{"VpcId": "vpc-1"}]}]),
        lambda calls: calls.__setitem__("ec2.DescribeVpcEndpoints", "everything"),
    ],
    ids=["subnet-without-id", "endpoints-not-pages"],
)
def test_a_malformed_region_is_an_error_never_a_crash_or_a_pass(damage: Any) -> None:
    snapshot = _snapshot("c7n__DescribeModel__network_isolation_false.json")
    damage(_region_calls(snapshot))
    snapshot["failures"] = [None]
    document = convert_snapshot(snapshot, "s").document
    assert {e["resource"] for e in document["errors"]} == {"aws:111122223333/us-east-1", "s:failures"}


def test_vpc_endpoints_are_unknown_when_they_were_not_listed() -> None:
    snapshot = _snapshot()
    _region_calls(snapshot)["ec2.DescribeVpcs"] = [{"Vpcs": [{"VpcId": "vpc-1", "IsDefault": False}]}]
    assert [v["endpoints_known"] for v in convert_snapshot(snapshot, "s").document["resources"]["vpcs"]] == [False]
    _region_calls(snapshot)["ec2.DescribeVpcEndpoints"] = [{"VpcEndpoints": []}]
    assert [v["endpoints_known"] for v in convert_snapshot(snapshot, "s").document["resources"]["vpcs"]] == [True]


@pytest.mark.parametrize("api", ["sagemaker.DescribeNotebookInstance", "sagemaker.DescribeTrainingJob",
                                 "sagemaker.DescribeEndpoint"])  # fmt: skip
def test_a_response_without_its_arn_is_an_error_not_a_resource_named_none(api: str) -> None:
    snapshot = _snapshot()
    _region_calls(snapshot)[api] = {"odd": {"TrainingJobName": "t", "NotebookInstanceName": "n"}}
    document = convert_snapshot(snapshot, "s").document
    assert [e["location"] for e in document["errors"]] == ["aws:111122223333/us-east-1"]
    assert "Arn" in document["errors"][0]["message"]
    assert all(not resources for kind, resources in document["resources"].items() if kind != "accounts")


def test_a_snapshot_of_no_account_is_refused() -> None:
    with pytest.raises(InputError, match="covers no account"):
        convert_snapshot({"smguard_snapshot": 1, "accounts": {}, "failures": []}, "s")


def test_wrong_format_is_refused() -> None:
    with pytest.raises(InputError, match="not an smguard snapshot of format 1"):
        convert_snapshot({"smguard_snapshot": 99}, "s")


def test_search_is_not_used_for_training_jobs_because_it_lacks_fields() -> None:
    """Search returns 100 training jobs a call, but its TrainingJob record has no RemoteDebugConfig
    (SM307), so the collector lists and describes instead."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("sagemaker")
    described = set(model.operation_model("DescribeTrainingJob").output_shape.members)
    searched = set(model.shape_for("TrainingJob").members)
    assert "RemoteDebugConfig" in described - searched


def test_attached_aws_managed_policies_are_judged_by_their_documents() -> None:
    role = "arn:aws:iam::111122223333:role/notebook"
    own = "arn:aws:iam::111122223333:policy/team"
    full = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
    grant = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}]}
    details = [{
        "RoleDetailList": [{"Arn": role, "RoleName": "notebook", "RolePolicyList": [], "AttachedManagedPolicies": [
            {"PolicyName": "AmazonSageMakerFullAccess", "PolicyArn": full},
            {"PolicyName": "team", "PolicyArn": own},
        ]}],
        "Policies": [{"Arn": own, "PolicyName": "team", "PolicyVersionList": [
            {"IsDefaultVersion": True, "Document": json.dumps(grant)},
        ]}],
    }]  # fmt: skip
    snapshot = {"smguard_snapshot": 1, "failures": [], "accounts": {"111122223333": {
        "global": {"calls": {"iam.GetAccountAuthorizationDetails": details}}, "regions": {},
    }}}  # fmt: skip
    document = convert_snapshot(snapshot, "live").document
    policies = {p["meta"]["id"]: p["attached_to"] for p in document["resources"]["iam_policies"]}
    assert policies == {own: [role], full: [role]}
    verdicts = {(f.rule_id, f.resource, f.status) for f in evaluate(document, {}, policies=policies_dir())}
    assert ("SM204", full, "fail") in verdicts
    admins = {"access": {"admin_principals": ["notebook"]}}
    assert not [f for f in evaluate(document, admins, policies=policies_dir()) if f.rule_id == "SM204"]
