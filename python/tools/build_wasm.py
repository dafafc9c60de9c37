"""Compile the bundle for the embedded engine: ``policy.wasm`` and the digest of its sources.

``python python/tools/build_wasm.py`` (``make generate``) writes both when the policies changed;
``--check`` only reports a stale module (exit 1, ``make test``). The digest also lets a checkout
refuse a stale module at run time instead of judging with yesterday's rules. OPA's Wasm output
is deterministic, so the committed module changes only when the policies do.
"""

from __future__ import annotations

import argparse
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
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report a stale module instead of building it")
    args = parser.parse_args()
    policies = REPO / "policies"
    digest = TARGET / DIGEST
    if (TARGET / MODULE).is_file() and digest.is_file() and digest.read_text().strip() == source_digest(policies):
        return 0
    if args.check:
        print("stale generated file (run `make generate`): python/smguard/engine/policy.wasm", file=sys.stderr)
        return 1
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
