"""Rewrite every golden expected.json from the current rules (``make golden-update``); review the diff."""

from __future__ import annotations

import json

from tests.golden.cases import discover


def main() -> None:
    for case in discover():
        rows = ",\n".join(f"  {json.dumps(v)}" for v in case.verdicts())
        (case.folder / "expected.json").write_text(f"[\n{rows}\n]\n" if rows else "[]\n")


if __name__ == "__main__":
    main()
