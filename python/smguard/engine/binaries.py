"""Finding the pinned Go tools: ``SMGUARD_<TOOL>``, then the project's tools folder, then PATH."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from smguard.errors import ToolNotFoundError
from smguard.paths import TOOLS_BIN


def find_tool(name: str) -> Path:
    """The path of ``name`` (opa, conftest, regal) or a one-line install hint."""
    variable = f"SMGUARD_{name.upper()}"
    override = os.environ.get(variable)
    if override:
        if Path(override).is_file() and os.access(override, os.X_OK):
            return Path(override)
        raise ToolNotFoundError(f"{variable}={override} is not an executable file")
    bundled = TOOLS_BIN / name
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return bundled
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    raise ToolNotFoundError(
        f"{name} not found: put it on PATH or set {variable} (in a checkout, `make setup` installs it into .tools/bin)"
    )
