"""Progress of a live collection on stderr: a bar on a terminal, a line per step otherwise (CI logs)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Progress = Callable[[int, int, str], None]


@contextmanager
def reporter(stream: Any = None) -> Iterator[Progress]:
    """A ``(done, total, label)`` callback for the collector, closed when the block ends."""
    stream = stream or sys.stderr
    if not stream.isatty():

        def line(done: int, total: int, label: str) -> None:
            print(f"smguard: [{done}/{total}] {label}", file=stream, flush=True)

        yield line
        return
    from tqdm import tqdm  # only a terminal shows a bar

    with tqdm(total=0, file=stream, unit="step", leave=False, dynamic_ncols=True) as bar:

        def advance(done: int, total: int, label: str) -> None:
            bar.total = total
            bar.set_description_str(label, refresh=False)
            bar.update(done - bar.n)

        yield advance
