"""Secrets in notebook lifecycle scripts, found by detect-secrets (Checkov's maintained fork,
``bc-detect-secrets``). Pure: the scripts come in as the Base64 text the API, Terraform and
CloudFormation carry, and only what was found leaves, as the detector's kind and the line: never
the text, so no output can hold a secret.

Its pattern detectors run (AWS, GitHub, Slack, Stripe, private keys, JWTs, basic-auth URLs,
``password = "…"`` assignments…); the two entropy detectors do not: at their default limits they
flag shell words and paths in every script.
"""

from __future__ import annotations

import base64
import binascii
import functools
from typing import Any

from smguard.errors import ApiShapeError

MAX_SCRIPT_BYTES = 16 * 1024  # the API's limit on a script's Base64 content


def found_in(script: str, encoded: str) -> list[dict[str, Any]]:
    """``{"script", "line", "kind"}`` of each secret in one script (``on_create``/``on_start``)."""
    if len(encoded) > MAX_SCRIPT_BYTES:
        raise ApiShapeError(f"{script} is over {MAX_SCRIPT_BYTES // 1024} KiB")
    try:
        text = base64.b64decode(encoded, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        raise ApiShapeError(f"{script} is not Base64") from None
    return [{"script": script, "line": line, "kind": kind} for line, kind in _scan(text)]


@functools.lru_cache(maxsize=256)
def _scan(text: str) -> tuple[tuple[int, str], ...]:
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    found: set[tuple[int, str]] = set()
    with transient_settings({"plugins_used": _plugins()}):
        for number, line in enumerate(text.splitlines(), 1):
            found |= {(number, secret.type) for secret in scan_line(line)}
    return tuple(sorted(found))


@functools.cache
def _plugins() -> list[dict[str, str]]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    names = {plugin.__name__ for plugin in get_mapping_from_secret_type_to_class().values()}
    return [{"name": name} for name in sorted(names) if "HighEntropy" not in name]
