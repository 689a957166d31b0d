"""`ownership-lint generate`: every generated file (CODEOWNERS, the team document, the matrix,
the schemas) from one command, with one rule (nothing from a team with errors); and
`ownership-lint schemas`, which puts the schemas where the team files' `$schema` lines point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, write_files

# The example team judged by the real clock: its review never goes stale.
GOOD_TEAM = {
    **BASE_TEAM,
    "team/team.yaml": BASE_TEAM["team/team.yaml"].replace(
        "review_max_age_days: 180", "review_max_age_days: 99999"
    ),
}
SRE = "team/roles/sre.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_files(tmp_path, GOOD_TEAM)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_generate_creates_codeowners_then_is_up_to_date(run: Run, repo: Path) -> None:
    code, out, _ = run("generate", "--root", str(repo))
    assert code == 1  # a file changed: a pre-commit hook stops the commit
    assert "created .github/CODEOWNERS from team/." in out
    assert "/alerts/" in (repo / ".github/CODEOWNERS").read_text()
    code, out, _ = run("generate", "--root", str(repo))
    assert (code, out) == (0, ".github/CODEOWNERS is up to date with team/.\n")
    assert run("generate", "--root", str(repo), "--check")[0] == 0


def test_generate_keeps_every_generated_file_of_the_repository_up_to_date(
    run: Run, repo: Path
) -> None:
    assert run("codeowners", "generate", "--root", str(repo))[0] == 1
    assert run("codeowners", "generate", "--root", str(repo), "--flavor", "gitlab")[0] == 1
    assert run("docs", "--root", str(repo))[0] == 0
    assert run("matrix", "--root", str(repo), "-o", "docs/ownership-matrix.svg")[0] == 0
    assert run("schemas", "--root", str(repo))[0] == 0
    assert run("check", "--root", str(repo))[0] == 0
    generated = [
        ".github/CODEOWNERS",
        ".gitlab/CODEOWNERS",
        "docs/TEAM.md",
        "docs/ownership-matrix.svg",
    ]

    # The SRE is renamed and gets another handle: every generated file is stale.
    edit(repo / SRE, "@sre-sam", "@sre-sally")
    edit(repo / SRE, "title: Site Reliability Engineer", "title: Reliability")
    before = {rel: (repo / rel).read_bytes() for rel in generated}
    code, out, _ = run("check", "--root", str(repo))
    assert code == 1 and {"OL401", "OL420", "OL421"} <= set(out.split())

    code, out, _ = run("generate", "--root", str(repo), "--check")
    assert code == 1 and out.endswith("To fix it, run:\n  ownership-lint generate\n")
    for rel in generated:
        assert f"{rel} is out of date with team/." in out
    assert "+/alerts/" in out and "@sre-sally" in out
    assert {rel: (repo / rel).read_bytes() for rel in generated} == before  # --check writes nothing

    code, out, _ = run("generate", "--root", str(repo))
    assert code == 1
    for rel in generated:
        assert f"updated {rel}: it was not up to date with team/." in out
    assert "schemas/team.schema.json is up to date with team/." in out
    assert run("check", "--root", str(repo))[0] == 0
    assert run("generate", "--root", str(repo), "--check")[0] == 0
    assert run("docs", "--root", str(repo), "--check")[0] == 0


def test_generate_writes_the_configured_flavour_and_replaces_an_old_schema(
    run: Run, repo: Path
) -> None:
    (repo / ".ownership-lint.toml").write_text('flavor = "gitlab"\n')
    assert run("schemas", "--root", str(repo))[0] == 0
    old = json.loads((repo / "schemas/role.schema.json").read_text())
    old["description"] = "an older release's schema"
    (repo / "schemas/role.schema.json").write_text(json.dumps(old))
    code, out, _ = run("generate", "--root", str(repo))
    assert code == 1
    assert "created .gitlab/CODEOWNERS from team/." in out
    assert "updated schemas/role.schema.json" in out
    assert not (repo / ".github/CODEOWNERS").exists()
    assert "older release" not in (repo / "schemas/role.schema.json").read_text()


def test_nothing_is_generated_from_a_team_with_errors(run: Run, repo: Path) -> None:
    assert run("generate", "--root", str(repo))[0] == 1
    assert run("docs", "--root", str(repo))[0] == 0
    files = [".github/CODEOWNERS", "docs/TEAM.md"]
    before = {rel: (repo / rel).read_bytes() for rel in files}
    # devops also claims alerts.rules: OL102, an error.
    edit(
        repo / "team/roles/devops.yaml",
        "[pipelines.development]",
        "[pipelines.development, alerts.rules]",
    )
    for command in (["generate"], ["generate", "--check"], ["docs"], ["docs", "--check"]):
        code, out, err = run(*command, "--root", str(repo))
        assert code == 1, command
        assert "team/ has errors: nothing was" in err and "OL102" in out, command
    assert {rel: (repo / rel).read_bytes() for rel in files} == before
    code, out, _ = run("docs", "--root", str(repo), "-o", "-")  # standard output: a preview
    assert code == 0 and out.startswith("<!-- Generated by ownership-lint")


@pytest.mark.parametrize("rel", [".github/CODEOWNERS", "CODEOWNERS"])
def test_a_codeowners_kept_by_hand_is_left_alone(run: Run, repo: Path, rel: str) -> None:
    write_files(repo, {rel: "* @someone\n"})
    assert run("docs", "--root", str(repo))[0] == 0
    edit(repo / SRE, "title: Site Reliability Engineer", "title: Reliability")
    code, out, _ = run("generate", "--root", str(repo))
    assert code == 1 and "updated docs/TEAM.md" in out
    assert f"{rel} is kept by hand: left alone" in out
    assert (repo / rel).read_text() == "* @someone\n"
    # No generated file beside it either: .github/CODEOWNERS would take precedence.
    assert sorted(p.name for p in repo.rglob("CODEOWNERS")) == ["CODEOWNERS"]


def test_schemas_are_written_where_the_team_files_point(run: Run, tmp_path: Path) -> None:
    code, out, _ = run("schemas", "--root", str(tmp_path))
    assert code == 0
    assert out.splitlines() == [
        "wrote schemas/responsibilities.schema.json",
        "wrote schemas/role.schema.json",
        "wrote schemas/team.schema.json",
    ]
    for name in ("team", "responsibilities", "role"):
        document = json.loads((tmp_path / f"schemas/{name}.schema.json").read_text())
        assert document["$id"].endswith(f"/{name}.schema.json")
    assert run("schemas", "--root", str(tmp_path)) == (0, "schemas/ is up to date\n", "")
    code, out, _ = run("schemas", "--root", str(tmp_path), "--output", "editor/schemas")
    assert code == 0 and "wrote editor/schemas/role.schema.json" in out
    (tmp_path / ".ownership-lint.toml").write_text('schemas-dir = "conf/ol"\n')
    code, out, _ = run("schemas", "--root", str(tmp_path))
    assert code == 0 and "wrote conf/ol/team.schema.json" in out


def test_schemas_never_replace_a_file_of_someone_else(run: Run, tmp_path: Path) -> None:
    theirs = '{"$id": "https://example.org/team.schema.json"}\n'
    write_files(tmp_path, {"schemas/team.schema.json": theirs})
    code, _, err = run("schemas", "--root", str(tmp_path))
    assert code == 2 and "is not an ownership-lint schema" in err and "schemas-dir" in err
    assert (tmp_path / "schemas/team.schema.json").read_text() == theirs
    assert not (tmp_path / "schemas/role.schema.json").exists()
    # init refuses too, before writing anything.
    code, _, err = run("init", str(tmp_path))
    assert code == 2 and "is not an ownership-lint schema" in err
    assert not (tmp_path / "team").exists()


def test_schemas_output_must_stay_inside_the_repository(run: Run, tmp_path: Path) -> None:
    code, _, err = run("schemas", "--root", str(tmp_path), "--output", "../elsewhere")
    assert code == 2 and "inside the repository" in err
    (tmp_path / "out").symlink_to(tmp_path.parent)
    code, _, err = run("schemas", "--root", str(tmp_path), "--output", "out")
    assert code == 2 and "'out' is a link" in err


@pytest.mark.parametrize(
    ("team_dir", "schemas_dir", "line"),
    [
        ("team", "schemas", "$schema=../../schemas/role.schema.json"),
        ("ops/team", "schemas", "$schema=../../../schemas/role.schema.json"),
        ("team", "team-schemas/v1", "$schema=../../team-schemas/v1/role.schema.json"),
    ],
)
def test_created_files_point_at_the_written_schemas(
    run: Run, tmp_path: Path, team_dir: str, schemas_dir: str, line: str
) -> None:
    (tmp_path / ".ownership-lint.toml").write_text(
        f'team-dir = "{team_dir}"\nschemas-dir = "{schemas_dir}"\n'
    )
    assert run("init", str(tmp_path))[0] == 0
    role = tmp_path / team_dir / "roles/maintainer.yaml"
    first = role.read_text().splitlines()[0]
    assert first == f"# yaml-language-server: {line}"
    target = (role.parent / first.split("$schema=")[1]).resolve()
    assert target == (tmp_path / schemas_dir / "role.schema.json").resolve()
    assert target.is_file()
