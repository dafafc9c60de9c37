"""CDK cloud assemblies: a real app (tests/e2e/cdk_app) synthesized by the real `cdk` CLI.

aws-cdk-lib and the CLI are installed by `make setup` into .tools/cdk (versions in the Makefile).
The app is synthesized once per session; a copy of its output, edited, stands for the
variants (no path metadata, a hostile manifest).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CDK = ROOT / ".tools" / "cdk"
APP = Path(__file__).parent / "cdk_app" / "app.py"

NOTEBOOK_RULES = {"SM101", "SM102", "SM103", "SM104", "SM105", "SM106"}
TRAINING_RULES = {"SM301", "SM302", "SM303", "SM304", "SM305"}


@pytest.fixture(scope="module")
def assembly(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cdk") / "cdk.out"
    environment = os.environ | {
        "CDK_DISABLE_VERSION_CHECK": "1",
        "CDK_DISABLE_CLI_TELEMETRY": "true",
        "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
    }
    app = f"{CDK / 'venv' / 'bin' / 'python'} {APP}"
    command = [str(CDK / "node_modules" / ".bin" / "cdk"), "synth", "--quiet", "--no-notices",
               "--no-version-reporting", "--app", app, "--output", str(out)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=environment, cwd=out.parent)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def scan(*args: str | Path, fmt: str = "json") -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "smguard", "scan", *map(str, args), "--format", fmt],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert "Traceback" not in result.stderr
    return result


def findings(result: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    assert result.returncode in (0, 1), result.stderr
    return list(json.loads(result.stdout)["findings"])


def by_resource(found: list[dict[str, str]]) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {}
    for f in found:
        grouped.setdefault(f["resource"], set()).add(f"{f['rule_id']}:{f['status']}")
    return grouped


# Checked by hand against the app and its synthesized templates.
def test_every_stack_is_judged_with_resources_named_by_stack_artifact(assembly: Path) -> None:
    found = by_resource(findings(scan(assembly)))
    assert found["MlPlatform/Defaults"] == {f"{r}:fail" for r in NOTEBOOK_RULES}
    # The nested stack's template is read under its file's name; its notebook is at the defaults.
    nested = [r for r in found if r.startswith("MlPlatformScratch") and r.endswith("/Scratch")]
    assert len(nested) == 1 and found[nested[0]] == {f"{r}:fail" for r in NOTEBOOK_RULES}
    # The stage's stack is in a nested assembly; its pipeline's training step leaves everything open.
    pipeline = [r for r in found if r.startswith("ProdTraining") and r.endswith("/Pipeline#Train")]
    assert len(pipeline) == 1 and found[pipeline[0]] == {f"{r}:fail" for r in TRAINING_RULES}
    # Subnet, security group and KMS key created by the stack count as set: only the missing
    # interface endpoints of its VPC are reported, on the VPC.
    assert not any(r == "MlPlatform/Hardened" for r in found)
    assert found["MlPlatform/Vpc8378EB38"] == {"SM504:fail"}
    assert found["MlPlatform/Model"] == {"SM401:fail", "SM402:fail"}
    assert found["MlPlatform/Config"] == {"SM403:fail", "SM408:fail"}  # one instance
    assert found["MlPlatform/Endpoint"] == {"SM405:fail"}


def test_findings_name_the_construct_that_made_the_resource(assembly: Path) -> None:
    found = findings(scan(assembly))
    constructs = {f["resource"]: f.get("construct") for f in found}
    assert constructs["MlPlatform/Defaults"] == "MlPlatform/Defaults"
    assert constructs["MlPlatform/Vpc8378EB38"] == "MlPlatform/Vpc/Resource"
    assert {c for r, c in constructs.items() if r.endswith("/Pipeline#Train")} == {"Prod/Training/Pipeline"}
    text = scan(assembly, fmt="text").stdout
    assert "MlPlatform/Defaults  (" in text and "  construct: MlPlatform/Defaults\n" in text


def test_sarif_points_at_the_template_line_and_the_construct(assembly: Path) -> None:
    log = json.loads(scan(assembly, fmt="sarif").stdout)
    result = next(r for r in log["runs"][0]["results"] if r["message"]["text"].startswith("MlPlatform/Defaults:"))
    location = result["locations"][0]
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("MlPlatform.template.json")
    line = location["physicalLocation"]["region"]["startLine"]
    lines = (assembly / "MlPlatform.template.json").read_text().splitlines()
    assert lines[line - 1].strip().startswith('"Defaults"')
    assert {"fullyQualifiedName": "MlPlatform/Defaults", "kind": "module"} in location["logicalLocations"]


def test_constructs_come_from_the_manifest_without_path_metadata(assembly: Path, tmp_path: Path) -> None:
    # As `cdk synth --no-path-metadata` writes it: no aws:cdk:path in the template.
    copy = shutil.copytree(assembly, tmp_path / "cdk.out")
    template = json.loads((copy / "MlPlatform.template.json").read_text())
    for resource in template["Resources"].values():
        resource.pop("Metadata", None)
    (copy / "MlPlatform.template.json").write_text(json.dumps(template))
    constructs = {f["resource"]: f.get("construct") for f in findings(scan(copy))}
    assert constructs["MlPlatform/Defaults"] == "MlPlatform/Defaults"
    assert constructs["MlPlatform/Vpc8378EB38"] == "MlPlatform/Vpc/Resource"


def test_a_project_folder_reads_the_assembly_once_and_its_other_inputs(assembly: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(assembly, project / "cdk.out")
    shutil.copy(ROOT / "tests" / "golden" / "examples" / "notebooks" / "plan.json", project / "plan.json")
    (project / "README.md").write_text("# an app\n")
    result = scan(project)
    assert "1 inputs read, 1 CDK cloud assemblies, 1 other files skipped" in result.stderr
    resources = [f["resource"] for f in findings(result)]
    assert sum(r == "MlPlatform/Defaults" for r in resources) == len(NOTEBOOK_RULES)
    assert any(r.startswith("aws_sagemaker_notebook_instance.") for r in resources)
    # The same as scanning the assembly and the plan one by one.
    direct = findings(scan(assembly, project / "plan.json"))
    assert sorted(resources) == sorted(f["resource"] for f in direct)


def test_the_manifest_file_itself_names_the_assembly(assembly: Path) -> None:
    assert findings(scan(assembly / "manifest.json")) == findings(scan(assembly))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda m: m["artifacts"]["MlPlatform"]["properties"].update(templateFile="../../etc/passwd"),
            "has no templateFile inside the assembly",
        ),
        (lambda m: m["artifacts"]["assembly-Prod"]["properties"].update(directoryName="."), "nests itself"),
        (
            lambda m: m["artifacts"]["MlPlatform"]["properties"].update(templateFile="missing.template.json"),
            "no such file",
        ),
    ],
    ids=["template-outside", "self-nesting", "missing-template"],
)
def test_a_hostile_manifest_is_one_line_and_exit_2(assembly: Path, tmp_path: Path, edit: object, message: str) -> None:
    copy = shutil.copytree(assembly, tmp_path / "cdk.out")
    manifest = json.loads((copy / "manifest.json").read_text())
    edit(manifest)  # type: ignore[operator]
    (copy / "manifest.json").write_text(json.dumps(manifest))
    result = scan(copy)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
