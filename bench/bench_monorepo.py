"""Monorepo scale, side by side: `coverage` and `codeowners lint` against the `codeowners`
package doing the owner of every file.

    pip install ".[bench]" && python bench/bench_monorepo.py [--runs 3] [--package-runs 1]

Data: ../shared/bench/synth_monorepo.py at 100,000 files x 3,000 rules (70% anchored
directories, 20% unanchored such as `*.pb.go` or `docs/`, 10% with `*`/`**` inside), and its
growths: files x2 and x4 (a larger list starts with the same paths), rules x2 and x4 (a larger
rule set holds every smaller one); then nuttx's real CODEOWNERS (16,717 rules x 27,017 files).

Every figure is one child process measured by itself (bench/measure.py, `os.wait4`): the
whole process as a user runs it (start, imports, reading, answering, printing), its CPU time
(user + system, which a busy shared machine inflates less than wall time) and its peak RSS;
beside it, the in-process time of the same work in a child that calls the library (read the
paths file, answer), start-up and imports excluded. Our commands run --runs times, interleaved
with each other (median; the spread is the noise); the package runs --package-runs times (it
takes minutes at the larger sizes). Ratios compare figures of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from measure import ROOT, Usage, run

SHARED = ROOT.parent / "shared"
GENERATOR = SHARED / "bench" / "synth_monorepo.py"
NUTTX = SHARED / "corpus" / "apache__nuttx"

# (label, files, rules)
SIZES = [
    ("100k x 3k", 100_000, 3_000),
    ("files x2", 200_000, 3_000),
    ("files x4", 400_000, 3_000),
    ("rules x2", 100_000, 6_000),
    ("rules x4", 100_000, 12_000),
]

IN_PROCESS = """
import json, sys, time
from pathlib import Path
from ownership_lint import api
from ownership_lint.gitrepo import read_paths_file
what, root = sys.argv[1], Path(sys.argv[2])
wall, cpu = time.perf_counter(), time.process_time()
files = read_paths_file(root / "files.txt")
if what == "coverage":
    api.coverage(root, codeowners=root / "CODEOWNERS", tracked=files)
else:
    api.lint_codeowners(root, root / "CODEOWNERS", tracked=files)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))
"""

PACKAGE = """
import json, sys, time
from pathlib import Path
from codeowners import CodeOwners
root = Path(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
text = (root / "CODEOWNERS").read_text(encoding="utf-8", errors="surrogateescape")
files = (root / "files.txt").read_text(encoding="utf-8").splitlines()
owners = CodeOwners(text)
for path in files:
    owners.of(path)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))
"""

COMMANDS = {
    "coverage": "`coverage --codeowners CODEOWNERS --paths-from files.txt`",
    "lint": "`codeowners lint --paths-from files.txt`",
    "package": "the `codeowners` package, owner of every file",
}


def _cli(what: str, root: Path) -> list[str]:
    owners, files = str(root / "CODEOWNERS"), str(root / "files.txt")
    base = [sys.executable, "-m", "ownership_lint"]
    if what == "coverage":
        return [
            *base,
            "coverage",
            "--codeowners",
            owners,
            "--paths-from",
            files,
            "--root",
            str(root),
        ]
    return [*base, "codeowners", "lint", owners, "--paths-from", files, "--root", str(root)]


@dataclass
class Figure:
    """Every run of one command on one input."""

    whole: list[Usage] = field(default_factory=list)
    inner_wall: list[float] = field(default_factory=list)
    inner_cpu: list[float] = field(default_factory=list)
    failed: str = ""

    def median(self, pick: Callable[[Usage], float]) -> float:
        return statistics.median(pick(u) for u in self.whole)

    @property
    def wall(self) -> float:
        return self.median(lambda u: u.wall)

    @property
    def cpu(self) -> float:
        return self.median(lambda u: u.cpu)

    @property
    def peak(self) -> float:
        return max(u.peak_mib for u in self.whole)

    @property
    def spread(self) -> float:
        """(slowest - fastest) / median of the whole-process wall times."""
        walls = [u.wall for u in self.whole]
        return (max(walls) - min(walls)) / statistics.median(walls) if len(walls) > 1 else 0.0


def _inner(figure: Figure, usage: Usage) -> None:
    if usage.returncode != 0:
        figure.failed = usage.stderr.strip()[-300:]
        return
    data = json.loads(usage.stdout.strip().splitlines()[-1])
    figure.inner_wall.append(data["wall"])
    figure.inner_cpu.append(data["cpu"])


def measure(root: Path, runs: int, package_runs: int) -> dict[str, Figure]:
    figures = {name: Figure() for name in ("coverage", "lint", "package")}
    run(_cli("coverage", root))  # bytecode caches written, files in the page cache
    for _ in range(runs):
        for what in ("coverage", "lint"):
            usage = run(_cli(what, root))
            if usage.returncode not in (0, 1):
                figures[what].failed = usage.stderr.strip()[-300:]
            figures[what].whole.append(usage)
            _inner(figures[what], run([sys.executable, "-c", IN_PROCESS, what, str(root)]))
    for _ in range(package_runs):
        usage = run([sys.executable, "-c", PACKAGE, str(root)])
        figures["package"].whole.append(usage)
        _inner(figures["package"], usage)
    return figures


def generate(folder: Path, files: int, rules: int) -> Path:
    target = folder / f"synth-{files}-{rules}"
    if not (target / "files.txt").is_file():
        subprocess.run(
            [
                sys.executable,
                str(GENERATOR),
                str(target),
                "--files",
                str(files),
                "--rules",
                str(rules),
            ],
            check=True,
        )
    return target


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.0f} s"


def _row(label: str, values: list[float], peak: float | None) -> str:
    """First column absolute, the others as growth against it."""
    base = values[0]
    cells = [_seconds(base), *(f"x{v / base:.2f}" for v in values[1:])]
    return f"| {label} | " + " | ".join(cells) + (f" | {peak:.0f} MiB |" if peak else " | |")


def report(results: list[tuple[str, dict[str, Figure]]], nuttx: dict[str, Figure] | None) -> None:
    labels = [label for label, _ in results]
    have_package = all(not f["package"].failed and f["package"].whole for _, f in results)
    names = ["coverage", "lint", *(["package"] if have_package else [])]
    header = "| command | " + " | ".join(labels) + " | peak |\n|---|" + "---|" * (len(labels) + 1)
    for title, pick in (
        ("whole process, wall time (median)", lambda f: f.wall),
        ("whole process, CPU time (user + system, median)", lambda f: f.cpu),
        ("in process (read the paths, answer; start-up and imports excluded), wall", None),
    ):
        print(f"\n{title}\n\n{header}")
        for name in names:
            figures = [figs[name] for _, figs in results]
            if pick is None:
                values = [statistics.median(f.inner_wall) for f in figures]
            else:
                values = [pick(f) for f in figures]
            print(_row(COMMANDS[name], values, figures[0].peak))
    if have_package:
        print("\nthe package's time / ours (whole process, wall; same run)\n")
        print("| command | " + " | ".join(labels) + " |\n|---|" + "---|" * len(labels))
        for name in ("coverage", "lint"):
            cells = [f"{figs['package'].wall / figs[name].wall:.1f}x" for _, figs in results]
            print(f"| {COMMANDS[name]} | " + " | ".join(cells) + " |")
    print("\npeak RSS per process (MiB), by size\n")
    print("| command | " + " | ".join(labels) + " |\n|---|" + "---|" * len(labels))
    for name in names:
        print(
            f"| {COMMANDS[name]} | "
            + " | ".join(f"{figs[name].peak:.0f}" for _, figs in results)
            + " |"
        )
    if nuttx is not None:
        print("\nnuttx (16,717 rules x 27,017 files), whole process (in process)\n")
        for name in ("coverage", "lint", "package"):
            f = nuttx[name]
            if f.whole and not f.failed:
                print(
                    f"  {name:9} {_seconds(f.wall)} wall, {_seconds(f.cpu)} CPU "
                    f"({_seconds(statistics.median(f.inner_wall))} in process), {f.peak:.0f} MiB"
                )
    spreads = [f.spread for _, figs in results for n, f in figs.items() if n != "package"]
    if spreads:
        print(
            f"\nnoise: our whole-process wall times vary by up to {max(spreads):.0%} between "
            f"runs (median {statistics.median(spreads):.0%})"
        )
    failures = [
        f"{label} {name}: {f.failed}"
        for label, figs in results
        for name, f in figs.items()
        if f.failed
    ]
    for line in failures:
        print(f"FAILED {line}")
    base = dict(results[0][1])
    growth = dict(results)
    if "files x4" in growth and "rules x4" in growth:
        print("\ntargets (issue 14), whole-process wall time, this run:")
        checks = [
            ("coverage 100k x 3k within 1.5 s", base["coverage"].wall, 1.5),
            ("lint 100k x 3k within 3 s", base["lint"].wall, 3.0),
        ]
        for name in ("coverage", "lint"):
            checks.append(
                (
                    f"{name} files x4: at most x4.5",
                    growth["files x4"][name].wall / base[name].wall,
                    4.5,
                )
            )
            checks.append(
                (
                    f"{name} rules x4: at most x2",
                    growth["rules x4"][name].wall / base[name].wall,
                    2.0,
                )
            )
        if nuttx is not None and nuttx["coverage"].whole:
            checks.append(("nuttx coverage within 0.5 s", nuttx["coverage"].wall, 0.5))
        for text, value, limit in checks:
            print(f"  {'ok  ' if value <= limit else 'MISS'} {text}: {value:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of our commands (median)")
    parser.add_argument("--package-runs", type=int, default=1, help="runs of the package")
    parser.add_argument("--data", type=Path, help="keep the generated data here (reused)")
    parser.add_argument("--sizes", help="comma-separated labels (default: all)")
    parser.add_argument("--no-nuttx", action="store_true")
    parser.add_argument(
        "--nuttx-package", action="store_true", help="the package on nuttx (~2 min)"
    )
    args = parser.parse_args()
    if not GENERATOR.is_file():
        print(f"skipped: the generator {GENERATOR} is not there")
        return 0
    sizes = SIZES
    if args.sizes:
        wanted = set(args.sizes.split(","))
        sizes = [s for s in SIZES if s[0] in wanted]
    print(f"machine: {_machine()}; load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data or Path(tmp)
        results = []
        for label, files, rules in sizes:
            root = generate(folder, files, rules)
            print(f"  {label}: measuring", file=sys.stderr)
            results.append((label, measure(root, args.runs, args.package_runs)))
    nuttx = None
    if not args.no_nuttx and (NUTTX / "CODEOWNERS").is_file():
        nuttx = measure(NUTTX, args.runs, 1 if args.nuttx_package else 0)
    report(results, nuttx)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
