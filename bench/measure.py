"""One child process, measured by itself: wall time, CPU time, peak memory (bench helper).

``resource.getrusage(RUSAGE_CHILDREN)`` is the largest peak of *all* children waited for so
far, not the last one's; ``os.wait4`` returns the usage of exactly the child it waited for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Children run this checkout as installed packages run: with bytecode caches (this machine
# sets PYTHONDONTWRITEBYTECODE, which would make every run compile the sources anew).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": str(ROOT),
}


@dataclass(frozen=True)
class Usage:
    wall: float  # seconds, start to exit
    cpu: float  # seconds of user + system time
    peak_mib: float  # peak resident set size
    returncode: int
    stdout: str
    stderr: str


def run(command: list[str], env: dict[str, str] | None = None) -> Usage:
    """Run `command` to its end and measure that one process (not its own children)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=env or ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, errors = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Usage(wall, usage.ru_utime + usage.ru_stime, peak, proc.returncode, text, errors)
