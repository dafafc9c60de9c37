"""Where the harness finds its policies and tools (overridable by environment variables)."""

from __future__ import annotations

import os
from pathlib import Path

# python/smguard/paths.py -> repository root (the package is installed editable from it).
REPO_ROOT = Path(__file__).resolve().parents[2]
TOOLS_BIN = REPO_ROOT / ".tools" / "bin"


def policies_dir() -> Path:
    """The Rego bundle source: ``SMGUARD_POLICIES`` or the repository's ``policies/``."""
    return Path(os.environ.get("SMGUARD_POLICIES") or REPO_ROOT / "policies")
