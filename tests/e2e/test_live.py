"""Live collection against moto serving AWS over HTTP on 127.0.0.1 (boto3 talks to it on the wire).

Failures are injected by a small HTTP proxy in front of moto — AccessDenied for one region,
throttling storms — never by patching boto3.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import threading
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from smguard.collect.aws import Options, collect
from smguard.engine.opa_eval import evaluate
from smguard.frontends.aws_snapshot import convert_snapshot
from smguard.paths import policies_dir
from tests.e2e.test_sidecar import _free_port

ACCOUNT = "123456789012"  # moto's default account
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sagemaker"
IMAGE = f"{ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/train:1"
KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


# List calls moto does not implement, answered here (the only answers not moto's) as an account
# without any of those resources; their Describe responses are converted in the unit tests.
_NOT_IN_MOTO = {
    "SageMaker.ListMonitoringSchedules": "MonitoringScheduleSummaries",
    "SageMaker.ListFeatureGroups": "FeatureGroupSummaries",
    "SageMaker.ListFlowDefinitions": "FlowDefinitionSummaries",
    "SageMaker.ListNotebookInstanceLifecycleConfigs": "NotebookInstanceLifecycleConfigs",
}
# moto has model package groups but not their policies: GetModelPackageGroupPolicy is answered here,
# a group without a policy with the error the Terraform provider takes for "no policy" (see
# smguard.collect.aws._no_policy).
_GROUP_POLICIES = {"shared-models": json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": "*", "Action": "sagemaker:DescribeModelPackage",
    "Resource": f"arn:aws:sagemaker:us-east-1:{ACCOUNT}:model-package/shared-models/*"}]})}  # fmt: skip


class FaultProxy(ThreadingHTTPServer):
    """Forwards to moto, except the faults it is told to inject."""

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = upstream
        self.deny_region: str | None = None
        self.deny_service: str | None = None
        self.deny_target: str | None = None  # one operation, by its X-Amz-Target
        self.fail_service: str | None = None  # answers every call to it with a server error...
        self.garble = False  # ...or with what no AWS client can parse
        self.throttle_left = 0  # how many SageMaker calls to throttle before letting them through
        self.requests = 0
        self.by_service: Counter[str] = Counter()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FaultProxy

    def log_message(self, *_: Any) -> None:
        pass

    def _relay(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        region = re.search(r"Credential=[^/]+/[^/]+/([^/]+)/([^/]+)/", self.headers.get("Authorization", ""))
        service = region.group(2) if region else ""
        with self.server.lock:
            self.server.requests += 1
            self.server.by_service[service] += 1
            throttle = service == "sagemaker" and self.server.throttle_left > 0
            if throttle:
                self.server.throttle_left -= 1
        if service == "sagemaker" and region and region.group(1) == self.server.deny_region:
            self._error("AccessDeniedException", "not authorized to perform this action")
            return
        target = self.headers.get("X-Amz-Target")
        if service == self.server.deny_service or (target is not None and target == self.server.deny_target):
            self._error("AccessDeniedException", "not authorized to perform this action")
            return
        if service == self.server.fail_service:
            if self.server.garble:
                self._error("InternalFailure", "the endpoint is down", status=500)
            else:
                self._ec2_error("InternalError", "the endpoint is down")
            return
        if throttle:
            self._error("ThrottlingException", "Rate exceeded")
            return
        if self._not_in_moto(target, body):
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        request = urllib.request.Request(  # noqa: S310  # the moto server on loopback
            self.server.upstream + self.path, data=body or None, method=self.command, headers=headers
        )
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310
                status, headers, payload = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, payload = error.code, error.headers, error.read()
        self.send_response(status)
        for key, value in headers.items():
            if key.lower() not in ("transfer-encoding", "connection", "content-length", "server", "date"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _not_in_moto(self, target: str | None, body: bytes) -> bool:
        """Answers the calls moto lacks; False for the others."""
        if target in _NOT_IN_MOTO:
            self._reply(json.dumps({_NOT_IN_MOTO[target]: []}).encode())
        elif target == "SageMaker.GetModelPackageGroupPolicy":
            name = json.loads(body)["ModelPackageGroupName"]
            if name in _GROUP_POLICIES:
                self._reply(json.dumps({"ResourcePolicy": _GROUP_POLICIES[name]}).encode())
            else:
                self._error("ValidationException", f"Cannot find resource policy for Model Package Group {name}")
        else:
            return False
        return True

    def _error(self, code: str, message: str, status: int = 400) -> None:
        self._reply(json.dumps({"__type": code, "message": message}).encode(), status, code)

    def _reply(self, payload: bytes, status: int = 200, error: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        if error:
            self.send_header("x-amzn-ErrorType", error)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _ec2_error(self, code: str, message: str) -> None:
        payload = (f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
                   "<RequestID>smguard-test</RequestID></Response>").encode()  # fmt: skip
        self.send_response(500)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _relay  # noqa: N815


@pytest.fixture(scope="module")
def moto() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def proxy(moto: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultProxy]:
    server = FaultProxy(moto)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for key, value in {"AWS_ENDPOINT_URL": server.url, "AWS_ACCESS_KEY_ID": "testing",
                       "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}.items():  # fmt: skip
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    yield server
    server.shutdown()


def _client(service: str, region: str, moto: str) -> Any:
    return boto3.client(service, region_name=region, endpoint_url=moto, aws_access_key_id="testing",
                        aws_secret_access_key="testing")  # fmt: skip


def _training_job(name: str, *, hardened: bool, subnet: str = "", group: str = "") -> dict[str, Any]:
    job: dict[str, Any] = {
        "TrainingJobName": name, "RoleArn": ROLE,
        "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
        "OutputDataConfig": {"S3OutputPath": "s3://bucket/out"},
        "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
        "StoppingCondition": {"MaxRuntimeInSeconds": 600},
    }  # fmt: skip
    if hardened:
        job |= {"VpcConfig": {"Subnets": [subnet], "SecurityGroupIds": [group]}, "EnableNetworkIsolation": True,
                "EnableInterContainerTrafficEncryption": True}  # fmt: skip
        job["OutputDataConfig"]["KmsKeyId"] = KEY
        job["ResourceConfig"]["VolumeKmsKeyId"] = KEY
    return job


@pytest.fixture(scope="module")
def seeded(moto: str) -> dict[str, str]:
    """One insecure and one hardened resource of each kind in us-east-1, a notebook in eu-west-1."""
    ec2 = _client("ec2", "us-east-1", moto)
    vpc = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.7.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName="training", Description="t", VpcId=vpc)["GroupId"]
    service = "com.amazonaws.us-east-1.sagemaker.api"
    created = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=service, VpcEndpointType="Interface", SubnetIds=[subnet])
    api = created["VpcEndpoint"]["VpcEndpointId"]
    sm = _client("sagemaker", "us-east-1", moto)
    sm.create_notebook_instance(NotebookInstanceName="defaults", InstanceType="ml.t3.medium", RoleArn=ROLE)
    sm.create_training_job(**_training_job("open-job", hardened=False))
    sm.create_training_job(**_training_job("hardened-job", hardened=True, subnet=subnet, group=group))
    sm.create_model(ModelName="open-model", ExecutionRoleArn=ROLE, PrimaryContainer={"Image": IMAGE})
    sm.create_model(ModelName="vpc-model", ExecutionRoleArn=ROLE, PrimaryContainer={"Image": IMAGE},
                    VpcConfig={"Subnets": [subnet], "SecurityGroupIds": [group]})  # fmt: skip
    variant = {"VariantName": "v", "ModelName": "vpc-model", "InitialInstanceCount": 1, "InstanceType": "ml.m5.large"}
    sm.create_endpoint_config(EndpointConfigName="no-key", ProductionVariants=[variant])
    sm.create_endpoint_config(EndpointConfigName="with-key", ProductionVariants=[variant], KmsKeyId=KEY)
    monitoring = {
        "DataQualityAppSpecification": {"ImageUri": IMAGE},
        "DataQualityJobInput": {"EndpointInput": {"EndpointName": "e", "LocalPath": "/opt/ml/processing/input"}},
        "RoleArn": ROLE,
    }
    output = {"MonitoringOutputs": [{"S3Output": {"S3Uri": "s3://b/m", "LocalPath": "/opt/ml/processing/output"}}]}
    cluster = {"InstanceCount": 1, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 20}
    sm.create_data_quality_job_definition(
        JobDefinitionName="open-monitor", **monitoring, DataQualityJobOutputConfig=output,
        JobResources={"ClusterConfig": cluster},
    )  # fmt: skip
    sm.create_data_quality_job_definition(
        JobDefinitionName="hardened-monitor", **monitoring, DataQualityJobOutputConfig={**output, "KmsKeyId": KEY},
        JobResources={"ClusterConfig": {**cluster, "VolumeKmsKeyId": KEY}},
        NetworkConfig={"EnableNetworkIsolation": True, "EnableInterContainerTrafficEncryption": True,
                       "VpcConfig": {"Subnets": [subnet], "SecurityGroupIds": [group]}},
    )  # fmt: skip
    sm.create_auto_ml_job_v2(
        AutoMLJobName="open-automl", RoleArn=ROLE, OutputDataConfig={"S3OutputPath": "s3://b/automl"},
        AutoMLJobInputDataConfig=[{"ChannelType": "training", "DataSource": {"S3DataSource": {
            "S3DataType": "S3Prefix", "S3Uri": "s3://b/data"}}}],
        AutoMLProblemTypeConfig={"TabularJobConfig": {
            "TargetAttributeName": "y", "ProblemType": "BinaryClassification",
            "CompletionCriteria": {"MaxCandidates": 2}}},
    )  # fmt: skip
    for group in ("shared-models", "private-models"):
        sm.create_model_package_group(ModelPackageGroupName=group)
    _client("sagemaker", "eu-west-1", moto).create_notebook_instance(
        NotebookInstanceName="dublin", InstanceType="ml.t3.medium", RoleArn=ROLE
    )
    return {"vpc": vpc, "subnet": subnet, "endpoint": api}


def _scan(regions: list[str], **options: Any) -> tuple[dict[str, Any], dict[tuple[str, str], str]]:
    snapshot = collect({ACCOUNT: boto3.Session()}, Options(regions=regions, rate=500, **options))
    document = convert_snapshot(snapshot, "snapshot").document
    findings = evaluate(document, {}, policies=policies_dir())
    return snapshot, {(f.rule_id, f.resource.rsplit("/", 1)[-1]): f.status for f in findings}


def test_every_kind_is_collected_and_judged_by_arn(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    snapshot, verdicts = _scan(["us-east-1"])
    assert snapshot["failures"] == []
    for rule in ("SM101", "SM102", "SM104", "SM105"):
        assert verdicts[(rule, "defaults")] == "fail"
    for rule in ("SM301", "SM302", "SM303", "SM304", "SM305"):
        assert verdicts[(rule, "open-job")] == "fail"
        assert (rule, "hardened-job") not in verdicts
    assert verdicts[("SM401", "open-model")] == "fail"
    assert ("SM401", "vpc-model") not in verdicts
    # AutoML: judged by the job rules, except network isolation, which AutoML does not have.
    assert {rule for rule, name in verdicts if name == "open-automl"} == {"SM301", "SM303", "SM304", "SM305"}
    for rule in ("SM701", "SM702", "SM703", "SM704"):
        assert verdicts[(rule, "open-monitor")] == "fail"
        assert (rule, "hardened-monitor") not in verdicts
    assert verdicts[("SM403", "no-key")] == "fail"
    assert ("SM403", "with-key") not in verdicts
    assert verdicts[("SM501", seeded["endpoint"])] == "fail"
    assert verdicts[("SM731", "shared-models")] == "fail"
    assert ("SM731", "private-models") not in verdicts  # no resource policy: private
    document = convert_snapshot(snapshot, "s").document
    arns = {n["meta"]["id"] for n in document["resources"]["notebook_instances"]}
    assert f"arn:aws:sagemaker:us-east-1:{ACCOUNT}:notebook-instance/defaults" in arns
    hardened = next(j for j in document["resources"]["training_jobs"] if j["name"] == "hardened-job")
    assert hardened["vpc_key"] == seeded["vpc"]  # subnet resolved to its VPC from DescribeSubnets


def test_an_unreadable_group_policy_is_unknown_and_an_error(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    proxy.deny_target = "SageMaker.GetModelPackageGroupPolicy"
    snapshot, verdicts = _scan(["us-east-1"])
    assert {f["api"] for f in snapshot["failures"]} == {
        f"sagemaker.GetModelPackageGroupPolicy({g})" for g in ("shared-models", "private-models")
    }
    assert verdicts[("SM731", "shared-models")] == verdicts[("SM731", "private-models")] == "unknown"
    assert {s for (rule, _), s in verdicts.items() if rule == "SM001"} == {"error"}


def test_several_regions(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    _, verdicts = _scan(["us-east-1", "eu-west-1"])
    assert verdicts[("SM101", "dublin")] == "fail"
    assert verdicts[("SM101", "defaults")] == "fail"


def test_access_denied_region_is_an_error_and_the_rest_is_still_judged(proxy: FaultProxy,
                                                                       seeded: dict[str, str]) -> None:  # fmt: skip
    proxy.deny_region = "eu-west-1"
    snapshot, verdicts = _scan(["us-east-1", "eu-west-1"])
    assert {(f["region"], f["code"]) for f in snapshot["failures"]} == {("eu-west-1", "AccessDeniedException")}
    errors = {resource for (rule, resource), status in verdicts.items() if rule == "SM001"}
    assert errors and all(status == "error" for (rule, _), status in verdicts.items() if rule == "SM001")
    assert verdicts[("SM101", "defaults")] == "fail"  # us-east-1 is judged all the same


def test_throttling_storm_is_absorbed_by_retries(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    proxy.throttle_left = 4  # each call retries up to 10 times with backoff
    snapshot, verdicts = _scan(["us-east-1"])
    assert snapshot["failures"] == []
    assert proxy.throttle_left == 0
    assert verdicts[("SM101", "defaults")] == "fail"


def test_throttling_that_outlasts_the_retries_is_an_error(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    proxy.throttle_left = 10_000
    snapshot, _ = _scan(["us-east-1"], max_attempts=1)
    assert snapshot["failures"]
    assert {f["code"] for f in snapshot["failures"]} == {"ThrottlingException"}


def test_cli_scan_aws_exits_1_on_access_denied(proxy: FaultProxy, seeded: dict[str, str], tmp_path: Path) -> None:
    proxy.deny_region = "us-east-1"
    result = subprocess.run([sys.executable, "-m", "smguard", "scan", "--aws", "--region", "us-east-1", "--format",
                             "json"], capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1, result.stderr
    statuses = {f["status"] for f in json.loads(result.stdout)["findings"] if f["rule_id"] == "SM001"}
    assert statuses == {"error"}
    assert re.search(r"smguard: \d+ API calls, \d+ failed", result.stderr)


def test_snapshot_file_then_scan(proxy: FaultProxy, seeded: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "snap.json"
    made = subprocess.run([sys.executable, "-m", "smguard", "snapshot", "-o", str(out), "--region", "us-east-1"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert made.returncode == 0, made.stderr
    snapshot = json.loads(out.read_text())
    assert snapshot["smguard_snapshot"] == 1
    assert "sagemaker.DescribeTrainingJob" in snapshot["accounts"][ACCOUNT]["regions"]["us-east-1"]["calls"]
    scanned = subprocess.run([sys.executable, "-m", "smguard", "scan", str(out), "--format", "json"],
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert scanned.returncode == 1
    assert any(f["rule_id"] == "SM301" for f in json.loads(scanned.stdout)["findings"])


def test_five_thousand_training_jobs(moto: str, proxy: FaultProxy) -> None:
    sm = _client("sagemaker", "ap-southeast-2", moto)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: sm.create_training_job(**_training_job(f"bulk-{i:04d}", hardened=False)), range(5000)))
    snapshot, verdicts = _scan(["ap-southeast-2"], workers=16)
    assert snapshot["failures"] == []
    assert sum(1 for (rule, _), status in verdicts.items() if rule == "SM301" and status == "fail") == 5000
    # 50 list pages of 100 plus 5000 describes, plus the other kinds' (empty) lists.
    assert 5050 <= snapshot["stats"]["api_calls"] < 5100


def test_accounts_from_the_organization(proxy: FaultProxy, moto: str) -> None:
    from smguard.collect.aws import sessions_for

    organizations = _organization(moto)
    member = organizations.create_account(AccountName="ml", Email="ml@example.com")["CreateAccountStatus"]["AccountId"]
    sessions = sessions_for(None, [], Options(regions=["us-east-1"]), "OrganizationAccountAccessRole")
    assert {ACCOUNT, member} <= set(sessions)
    snapshot = collect({member: sessions[member]}, Options(regions=["us-east-1"], rate=500))
    assert list(snapshot["accounts"]) == [member]


def _organization(moto: str) -> Any:
    organizations = _client("organizations", "us-east-1", moto)
    with contextlib.suppress(organizations.exceptions.AlreadyInOrganizationException):
        organizations.create_organization(FeatureSet="ALL")
    return organizations


def test_only_the_scps_in_effect_guard_an_account(proxy: FaultProxy, moto: str) -> None:
    organizations = _organization(moto)
    root = organizations.list_roots()["Roots"][0]["Id"]
    ml, other = (organizations.create_organizational_unit(ParentId=root, Name=n)["OrganizationalUnit"]["Id"]
                 for n in ("ml", "other"))  # fmt: skip
    created = organizations.create_account(AccountName="ml2", Email="ml2@example.com")
    member = created["CreateAccountStatus"]["AccountId"]
    organizations.move_account(AccountId=member, SourceParentId=root, DestinationParentId=ml)
    statement = {"Effect": "Deny", "Action": "sagemaker:Create*", "Resource": "*",
                 "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}}  # fmt: skip
    guardrail = organizations.create_policy(
        Content=json.dumps({"Version": "2012-10-17", "Statement": [statement]}),
        Description="vpc",
        Name="vpc-guardrail",
        Type="SERVICE_CONTROL_POLICY",
    )["Policy"]["PolicySummary"]["Id"]
    organizations.attach_policy(PolicyId=guardrail, TargetId=other)  # another OU's: not this account's

    def sm306() -> dict[str, tuple[str, str]]:
        # moto keeps the organization in the management account only, so each account is read
        # through its credentials (as a delegated administrator would read it), one at a time:
        # both would otherwise hold the same regional resources.
        verdicts = {}
        for account in (ACCOUNT, member):
            snapshot = collect({account: boto3.Session()}, Options(regions=["us-east-1"], rate=500))
            findings = evaluate(convert_snapshot(snapshot, "s").document, {}, policies=policies_dir())
            verdicts |= {f.resource: (f.status, f.message) for f in findings if f.rule_id == "SM306"}
        return verdicts

    before = sm306()
    assert before[f"aws:{member}"][0] == "fail"
    assert before[f"aws:{ACCOUNT}"][0] == "fail"
    assert "management account" in before[f"aws:{ACCOUNT}"][1]
    organizations.attach_policy(PolicyId=guardrail, TargetId=ml)  # now on the OU above the account
    after = sm306()
    assert f"aws:{member}" not in after
    assert "management account" in after[f"aws:{ACCOUNT}"][1]


def test_unreadable_scps_make_sm306_unknown_with_the_reason(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    proxy.deny_service = "organizations"
    snapshot = collect({ACCOUNT: boto3.Session()}, Options(regions=["us-east-1"], rate=500))
    findings = evaluate(convert_snapshot(snapshot, "s").document, {}, policies=policies_dir())
    (sm306,) = [f for f in findings if f.rule_id == "SM306" and f.resource == f"aws:{ACCOUNT}"]
    assert sm306.status == "unknown"
    assert "cannot be read (An error occurred (AccessDeniedException)" in sm306.message


@pytest.mark.parametrize(("garble", "attempts"), [(False, 2), (True, 1)], ids=["server-error", "garbled"])
def test_a_failing_endpoint_gets_max_attempts_and_the_rest_is_judged(proxy: FaultProxy, seeded: dict[str, str],
                                                                    garble: bool, attempts: int) -> None:  # fmt: skip
    """A server error is retried --max-attempts times; an answer no client can parse is not retried."""
    proxy.fail_service, proxy.garble = "ec2", garble
    before = proxy.by_service["ec2"]
    result = subprocess.run([sys.executable, "-m", "smguard", "scan", "--aws", "--region", "us-east-1", "--format",
                             "json", "--max-attempts", "2"], capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    errors = {f["message"] for f in findings if f["rule_id"] == "SM001"}
    assert errors and all(e.startswith("ec2.") for e in errors)
    assert any(f["rule_id"] == "SM101" for f in findings)  # SageMaker was still read and judged
    # Progress: a line per step when stderr is not a terminal, the last one naming the total.
    steps = re.findall(r"smguard: \[(\d+)/(\d+)\] ", result.stderr)
    assert steps and steps[-1][0] == steps[-1][1] == str(len(steps))
    assert "ec2.DescribeVpcEndpoints" in result.stderr
    # Two attempts for each EC2 call that was made, and no more.
    failed_apis = {e.split(" ")[0] for e in errors}
    assert proxy.by_service["ec2"] - before == attempts * len(failed_apis)


def test_the_timeout_ends_collection_and_what_is_left_is_an_error(proxy: FaultProxy, seeded: dict[str, str]) -> None:
    options = Options(regions=["us-east-1"], rate=500, timeout=0.001)
    snapshot = collect({ACCOUNT: boto3.Session()}, options)
    assert snapshot["failures"]
    assert {f["code"] for f in snapshot["failures"]} == {"Timeout"}
    assert "--timeout of 0.001 s ran out before this call" in snapshot["failures"][0]["message"]
    findings = evaluate(convert_snapshot(snapshot, "s").document, {}, policies=policies_dir())
    assert {f.status for f in findings if f.rule_id == "SM001"} == {"error"}
