"""Compile the bundle for the embedded engine: ``policy.wasm`` and the digest of its sources.

``python python/tools/build_wasm.py`` (run by ``make setup`` whenever a policy changes). The
digest lets a checkout refuse a stale module instead of judging with yesterday's rules.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python"))

from smguard.engine.binaries import find_tool  # noqa: E402
from smguard.engine.wasm import DIGEST, ENTRYPOINTS, MODULE, source_digest  # noqa: E402

TARGET = REPO / "python/smguard/engine"


def main() -> int:
    policies = REPO / "policies"
    with tempfile.TemporaryDirectory(prefix="smguard-wasm-") as tmp:
        bundle = Path(tmp) / "bundle.tar.gz"
        entrypoints = [argument for entrypoint in ENTRYPOINTS for argument in ("-e", entrypoint)]
        subprocess.run(
            [str(find_tool("opa")), "build", "-t", "wasm", *entrypoints, "--ignore", "*_test.rego", "-b", ".",
             "-o", str(bundle)],
            cwd=policies, check=True, capture_output=True,
        )  # fmt: skip
        with tarfile.open(bundle) as archive:
            member = archive.extractfile("/policy.wasm")
            if member is None:
                raise SystemExit("opa build wrote no policy.wasm")
            (TARGET / MODULE).write_bytes(member.read())
    (TARGET / DIGEST).write_text(source_digest(policies) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
