"""The independent IAM oracle for the tests: @cloud-copilot/iam-simulate and iam-data, run by node.

Installed by `make setup` into .tools/iam (versions pinned in the Makefile). AGPL: only ever run
as a separate process by the tests, never imported into or shipped with smguard.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any

from smguard.paths import REPO_ROOT

MODULES = REPO_ROOT / ".tools" / "iam" / "node_modules"
HERE = REPO_ROOT / "tests" / "oracle"
ACCOUNT = "123456789012"
PRINCIPAL = f"arn:aws:iam::{ACCOUNT}:role/app"
Policy = dict[str, Any]


def _environment() -> dict[str, str]:
    if not MODULES.is_dir():
        raise RuntimeError(f"{MODULES} is missing: run `make setup`")
    return {**os.environ, "NODE_PATH": str(MODULES)}


class Simulator:
    """One node process answering one policy set (and its requests) per line."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["node", str(HERE / "simulate.cjs")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env=_environment(),
        )  # fmt: skip
        self.tasks = 0

    def decide(
        self,
        identity: list[dict[str, Any]],
        requests: list[dict[str, Any]],
        *,
        scps: list[dict[str, Any]] | None = None,
    ) -> list[str]:
        """Allowed, ExplicitlyDenied or ImplicitlyDenied for each request ({action, context, resource?})."""
        task: dict[str, Any] = {
            "identity": identity, "principal": PRINCIPAL, "requests": requests,
            "resource": {"arn": f"arn:aws:sagemaker:eu-west-1:{ACCOUNT}:notebook-instance/nb", "account": ACCOUNT},
        }  # fmt: skip
        if scps is not None:
            task["scps"] = scps
        self.tasks += 1
        task["id"] = self.tasks
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(task) + "\n")
        self.process.stdin.flush()
        reply = self._reply(self.tasks)
        if "error" in reply:
            raise AssertionError(f"the simulator refused {json.dumps(task)[:2000]}: {reply['error']}")
        return list(reply["results"])

    def _reply(self, task_id: int) -> dict[str, Any]:
        """The answer to the task, skipping any other line on the simulator's stdout."""
        assert self.process.stdout
        for line in self.process.stdout:
            try:
                reply = json.loads(line)
            except ValueError:
                continue
            if isinstance(reply, dict) and reply.get("id") == task_id:
                return reply
        raise AssertionError(f"the simulator exited (status {self.process.wait(timeout=30)}) without answering")

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)


def condition_keys(actions: list[str]) -> tuple[str, dict[str, list[str] | None]]:
    """iam-data's version, and the condition keys each action supports (None: no such action)."""
    result = subprocess.run(
        ["node", str(HERE / "condition_keys.cjs"), *actions], capture_output=True, text=True, check=True,
        env=_environment(),
    )  # fmt: skip
    answer = json.loads(result.stdout)
    return str(answer["version"]), dict(answer["actions"])
