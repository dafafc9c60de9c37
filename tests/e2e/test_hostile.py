"""Every file in tests/hostile gives a correct report or exit 2 with one clear line; never a pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smguard.cli import main

HOSTILE = Path(__file__).parents[1] / "hostile"
EXAMPLE = Path(__file__).parents[1] / "golden" / "examples" / "notebooks" / "plan.json"

# file -> (exit code, text the one stderr line must contain | None, statuses the report must hold)
REFUSED = 2
EXPECTED: dict[str, tuple[int, str | None, set[str]]] = {
    "empty.json": (REFUSED, "the file is empty", set()),
    "whitespace.json": (REFUSED, "the file is empty", set()),
    "truncated.json": (REFUSED, "not valid JSON", set()),
    "binary.json": (REFUSED, "is it a binary file?", set()),
    "gzip.json": (REFUSED, "is it a binary file?", set()),
    "top_array.json": (REFUSED, "the top level is a array", set()),
    "top_string.json": (REFUSED, "the top level is a string", set()),
    "top_null.json": (REFUSED, "the top level is a null", set()),
    "nan.json": (REFUSED, "NaN is not valid JSON", set()),
    "huge_float.json": (REFUSED, "out of range", set()),
    "huge_int.json": (REFUSED, "not valid JSON", set()),
    "duplicate_key.json": (REFUSED, "'direct_internet_access' appears twice", set()),
    "deep_nesting.json": (REFUSED, "nested too deeply", set()),
    "resource_changes_null.json": (REFUSED, "neither resource_changes nor planned_values", set()),
    "resource_changes_object.json": (REFUSED, "resource_changes is a object", set()),
    "planned_values_null_root.json": (REFUSED, "planned_values.root_module is a null", set()),
    "planned_values_child_resources_string.json": (REFUSED, "child_modules[0].resources is a string", set()),
    "state_file.json": (REFUSED, "Terraform state, not a plan", set()),
    "canonical_wrong_types.json": (REFUSED, "not a valid smguard document", set()),
    "canonical_future_schema.json": (REFUSED, "schema_version 99", set()),
    "snapshot_wrong_types.json": (REFUSED, "covers no account", set()),
    # Readable: the insecure notebook fails whatever the encoding or version.
    "utf8_bom.json": (1, None, {"fail"}),
    "utf16le_bom.json": (1, None, {"fail"}),
    "utf16be_no_bom.json": (1, None, {"fail"}),
    "future_format_version.json": (1, "newer than the 1.x this version knows", {"fail"}),
    "after_unknown_list.json": (1, None, {"fail"}),
    # Partly readable: what cannot be read is an error finding, never left out.
    "resource_change_not_object.json": (1, None, {"fail", "error"}),
    "change_null.json": (1, None, {"error"}),
    # Two different models under one ID: an SM001 error; each is still judged on its own settings.
    "document_duplicate_ids.json": (1, None, {"error", "fail"}),
    "after_string.json": (1, None, {"error"}),
    "wrong_types_deep.json": (1, None, {"error"}),
    "address_missing.json": (1, None, {"error"}),
    # Config files, used with a valid plan.
    "config_billion_laughs.yaml": (REFUSED, "unknown config section 'a'", set()),
    "config_not_mapping.yaml": (REFUSED, "must be a mapping", set()),
    "config_binary.yaml": (REFUSED, "is it a binary file?", set()),
}


def test_every_hostile_file_has_an_expectation() -> None:
    on_disk = {p.name for p in HOSTILE.iterdir() if p.suffix in (".json", ".yaml")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, message, statuses = EXPECTED[name]
    report = tmp_path / "report.json"
    args = [str(EXAMPLE), "--config", str(HOSTILE / name)] if name.endswith(".yaml") else [str(HOSTILE / name)]
    assert main(["scan", *args, "--format", "json", "-o", str(report)]) == code
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    if message is not None:
        assert stderr.count("\n") == 1, stderr
        assert message in stderr
    if code == REFUSED:
        assert not report.exists()
    else:
        found = {f["status"] for f in json.loads(report.read_text())["findings"]}
        assert statuses <= found
        assert "error" in found or "error" not in statuses


def test_input_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 * 1024 * 1024) + EXAMPLE.read_bytes())
    monkeypatch.setenv("SMGUARD_MAX_INPUT_MB", "1")
    assert main(["scan", str(big)]) == REFUSED
    assert "is over the input limit of 1 MB; set SMGUARD_MAX_INPUT_MB" in capsys.readouterr().err
    monkeypatch.setenv("SMGUARD_MAX_INPUT_MB", "3")
    assert main(["scan", str(big), "-o", str(tmp_path / "r.txt")]) == 1


def test_a_bad_size_limit_is_refused(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMGUARD_MAX_INPUT_MB", "lots")
    assert main(["scan", str(EXAMPLE)]) == REFUSED
    assert "SMGUARD_MAX_INPUT_MB must be a positive whole number" in capsys.readouterr().err
