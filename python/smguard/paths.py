"""Where the harness finds its policies and tools (overridable by environment variables)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).parent
# python/smguard/paths.py -> repository root, when the package is installed editable from a checkout.
REPO_ROOT = Path(__file__).resolve().parents[2]
TOOLS_BIN = REPO_ROOT / ".tools" / "bin"
IN_CHECKOUT = (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "policies/.manifest").is_file()
CHECKOUT_POLICIES = REPO_ROOT / "policies" if IN_CHECKOUT else PACKAGE / "no-checkout"
"""The policies of the checkout the package runs from; a path that does not exist otherwise."""


def policies_dir() -> Path:
    """The Rego bundle source: ``SMGUARD_POLICIES``, else the policies shipped in the package (in a
    checkout, ``python/smguard/policies`` is a link to the repository's ``policies/``)."""
    # Resolved: opa does not follow a bundle root that is a link.
    return Path(os.environ.get("SMGUARD_POLICIES") or PACKAGE / "policies").resolve()


def policies_overridden() -> bool:
    """True when ``SMGUARD_POLICIES`` points somewhere else than the shipped policies."""
    return bool(os.environ.get("SMGUARD_POLICIES"))
