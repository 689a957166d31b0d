"""`ownership-lint check` on the shipped team/ against `check-jsonschema` on the same files.

check-jsonschema only validates each file against its schema; ownership-lint does that and
every cross-check. Both are run as users run them (a new process each time), interleaved so
that machine noise hits both alike, and the medians are compared.

    pip install ".[bench]" && python bench/bench_check.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


# Both tools run as installed packages do: with bytecode caches (this machine sets
# PYTHONDONTWRITEBYTECODE, which would make every run of the source tree compile it anew).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        result = subprocess.run(command, cwd=REPO, capture_output=True, check=False, env=ENV)
        if result.returncode not in (0, 1):
            sys.exit(f"{command[0]} failed: {result.stderr.decode(errors='replace')}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    checker = shutil.which("check-jsonschema")
    if checker is None:
        sys.exit("check-jsonschema is not installed: pip install '.[bench]'")
    ours_exe = shutil.which("ownership-lint")
    ours = (
        [[ours_exe, "check"]] if ours_exe else [[sys.executable, "-m", "ownership_lint", "check"]]
    )
    roles = sorted(str(p.relative_to(REPO)) for p in (REPO / "team/roles").glob("*.yaml"))
    theirs = [
        [checker, "--schemafile", "schemas/team.schema.json", "team/team.yaml"],
        [
            checker,
            "--schemafile",
            "schemas/responsibilities.schema.json",
            "team/responsibilities.yaml",
        ],
        [checker, "--schemafile", "schemas/role.schema.json", *roles],
    ]

    _timed(ours), _timed(theirs)  # warm the file cache and the bytecode
    ours_times: list[float] = []
    theirs_times: list[float] = []
    for _ in range(args.runs):
        ours_times.append(_timed(ours))
        theirs_times.append(_timed(theirs))

    ours_median = statistics.median(ours_times)
    theirs_median = statistics.median(theirs_times)
    print(f"files: team.yaml, responsibilities.yaml, {len(roles)} roles; {args.runs} runs each")
    print(f"{'tool':<48} {'median':>9} {'min':>9}")
    print(
        f"{'ownership-lint check (schemas + cross-checks)':<48} "
        f"{ours_median * 1000:>7.0f}ms {min(ours_times) * 1000:>7.0f}ms"
    )
    print(
        f"{'check-jsonschema (schemas only, 3 invocations)':<48} "
        f"{theirs_median * 1000:>7.0f}ms {min(theirs_times) * 1000:>7.0f}ms"
    )
    print(f"ratio check-jsonschema / ownership-lint: {theirs_median / ours_median:.2f}x")
    print(
        "(check-jsonschema needs one invocation per schema; a single invocation for the role "
        f"files alone takes {statistics.median(_timed(theirs[2:]) for _ in range(5)) * 1000:.0f}ms)"
    )


if __name__ == "__main__":
    main()
