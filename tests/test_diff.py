"""A pull request's ownership changes, end to end on a real git repository with two commits:
`diff --base` and `check --base` (the ratchet)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO, Run, git


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Base: the shipped team without its catch-all rule, budget.forecasting owned by the
    cloud architect alone, an invalid handle and a member that is not one owner (known
    problems). Head (committed): the SRE claims budget.forecasting too, /monitoring/ moves to
    the DevOps engineer, two new files."""
    shutil.copytree(REPO / "team", tmp_path / "team")
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL307"]\n')
    edit(tmp_path / "team/path-ownership", "*                         infrastructure-lead\n", "")
    edit(tmp_path / "team/roles/devops-engineer.yaml", '"@dmitry-devops"', '"not-a-handle"')
    edit(tmp_path / "team/roles/cloud-architect.yaml", '"@carlos-cloud"', '"@carlos cloud"')
    for rel in [
        "monitoring/alerts/cpu.yaml",
        "monitoring/alerts/disk.yaml",
        "finops/budgets/q1.csv",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "tag", "base")

    edit(
        tmp_path / "team/roles/sre.yaml",
        "  - performance.tuning\n",
        "  - performance.tuning\n  - budget.forecasting\n",
    )
    edit(
        tmp_path / "team/path-ownership",
        "/monitoring/              sre",
        "/monitoring/              devops-engineer",
    )
    # Lines move above the known problem: it must still count as known.
    edit(tmp_path / "team/roles/devops-engineer.yaml", "members:", "# people\n\nmembers:")
    for rel in ["scripts/new.sh", "finops/budgets/q2.csv"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("y\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "head")
    return tmp_path


def test_diff_text(run: Run, repo: Path) -> None:
    code, out, err = run("diff", "--root", str(repo), "--base", "base", "--head", "HEAD")
    assert code == 0, err
    assert out == (
        "Ownership changes from base to HEAD:\n"
        "\n"
        "responsibilities changing owner:\n"
        "  budget.forecasting: cloud-architect -> cloud-architect, sre\n"
        "\n"
        "files changing owner: 2\n"
        "  sre -> devops-engineer: 2 (e.g. monitoring/alerts/cpu.yaml, "
        "monitoring/alerts/disk.yaml)\n"
        "\n"
        "new files without an owner: 1\n"
        "  scripts/new.sh\n"
        "\n"
        "reviewers this hand-over needs:\n"
        "  @acme/cloud-architects (old owner of budget.forecasting; "
        "new owner of budget.forecasting)\n"
        "  @acme/devops (new owner of 2 files)\n"
        "  @acme/sre (new owner of budget.forecasting; old owner of 2 files)\n"
    )


def test_diff_json_and_fail_on(run: Run, repo: Path) -> None:
    code, out, _ = run(
        "diff",
        "--root",
        str(repo),
        "--base",
        "base",
        "--format",
        "json",
        "--fail-on",
        "unowned-new-files",
    )
    assert code == 1
    document = json.loads(out)
    assert document["head"] == "work tree"
    assert document["kinds"] == ["ownership-change", "unowned-new-files"]
    assert document["unowned_new_files"] == ["scripts/new.sh"]
    assert document["files_changing_owner"] == 2
    code, _, _ = run("diff", "--root", str(repo), "--base", "base", "--fail-on", "role-removed")
    assert code == 0


def test_diff_markdown_for_a_pr_comment(run: Run, repo: Path) -> None:
    code, out, _ = run("diff", "--root", str(repo), "--base", "base", "--format", "markdown")
    assert code == 0
    assert (
        "| responsibility | `budget.forecasting` | cloud-architect | cloud-architect, sre |" in out
    )
    assert "**2 files change owner**" in out
    assert "**1 new file has no owner:** `scripts/new.sh`" in out


def test_markdown_counts_in_the_singular() -> None:
    from ownership_lint.changes import FileMove, OwnershipDiff
    from ownership_lint.report.ownership_diff import render_markdown

    one = OwnershipDiff("a", "b", file_moves=[FileMove(("sre",), ("devops",), 1, ["x.yaml"])])
    assert "**1 file changes owner**" in render_markdown(one)
    two = OwnershipDiff("a", "b", unowned_new_files=["x", "y"])
    assert "**2 new files have no owner:** `x`, `y`" in render_markdown(two)


def test_diff_of_the_work_tree_sees_uncommitted_changes(run: Run, repo: Path) -> None:
    edit(repo / "team/roles/sre.yaml", "  - budget.forecasting\n", "")
    _, out, _ = run("diff", "--root", str(repo), "--base", "base", "--format", "json")
    assert json.loads(out)["responsibilities"] == []
    assert git(repo, "status", "--porcelain").strip() == "M team/roles/sre.yaml"


def test_check_base_reports_only_what_the_change_introduces(run: Run, repo: Path) -> None:
    code, out, _ = run("check", "--root", str(repo), "--format", "json")
    everything = {f["code"] for f in json.loads(out)["findings"]}
    assert {"OL102", "OL212"} <= everything
    code, out, _ = run("check", "--root", str(repo), "--base", "base", "--format", "json")
    assert code == 1
    new = [(f["code"], f["path"]) for f in json.loads(out)["findings"]]
    assert ("OL102", "team/roles/sre.yaml") in new
    # Known at base, even though lines moved (OL212) or details changed (OL308: the shadowed
    # /finops/ now matches two files instead of one).
    assert not {code for code, _ in new} & {"OL212", "OL308"}
    # An integrity check's finding is never old: a handle that would break a CODEOWNERS line
    # is not debt to live with.
    assert ("OL215", "team/roles/cloud-architect.yaml") in new


def test_check_base_with_an_unknown_revision_exits_2(run: Run, repo: Path) -> None:
    code, _, err = run("check", "--root", str(repo), "--base", "no-such-rev")
    assert code == 2 and "unknown revision 'no-such-rev'" in err


def test_check_base_without_a_team_there_reports_everything(run: Run, repo: Path) -> None:
    empty_tree = subprocess.run(
        ["git", "mktree"], cwd=repo, input="", capture_output=True, text=True, check=True
    ).stdout.strip()
    empty = git(repo, "commit-tree", empty_tree, "-m", "empty").strip()
    code, out, err = run("check", "--root", str(repo), "--base", empty, "--format", "json")
    assert code == 1, err
    assert {"OL102", "OL212"} <= {f["code"] for f in json.loads(out)["findings"]}


def test_revisions_are_what_git_understands(run: Run, repo: Path) -> None:
    for rev in ("HEAD~1", "HEAD@{1}", "base^{commit}"):
        code, out, err = run("diff", "--root", str(repo), "--base", rev, "--format", "json")
        assert code == 0, (rev, err)
        assert json.loads(out)["responsibilities"], rev
    code, _, err = run("diff", "--root", str(repo), "--base", "--output=x")
    assert code == 2 and "unknown revision '--output=x'" in err


def test_links_are_not_new_files(run: Run, repo: Path) -> None:
    (repo / "vendor").mkdir()
    (repo / "vendor/link").symlink_to("../scripts/new.sh")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a link")
    _, out, _ = run("diff", "--root", str(repo), "--base", "HEAD", "--format", "json")
    assert json.loads(out)["unowned_new_files"] == []


def test_a_team_in_a_subdirectory_of_the_repository(run: Run, tmp_path: Path) -> None:
    sub = tmp_path / "infra"
    shutil.copytree(REPO / "team", sub / "team")
    (sub / ".ownership-lint.toml").write_text('ignore = ["OL307"]\n')
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    code, out, _ = run("diff", "--root", str(sub), "--base", "HEAD", "--format", "json")
    assert code == 0 and json.loads(out)["responsibilities"] == []
    edit(
        sub / "team/roles/sre.yaml",
        "  - performance.tuning\n",
        "  - performance.tuning\n  - dr.planning\n",
    )
    code, out, _ = run("check", "--root", str(sub), "--base", "HEAD", "--format", "json")
    # The new conflict, at both of its claims: the one the change added among them.
    found = [(f["code"], f["path"]) for f in json.loads(out)["findings"]]
    assert found == [
        ("OL102", "team/roles/cloud-architect.yaml"),
        ("OL102", "team/roles/sre.yaml"),
    ]
