"""The sidecar: the real OPA server from the built bundle, on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from smguard.bundle import build_bundle
from smguard.engine.opa_server import evaluate_remote
from smguard.errors import ConfigError
from smguard.frontends.api_request import convert_request
from smguard.frontends.detect import convert
from smguard.jsonio import parse_json
from smguard.paths import policies_dir
from tests.golden.cases import discover

ROOT = Path(__file__).parents[2]
TOKEN = "sidecar-test-token-1b7e"
EXAMPLE = ROOT / "tests/golden/examples/notebooks/plan.json"
FINDINGS = "/v1/data/smguard/main/findings"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(*args: str | Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "smguard", "serve", "--addr", f"127.0.0.1:{port}", *map(str, args)]
    # Decision logs go to stderr; a file, not a pipe nobody drains, so OPA never blocks on it.
    log = tempfile.NamedTemporaryFile(prefix="smguard-sidecar-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return process, url
        try:
            if requests.get(f"{url}/health", timeout=1).status_code == 200:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("the sidecar did not become healthy")


def _stop(process: subprocess.Popen[bytes]) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=20)


@pytest.fixture(scope="module")
def sidecar(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    token = tmp_path_factory.mktemp("token") / "token"
    token.write_text(TOKEN + "\n")
    process, url = _start("--token-file", token)
    assert process.poll() is None
    yield url
    assert _stop(process) == 0  # clean shutdown on SIGTERM


def test_scans_through_the_sidecar_equal_opa_eval_on_every_golden_case(sidecar: str) -> None:
    for case in discover():
        plan = case.folder / "plan.json"
        document = convert(parse_json(plan.read_bytes(), plan.name), plan.name).document
        remote = sorted([f.rule_id, f.resource, f.status] for f in evaluate_remote(document, sidecar, token=TOKEN))
        assert remote == case.verdicts(with_config=False), str(case)


def test_a_sidecar_with_a_config_applies_it_validated_once_when_built(tmp_path: Path) -> None:
    # The config is validated when the bundle is built, not per request: the verdicts must still
    # be those of the config, on the first five golden cases that have one (a sidecar each).
    cases = [case for case in discover() if (case.folder / "config.yaml").exists()]
    assert len(cases) >= 5
    token = tmp_path / "token"
    token.write_text(TOKEN + "\n")
    for case in cases[:5]:
        process, url = _start("--token-file", token, "--config", case.folder / "config.yaml")
        try:
            plan = case.folder / "plan.json"
            document = convert(parse_json(plan.read_bytes(), plan.name), plan.name).document
            remote = sorted([f.rule_id, f.resource, f.status] for f in evaluate_remote(document, url, token=TOKEN))
        finally:
            assert _stop(process) == 0
        assert remote == case.verdicts(with_config=True), str(case)


def _bundle_data(bundle: Path) -> Any:
    with tarfile.open(bundle) as archive:  # opa build merges every data file into one
        member = archive.extractfile("/data.json")
        assert member is not None
        return json.loads(member.read())


def test_a_bundle_marks_its_config_validated_and_refuses_one_with_problems(tmp_path: Path) -> None:
    checked = tmp_path / "checked.tar.gz"
    build_bundle(checked, policies=policies_dir(), config={"rules": {"disable": ["SM302"]}}, token=TOKEN)
    assert _bundle_data(checked)["smguard"]["checked"] == {"config": True}
    plain = tmp_path / "plain.tar.gz"
    build_bundle(plain, policies=policies_dir(), token=TOKEN)
    assert "checked" not in _bundle_data(plain)["smguard"]
    with pytest.raises(ConfigError, match=r'the config has problems: unknown config section "acess"'):
        build_bundle(tmp_path / "bad.tar.gz", policies=policies_dir(), config={"acess": {}}, token=TOKEN)
    assert not (tmp_path / "bad.tar.gz").exists()


def test_cli_scan_with_opa_url(sidecar: str) -> None:
    local = subprocess.run([sys.executable, "-m", "smguard", "scan", str(EXAMPLE), "--format", "json"],
                           capture_output=True, text=True, check=False)  # fmt: skip
    remote = subprocess.run(
        [sys.executable, "-m", "smguard", "scan", str(EXAMPLE), "--format", "json", "--opa-url", sidecar],
        capture_output=True, text=True, check=False, env={"SMGUARD_OPA_TOKEN": TOKEN, "PATH": ""},
    )  # fmt: skip
    assert remote.returncode == local.returncode == 1
    assert json.loads(remote.stdout)["findings"] == json.loads(local.stdout)["findings"]


@pytest.mark.parametrize("body", [{"input": {}}, {"input": {"format_version": "1.2", "resource_changes": []}}, {}])
def test_a_request_without_an_smguard_document_is_an_error_not_a_pass(sidecar: str, body: dict[str, Any]) -> None:
    response = requests.post(f"{sidecar}/v1/data/smguard/main/findings", json=body,
                             headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)  # fmt: skip
    assert response.status_code == 200
    assert [(f["rule_id"], f["status"]) for f in response.json()["result"]] == [("SM001", "error")]


@pytest.mark.parametrize("token", [None, "wrong"], ids=["no-token", "wrong-token"])
def test_without_the_token_the_scan_is_exit_2(sidecar: str, token: str | None) -> None:
    args = [sys.executable, "-m", "smguard", "scan", str(EXAMPLE), "--opa-url", sidecar]
    result = subprocess.run([*args, *(["--opa-token", token] if token else [])], capture_output=True, text=True,
                            check=False, env={"PATH": ""})  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == f"smguard: OPA at {sidecar} rejected the request (401): a missing or wrong token\n"


def test_unreachable_server_is_exit_2() -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    result = subprocess.run([sys.executable, "-m", "smguard", "scan", str(EXAMPLE), "--opa-url", url, "--opa-token",
                             TOKEN], capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 2
    assert "cannot reach OPA" in result.stderr


def test_only_health_and_decisions_are_reachable(sidecar: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert requests.get(f"{sidecar}/health", timeout=5).status_code == 200
    assert requests.post(f"{sidecar}{FINDINGS}", json={"input": {}}, timeout=5).status_code == 401
    assert requests.post(f"{sidecar}{FINDINGS}", json={"input": {}}, headers=auth, timeout=5).status_code == 200
    for method, path in [("GET", "/v1/data/sidecar"), ("GET", "/v1/policies"), ("PUT", "/v1/policies/x"),
                         ("POST", "/v1/query"), ("GET", "/v1/config"), ("GET", FINDINGS)]:  # fmt: skip
        assert requests.request(method, f"{sidecar}{path}", headers=auth, data="{}", timeout=5).status_code == 401


def test_request_body_is_capped(sidecar: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    big = b'{"input": {"padding": "' + b"x" * (9 * 1024 * 1024) + b'"}}'
    response = requests.post(f"{sidecar}{FINDINGS}", data=big, headers=auth, timeout=30)
    assert response.status_code in (400, 413)


def test_only_answers_of_64_kib_or_more_are_compressed(sidecar: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Accept-Encoding": "gzip"}
    job = convert_request("CreateTrainingJob", {"TrainingJobName": "t", "RoleArn": "r"})
    [failing] = job["resources"]["training_jobs"]
    answers = {}
    for jobs in (1, 36, 45):  # about 1.6, 56 and 70 KB of findings
        listed = [{**failing, "meta": {**failing["meta"], "id": f"job-{i}"}} for i in range(jobs)]
        document = {**job, "resources": {**job["resources"], "training_jobs": listed}}
        response = requests.post(f"{sidecar}{FINDINGS}", json={"input": document}, headers=auth, timeout=30)
        assert len(response.json()["result"]) == 5 * jobs  # each job fails five rules
        answers[jobs] = (len(response.content), response.headers.get("Content-Encoding"))
    assert 1024 < answers[1][0] < answers[36][0] < 64 * 1024 <= answers[45][0]  # OPA's own threshold is 1 KB
    assert [answers[jobs][1] for jobs in (1, 36, 45)] == [None, None, "gzip"]


def test_the_sidecars_opa_collects_garbage_at_gogc_400(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN)
    process, _ = _start("--token-file", token)
    try:
        [opa] = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        environment = Path(f"/proc/{opa}/environ").read_bytes().split(b"\0")
        assert f"GOGC={os.environ.get('GOGC', '400')}".encode() in environment
    finally:
        _stop(process)


def test_undefined_decision_is_an_error_not_a_clean_result(tmp_path: Path) -> None:
    # A server without the smguard bundle answers {} for the findings: never read as "no findings".
    port = _free_port()
    process = subprocess.Popen(["opa", "run", "--server", "--addr", f"127.0.0.1:{port}", "--skip-version-check"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={"PATH": str(ROOT / ".tools/bin")})  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                requests.get(f"{url}/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        result = subprocess.run([sys.executable, "-m", "smguard", "scan", str(EXAMPLE), "--opa-url", url],
                                capture_output=True, text=True, check=False)  # fmt: skip
        assert result.returncode == 2
        assert "has no decision for data.smguard.main.findings" in result.stderr
    finally:
        process.terminate()
        process.wait()


def _keys(folder: Path) -> tuple[Path, Path]:
    private, public = folder / "key.pem", folder / "pub.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(private), "2048"], check=True, capture_output=True)
    subprocess.run(["openssl", "rsa", "-in", str(private), "-pubout", "-out", str(public)], check=True,
                   capture_output=True)  # fmt: skip
    return private, public


def test_signed_bundle_is_served_and_tampered_or_unsigned_ones_are_refused(tmp_path: Path) -> None:
    from smguard.bundle import Signing

    private, public = _keys(tmp_path)
    signed, unsigned = tmp_path / "signed.tar.gz", tmp_path / "unsigned.tar.gz"
    build_bundle(signed, policies=policies_dir(), token=TOKEN, signing=Signing(private, scope="sidecar"))
    build_bundle(unsigned, policies=policies_dir(), token=TOKEN)
    verify = ["--verification-key", public, "--verification-key-id", "release", "--scope", "sidecar"]

    process, url = _start("--bundle", signed, *verify)
    assert process.poll() is None
    document = convert(parse_json(EXAMPLE.read_bytes(), "plan.json"), "plan.json").document
    assert len(evaluate_remote(document, url, token=TOKEN)) == 6
    assert _stop(process) == 0

    process, _ = _start("--bundle", unsigned, *verify)
    assert process.wait(timeout=30) != 0

    subprocess.run(["tar", "xzf", str(signed), "-C", str(tmp_path)], check=True)
    (tmp_path / "smguard/main/main.rego").write_text("package smguard.main\n\nfindings := []\n")
    tampered_bundle = tmp_path / "tampered.tar.gz"
    subprocess.run(["tar", "czf", str(tampered_bundle), "-C", str(tmp_path), ".manifest", ".signatures.json",
                    "data.json", "smguard", "system"], check=True)  # fmt: skip
    process, _ = _start("--bundle", tampered_bundle, *verify)
    assert process.wait(timeout=30) != 0


def test_optimized_and_plain_bundles_decide_alike(tmp_path: Path) -> None:
    servers = []
    for level in (0, 1):
        bundle = tmp_path / f"o{level}.tar.gz"
        build_bundle(bundle, policies=policies_dir(), token=TOKEN, optimize=level)
        servers.append(_start("--bundle", bundle))
    try:
        for case in discover():
            plan = case.folder / "plan.json"
            document = convert(parse_json(plan.read_bytes(), plan.name), plan.name).document
            plain, optimized = (evaluate_remote(document, url, token=TOKEN) for _, url in servers)
            assert plain == optimized, str(case)
    finally:
        for process, _ in servers:
            _stop(process)


def test_risky_serve_options_are_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from smguard.cli import main

    # The clash of --token with --bundle stops serve before it starts, after the warnings.
    assert main(["serve", "--token", TOKEN, "--bundle", str(tmp_path / "b.tar.gz")]) == 2
    stderr = capsys.readouterr().err
    assert "--token is visible to every user in the process list; prefer --token-file" in stderr
    assert "with --bundle, the token and config are the bundle's" in stderr


def test_an_unsigned_bundle_is_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from smguard.serve import ServeOptions, check_options

    check_options(ServeOptions(bundle=tmp_path / "b.tar.gz"))
    assert "the bundle's signature is not checked" in capsys.readouterr().err
    check_options(ServeOptions(bundle=tmp_path / "b.tar.gz", verification_key=tmp_path / "key.pem"))
    assert capsys.readouterr().err == ""


def test_decision_logs_keep_the_findings_and_drop_the_document(tmp_path: Path) -> None:
    canary = "CANARY-d3c1s10n"
    token = tmp_path / "token"
    token.write_text(TOKEN)
    port = _free_port()
    log = tmp_path / "sidecar.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "smguard", "serve", "--addr", f"127.0.0.1:{port}", "--token-file", str(token)],
            stdout=subprocess.DEVNULL, stderr=sink,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(150):
                try:
                    requests.get(f"{url}/health", timeout=1)
                    break
                except requests.ConnectionError:
                    time.sleep(0.2)
            document = convert_request("CreateNotebookInstance", {
                "NotebookInstanceName": "nb", "SubnetId": f"subnet-{canary}", "KmsKeyId": canary,
            })  # fmt: skip
            response = requests.post(f"{url}/v1/data/smguard/main/findings", json={"input": document},
                                     headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)  # fmt: skip
            assert response.status_code == 200
        finally:
            _stop(process)
    logged = log.read_text()
    assert '"decision_id"' in logged and "SM101" in logged  # the decision was logged
    assert canary not in logged
