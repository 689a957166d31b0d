"""Writing what is generated from team/: one rule for every generated file (nothing is
generated from a team that `check` finds errors in), `codeowners generate` for one CODEOWNERS
file, and `ownership-lint generate` for everything the repository has.

What the repository has is what is kept up to date: each CODEOWNERS file ownership-lint
generated (its header or marker block, at the places the platforms read), else a new one in
the configured flavour unless a CODEOWNERS kept by hand is there; the team document
(`docs-path`) and the matrix (`matrix-path`) when they exist; the schemas in `schemas-dir`
when ours are there. Files are compared and written through `artifacts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint import artifacts, generate
from ownership_lint.artifacts import Artifact, Comparison
from ownership_lint.codeowners.locate import DEFAULT_OUTPUT, EVERY_LOCATION
from ownership_lint.codeowners.model import Dialect
from ownership_lint.config import Config
from ownership_lint.drift import read_committed
from ownership_lint.errors import ConfigError, GenerationError, OutputError
from ownership_lint.escape import visible
from ownership_lint.findings import Finding, Severity

if TYPE_CHECKING:
    from ownership_lint.model import Team


def checked_team(
    root: Path,
    config: Config | None = None,
    *,
    tracked: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> Team:
    """The team under `root`, when `ownership-lint check` finds no error in it; else
    GenerationError with the findings. Stale generated files (OL4xx: CODEOWNERS, the team
    document, the matrix) are what regeneration is for, not a reason to refuse it. ConfigError
    when there is no team/."""
    from ownership_lint.linting import lint

    config = config or Config()
    report = lint(
        root, config=replace(config, skip=(*config.skip, "OL4")), tracked=tracked, today=today
    )
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    if errors or report.team is None:
        raise GenerationError(report.findings, report.files)
    return report.team


def team_to_show(root: Path, config: Config) -> tuple[Team, list[Finding]]:
    """The team to render on standard output (not into a file): what can be read, and the
    error findings of its files (a matrix of a team in trouble shows its gaps and conflicts).
    GenerationError when a file cannot be read at all: what it defines is unknown, so any
    rendering would be wrong."""
    from ownership_lint.loading.team import load_team

    loaded = load_team(root, config.team_dir)
    if loaded.team.unreadable:
        unreadable = set(loaded.team.unreadable)
        raise GenerationError([f for f in loaded.findings if f.location.path in unreadable])
    return loaded.team, [f for f in loaded.findings if f.severity is Severity.ERROR]


def read_existing(root: Path, path: Path | str, rel: str, *, anywhere: bool = False) -> str | None:
    """A file to regenerate as it is now (None: absent); ConfigError when it is refused (a
    link, outside the repository: nothing of it is read) or cannot be read as UTF-8 text."""
    try:
        return read_committed(root, path, anywhere=anywhere)
    except UnicodeDecodeError as err:
        raise ConfigError(f"'{visible(rel)}' is not UTF-8 text: it cannot be regenerated") from err
    except OSError as err:
        raise ConfigError(f"cannot read '{visible(rel)}': {err.strerror or err}") from err


@dataclass(frozen=True)
class Generated:
    """A CODEOWNERS file `codeowners generate` writes, against what is on disk."""

    comparison: Comparison
    flavor: Dialect
    rules: int
    root: Path
    # The output is a path the user named (--output): it may lie outside the repository.
    anywhere: bool = False
    # A new marker block put before the file's hand-written lines (which keep winning).
    placed_first: bool = False

    @property
    def rel(self) -> str:
        return self.comparison.artifact.rel

    @property
    def command(self) -> str:
        return self.comparison.artifact.command

    @property
    def existing(self) -> str | None:
        return self.comparison.existing

    @property
    def up_to_date(self) -> bool:
        return self.comparison.up_to_date

    def diff(self) -> str:
        return self.comparison.diff()


def codeowners_file(
    root: Path,
    team: Team,
    *,
    flavor: Dialect = "github",
    output: Path | None = None,
    markers: bool = False,
    force: bool = False,
) -> Generated:
    """What `codeowners generate` writes from a checked team, and what is on disk now.

    OutputError when the output file is hand-written (see `generate.compose`), or its
    hand-written lines would never apply after the generated block."""
    from ownership_lint.fileio import relative

    target = output if output is not None else root / DEFAULT_OUTPUT[flavor]
    rel = relative(root, target)
    artifact = artifacts.codeowners(rel, flavor, markers=markers, force=force)
    existing = read_existing(root, target, rel, anywhere=output is not None)
    try:
        whole = artifact.render(team, existing)
    except OutputError as err:
        raise OutputError(f"{visible(rel)}: {err}") from None
    dead = generate.overridden(whole)
    if dead:
        raise OutputError(f"{visible(rel)}:{generate.overridden_message(dead)}")
    assert team.mapping is not None
    placed_first = (
        existing is not None
        and flavor == "github"
        and not generate.is_generated(existing)
        and whole.startswith(generate.BEGIN_LINE)
    )
    return Generated(
        Comparison(artifact, existing, whole),
        flavor,
        len(team.mapping.rules),
        root,
        anywhere=output is not None,
        placed_first=placed_first,
    )


def generate_codeowners(
    root: Path,
    *,
    flavor: Dialect = "github",
    output: Path | None = None,
    config: Config | None = None,
    markers: bool = False,
    force: bool = False,
    tracked: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> Generated:
    """What `codeowners generate` writes, and what is on disk now; writes nothing.

    GenerationError when team/ has error findings (`checked_team`). OutputError when the
    output file is hand-written (see `generate.compose`). ConfigError when there is no team/.
    """
    team = checked_team(root, config, tracked=tracked, today=today)
    return codeowners_file(root, team, flavor=flavor, output=output, markers=markers, force=force)


def write_codeowners(generated: Generated) -> None:
    """Replace the output file in one step: never through a link, never outside the
    repository unless the user named the path (--output)."""
    artifacts.write(generated.root, generated.comparison, anywhere=generated.anywhere)


# -- everything at once --------------------------------------------------------------------


def kept_by_hand(root: Path) -> list[str]:
    """The CODEOWNERS files at the platforms' places that ownership-lint did not generate."""
    found = []
    for rel in EVERY_LOCATION:
        existing = read_existing(root, rel, rel)
        if existing is not None and not generate.is_generated(existing):
            found.append(rel)
    return found


def _codeowners(root: Path, team: Team, config: Config) -> list[Comparison]:
    places: list[Artifact] = []
    for rel in EVERY_LOCATION:
        existing = read_existing(root, rel, rel)
        if existing is not None and generate.is_generated(existing):
            default: Dialect = "gitlab" if rel.startswith(".gitlab/") else "github"
            places.append(artifacts.codeowners(rel, generate.generated_flavor(existing) or default))
    if not places:
        if kept_by_hand(root):
            # A CODEOWNERS kept by hand is the user's; a new generated one beside it could
            # take precedence over it (.github/ before the root): leave CODEOWNERS alone.
            return []
        flavor: Dialect = "gitlab" if config.flavor == "gitlab" else "github"
        places.append(artifacts.codeowners(DEFAULT_OUTPUT[flavor], flavor))
    return [_compare(root, artifact, team) for artifact in places]


def _compare(root: Path, artifact: Artifact, team: Team) -> Comparison:
    existing = read_existing(root, artifact.rel, artifact.rel)
    return Comparison(artifact, existing, artifact.render(team, existing))


def _documents(root: Path, team: Team, config: Config) -> list[Comparison]:
    import os

    found = []
    for artifact in (artifacts.document(config), artifacts.matrix(config)):
        # A link counts: it is refused (read_existing), never skipped.
        if os.path.lexists(root / artifact.rel):
            found.append(_compare(root, artifact, team))
    return found


def _schemas(root: Path, config: Config) -> list[Comparison]:
    from ownership_lint import schema_files

    shipped = schema_files.packaged()
    directory = root / config.schemas_dir
    if not any((directory / name).is_file() for name in shipped):
        return []
    schema_files.plan(root, config.schemas_dir)  # refuses a file that is not ours
    found = []
    for name, data in sorted(shipped.items()):
        rel = f"{config.schemas_dir}/{name}"
        text = data.decode("utf-8")
        artifact = artifacts.schema(rel, text)
        found.append(Comparison(artifact, read_existing(root, rel, rel), text))
    return found


def plan_all(
    root: Path,
    config: Config,
    *,
    tracked: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> list[Comparison]:
    """Every generated file of the repository, rendered from team/; nothing is written.

    GenerationError when team/ has errors, OutputError for a hand-written CODEOWNERS,
    ConfigError when a file cannot be read or there is no team/."""
    team = checked_team(root, config, tracked=tracked, today=today)
    return [
        *_codeowners(root, team, config),
        *_documents(root, team, config),
        *_schemas(root, config),
    ]


def write_all(root: Path, planned: Sequence[Comparison]) -> list[Comparison]:
    """Write the files that are not up to date (each atomically); those written."""
    written = [comparison for comparison in planned if not comparison.up_to_date]
    for comparison in written:
        artifacts.write(root, comparison)
    return written


__all__ = [
    "Generated",
    "GenerationError",
    "checked_team",
    "codeowners_file",
    "generate_codeowners",
    "kept_by_hand",
    "plan_all",
    "write_all",
    "write_codeowners",
]
