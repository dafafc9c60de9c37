"""The smguard-sidecar image (``make image``) in a real Docker engine, driven by the docker SDK, and
the deploy examples in bundles/deploy run as they are written."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
import requests
import yaml

from smguard.admission import install
from smguard.engine.local import evaluate_embedded
from smguard.errors import AdmissionDenied
from smguard.frontends.detect import convert
from smguard.jsonio import parse_json
from tests.e2e.test_sidecar import _free_port

ROOT = Path(__file__).parents[2]
DEPLOY = ROOT / "bundles/deploy"
EXAMPLE = ROOT / "tests/golden/examples/notebooks/plan.json"
FINDINGS = "/v1/data/smguard/main/findings"
TOKEN = "container-test-token-0123456789"


def _tools_module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / f"python/tools/{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def engine() -> Any:
    """A running Docker engine: started (and installed) here when there is none."""
    return _tools_module("docker_engine").engine()


@pytest.fixture(scope="module")
def image(engine: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    token = tmp_path_factory.mktemp("image") / "token"
    token.write_text(TOKEN + "\n")
    done = subprocess.run(["make", "image", f"TOKEN_FILE={token}"], cwd=ROOT, capture_output=True, text=True,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    tag = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]["smguard"]["image"]
    assert engine.images.get(tag)
    return str(tag)


def _document() -> Any:
    return convert(parse_json(EXAMPLE.read_bytes(), EXAMPLE.name), EXAMPLE.name).document


def _wait_healthy(url: str, **kwargs: Any) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(f"{url}/health", timeout=2, **kwargs).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, f"{url} never became healthy"
        time.sleep(0.2)


@pytest.fixture
def sidecar(engine: Any, image: str) -> Iterator[tuple[Any, str]]:
    port = _free_port()
    container = engine.containers.run(image, ["--addr", f"127.0.0.1:{port}"], network_mode="host", detach=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url)
        yield container, url
    finally:
        container.remove(force=True)


def test_the_image_is_opa_alone_with_the_hardened_flags(engine: Any, image: str) -> None:
    config = engine.images.get(image).attrs["Config"]
    assert config["User"] == "65532:65532"
    assert config["Entrypoint"][0] == "/opa"
    for flag in ("--authentication=token", "--authorization=basic", "--verification-key"):
        assert flag in config["Entrypoint"]
    assert config["Cmd"] == ["--addr", "127.0.0.1:8181"]
    history = engine.images.get(image).history()
    assert not any("FROM" in (layer.get("CreatedBy") or "") and "scratch" not in layer["CreatedBy"]
                   for layer in history)  # fmt: skip


def test_the_container_answers_as_a_local_scan_and_only_with_the_token(sidecar: tuple[Any, str]) -> None:
    _, url = sidecar
    document = _document()
    assert requests.post(f"{url}{FINDINGS}", json={"input": document}, timeout=10).status_code == 401
    wrong = requests.post(f"{url}{FINDINGS}", json={"input": document}, timeout=10,
                          headers={"Authorization": "Bearer nope"})  # fmt: skip
    assert wrong.status_code == 401
    answer = requests.post(f"{url}{FINDINGS}", json={"input": document}, timeout=10,
                           headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert answer.status_code == 200
    local = [f.to_json() for f in evaluate_embedded(document, {}).findings]

    def key(finding: dict[str, str]) -> str:
        return json.dumps(finding, sort_keys=True)

    assert sorted(answer.json()["result"], key=key) == sorted(local, key=key)
    # Nothing but decisions: the policy and data APIs are closed even with the token.
    assert (
        requests.get(f"{url}/v1/policies", timeout=10, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 401
    )


def test_the_boto3_hook_is_judged_by_the_container(sidecar: tuple[Any, str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    _, url = sidecar
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    monkeypatch.setenv("SMGUARD_OPA_TOKEN_FILE", str(token_file))  # as compose.yaml gives it to the app
    session = boto3.Session(aws_access_key_id="x", aws_secret_access_key="x", region_name="eu-west-1")
    install(session, opa_url=url)
    client = session.client("sagemaker", endpoint_url="http://127.0.0.1:9")
    with pytest.raises(AdmissionDenied) as denied:
        client.create_notebook_instance(NotebookInstanceName="nb", InstanceType="ml.t3.medium",
                                        RoleArn="arn:aws:iam::123456789012:role/r")  # fmt: skip
    assert "SM101" in {f.rule_id for f in denied.value.findings}


def test_the_container_stops_cleanly(engine: Any, image: str) -> None:
    port = _free_port()
    container = engine.containers.run(image, ["--addr", f"127.0.0.1:{port}"], network_mode="host", detach=True)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}")
        container.stop(timeout=10)
        assert container.wait(timeout=20)["StatusCode"] == 0
    finally:
        container.remove(force=True)


def test_compose_services_start_as_written(engine: Any, image: str, tmp_path: Path) -> None:
    """compose.yaml with the SDK and the same arguments: the app shares the sidecar's loopback."""
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    smguard = services["smguard"]
    assert services["app"]["network_mode"] == "service:smguard"
    assert services["app"]["environment"]["SMGUARD_OPA_TOKEN_FILE"] == "/run/secrets/smguard_token"
    sidecar = engine.containers.run(smguard["image"], smguard["command"], detach=True)
    try:
        # The app's stand-in: the image's own OPA as an HTTP client, in the sidecar's network.
        probe = 'http.send({"method": "get", "url": "http://127.0.0.1:8181/health"}).status_code'
        deadline = time.monotonic() + 30
        while True:
            app = engine.containers.run(image, ["--format", "raw", probe], entrypoint=["/opa", "eval"],
                                        network_mode=f"container:{sidecar.id}", remove=True)  # fmt: skip
            if app.strip() == b"200" or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert app.strip() == b"200"
    finally:
        sidecar.remove(force=True)


def _certificate(folder: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=smguard",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "tls.key"), "-out",
         str(folder / "tls.crt")],
        check=True, capture_output=True,
    )  # fmt: skip
    for name in ("tls.key", "tls.crt"):
        (folder / name).chmod(0o644)


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_the_pod_container_runs_with_its_exact_args_and_is_ready(engine: Any, image: str, tmp_path: Path) -> None:
    pod = yaml.safe_load((DEPLOY / "pod.yaml").read_text())
    (spec,) = [c for c in pod["spec"]["containers"] if c["name"] == "smguard"]
    (mount,) = spec["volumeMounts"]
    secret = tmp_path / "secret"
    secret.mkdir()
    _certificate(secret)
    (secret / "token").write_text(TOKEN)
    container = engine.containers.run(spec["image"], spec["args"], detach=True, read_only=True,
                                      user=str(spec["securityContext"]["runAsUser"]),
                                      volumes={str(secret): {"bind": mount["mountPath"], "mode": "ro"}})  # fmt: skip
    try:
        container.reload()
        address = container.attrs["NetworkSettings"]["IPAddress"]
        probe = spec["readinessProbe"]["httpGet"]
        # The kubelet probes the pod's IP and does not verify the certificate.
        _wait_healthy(f"{probe['scheme'].lower()}://{address}:{probe['port']}", verify=False)
    finally:
        container.remove(force=True)


def _kubectl(kubeconfig: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["kubectl", "--kubeconfig", str(kubeconfig), *args], capture_output=True, text=True,
                          check=False)  # fmt: skip


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_kubectl_accepts_the_pod_spec(tmp_path: Path) -> None:
    """`kubectl apply --dry-run=client` and `=server` against a real API server on loopback."""
    from tests.kube import api_server

    with api_server(tmp_path / "kube") as kubeconfig:
        for dry_run in ("client", "server"):
            done = _kubectl(kubeconfig, "apply", f"--dry-run={dry_run}", "-f", str(DEPLOY / "pod.yaml"))
            assert done.returncode == 0, done.stderr
            assert (
                done.stdout.strip()
                == {"client": "pod/trainer created (dry run)", "server": "pod/trainer created (server dry run)"}[
                    dry_run
                ]
            )
        # The server checks the spec for real: a probe without a port is refused.
        broken = yaml.safe_load((DEPLOY / "pod.yaml").read_text())
        del broken["spec"]["containers"][1]["readinessProbe"]["httpGet"]["port"]
        (tmp_path / "broken.yaml").write_text(yaml.safe_dump(broken))
        refused = _kubectl(kubeconfig, "apply", "--dry-run=server", "-f", str(tmp_path / "broken.yaml"))
        assert refused.returncode != 0
