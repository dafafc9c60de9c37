"""Compare two `make bench` results: every figure both runs have, old → new and the change.

    python bench/compare.py bench/results/OLD.json bench/results/NEW.json

Times on this kind of machine vary by some 20% from run to run; ratios (speed-ups, sidecar
against the trivial policy) are the figures meant to be compared.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# Not figures: when and where it ran, and the profile's list (its entries change with the code).
_SKIPPED = frozenset({"when", "cpus", "profile"})


def figures(results: Any, prefix: str = "") -> dict[str, float]:
    """Every number in a result, by its dotted path (``scan.10000.seconds``)."""
    found: dict[str, float] = {}
    if isinstance(results, dict):
        for key, value in results.items():
            if not prefix and key in _SKIPPED:
                continue
            found |= figures(value, f"{prefix}{key}.")
    elif isinstance(results, int | float) and not isinstance(results, bool):
        found[prefix.rstrip(".")] = float(results)
    return found


def compare(old: Any, new: Any) -> list[tuple[str, float, float, str]]:
    """(figure, old, new, change) for every figure in both, in the new run's order."""
    before, after = figures(old), figures(new)
    rows = []
    for name, value in after.items():
        if name in before:
            change = f"{(value - before[name]) / before[name]:+.0%}" if before[name] else "n/a"
            rows.append((name, before[name], value, change))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: compare.py OLD.json NEW.json", file=sys.stderr)
        return 2
    try:
        old, new = (json.loads(Path(arg).read_text()) for arg in argv)
    except (OSError, ValueError) as exc:
        print(f"compare.py: {exc}", file=sys.stderr)
        return 2
    rows = compare(old, new)
    width = max((len(name) for name, *_ in rows), default=10)
    for name, before, after, change in rows:
        print(f"{name:<{width}}  {before:>10g}  {after:>10g}  {change:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
