"""boto3 admission through the sidecar, against moto serving the SageMaker API over HTTP."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from smguard.admission import install, install_global
from smguard.errors import AdmissionDenied, AdmissionError
from tests.e2e.test_sidecar import TOKEN, _free_port, _start, _stop

VPC = {"Subnets": ["subnet-0a1b2c3d4e5f60718"], "SecurityGroupIds": ["sg-0123456789abcdef0"]}
KEY = "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def _job(name: str, **overrides: Any) -> dict[str, Any]:
    request = {
        "TrainingJobName": name,
        "AlgorithmSpecification": {"TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/t:1",
                                   "TrainingInputMode": "File"},
        "RoleArn": "arn:aws:iam::123456789012:role/training",
        "OutputDataConfig": {"S3OutputPath": "s3://bucket/output", "KmsKeyId": KEY},
        "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10,
                           "VolumeKmsKeyId": KEY},
        "StoppingCondition": {"MaxRuntimeInSeconds": 600},
        "VpcConfig": VPC,
        "EnableNetworkIsolation": True,
        "EnableInterContainerTrafficEncryption": True,
    }  # fmt: skip
    request.update(overrides)
    return {k: v for k, v in request.items() if v is not None}


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def session() -> boto3.Session:
    return boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")


@pytest.fixture(scope="module")
def sidecar(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    token = tmp_path_factory.mktemp("admission") / "token"
    token.write_text(TOKEN)
    process, url = _start("--token-file", token)
    yield url
    _stop(process)


def _jobs(client: Any) -> list[str]:
    return [j["TrainingJobName"] for j in client.list_training_jobs()["TrainingJobSummaries"]]


def test_job_without_vpc_is_denied_before_it_reaches_aws(session: Any, sidecar: str, moto_endpoint: str) -> None:
    install(session, opa_url=sidecar, token=TOKEN)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionDenied) as denied:
        client.create_training_job(**_job("no-vpc", VpcConfig=None))
    assert [f.rule_id for f in denied.value.findings] == ["SM301"]
    assert "no-vpc" not in _jobs(client)  # moto never saw the call


def test_compliant_job_goes_through(session: Any, sidecar: str, moto_endpoint: str) -> None:
    install(session, opa_url=sidecar, token=TOKEN)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    client.create_training_job(**_job("compliant"))
    assert "compliant" in _jobs(client)


def test_stopped_sidecar_refuses_the_call_in_enforce_mode(session: Any, moto_endpoint: str, tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN)
    process, url = _start("--token-file", token)
    assert process.poll() is None
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)
    install(session, opa_url=url, token=TOKEN)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionError, match="could not judge CreateTrainingJob"):
        client.create_training_job(**_job("while-down"))
    assert "while-down" not in _jobs(client)


def test_audit_mode_lets_a_failing_call_through(session: Any, sidecar: str, moto_endpoint: str,
                                                caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    install(session, opa_url=sidecar, token=TOKEN, mode="audit")
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    client.create_training_job(**_job("audited", EnableNetworkIsolation=False))
    assert "audited" in _jobs(client)
    assert "SM302" in caplog.text


def test_wrong_token_fails_closed(session: Any, sidecar: str, moto_endpoint: str) -> None:
    install(session, opa_url=sidecar, token="not-the-token")
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionError, match="401"):
        client.create_training_job(**_job("bad-token"))


def test_notebook_with_direct_internet_is_denied(session: Any, sidecar: str, moto_endpoint: str) -> None:
    install(session, opa_url=sidecar, token=TOKEN)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionDenied) as denied:
        client.create_notebook_instance(
            NotebookInstanceName="nb", InstanceType="ml.t3.medium", RoleArn="arn:aws:iam::123456789012:role/nb"
        )
    assert {f.rule_id for f in denied.value.findings} == {"SM101", "SM102", "SM103", "SM104", "SM105", "SM106"}


# What an update does not name is unknown to it: only the setting it changes is judged.
@pytest.mark.parametrize(
    ("call", "params", "rule"),
    [
        ("update_notebook_instance", {"NotebookInstanceName": "nb", "RootAccess": "Enabled"}, "SM104"),
        ("update_training_job", {"TrainingJobName": "t", "RemoteDebugConfig": {"EnableRemoteDebug": True}}, "SM307"),
        ("update_domain", {"DomainId": "d-0123456789ab", "AppNetworkAccessType": "PublicInternetOnly"}, "SM601"),
    ],
)
def test_an_update_weakening_a_setting_is_denied(
    session: Any, sidecar: str, moto_endpoint: str, call: str, params: dict[str, Any], rule: str
) -> None:
    install(session, opa_url=sidecar, token=TOKEN)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionDenied) as denied:
        getattr(client, call)(**params)
    assert [f.rule_id for f in denied.value.findings] == [rule]


# --- judged in process (no sidecar), every kind of target, and what the state-producing calls read ---

MODEL_IMAGE = {"Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1"}


def _pipeline(name: str, **step_overrides: Any) -> dict[str, Any]:
    arguments = {k: v for k, v in _job("step").items() if k != "TrainingJobName"}
    arguments.update(step_overrides)
    definition = {"Version": "2020-12-01", "Steps": [{"Name": "Train", "Type": "Training", "Arguments": arguments}]}
    return {"PipelineName": name, "RoleArn": "arn:aws:iam::123456789012:role/pipeline",
            "PipelineDefinition": json.dumps(definition),
            "ClientRequestToken": f"token-{name}-0123456789abcdef0123456789"}  # fmt: skip


def test_pipeline_upsert_is_judged_in_process(session: Any, moto_endpoint: str) -> None:
    install(session)  # no opa_url: the embedded engine
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionDenied) as denied:
        client.create_pipeline(**_pipeline("open", EnableNetworkIsolation=False))
    assert [(f.rule_id, f.resource) for f in denied.value.findings] == [("SM302", "CreatePipeline:open#Train")]
    client.create_pipeline(**_pipeline("closed"))
    with pytest.raises(AdmissionDenied):
        client.update_pipeline(**{k: v for k, v in _pipeline("closed", VpcConfig=None).items()
                                  if k != "ClientRequestToken"})  # fmt: skip


def _serving(client: Any, name: str, *, isolated: bool) -> str:
    """A model and an endpoint configuration serving it, created around the hook (moto)."""
    client.create_model(ModelName=f"{name}-model", ExecutionRoleArn="arn:aws:iam::123456789012:role/m",
                        PrimaryContainer=MODEL_IMAGE, VpcConfig=VPC, EnableNetworkIsolation=isolated)  # fmt: skip
    client.create_endpoint_config(
        EndpointConfigName=f"{name}-config", KmsKeyId=KEY,
        ProductionVariants=[{"VariantName": "main", "ModelName": f"{name}-model", "InitialInstanceCount": 2,
                             "InstanceType": "ml.m5.large"}],
    )  # fmt: skip
    return f"{name}-config"


def test_an_endpoint_is_judged_on_what_it_would_serve(session: Any, moto_endpoint: str) -> None:
    plain = session.client("sagemaker", endpoint_url=moto_endpoint)  # made before install: not guarded
    bad = _serving(plain, "bad", isolated=False)
    install(session)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    for call in (client.create_endpoint, client.update_endpoint):
        with pytest.raises(AdmissionDenied) as denied:
            call(EndpointName="serving", EndpointConfigName=bad)
        assert {f.rule_id for f in denied.value.findings} == {"SM402", "SM405"}
        assert any("bad-model" in f.message for f in denied.value.findings if f.rule_id == "SM405")


def test_a_compliant_endpoint_update_goes_through(session: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # moto drops a model's EnableNetworkIsolation and has no UpdateEndpoint
    # (../shared/reference/ecosystem.md, section 6), so AWS's answers are given here: botocore's
    # Stubber for the call itself, and the two reads the hook makes (nested calls, which a
    # Stubber cannot queue) as the describe methods' return values.
    from botocore.stub import Stubber

    install(session)
    client = session.client("sagemaker")
    variant = {"VariantName": "main", "ModelName": "good-model", "InitialInstanceCount": 2,
               "InstanceType": "ml.m5.large"}  # fmt: skip
    config = {"EndpointConfigName": "good-config", "ProductionVariants": [variant], "KmsKeyId": KEY}
    model = {"ModelName": "good-model", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/m",
             "PrimaryContainer": MODEL_IMAGE, "VpcConfig": VPC, "EnableNetworkIsolation": True}  # fmt: skip
    asked: list[str] = []
    monkeypatch.setattr(
        client, "describe_endpoint_config", lambda **kw: asked.append(kw["EndpointConfigName"]) or config
    )
    monkeypatch.setattr(client, "describe_model", lambda **kw: asked.append(kw["ModelName"]) or model)
    with Stubber(client) as stub:
        stub.add_response("update_endpoint", {"EndpointArn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/s"},
                          {"EndpointName": "serving", "EndpointConfigName": "good-config"})  # fmt: skip
        client.update_endpoint(EndpointName="serving", EndpointConfigName="good-config")
        stub.assert_no_pending_responses()
    assert asked == ["good-config", "good-model"]


def test_an_endpoint_config_that_cannot_be_read_fails_closed(session: Any, moto_endpoint: str) -> None:
    install(session)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionError, match="cannot describe endpoint configuration missing"):
        client.create_endpoint(EndpointName="nowhere", EndpointConfigName="missing")


def test_an_existing_client_and_the_default_session(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    existing = boto3.client("sagemaker", region_name="us-east-1", endpoint_url=moto_endpoint)
    install(existing)
    with pytest.raises(AdmissionDenied):
        existing.update_domain(DomainId="d-0123456789ab", AppNetworkAccessType="PublicInternetOnly")
    install_global()  # boto3.client() and sagemaker.Session() without boto_session use the default session
    later = boto3.client("sagemaker", region_name="us-east-1", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionDenied):
        later.create_training_job(**_job("default-session", EnableNetworkIsolation=False))
    assert "default-session" not in _jobs(later)


def test_install_refuses_what_it_cannot_guard(session: Any) -> None:
    with pytest.raises(TypeError, match="guards a boto3 Session, a client or the boto3 module"):
        install(object())
    with pytest.raises(TypeError, match="guards SageMaker clients, not a s3 one"):
        install(session.client("s3"))


def _data_quality(name: str, **network: Any) -> dict[str, Any]:
    return {
        "JobDefinitionName": name,
        "DataQualityAppSpecification": {"ImageUri": "156813124566.dkr.ecr.us-east-1.amazonaws.com/monitor:1"},
        "DataQualityJobInput": {"EndpointInput": {"EndpointName": "e", "LocalPath": "/opt/ml/processing/input"}},
        "DataQualityJobOutputConfig": {"KmsKeyId": KEY, "MonitoringOutputs": [{"S3Output": {
            "S3Uri": "s3://bucket/monitoring", "LocalPath": "/opt/ml/processing/output"}}]},
        "JobResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.large",
                                           "VolumeSizeInGB": 20, "VolumeKmsKeyId": KEY}},
        "NetworkConfig": {"EnableNetworkIsolation": True, "EnableInterContainerTrafficEncryption": True,
                          "VpcConfig": VPC, **network},
        "RoleArn": "arn:aws:iam::123456789012:role/monitoring",
    }  # fmt: skip


def test_a_monitoring_job_definition_is_judged(session: Any, moto_endpoint: str) -> None:
    install(session)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    with pytest.raises(AdmissionDenied) as denied:
        client.create_data_quality_job_definition(**_data_quality("open", EnableNetworkIsolation=False))
    assert [(f.rule_id, f.resource) for f in denied.value.findings] == [
        ("SM701", "CreateDataQualityJobDefinition:open")
    ]
    client.create_data_quality_job_definition(**_data_quality("closed"))
    listed = {
        d["MonitoringJobDefinitionName"] for d in client.list_data_quality_job_definitions()["JobDefinitionSummaries"]
    }
    assert "closed" in listed and "open" not in listed  # moto's state is per process: other tests' may be there


def test_a_feature_group_without_keys_is_denied(session: Any, moto_endpoint: str) -> None:
    install(session)
    client = session.client("sagemaker", endpoint_url=moto_endpoint)
    group = {
        "FeatureGroupName": "customers", "RecordIdentifierFeatureName": "id", "EventTimeFeatureName": "t",
        "RoleArn": "arn:aws:iam::123456789012:role/features",
        "FeatureDefinitions": [{"FeatureName": "id", "FeatureType": "String"},
                               {"FeatureName": "t", "FeatureType": "String"}],
        "OnlineStoreConfig": {"EnableOnlineStore": True},
        "OfflineStoreConfig": {"S3StorageConfig": {"S3Uri": "s3://bucket/features", "KmsKeyId": KEY}},
    }  # fmt: skip
    with pytest.raises(AdmissionDenied) as denied:
        client.create_feature_group(**group)
    assert [f.rule_id for f in denied.value.findings] == ["SM712"]
    group["OnlineStoreConfig"] = {"EnableOnlineStore": True, "SecurityConfig": {"KmsKeyId": KEY}}
    client.create_feature_group(**group)
    assert client.describe_feature_group(FeatureGroupName="customers")["FeatureGroupName"] == "customers"
