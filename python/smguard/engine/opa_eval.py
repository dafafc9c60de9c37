"""The embedded default engine: one ``opa eval`` process per scan, no server."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from smguard.engine import QUERY, Evaluation, findings_from
from smguard.engine.binaries import find_tool
from smguard.errors import EngineError
from smguard.findings import Finding, UnusedWaiver
from smguard.model import Document

# One run answers both: the findings, and the waivers that matched none of them.
_SCAN_QUERY = f"{QUERY}; data.smguard.main.unused_waivers"


def evaluate(document: Document, config: Mapping[str, Any], *, policies: Path) -> list[Finding]:
    """Evaluate the document with ``opa eval`` on the bundle directory and return sorted findings."""
    return evaluate_scan(document, config, policies=policies).findings


def evaluate_scan(
    document: Document, config: Mapping[str, Any], *, policies: Path, user_policies: Sequence[Path] = ()
) -> Evaluation:
    """Findings and unused waivers, with the users' rule folders loaded beside the bundle."""
    opa = find_tool("opa")
    with tempfile.TemporaryDirectory(prefix="smguard-") as tmp:
        # Config lives outside the bundle's roots (smguard/config), so it can be supplied as data.
        data_file = Path(tmp) / "config.json"
        data_file.write_text(json.dumps({"smguard": {"config": dict(config)}}))
        command = [
            # Tests are not policy (and their packages sit outside the bundle's roots).
            str(opa), "eval", "--format", "json", "--bundle", str(policies), "--ignore", "*_test.rego",
            "--data", str(data_file), *(f"--data={folder}" for folder in user_policies), "--stdin-input",
            _SCAN_QUERY,
        ]  # fmt: skip
        process = subprocess.run(command, input=json.dumps(document).encode(), capture_output=True, check=False)
    if process.returncode != 0:
        raise EngineError(f"opa eval failed: {_first_error(process.stdout, process.stderr)}")
    return parse_result(process.stdout)


def parse_result(stdout: bytes) -> Evaluation:
    """Findings and unused waivers from ``opa eval --format json``; undefined or malformed is an error."""
    try:
        output = json.loads(stdout)
        findings, unused = (expression["value"] for expression in output["result"][0]["expressions"])
    except (ValueError, KeyError, IndexError, TypeError):
        raise EngineError(f"opa eval returned no result for {QUERY} (is the bundle loaded?)") from None
    return Evaluation(findings_from(findings, "opa eval"), UnusedWaiver.list_from_json(unused, "opa eval"))


def _first_error(stdout: bytes, stderr: bytes) -> str:
    try:
        errors = json.loads(stdout)["errors"]
        text = "; ".join(str(e.get("message", e)) for e in errors[:3])
    except (ValueError, KeyError, TypeError, AttributeError):
        text = (stderr or stdout).decode(errors="replace").strip() or "no output"
    return " ".join(text.split())[:500]  # one line, whatever OPA printed
