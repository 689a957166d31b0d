"""A progress line on a terminal when a scan takes more than a moment; nothing in pipes or CI."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

DELAY = 0.5  # seconds of silence before the first update


@contextmanager
def progress(what: str, stream: TextIO | None = None) -> Iterator[Callable[[int, int], None]]:
    """Yields a callback taking the number of items done so far and the number in all."""
    out = stream or sys.stderr
    shown = False
    active = bool(getattr(out, "isatty", lambda: False)()) and not os.environ.get("CI")
    start = time.monotonic()

    def update(done: int, total: int) -> None:
        nonlocal shown
        if active and time.monotonic() - start > DELAY:
            out.write(f"\r{what}: {done:,}/{total:,}")
            out.flush()
            shown = True

    try:
        yield update
    finally:
        if shown:
            out.write("\r\033[K")
            out.flush()
