"""The sidecar under load, measured with a compiled client (hey), against the same hardened
server serving a trivial policy: p50/p99 at 1, 8 and 32 concurrent clients, and saturation
throughput (the most requests per second at any of them).

The Python client of ``bench/run.py`` spends 1.6-2.3 ms of its own per request, which flatters
the ratio; hey (Go, `make bench` installs it) does not. hey and both servers share the machine's
two cores, so saturation is the machine's as much as the server's: the ratio is what compares.
"""

from __future__ import annotations

import csv
import io
import statistics
import subprocess
from pathlib import Path
from typing import Any

CONCURRENCY = (1, 8, 32)


def _hey(hey: Path, url: str, body: Path, token: str, requests_count: int, clients: int) -> dict[str, float]:
    command = [str(hey), "-n", str(requests_count), "-c", str(clients), "-m", "POST", "-T", "application/json",
               "-H", f"Authorization: Bearer {token}", "-D", str(body), "-o", "csv", url]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(output)))
    bad = [r for r in rows if r["status-code"] != "200"]
    # hey's CSV misses a few of the last answers (its report stops before draining them all);
    # its summary counts every one, so a short CSV is not a failed request.
    if bad or len(rows) < 0.95 * requests_count:
        raise RuntimeError(f"hey against {url}: {len(bad)} answers not 200, {len(rows)} of {requests_count}")
    latencies = sorted(float(r["response-time"]) for r in rows)
    elapsed = max(float(r["offset"]) + float(r["response-time"]) for r in rows)
    return {
        "p50_ms": round(statistics.median(latencies) * 1e3, 3),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1e3, 3),
        "per_second": round(len(rows) / elapsed),
    }


def load(hey: Path, targets: dict[str, str], body: Path, token: str, requests_count: int = 3000) -> dict[str, Any]:
    """``targets``: server name -> decision URL; ratios are of "smguard" over "trivial"."""
    results: dict[str, Any] = {}
    for clients in CONCURRENCY:
        for url in targets.values():
            _hey(hey, url, body, token, min(300, requests_count), clients)  # warm-up
        rows = {name: _hey(hey, url, body, token, requests_count, clients) for name, url in targets.items()}
        rows["p50_ratio"] = round(rows["smguard"]["p50_ms"] / rows["trivial"]["p50_ms"], 2)
        rows["p99_ratio"] = round(rows["smguard"]["p99_ms"] / rows["trivial"]["p99_ms"], 2)
        results[f"{clients} clients"] = rows
    saturation = {name: max(results[f"{c} clients"][name]["per_second"] for c in CONCURRENCY) for name in targets}
    results["saturation_per_second"] = saturation
    results["saturation_ratio"] = round(saturation["smguard"] / saturation["trivial"], 2)
    return results
