"""The deployment examples parse and keep the sidecar's hardening (they cannot be run here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).parents[2] / "bundles/deploy"
HARDENING = ("--authentication=token", "--authorization=basic", "server.decoding.max_length=", "--bundle")


@pytest.mark.parametrize("name", ["Dockerfile", "compose.yaml", "pod.yaml"])
def test_example_keeps_the_hardening_flags(name: str) -> None:
    text = (DEPLOY / name).read_text()
    if name.endswith(".yaml"):
        assert yaml.safe_load(text)
    for flag in HARDENING:
        assert flag in text, f"{name} lacks {flag}"
    assert "0.0.0.0:8181" not in text or "--tls-cert-file" in text, "listening beyond loopback needs TLS"
