"""Optional dependencies: the base install scans plans; live scans, the sidecar client and Checkov
are extras, and using one that is not installed is one line naming what to install."""

from __future__ import annotations

import importlib.util

from smguard.errors import MissingExtraError

EXTRAS = {
    "aws": ("boto3", "live scans (--aws, snapshot) and the boto3 admission hook"),
    "sidecar": ("opa_client", "scans through a running sidecar (--opa-url)"),
    "checkov": ("checkov", "the Checkov mirror checks"),
    "cloudformation": ("cfnlint", "CloudFormation templates"),
}


def require(extra: str) -> None:
    """Raise MissingExtraError unless the extra's module can be imported."""
    module, purpose = EXTRAS[extra]
    if importlib.util.find_spec(module) is None:
        raise MissingExtraError(f"{purpose} need smguard[{extra}]: pip install 'smguard[{extra}]'")
