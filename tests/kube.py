"""A real Kubernetes API server (kube-apiserver + etcd) on loopback, for kubectl against manifests.

kube-apiserver is built by the Makefile (``make test`` builds it; ../shared/reference/kubernetes.md),
etcd comes from Debian's etcd-server package, installed here when missing (as root). No kubelet or
nodes: enough for validation, server-side dry runs and admission.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import requests

from tests.e2e.test_container import _tools_module
from tests.e2e.test_sidecar import _free_port

ROOT = Path(__file__).parents[1]


def _makefile_value(name: str) -> str:
    for line in (ROOT / "Makefile").read_text().splitlines():
        if line.startswith(f"{name} :="):
            return line.split(":=", 1)[1].strip()
    raise LookupError(name)


def apiserver_binary() -> Path:
    return ROOT / ".tools/kube" / f"kube-apiserver-v{_makefile_value('KUBE_VERSION')}"


def _etcd() -> str:
    if shutil.which("etcd") is None:
        _tools_module("docker_engine").apt_install("etcd-server")
    found = shutil.which("etcd")
    assert found is not None, "etcd-server did not install etcd"
    return found


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def api_server(folder: Path) -> Iterator[Path]:
    """Start etcd and kube-apiserver on free loopback ports; yields a kubeconfig for an admin."""
    binary = apiserver_binary()
    assert binary.is_file(), f"{binary} is missing: run `make test` (it builds kube-apiserver)"
    folder.mkdir(parents=True, exist_ok=True)
    client, peer, secure = _free_port(), _free_port(), _free_port()
    subprocess.run(["openssl", "genrsa", "-out", str(folder / "sa.key"), "2048"], check=True, capture_output=True)
    subprocess.run(["openssl", "rsa", "-in", str(folder / "sa.key"), "-pubout", "-out", str(folder / "sa.pub")],
                   check=True, capture_output=True)  # fmt: skip
    token = "smguard-test-admin-token"
    (folder / "tokens.csv").write_text(f'{token},admin,admin,"system:masters"\n')
    with (folder / "etcd.log").open("wb") as etcd_log, (folder / "apiserver.log").open("wb") as api_log:
        etcd = subprocess.Popen(
            [_etcd(), "--data-dir", str(folder / "etcd"), "--listen-client-urls", f"http://127.0.0.1:{client}",
             "--advertise-client-urls", f"http://127.0.0.1:{client}", "--listen-peer-urls", f"http://127.0.0.1:{peer}",
             "--initial-advertise-peer-urls", f"http://127.0.0.1:{peer}",
             "--initial-cluster", f"default=http://127.0.0.1:{peer}"],
            stdout=etcd_log, stderr=etcd_log,
        )  # fmt: skip
        api = subprocess.Popen(
            [str(binary), f"--etcd-servers=http://127.0.0.1:{client}", "--bind-address=127.0.0.1",
             "--advertise-address=127.0.0.1", f"--secure-port={secure}", f"--cert-dir={folder / 'certs'}",
             f"--token-auth-file={folder / 'tokens.csv'}", "--authorization-mode=RBAC",
             f"--service-account-key-file={folder / 'sa.pub'}",
             f"--service-account-signing-key-file={folder / 'sa.key'}",
             "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
             "--service-cluster-ip-range=10.96.0.0/16"],
            stdout=api_log, stderr=api_log,
        )  # fmt: skip
        try:
            url = f"https://127.0.0.1:{secure}"
            deadline = time.monotonic() + 90
            while True:
                with contextlib.suppress(requests.RequestException):
                    ready = requests.get(f"{url}/readyz", verify=False, timeout=2,  # noqa: S501  # its own cert
                                         headers={"Authorization": f"Bearer {token}"})  # fmt: skip
                    if ready.status_code == 200:
                        break
                assert api.poll() is None and time.monotonic() < deadline, (folder / "apiserver.log").read_text()[
                    -2000:
                ]
                time.sleep(0.5)
            kubeconfig = folder / "kubeconfig"
            kubeconfig.write_text(
                "apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n"
                f"    server: {url}\n    insecure-skip-tls-verify: true\nusers:\n- name: admin\n  user:\n"
                f"    token: {token}\ncontexts:\n- name: test\n  context: {{cluster: test, user: admin}}\n"
                "current-context: test\n"
            )
            # No controller manager runs to make the namespace's default service account, which
            # the ServiceAccount admission plugin looks up for every pod.
            deadline = time.monotonic() + 30
            while subprocess.run(["kubectl", "--kubeconfig", str(kubeconfig), "create", "serviceaccount", "default"],
                                 capture_output=True, check=False).returncode != 0:  # fmt: skip
                assert time.monotonic() < deadline, "the default namespace never appeared"
                time.sleep(0.5)
            yield kubeconfig
        finally:
            _stop(api)  # the API server first: stopping both at once can hang it
            _stop(etcd)
