"""The embedded default engine: one ``opa eval`` process per scan, no server."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from smguard.engine import QUERY, EngineError, findings_from
from smguard.engine.binaries import find_tool
from smguard.findings import Finding
from smguard.model import Document


def evaluate(document: Document, config: Mapping[str, Any], *, policies: Path) -> list[Finding]:
    """Evaluate the document with ``opa eval`` on the bundle directory and return sorted findings."""
    opa = find_tool("opa")
    with tempfile.TemporaryDirectory(prefix="smguard-") as tmp:
        # Config lives outside the bundle's roots (smguard/config), so it can be supplied as data.
        data_file = Path(tmp) / "config.json"
        data_file.write_text(json.dumps({"smguard": {"config": dict(config)}}))
        command = [
            # Tests are not policy (and their packages sit outside the bundle's roots).
            str(opa), "eval", "--format", "json", "--bundle", str(policies), "--ignore", "*_test.rego",
            "--data", str(data_file), "--stdin-input", QUERY,
        ]  # fmt: skip
        process = subprocess.run(command, input=json.dumps(document).encode(), capture_output=True, check=False)
    if process.returncode != 0:
        raise EngineError(f"opa eval failed: {_first_error(process.stdout, process.stderr)}")
    return parse_result(process.stdout)


def parse_result(stdout: bytes) -> list[Finding]:
    """Findings from ``opa eval --format json`` output; undefined or malformed is an error."""
    try:
        output = json.loads(stdout)
        expressions = output["result"][0]["expressions"]
        value = expressions[0]["value"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise EngineError(f"opa eval returned no result for {QUERY} (is the bundle loaded?)") from None
    return findings_from(value, "opa eval")


def _first_error(stdout: bytes, stderr: bytes) -> str:
    try:
        errors = json.loads(stdout)["errors"]
        text = "; ".join(str(e.get("message", e)) for e in errors[:3])
    except (ValueError, KeyError, TypeError, AttributeError):
        text = (stderr or stdout).decode(errors="replace").strip() or "no output"
    return " ".join(text.split())[:500]  # one line, whatever OPA printed
