"""Every benchmark in one run, one table at the end.

    pip install ".[test,bench]" && python bench/run_all.py [--full]

1. startup: `ownership-lint check` on the shipped team/ against check-jsonschema on the same
   files with the same schemas (bench_check.py);
2. owner of every file on every corpus against the `codeowners` package, with files x2 and
   rules x2 scaling (bench_codeowners.py; --full also runs the package on nuttx, ~2 min);
3. roles x10: `check` on a synthetic team with ten times the shipped roles and
   responsibilities;
4. peak memory of `codeowners lint` on all of nuttx (parse, index, every check), of that
   process alone;
5. growth: GitLab CODEOWNERS generation at 1k/10k/100k rules, the matrix at 1k/10k/100k rows
   (time and peak memory), and the refusal of a 3,000 x 3,000 matrix (bench_scale.py);
6. monorepo scale: `coverage` and `codeowners lint` on the synthetic monorepo, 100k files x 3k
   rules, files x2/x4, rules x2/x4, whole process and in process (bench_monorepo.py; --full
   also runs the `codeowners` package beside them, ~10 min).
Times depend on the machine: compare the ratios printed side by side in one run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Child processes run as installed packages do, with bytecode caches.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CORPUS = ROOT.parent / "shared" / "corpus"


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return f"{script} failed: {result.stderr.strip()[-500:]}"
    return result.stdout


def _check_seconds(root: Path, runs: int = 7) -> float:
    command = [sys.executable, "-m", "ownership_lint", "check", "--root", str(root)]
    env = {**ENV, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _multiply_roles(source: Path, target: Path, factor: int) -> None:
    """The shipped team with every role and responsibility copied `factor` times."""
    shutil.copytree(source, target)
    roles = sorted((target / "roles").glob("*.yaml"))
    catalogue = (target / "responsibilities.yaml").read_text()
    areas = catalogue.split("areas:\n", 1)[1]
    extra = []
    for n in range(1, factor):
        extra.append(re.sub(r"id: ([a-z-]+)(\.[a-z-]+)?\n", rf"id: \g<1>{n}\g<2>\n", areas))
        for role in roles:
            text = role.read_text()
            text = re.sub(r"^id: ([a-z-]+)", rf"id: \g<1>{n}", text, flags=re.M)
            text = re.sub(r"^  - ([a-z-]+)\.", rf"  - \g<1>{n}.", text, flags=re.M)
            text = re.sub(r"\{id: ([a-z-]+)\.", rf"{{id: \g<1>{n}.", text)
            text = re.sub(r"^interfaces:\n(  - .*\n)*", "", text, flags=re.M)
            (target / "roles" / f"{role.stem}{n}.yaml").write_text(
                text.replace(f"id: {role.stem}\n", f"id: {role.stem}{n}\n")
            )
    (target / "responsibilities.yaml").write_text(catalogue + "".join(extra))


def _peak_memory_nuttx() -> str:
    folder = CORPUS / "apache__nuttx"
    if not folder.is_dir():
        return "skipped: corpus not found"
    from measure import run  # this child's own peak (os.wait4), not the largest so far

    usage = run(
        [
            sys.executable,
            "-m",
            "ownership_lint",
            "codeowners",
            "lint",
            str(folder / "CODEOWNERS"),
            "--paths-from",
            str(folder / "files.txt"),
            "--root",
            str(folder),
        ]
    )
    seconds = f"{usage.wall:.2f} s end to end ({usage.cpu:.2f} s CPU)"
    return f"{usage.peak_mib:.0f} MiB peak RSS, {seconds}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="run the package on nuttx too")
    args = parser.parse_args()

    print("== 1. check startup against check-jsonschema\n")
    print(_run("bench_check.py"))
    print("== 2. owner of every file, against the codeowners package\n")
    print(_run("bench_codeowners.py", *(["--full"] if args.full else [])))

    print("== 3. roles x10\n")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "x1"
        wide = Path(tmp) / "x10"
        shutil.copytree(ROOT / "team", base / "team")
        _multiply_roles(ROOT / "team", wide / "team", 10)
        one, ten = _check_seconds(base), _check_seconds(wide)
    print(f"check, 4 roles:  {one * 1000:.0f} ms")
    print(f"check, 40 roles: {ten * 1000:.0f} ms  ({ten / one:.2f}x)\n")

    print("== 4. peak memory on nuttx\n")
    print(_peak_memory_nuttx())

    print("\n== 5. growth: GitLab generation and the matrix\n")
    print(_run("bench_scale.py"))
    print("\n== 6. monorepo scale: coverage and lint, 100k files x 3k rules and growth\n")
    print(_run("bench_monorepo.py", *([] if args.full else ["--package-runs", "0"])))


if __name__ == "__main__":
    main()
