"""The bundle under the real conftest binary (its own, older embedded OPA)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from smguard.engine.binaries import find_tool
from tests.golden.cases import discover

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests/golden"


def _convert(plan: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "smguard", "convert", str(plan), "-o", str(out)], check=True)
    return out


def _conftest(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(find_tool("conftest")), *map(str, args)], capture_output=True, text=True, check=False, cwd=ROOT
    )


def _results(document: Path, *extra: str | Path) -> tuple[int, dict[str, Any]]:
    result = _conftest("test", document, "-p", "policies", "-n", "smguard.conftest", "-o", "json", *extra)
    (entry,) = json.loads(result.stdout)
    return result.returncode, entry


def test_failures_are_conftest_failures_with_rule_and_resource(tmp_path: Path) -> None:
    document = _convert(GOLDEN / "examples/notebooks/plan.json", tmp_path / "in.json")
    code, entry = _results(document)
    assert code == 1
    rules = {(f["metadata"]["rule_id"], f["metadata"]["resource"]) for f in entry["failures"]}
    assert rules == {(r, "aws_sagemaker_notebook_instance.defaults") for r in
                     ("SM101", "SM102", "SM103", "SM104", "SM105", "SM106")}  # fmt: skip
    assert all(f["msg"].startswith(f["metadata"]["rule_id"] + " aws_sagemaker") for f in entry["failures"])
    assert entry.get("warnings", []) == []


def test_a_raw_plan_given_to_conftest_fails_instead_of_passing() -> None:
    code, entry = _results(GOLDEN / "examples/notebooks/plan.json")
    assert code == 1
    assert [(f["metadata"]["rule_id"], f["metadata"]["status"]) for f in entry["failures"]] == [("SM001", "error")]
    assert "not an smguard document" in entry["failures"][0]["msg"]


def test_unknowns_are_warnings_and_do_not_fail(tmp_path: Path) -> None:
    document = _convert(GOLDEN / "SM107/unknown_subnet_outside_plan/plan.json", tmp_path / "in.json")
    code, entry = _results(document)
    assert code == 0
    assert entry.get("failures", []) == []
    assert [w["metadata"]["rule_id"] for w in entry["warnings"]] == ["SM107"]


def test_config_is_passed_as_data(tmp_path: Path) -> None:
    document = _convert(GOLDEN / "SM107/unknown_subnet_outside_plan/plan.json", tmp_path / "in.json")
    config = tmp_path / "config.json"
    config.write_text(
        json.dumps({"smguard": {"config": {"network": {"approved_subnet_ids": ["subnet-0fffffffffffffff0"]}}}})
    )
    code, entry = _results(document, "--data", config)
    assert code == 1
    assert [f["metadata"]["rule_id"] for f in entry["failures"]] == ["SM107"]


def test_rego_unit_tests_pass_under_conftest_verify() -> None:
    result = _conftest("verify", "-p", "policies")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 failures" in result.stdout


def test_conftest_agrees_with_smguard_on_every_golden_case(tmp_path: Path) -> None:
    """One conftest run per config over the converted golden plans; verdicts equal expected.json."""
    by_config: dict[str, list[Any]] = {}
    for case in discover():
        config = case.folder / "config.yaml"
        by_config.setdefault(config.read_text() if config.exists() else "", []).append(case)
    for n, (config_text, cases) in enumerate(by_config.items()):
        data = tmp_path / f"config{n}.json"
        data.write_text(json.dumps({"smguard": {"config": yaml.safe_load(config_text) or {}}}))
        documents = {str(_convert(c.folder / "plan.json", tmp_path / f"{c.rule_id}-{c.name}.json")): c for c in cases}
        result = _conftest("test", *documents, "-p", "policies", "-n", "smguard.conftest", "-o", "json", "--data", data)
        entries = json.loads(result.stdout)
        assert {e["filename"] for e in entries} == set(documents)
        for entry in entries:
            case = documents[entry["filename"]]
            verdicts = sorted(
                [m["metadata"]["rule_id"], m["metadata"]["resource"], m["metadata"]["status"]]
                for m in entry.get("failures", []) + entry.get("warnings", [])
            )
            assert verdicts == case.expected(), str(case)


def test_waivers_reach_conftest_as_warnings(tmp_path: Path) -> None:
    document = _convert(GOLDEN / "SM104/fail_root_access_enabled/plan.json", tmp_path / "in.json")
    waiver = {"rule": "SM104", "resource": "*", "reason": "break-glass notebook", "expires": "2099-01-01"}
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"smguard": {"config": {"waivers": [waiver]}}}))
    code, entry = _results(document, "--data", config)
    assert code == 0
    assert entry.get("failures", []) == []
    assert [w["msg"].split(":")[0] for w in entry["warnings"]] == [
        "WAIVED SM104 aws_sagemaker_notebook_instance.fail_root_access_enabled"
    ]


def test_conftest_exception_exempts_the_deny_rule(tmp_path: Path) -> None:
    document = _convert(GOLDEN / "SM104/fail_root_access_enabled/plan.json", tmp_path / "in.json")
    extra = tmp_path / "exceptions"
    extra.mkdir()
    (extra / "exceptions.rego").write_text(
        'package smguard.conftest\n\nexception contains [""] if {\n\tinput.sources[0].kind == "terraform-plan"\n}\n'
    )
    code, entry = _results(document, "-p", extra)
    assert code == 0
    assert entry.get("failures", []) == []
    assert len(entry["exceptions"]) >= 1
