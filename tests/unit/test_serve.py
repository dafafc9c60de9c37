"""What ``smguard serve`` hands to OPA, apart from running it (tests/e2e/test_sidecar.py)."""

from __future__ import annotations

from smguard.serve import opa_environment


def test_opa_collects_garbage_less_often_unless_the_user_says_otherwise() -> None:
    assert opa_environment({"PATH": "/bin"}) == {"PATH": "/bin", "GOGC": "400"}
    assert opa_environment({"GOGC": "50", "PATH": "/bin"}) == {"GOGC": "50", "PATH": "/bin"}
