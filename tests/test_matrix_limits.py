"""A team too large for a responsibility matrix (roles x rows beyond MAX_CELLS) is refused
before anything is rendered or read: `matrix` says so and writes nothing, and `check` reports
a committed matrix as a finding instead of spending minutes and gigabytes on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.config import Config
from ownership_lint.docs import matrix, matrix_model
from ownership_lint.loading.team import load_team

from .conftest import Run, write_files

ROLES = 600  # 600 roles x 600 responsibilities: 360,000 cells


def big_team(root: Path, roles: int = ROLES) -> Path:
    files = {
        "team/team.yaml": "name: big\ntitle: Big\nlast_reviewed: 2026-01-15\n",
        "team/responsibilities.yaml": "areas:\n  - id: a\n    title: A\n    responsibilities:\n"
        + "".join(f"      - {{id: a.r{n}, title: R {n}}}\n" for n in range(roles)),
        "team/path-ownership": "*  role0\n",
        "docs/m.html": "<!DOCTYPE html>\n",
    }
    for n in range(roles):
        files[f"team/roles/role{n}.yaml"] = (
            f"id: role{n}\ntitle: Role {n}\nseniority: middle\nmembers: ['@u{n}']\n"
            f"responsibilities: [a.r{n}]\n"
        )
    return write_files(root, files)


def test_the_limit_is_roles_times_rows(tmp_path: Path) -> None:
    team = load_team(big_team(tmp_path), "team").team
    assert matrix.matrix_cells(team) == ROLES * ROLES > matrix.MAX_CELLS
    with pytest.raises(matrix.MatrixTooLarge, match=r"360,000 cells \(600 roles x 600"):
        matrix.render_matrix(team, "html")


@pytest.mark.parametrize("fmt", ["html", "svg", "markdown"])
def test_matrix_refuses_and_writes_nothing(tmp_path: Path, run: Run, fmt: str) -> None:
    root = big_team(tmp_path)
    code, _, err = run("matrix", "--root", str(root), "--format", fmt, "--output", "out.x")
    assert code == 1
    assert "the matrix would have 360,000 cells" in err and "renders at most 250,000" in err
    assert "nothing was written" in err
    assert not (root / "out.x").exists()


def test_check_reports_a_committed_matrix_without_rendering_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = big_team(tmp_path)

    def must_not_render(*args: object) -> str:
        raise AssertionError("the matrix was rendered")

    monkeypatch.setattr(matrix, "render_matrix", must_not_render)
    report = lint(root, config=Config(matrix_path="docs/m.html", select=("OL421",)), tracked=[])
    (finding,) = report.findings
    assert finding.code == "OL421" and finding.location.path == "docs/m.html"
    assert "docs/m.html cannot be compared with team/: the matrix would have 360,000" in (
        finding.message
    )


def test_no_committed_matrix_no_finding(tmp_path: Path) -> None:
    root = big_team(tmp_path)
    (root / "docs/m.html").unlink()
    report = lint(root, config=Config(matrix_path="docs/m.html", select=("OL421",)), tracked=[])
    assert report.findings == []


def test_at_the_limit_it_renders_one_past_it_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = load_team(write_files(tmp_path, BASE_TEAM), "team").team
    cells = matrix.matrix_cells(team)
    assert cells == 2 * 3  # 2 roles x (2 responsibilities + 1 interface)
    monkeypatch.setattr(matrix_model, "MAX_CELLS", cells)
    assert "Alert rule creation" in matrix.render_matrix(team, "markdown")
    monkeypatch.setattr(matrix_model, "MAX_CELLS", cells - 1)
    with pytest.raises(matrix.MatrixTooLarge):
        matrix.render_matrix(team, "markdown")
