"""Benchmark: owner of every tracked file on each corpus, ours vs the ``codeowners`` package.

Run ``python bench/bench_codeowners.py`` (``--full`` also runs the package on nuttx, which
takes about two minutes). Prints a table of times and ratios, the absolute time on nuttx,
and a scaling run (files x2, rules x2 of the same shape) with growth ratios.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ownership_lint.codeowners import Matcher, parse  # noqa: E402
from ownership_lint.codeowners.model import Dialect  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SLOW_FOR_PACKAGE = {"apache__nuttx"}


def _dialect(folder: Path) -> Dialect:
    source = (folder / "SOURCE").read_text().split()
    return "gitlab" if any(s.startswith(".gitlab/") for s in source) else "github"


def _ours(text: str, files: list[str], dialect: Dialect) -> float:
    """Parse, index and answer every file: the whole job, timed."""
    t0 = time.perf_counter()
    m = Matcher(parse(text, dialect))
    for path in files:
        m.owners(path)
    return time.perf_counter() - t0


def _lookups(text: str, files: list[str], dialect: Dialect) -> float:
    """Answer every file with the index already built (a cold directory cache)."""
    m = Matcher(parse(text, dialect))
    t0 = time.perf_counter()
    for path in files:
        m.owners(path)
    return time.perf_counter() - t0


def _package(text: str, files: list[str]) -> float | str:
    """Seconds, or why the package gave no answer."""
    try:
        from codeowners import CodeOwners
    except ImportError:
        return "package not installed"
    t0 = time.perf_counter()
    try:
        co = CodeOwners(text)
        for path in files:
            co.of(path)
    except Exception as exc:  # the package rejects some GitLab files
        return f"package failed: {type(exc).__name__}"
    return time.perf_counter() - t0


def _best(fn: Callable[[], float], repeat: int = 3) -> float:
    return min(fn() for _ in range(repeat))


def _scale(text: str, files: list[str], factor: int) -> tuple[str, list[str], str, list[str]]:
    """(text, files x factor) and (text with rules x factor, files): same shapes, new names.

    Copies live under ``copyN/``; a rule ``/a/b`` becomes ``/copyN/a/b``, so each extra
    copy of the rules owns the matching copy of the files (floating rules stay floating)."""
    more_files = list(files)
    extra_rules: list[str] = []
    for n in range(1, factor):
        more_files += [f"copy{n}/{p}" for p in files]
        for line in text.split("\n"):
            s = line.strip()
            if not s or s.startswith(("#", "[", "^[")):
                continue
            extra_rules.append(f"/copy{n}{s}" if s.startswith("/") else s)
    return text, more_files, text + "\n" + "\n".join(extra_rules) + "\n", files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--full", action="store_true", help="also run the package on nuttx")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}")
        return 1
    folders = sorted(p for p in CORPUS.iterdir() if (p / "CODEOWNERS").is_file())
    print(
        f"{'corpus':36} {'dialect':7} {'rules':>6} {'files':>6} {'ours s':>8} "
        f"{'package s':>10} {'speed-up':>9}"
    )
    nuttx: tuple[str, list[str], Dialect] | None = None
    for folder in folders:
        text = (folder / "CODEOWNERS").read_text(encoding="utf-8", errors="surrogateescape")
        files = (folder / "files.txt").read_text(encoding="utf-8").splitlines()
        dialect = _dialect(folder)
        nrules = len(parse(text, dialect).rules)
        ours = _best(lambda t=text, f=files, d=dialect: _ours(t, f, d))
        theirs: float | None = None
        note = ""
        if folder.name in SLOW_FOR_PACKAGE and not args.full:
            note = "package skipped (~110 s; --full runs it)"
        else:
            got = _package(text, files)
            if isinstance(got, str):
                note = got
            else:
                theirs = got
        ratio = f"{theirs / ours:8.1f}x" if theirs else ""
        pkg = f"{theirs:10.3f}" if theirs is not None else f"{'-':>10}"
        print(
            f"{folder.name:36} {dialect:7} {nrules:6d} {len(files):6d} {ours:8.3f} "
            f"{pkg} {ratio:>9} {note}"
        )
        if folder.name == "apache__nuttx":
            nuttx = (text, files, dialect)
    if nuttx is None:
        return 0
    text, files, dialect = nuttx
    base = _best(lambda: _ours(text, files, dialect))
    print(f"\nnuttx, parse + index + owner of all {len(files)} files: {base:.3f} s")
    t1, f2, t2, f1 = _scale(text, files, 2)
    n1, n2 = len(parse(text, dialect).rules), len(parse(t2, dialect).rules)
    rows = [
        ("base", text, files, n1),
        ("files x2", t1, f2, n1),
        ("rules x2", t2, f1, n2),
    ]
    print("scaling (nuttx shapes): total = parse + index + lookups; lookups = answers only")
    base_total = base_look = 0.0
    for label, t, f, n in rows:
        total = _best(lambda t=t, f=f: _ours(t, f, dialect))
        look = _best(lambda t=t, f=f: _lookups(t, f, dialect))
        if label == "base":
            base_total, base_look = total, look
        print(
            f"  {label:9} {n:6d} rules {len(f):6d} files  total {total:.3f} s "
            f"({total / base_total:.2f}x)  lookups {look:.3f} s ({look / base_look:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
