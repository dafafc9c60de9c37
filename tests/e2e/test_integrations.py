"""The CI integrations users wire in, each run with the real tool: pre-commit, actionlint on the
Action and the README's workflow, the Action's and the GitLab template's scan steps, and SARIF
anchored to the Terraform source."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml

from smguard.engine.binaries import TOOLS_BIN
from tests.e2e.test_reports import MULTITOOL

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "tests/golden/examples/notebooks"
SMGUARD_BIN = Path(sys.executable).parent  # the venv's bin, holding the smguard command
ENV = {**os.environ, "PATH": f"{SMGUARD_BIN}:{os.environ['PATH']}"}


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env or ENV, capture_output=True, text=True, check=False)


# --- SARIF at the source -------------------------------------------------------------------------


def test_sarif_points_at_the_resource_block_with_source_root(tmp_path: Path) -> None:
    report = tmp_path / "r.sarif"
    done = _run([sys.executable, "-m", "smguard", "scan", "plan.json", "--format", "sarif", "-o", str(report),
                 "--source-root", "."], cwd=EXAMPLE)  # fmt: skip
    assert done.returncode == 1, done.stderr
    log = json.loads(report.read_text())
    jsonschema.validate(log, json.loads((MULTITOOL / "sarif-2.1.0.json").read_text()))
    lines = (EXAMPLE / "main.tf").read_text().splitlines()
    for result in log["runs"][0]["results"]:
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "main.tf"
        line = lines[physical["region"]["startLine"] - 1]
        name = result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].split(".")[-1]
        assert line == f'resource "aws_sagemaker_notebook_instance" "{name}" {{'
    validation = tmp_path / "v.sarif"
    checked = _run([str(MULTITOOL / "Sarif.Multitool"), "validate", str(report), "-o", str(validation)], cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    problems = json.loads(validation.read_text())["runs"][0].get("results", [])
    assert [p for p in problems if p.get("level", "warning") == "error"] == []


def test_without_source_root_results_point_at_the_plan(tmp_path: Path) -> None:
    done = _run([sys.executable, "-m", "smguard", "scan", "plan.json", "--format", "sarif"], cwd=EXAMPLE)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in
            json.loads(done.stdout)["runs"][0]["results"]}  # fmt: skip
    assert uris == {"plan.json"}


# --- pre-commit ----------------------------------------------------------------------------------


def test_the_pre_commit_hook_fails_a_commit_with_an_insecure_plan(tmp_path: Path) -> None:
    repo = tmp_path / "project"
    repo.mkdir()
    shutil.copy(EXAMPLE / "plan.json", repo / "tfplan.json")
    (repo / "package.json").write_text("{}\n")  # JSON that is no plan: not given to the hook
    for command in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(command, cwd=repo, check=True)
    env = {**ENV, "PRE_COMMIT_HOME": str(ROOT / ".tools/pre-commit")}  # hook environments, kept
    done = _run([str(SMGUARD_BIN / "pre-commit"), "try-repo", str(ROOT), "smguard", "--all-files"], cwd=repo, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "smguard (SageMaker security)" in done.stdout and "Failed" in done.stdout
    assert "SM101" in done.stdout and "tfplan.json" in done.stdout
    assert "package.json" not in done.stdout


# --- GitHub Actions ------------------------------------------------------------------------------


def _actionlint(folder: Path) -> subprocess.CompletedProcess[str]:
    return _run([str(TOOLS_BIN / "actionlint"), "-no-color"], cwd=folder)


def test_actionlint_accepts_the_readme_workflow_and_the_action(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text()
    workflow = re.search(r"<!-- example: workflow -->\n```yaml\n(.*?)```", text, re.DOTALL)
    assert workflow is not None
    assert "terraform_wrapper: false" in workflow.group(1)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)  # actionlint looks for the repository
    workflows = tmp_path / ".github/workflows"
    workflows.mkdir(parents=True)
    (workflows / "readme.yml").write_text(workflow.group(1))
    # The same job through the action in this folder, so actionlint checks the inputs it is given.
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    local = workflow.group(1).replace("smguard/smguard@v0.1.0", "./")
    (workflows / "local.yml").write_text(local)
    done = _actionlint(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    (workflows / "local.yml").write_text(local.replace("source-root: .", "source_root: ."))
    assert "source_root" in _actionlint(tmp_path).stdout  # and it does check them


def test_the_action_scan_step_writes_sarif_and_fails_on_findings(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    (step,) = [s for s in action["runs"]["steps"] if s.get("id") == "scan"]
    shutil.copy(EXAMPLE / "plan.json", tmp_path / "plan.json")
    shutil.copy(EXAMPLE / "main.tf", tmp_path / "main.tf")
    outputs = tmp_path / "github_output"
    inputs = {"SMGUARD_PATHS": "plan.json", "SMGUARD_FORMAT": "sarif", "SMGUARD_OUTPUT": "smguard.sarif",
              "SMGUARD_CONFIG": "", "SMGUARD_SOURCE_ROOT": "."}  # fmt: skip
    assert set(inputs) == set(step["env"])
    done = _run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env={**ENV, **inputs, "GITHUB_OUTPUT": str(outputs)})
    assert done.returncode == 1, done.stderr
    assert outputs.read_text() == "report=smguard.sarif\n"
    results = json.loads((tmp_path / "smguard.sarif").read_text())["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"main.tf"}


# --- GitLab CI -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "status"), [("examples/notebooks/plan.json", 1), ("SM405/pass_clean_chain/plan.json", 0)]
)
def test_the_gitlab_job_script_writes_its_reports(tmp_path: Path, plan: str, status: int) -> None:
    job = yaml.safe_load((ROOT / "bundles/ci/smguard.gitlab-ci.yml").read_text())["smguard"]
    assert job["artifacts"]["reports"]["junit"] in job["artifacts"]["paths"]
    shutil.copy(ROOT / "tests/golden" / plan, tmp_path / "plan.json")
    # As GitLab runs it: one shell with the job's variables. The install line (tested with the
    # wheel in test_wheel.py) is left out: smguard is on PATH already.
    install, *scan = job["script"]
    assert install == 'python3 -m pip install --quiet "$SMGUARD_PIP_SPEC"'
    done = _run(["bash", "-e", "-c", "\n".join(scan)], cwd=tmp_path, env={**ENV, **job["variables"]})
    assert done.returncode == status, done.stdout + done.stderr
    assert json.loads((tmp_path / "gl-smguard.sarif").read_text())["runs"][0]["tool"]["driver"]["name"] == "smguard"
    suites = ElementTree.parse(tmp_path / "gl-smguard-junit.xml").getroot()
    failures = sum(int(s.get("failures", "0")) for s in suites)
    assert (failures > 0) == (status == 1)
