"""A client-side rate limit per API, so a scan never becomes the account's throttling problem."""

from __future__ import annotations

import threading
import time
from collections import defaultdict


class RateLimiter:
    """At most ``rate`` calls per second per key (token bucket of one second's burst)."""

    def __init__(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError("the rate must be positive")
        self.rate = rate
        self._lock = threading.Lock()
        self._next: dict[str, float] = defaultdict(float)

    def wait(self, key: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next[key])
            self._next[key] = start + 1.0 / self.rate
        delay = start - now
        if delay > 0:
            time.sleep(delay)
