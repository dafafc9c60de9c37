"""The admission webhook under concurrent reviews: latency against the API server's timeout.

50 clients post an AdmissionReview of an insecure TrainingJob (five findings) at once, for a few
rounds, to `smguard webhook` judging in process; the baseline is the same server's /healthz
under the same load (TLS, threads and HTTP, no judging). The API server gives a webhook 10 s by
default; the slowest answer is reported against that.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
API_SERVER_TIMEOUT_S = 10.0

_OBJECT = {
    "apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "TrainingJob",
    "metadata": {"name": "open", "namespace": "ml"},
    "spec": {"trainingJobName": "open", "roleARN": "arn:aws:iam::111122223333:role/sagemaker",
             "algorithmSpecification": {"trainingImage": "img", "trainingInputMode": "File"},
             "outputDataConfig": {"s3OutputPath": "s3://bucket/output"},
             "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.large", "volumeSizeInGB": 30},
             "stoppingCondition": {"maxRuntimeInSeconds": 3600}},
}  # fmt: skip


def _review(i: int) -> str:
    kind = {"group": "sagemaker.services.k8s.aws", "version": "v1alpha1", "kind": "TrainingJob"}
    request = {"uid": f"u-{i}", "kind": kind, "operation": "CREATE", "name": "open", "namespace": "ml",
               "object": _OBJECT}  # fmt: skip
    return json.dumps({"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": request})


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.crt", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")  # fmt: skip
    return folder / "tls.crt", folder / "tls.crt", folder / "tls.key"


def _round(url: str, ca: Path, clients: int, body: str | None) -> list[float]:
    """Each client opens its own connection (as the API server's calls would) and sends once."""

    def one(i: int) -> float:
        start = time.perf_counter()
        if body is None:
            answer = requests.get(f"{url}/healthz", verify=str(ca), timeout=30)
        else:
            answer = requests.post(f"{url}/validate", data=body.replace('"u-0"', f'"u-{i}"'), verify=str(ca),
                                   headers={"Content-Type": "application/json"}, timeout=30)  # fmt: skip
            if answer.json()["response"]["allowed"] is not False:
                raise RuntimeError("the insecure training job was allowed")
        answer.raise_for_status()
        return time.perf_counter() - start

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        return list(pool.map(one, range(clients)))


def webhook(folder: Path, clients: int = 50, rounds: int = 5) -> dict[str, Any]:
    ca, cert, key = _certificates(folder)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    process = subprocess.Popen([sys.executable, "-m", "smguard", "webhook", "--addr", f"127.0.0.1:{port}",
                                "--tls-cert", str(cert), "--tls-key", str(key)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{url}/healthz", verify=str(ca), timeout=2).ok:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("smguard webhook did not start")
            time.sleep(0.3)
        _round(url, ca, clients, _review(0))  # warm-up: the Wasm module, imports
        results: dict[str, Any] = {"clients": clients, "rounds": rounds}
        for name, body in (("health (baseline)", None), ("review", _review(0))):
            times = sorted(t for _ in range(rounds) for t in _round(url, ca, clients, body))
            results[name] = {"p50_ms": round(statistics.median(times) * 1000, 1),
                             "p99_ms": round(times[int(len(times) * 0.99) - 1] * 1000, 1),
                             "max_ms": round(times[-1] * 1000, 1)}  # fmt: skip
        review, health = results["review"], results["health (baseline)"]
        results["p50_ratio"] = round(review["p50_ms"] / health["p50_ms"], 1)
        results["max_over_timeout"] = round(review["max_ms"] / 1000 / API_SERVER_TIMEOUT_S, 3)
        return results
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(webhook(Path(tmp)), indent=2))
