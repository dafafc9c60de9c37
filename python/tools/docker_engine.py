"""A Docker engine to talk to: the running one, or one installed and started here.

This workplace has the docker client but no engine; Debian's docker.io package runs here (as root).
``engine()`` pings the engine, and when none answers installs ``docker.io`` (if ``dockerd`` is
missing) and starts ``dockerd`` in the background, logging to ``.tools/dockerd.log``. The engine
is left running for the next build or test, as a developer's would be.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LOG = REPO / ".tools/dockerd.log"


def apt_install(package: str) -> None:
    """``apt-get install`` (as root), reading the package lists first when they are missing."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "-q", package]
    if subprocess.run(command, env=env, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=True)
        subprocess.run(command, env=env, capture_output=True, check=True)


def _client() -> Any:
    import docker

    client = docker.from_env(timeout=300)
    client.ping()
    return client


def engine(wait: float = 60.0) -> Any:
    """A ``docker`` SDK client of a running engine."""
    import docker.errors

    try:
        return _client()
    except docker.errors.DockerException:
        pass
    if shutil.which("dockerd") is None:
        if os.geteuid() != 0:
            raise SystemExit("no Docker engine, and installing one (apt-get install docker.io) needs root")
        apt_install("docker.io")
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("ab") as log:
        subprocess.Popen(["dockerd"], stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            return _client()
        except docker.errors.DockerException:
            if time.monotonic() > deadline:
                raise SystemExit(f"dockerd did not answer in {wait:.0f} s; see {LOG}") from None
            time.sleep(0.5)


if __name__ == "__main__":
    print(engine().version()["Version"])
