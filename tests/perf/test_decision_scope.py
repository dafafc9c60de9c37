"""A decision evaluates the rules' findings sets and what they use, nothing else.

``main`` takes each rule package's ``findings`` by reference. Iterating the packages instead would
evaluate every helper rule of every package on every decision: a third of the sidecar's
evaluation time. Compared as sets of evaluated expressions, so it holds on a busy machine.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from smguard.engine.binaries import find_tool
from smguard.frontends.api_request import convert_request
from smguard.paths import policies_dir


def _evaluated(query: str, document: Path) -> set[tuple[str, int]]:
    output = subprocess.run(
        [str(find_tool("opa")), "eval", "--profile", "--profile-limit", "1000000", "--format", "json",
         "--bundle", str(policies_dir()), "--ignore", "*_test.rego", "--input", str(document), query],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return {(e["location"]["file"], e["location"]["row"]) for e in json.loads(output)["profile"]}


def test_a_decision_evaluates_only_what_the_rule_sets_need(tmp_path: Path) -> None:
    document = tmp_path / "request.json"
    document.write_text(json.dumps(convert_request("CreateTrainingJob", {"TrainingJobName": "t", "RoleArn": "r"})))
    decided = {e for e in _evaluated("data.smguard.main.findings", document) if "/rules/" in e[0]}
    needed = _evaluated("[found | some area, slug; found := data.smguard.rules[area][slug].findings]", document)
    assert decided
    assert decided <= needed, sorted(decided - needed)
