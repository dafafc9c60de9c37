"""Finding the pinned tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguard.engine import binaries
from smguard.engine.binaries import find_tool
from smguard.errors import ToolNotFoundError


def test_missing_tool_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SMGUARD_OPA", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(binaries, "TOOLS_BIN", tmp_path / "nothing")
    with pytest.raises(ToolNotFoundError) as missing:
        find_tool("opa")
    assert str(missing.value) == (
        "opa not found: put it on PATH or set SMGUARD_OPA (in a checkout, `make setup` installs it into .tools/bin)"
    )


def test_order_is_variable_then_tools_folder_then_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for folder in ("env", "tools", "path"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "opa").write_text("#!/bin/sh\n")
        (tmp_path / folder / "opa").chmod(0o755)
    monkeypatch.setattr(binaries, "TOOLS_BIN", tmp_path / "tools")
    monkeypatch.setenv("PATH", str(tmp_path / "path"))
    monkeypatch.setenv("SMGUARD_OPA", str(tmp_path / "env" / "opa"))
    assert find_tool("opa") == tmp_path / "env" / "opa"
    monkeypatch.delenv("SMGUARD_OPA")
    assert find_tool("opa") == tmp_path / "tools" / "opa"
    monkeypatch.setattr(binaries, "TOOLS_BIN", tmp_path / "none")
    assert find_tool("opa") == tmp_path / "path" / "opa"
