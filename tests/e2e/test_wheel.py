"""The wheel as a user installs it: ``make dist``, a fresh virtual environment, a folder outside the
checkout, no Go and no opa on PATH, and no network while it scans."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
PLAN = ROOT / "tests/golden/SM405/fail_generated_model_names/plan.json"
EXAMPLE = ROOT / "tests/golden/examples/notebooks/plan.json"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The venv's bin folder, with the wheel `make dist` built installed in it (base install only)."""
    subprocess.run(["make", "dist"], cwd=ROOT, check=True, capture_output=True)
    (wheel,) = (ROOT / "dist").glob("smguard-*.whl")
    venv = tmp_path_factory.mktemp("wheel") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", str(wheel)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    yield venv / "bin"


def _offline(bin_dir: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """smguard from the wheel: PATH without Go or opa, no SMGUARD_* settings, no network."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMGUARD_", "PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{bin_dir}:/usr/bin:/bin"
    assert shutil.which("opa", path=env["PATH"]) is None and shutil.which("go", path=env["PATH"]) is None
    isolate = ["unshare", "--net"] if os.geteuid() == 0 else []  # a namespace with no network at all
    return subprocess.run([*isolate, str(bin_dir / "smguard"), *args], capture_output=True, text=True, check=False,
                          cwd=folder, env=env)  # fmt: skip


def _checkout(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smguard", *args], capture_output=True, text=True, check=False,
                          cwd=folder, env={**os.environ, "PYTHONPATH": str(ROOT / "python")})  # fmt: skip


def test_the_wheel_scans_as_the_checkout_does(installed: Path, tmp_path: Path) -> None:
    for plan in (PLAN, EXAMPLE):
        shutil.copy(plan, tmp_path / "plan.json")
        wheel = _offline(installed, tmp_path, "scan", "plan.json", "--format", "json")
        assert wheel.returncode == 1, wheel.stderr
        checkout = _checkout(tmp_path, "scan", "plan.json", "--format", "json", "--engine", "opa")
        assert json.loads(wheel.stdout)["findings"] == json.loads(checkout.stdout)["findings"]
        sarif = _offline(installed, tmp_path, "scan", "plan.json", "--format", "sarif")
        assert json.loads(sarif.stdout)["runs"][0]["results"]
        converted = _offline(installed, tmp_path, "convert", "plan.json", "-o", "-")
        assert json.loads(converted.stdout) == json.loads(_checkout(tmp_path, "convert", "plan.json", "-o", "-").stdout)
    rules = _offline(installed, tmp_path, "rules", "--format", "json")
    assert [r["id"] for r in json.loads(rules.stdout)] == [r["id"] for r in json.loads(
        _checkout(tmp_path, "rules", "--format", "json").stdout)]  # fmt: skip


def test_the_base_install_leaves_the_extras_out(installed: Path) -> None:
    listed = subprocess.run([str(installed / "python"), "-m", "pip", "list", "--format", "json"], capture_output=True,
                            text=True, check=True)  # fmt: skip
    names = {p["name"].lower() for p in json.loads(listed.stdout)} - {"pip", "setuptools"}
    assert {"smguard", "wasmtime", "bc-python-hcl2"} <= names
    assert not names & {"boto3", "checkov", "opa-python-client", "tqdm"}


def test_the_wheel_carries_the_policies_without_tests(installed: Path) -> None:
    site = next((installed.parent / "lib").glob("python3*/site-packages/smguard"))
    shipped = {p.relative_to(site / "policies").as_posix() for p in (site / "policies").rglob("*.rego")}
    expected = {p.relative_to(ROOT / "policies").as_posix() for p in (ROOT / "policies").rglob("*.rego")
                if not p.name.endswith("_test.rego")}  # fmt: skip
    assert shipped == expected
    assert (site / "engine/policy.wasm").is_file()


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (("scan", "--aws"), "smguard[aws]"),
        (("scan", "plan.json", "--opa-url", "http://127.0.0.1:1"), "smguard[sidecar]"),
    ],
)
def test_a_missing_extra_is_one_line(installed: Path, tmp_path: Path, args: tuple[str, ...], extra: str) -> None:
    shutil.copy(EXAMPLE, tmp_path / "plan.json")
    result = _offline(installed, tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert f"pip install '{extra}'" in result.stderr


def test_what_needs_opa_says_so(installed: Path, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "plan.json")
    result = _offline(installed, tmp_path, "scan", "plan.json", "--engine", "opa")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "smguard: opa not found: put it on PATH or set SMGUARD_OPA (in a checkout, `make setup` installs it into "
        ".tools/bin)"
    )
