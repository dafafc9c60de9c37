"""Hypothesis budgets: a short run in `make test`, a long one in `make fuzz`."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings

settings.register_profile(
    "test", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("SMGUARD_FUZZ_PROFILE", "test"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """How many policies the simulator judged, and every disagreement with its explanation."""
    from tests.fuzz.test_policy_oracle import STATS

    if STATS:
        terminalreporter.write_line(
            "policy oracle: " + ", ".join(f"{key} {count}" for key, count in sorted(STATS.items()))
        )
