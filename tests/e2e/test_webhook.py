"""`smguard webhook` behind a real kube-apiserver with the real ACK CRDs, driven by kubectl.

The API server, etcd and the CRDs of third_party/ack-sagemaker-controller are started once for
the module; the webhook is registered with bundles/deploy/validating-webhook.yaml, its
clientConfig pointed at the local webhook (a Service needs pods, which no kubelet runs here).
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import yaml

from tests.e2e.test_sidecar import _free_port
from tests.kube import api_server

ROOT = Path(__file__).parents[2]
CRDS = ROOT / "third_party" / "ack-sagemaker-controller" / "crds"
EXAMPLE = ROOT / "bundles" / "deploy" / "validating-webhook.yaml"
KMS = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def training_job(name: str, *, hardened: bool) -> str:
    settings = """
  enableNetworkIsolation: true
  enableInterContainerTrafficEncryption: true
  vpcConfig:
    subnets: [subnet-0a1b2c3d]
    securityGroupIDs: [sg-0a1b2c3d]
"""
    return f"""apiVersion: sagemaker.services.k8s.aws/v1alpha1
kind: TrainingJob
metadata:
  name: {name}
spec:
  trainingJobName: {name}
  roleARN: arn:aws:iam::111122223333:role/sagemaker
  algorithmSpecification:
    trainingImage: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1
    trainingInputMode: File
  outputDataConfig:
    s3OutputPath: s3://bucket/output
    kmsKeyID: {KMS}
  resourceConfig:
    instanceCount: 1
    instanceType: ml.m5.large
    volumeSizeInGB: 30
    volumeKMSKeyID: {KMS}
  stoppingCondition:
    maxRuntimeInSeconds: 3600
{settings if hardened else ""}"""


@dataclass
class Cluster:
    kubeconfig: Path
    webhook: subprocess.Popen[bytes]
    folder: Path

    def apply(self, manifest: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["kubectl", "--kubeconfig", str(self.kubeconfig), "apply", "-f", "-", *extra],
                              input=manifest, capture_output=True, text=True, check=False)  # fmt: skip

    def kubectl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["kubectl", "--kubeconfig", str(self.kubeconfig), *args],
                              capture_output=True, text=True, check=False)  # fmt: skip


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a server certificate it signed for 127.0.0.1."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "1",
            "-subj", "/CN=smguard-test-ca")  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.csr", "-subj", "/CN=127.0.0.1")
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "tls.crt", "-days", "1", "-extfile", "san.ext")  # fmt: skip
    return folder / "ca.crt", folder / "tls.crt", folder / "tls.key"


def _start_webhook(folder: Path, cert: Path, key: Path, ca: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    log = (folder / "webhook.log").open("wb")
    command = [sys.executable, "-m", "smguard", "webhook", "--addr", f"127.0.0.1:{port}", "--tls-cert", str(cert),
               "--tls-key", str(key)]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=log)
    url = f"https://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/healthz", verify=str(ca), timeout=2).status_code == 200:
                return process, url
        assert process.poll() is None and time.monotonic() < deadline, (folder / "webhook.log").read_text()
        time.sleep(0.3)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("webhook")
    ca, cert, key = _certificates(folder)
    webhook, url = _start_webhook(folder, cert, key, ca)
    try:
        with api_server(folder / "kube") as kubeconfig:
            cluster = Cluster(kubeconfig, webhook, folder)
            created = cluster.kubectl("apply", "-f", str(CRDS))
            assert created.returncode == 0, created.stderr
            ready = cluster.kubectl("wait", "--for=condition=established", "--timeout=60s", "crd", "--all")
            assert ready.returncode == 0, ready.stderr
            configuration = yaml.safe_load(EXAMPLE.read_text())
            configuration["webhooks"][0]["clientConfig"] = {
                "url": f"{url}/validate", "caBundle": base64.b64encode(ca.read_bytes()).decode(),
            }  # fmt: skip
            registered = cluster.apply(json.dumps(configuration))
            assert registered.returncode == 0, registered.stderr
            # The API server picks the configuration up asynchronously: wait until it is in force.
            deadline = time.monotonic() + 60
            while cluster.apply(training_job("probe", hardened=False), "--dry-run=server").returncode == 0:
                assert time.monotonic() < deadline, "the webhook configuration never took effect"
                time.sleep(0.5)
            yield cluster
    finally:
        webhook.terminate()
        webhook.wait(timeout=10)


def test_an_insecure_training_job_is_refused_with_the_findings(cluster: Cluster) -> None:
    result = cluster.apply(training_job("open", hardened=False))
    assert result.returncode != 0
    assert 'admission webhook "sagemaker.smguard.dev" denied the request' in result.stderr
    assert "SM301 fail: the training job has no VpcConfig.Subnets" in result.stderr and "SM302 fail" in result.stderr
    assert cluster.kubectl("get", "trainingjob", "open").returncode != 0  # not created


def test_a_compliant_training_job_is_created_and_a_breaking_update_refused(cluster: Cluster) -> None:
    created = cluster.apply(training_job("hardened", hardened=True))
    assert created.returncode == 0, created.stderr
    assert cluster.kubectl("get", "trainingjob", "hardened").returncode == 0
    broken = cluster.apply(training_job("hardened", hardened=False))
    assert broken.returncode != 0 and "SM302 fail" in broken.stderr
    spec = json.loads(cluster.kubectl("get", "trainingjob", "hardened", "-o", "json").stdout)["spec"]
    assert spec["enableNetworkIsolation"] is True  # the stored object is the compliant one


def test_server_side_dry_runs_are_judged(cluster: Cluster) -> None:
    refused = cluster.apply(training_job("dry", hardened=False), "--dry-run=server")
    assert refused.returncode != 0 and "SM301" in refused.stderr
    passed = cluster.apply(training_job("dry", hardened=True), "--dry-run=server")
    assert passed.returncode == 0, passed.stderr


def test_the_crds_refuse_field_names_they_do_not_have(cluster: Cluster) -> None:
    # kubectl validates strictly: a field spelt as in the API, not as ACK names it, is an error
    # before any webhook runs, so smguard never judges a spec the controller would read otherwise.
    misspelt = training_job("misspelt", hardened=True).replace("securityGroupIDs", "securityGroupIds")
    result = cluster.apply(misspelt)
    assert result.returncode != 0 and "securityGroupIds" in result.stderr


def test_the_log_has_one_line_per_review_and_no_content(cluster: Cluster) -> None:
    log = (cluster.folder / "webhook.log").read_text()
    assert "CREATE TrainingJob/default/open: denied SM301,SM302,SM303" in log
    assert "111122223333" not in log and "subnet-0a1b2c3d" not in log


def test_a_stopped_webhook_blocks_creation(cluster: Cluster) -> None:
    cluster.webhook.terminate()
    cluster.webhook.wait(timeout=10)
    result = cluster.apply(training_job("while-down", hardened=True))
    assert result.returncode != 0 and "failed calling webhook" in result.stderr
