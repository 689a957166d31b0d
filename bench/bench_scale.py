"""Growth with size: GitLab CODEOWNERS generation at 1k/10k/100k mapping rules, and the
responsibility matrix at 1k/10k/100k rows; each size's time (and the matrix's peak memory)
with its ratio to the size before. Linear work shows about 10x per step.

    python bench/bench_scale.py

Teams are built in memory: team files of 100k rows exceed the loader's input limits, which
are deliberate (OL009). Times depend on the machine: compare the ratios in one run.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ownership_lint.codeowners import parse  # noqa: E402
from ownership_lint.docs import matrix  # noqa: E402
from ownership_lint.findings import Location  # noqa: E402
from ownership_lint.generate import render  # noqa: E402
from ownership_lint.model import Area, Claim, Ref, Responsibility, Role, Team  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
HERE = Location("bench")


def _roles(count: int, owned: list[list[str]]) -> list[Role]:
    return [
        Role(
            id=f"r{n}",
            path=f"team/roles/r{n}.yaml",
            location=HERE,
            title=f"Role {n}",
            seniority="middle",
            handle=Ref(f"@org/team{n}", HERE),
            members=[Ref(f"@user{n}", HERE)],
            responsibilities=[Claim(ident, "A", HERE) for ident in owned[n]],
        )
        for n in range(count)
    ]


def mapping_team(rules: int, roles: int = 20) -> Team:
    """A catch-all, then `rules` directory rules spread over `roles` roles, each role owning
    one responsibility that lists its directories' parent: the shape of a monorepo mapping."""
    team = Team(root_dir="team", name="scale", title="Scale")
    team.areas = [Area("area", "Area", HERE)]
    team.responsibilities = [
        Responsibility(f"area.r{n}", f"R {n}", "area", HERE, [Ref(f"/d{n}/", HERE)])
        for n in range(roles)
    ]
    team.roles = _roles(roles, [[f"area.r{n}"] for n in range(roles)])
    lines = ["*  r0"] + [f"/d{n % 997}/{n}/  r{n % roles}" for n in range(rules)]
    team.mapping_path = "team/path-ownership"
    team.mapping = parse("\n".join(lines) + "\n", "github")
    return team


def matrix_team(rows: int, roles: int = 2) -> Team:
    """`rows` responsibilities in areas of 100, owned by the roles in turn."""
    team = Team(root_dir="team", name="scale", title="Scale")
    team.areas = [Area(f"a{n}", f"Area {n}", HERE) for n in range((rows + 99) // 100)]
    team.responsibilities = [
        Responsibility(f"a{n // 100}.r{n}", f"Responsibility {n}", f"a{n // 100}", HERE)
        for n in range(rows)
    ]
    owned: list[list[str]] = [[] for _ in range(roles)]
    for resp_number, resp in enumerate(team.responsibilities):
        owned[resp_number % roles].append(resp.id)
    team.roles = _roles(roles, owned)
    return team


def _seconds(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _ratio(now: float, before: float | None) -> str:
    return f"{now / before:6.1f}x" if before else f"{'':>7}"


def gitlab_generation() -> None:
    print("GitLab CODEOWNERS generation (resolve, sections, text, self-check), 20 roles")
    print(f"{'rules':>8} {'output':>10} {'seconds':>9} {'growth':>7}")
    before: float | None = None
    for size in SIZES:
        team = mapping_team(size)
        text = render(team, "gitlab")
        seconds = _seconds(lambda team=team: render(team, "gitlab"), 3 if size < 100_000 else 1)
        print(f"{size:8,} {len(text):10,} {seconds:9.3f} {_ratio(seconds, before)}")
        before = seconds


def matrix_rendering() -> None:
    print(f"\nresponsibility matrix, 2 roles (at most {matrix.MAX_CELLS:,} cells are rendered)")
    print(
        f"{'rows':>8} {'format':>8} {'output':>11} {'seconds':>9} {'growth':>7} "
        f"{'peak MiB':>9} {'growth':>7} {'peak/output':>11}"
    )
    previous: dict[str, tuple[float, int]] = {}
    for size in SIZES:
        team = matrix_team(size)
        for fmt in ("html", "svg", "markdown"):
            out = matrix.render_matrix(team, fmt)
            seconds = _seconds(lambda team=team, fmt=fmt: matrix.render_matrix(team, fmt), 3)
            peak = _peak_bytes(lambda team=team, fmt=fmt: matrix.render_matrix(team, fmt))
            old_seconds, old_peak = previous.get(fmt, (0.0, 0))
            print(
                f"{size:8,} {fmt:>8} {len(out):11,} {seconds:9.3f} "
                f"{_ratio(seconds, old_seconds or None)} {peak / 2**20:9.1f} "
                f"{_ratio(peak, old_peak or None)} {peak / len(out):10.1f}x"
            )
            previous[fmt] = (seconds, peak)
    big = matrix_team(3_000, roles=3_000)
    start = time.perf_counter()
    try:
        matrix.render_matrix(big, "html")
        refused = "rendered (unexpected)"
    except matrix.MatrixTooLarge as err:
        refused = str(err)
    took = (time.perf_counter() - start) * 1000
    print(f"3,000 roles x 3,000 responsibilities: refused in {took:.1f} ms ({refused})")


def main() -> None:
    gitlab_generation()
    matrix_rendering()


if __name__ == "__main__":
    main()
