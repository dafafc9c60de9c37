"""SARIF (validated by Microsoft's SARIF Multitool and the 2.1.0 schema), JUnit XML, and waivers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest

from smguard import catalog
from smguard.paths import TOOLS_BIN

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "tests/golden/examples/notebooks/plan.json"
UNKNOWN = ROOT / "tests/golden/SM107/unknown_subnet_outside_plan/plan.json"
MULTITOOL = TOOLS_BIN.parent / "sarif-multitool/node_modules/@microsoft/sarif-multitool-linux"
WAIVERS = """
waivers:
  - rule: SM101
    resource: aws_sagemaker_notebook_instance.*
    reason: lab notebook, no data (ticket SEC-42)
    expires: 2099-12-31
  - rule: SM104
    resource: aws_sagemaker_notebook_instance.defaults
    reason: expired exception
    expires: 2020-01-01
"""


def smguard(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smguard", *map(str, args)], capture_output=True, text=True, check=False
    )


def _sarif(tmp_path: Path, *extra: str | Path) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "report.sarif"
    result = smguard("scan", EXAMPLE, UNKNOWN, "--format", "sarif", "-o", out, *extra)
    assert result.returncode == 1, result.stderr
    return out, json.loads(out.read_text())


def test_sarif_validates_with_the_sarif_multitool(tmp_path: Path) -> None:
    report, _ = _sarif(tmp_path)
    validation = tmp_path / "validation.sarif"
    tool = MULTITOOL / "Sarif.Multitool"
    assert tool.exists(), "run `make setup` to install the SARIF Multitool"
    done = subprocess.run(
        [str(tool), "validate", str(report), "-o", str(validation)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    problems = json.loads(validation.read_text())["runs"][0].get("results", [])
    errors = [p for p in problems if p.get("level", "warning") == "error"]
    assert errors == []
    # Plans carry no source lines, so only the "no region" recommendation may remain.
    assert {p["ruleId"] for p in problems} <= {"SARIF2017"}


def test_sarif_matches_the_schema_and_describes_every_rule(tmp_path: Path) -> None:
    _, log = _sarif(tmp_path)
    schema = json.loads((MULTITOOL / "sarif-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == list(catalog.rules())
    assert all(d["helpUri"] and d["help"]["text"] for d in descriptors)
    levels = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert ("SM101", "error") in levels
    assert ("SM107", "note") in levels  # unknown
    for result in run["results"]:
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("plan.json")


def test_junit_has_a_suite_per_rule_and_a_case_per_finding(tmp_path: Path) -> None:
    result = smguard("scan", EXAMPLE, UNKNOWN, "--format", "junit")
    assert result.returncode == 1
    suites = ElementTree.fromstring(result.stdout)
    by_rule = {s.get("name", "").split()[0]: s for s in suites}
    assert set(by_rule) == set(catalog.rules())
    sm101 = by_rule["SM101"]
    assert sm101.get("failures") == "1"
    assert [c.get("name") for c in sm101] == ["aws_sagemaker_notebook_instance.defaults"]
    assert by_rule["SM107"].get("skipped") == "1"
    assert by_rule["SM001"].get("tests") == "1"
    assert by_rule["SM001"][0].get("name") == "no findings"


@pytest.fixture
def waivers(tmp_path: Path) -> Path:
    config = tmp_path / "smguard.yaml"
    config.write_text(WAIVERS)
    return config


def test_waived_findings_are_reported_not_dropped(waivers: Path) -> None:
    report = json.loads(smguard("scan", EXAMPLE, "--config", waivers, "--format", "json").stdout)
    by_rule = {f["rule_id"]: f for f in report["findings"]}
    assert by_rule["SM101"]["status"] == "waived"
    assert by_rule["SM101"]["waiver"] == "lab notebook, no data (ticket SEC-42)"
    assert by_rule["SM104"]["status"] == "fail"
    assert by_rule["SM104"]["message"].endswith("(waiver expired on 2020-01-01)")
    assert report["summary"]["by_status"]["waived"] == 1
    text = smguard("scan", EXAMPLE, "--config", waivers).stdout
    assert "WAIVED" in text and "waived: lab notebook, no data (ticket SEC-42)" in text


def test_waivers_in_sarif_are_suppressions(tmp_path: Path, waivers: Path) -> None:
    _, log = _sarif(tmp_path, "--config", waivers)
    suppressed = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert [(r["ruleId"], r["suppressions"][0]["justification"]) for r in suppressed] == [
        ("SM101", "lab notebook, no data (ticket SEC-42)")
    ]


def test_all_failures_waived_exits_zero(tmp_path: Path) -> None:
    config = tmp_path / "smguard.yaml"
    config.write_text(
        "waivers:\n"
        + "".join(
            f"  - {{rule: {r}, resource: '*', reason: accepted, expires: 2099-01-01}}\n"
            for r in ("SM101", "SM102", "SM103", "SM104", "SM105", "SM106")
        )
    )
    assert smguard("scan", EXAMPLE, "--config", config).returncode == 0


@pytest.mark.parametrize(
    ("waiver", "message"),
    [
        ("{rule: SM101, resource: '*', expires: 2099-01-01}", "waivers[0]: reason is required: say why"),
        ("{rule: SM101, resource: '*', reason: x, expires: soon}", "expires 'soon' is not a date"),
        ("{rule: SM999, resource: '*', reason: x, expires: 2099-01-01}", "unknown rule 'SM999'"),
        ("{rule: SM001, resource: '*', reason: x, expires: 2099-01-01}", "SM001 cannot be waived"),
        ("{rule: SM101, resource: '*', reason: x, expires: 2099-01-01, owner: me}", "unknown key 'owner'"),
    ],
)
def test_bad_waivers_are_exit_2(tmp_path: Path, waiver: str, message: str) -> None:
    config = tmp_path / "smguard.yaml"
    config.write_text(f"waivers:\n  - {waiver}\n")
    result = smguard("scan", EXAMPLE, "--config", config)
    assert result.returncode == 2
    assert message in result.stderr
