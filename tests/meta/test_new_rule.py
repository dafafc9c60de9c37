"""`make new-rule` writes a rule that loads, lints and tests clean, and never overwrites one."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]
BIN = ROOT / ".tools" / "bin"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("new_rule", ROOT / "python/tools/new_rule.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["new_rule"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "policies", tmp_path / "policies", symlinks=True)
    shutil.copytree(ROOT / ".regal", tmp_path / ".regal")
    (tmp_path / "tests/golden").mkdir(parents=True)
    return tmp_path


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=False, cwd=cwd)


def test_the_scaffold_loads_lints_and_its_tests_pass(tree: Path) -> None:
    written = _tool().scaffold("SM799", "hosting", "example_rule", "models", "enable_network_isolation", tree)
    assert [str(p) for p in written] == [
        "policies/smguard/rules/hosting/example_rule/example_rule.rego",
        "policies/smguard/rules/hosting/example_rule/example_rule_test.rego",
        "tests/golden/SM799/fail_example_rule/main.tf",
        "tests/golden/SM799/pass_example_rule/main.tf",
    ]
    schemas = ROOT / "python/smguard/schemas"
    for command in (
        [BIN / "opa", "fmt", "--list", "--fail", "policies"],
        [BIN / "opa", "check", "--strict", "--schema", schemas, "policies"],
        [BIN / "regal", "lint", "--format", "compact", "policies"],
    ):
        result = _run(*command, cwd=tree)
        assert result.returncode == 0, result.stdout + result.stderr
    tested = _run(BIN / "opa", "test", "policies", "--run", "example_rule", cwd=tree)
    assert tested.returncode == 0 and "PASS: 4/4" in tested.stdout, tested.stdout


def test_an_existing_rule_is_never_overwritten_and_names_are_checked(tree: Path) -> None:
    tool = _tool()
    with pytest.raises(SystemExit, match="already there"):
        tool.scaffold("SM799", "hosting", "no_ssm_access", "endpoint_configs", "variants", tree)
    with pytest.raises(SystemExit, match="ID 'SM7xx' must be"):
        tool.scaffold("SM7xx", "hosting", "x", "models", "y", tree)
