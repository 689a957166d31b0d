"""The files generated from team/: each CODEOWNERS (GitHub or GitLab flavour), the team
document and the responsibility matrix. One registry says where each lives, how it is
rendered and which command regenerates it; one comparison tells a committed file from what
team/ generates now. Drift findings (OL401, OL404, OL420, OL421), every `--check`, the
regenerate-everything command and `check --base` all go through here.

A committed file is read once, never through a link (`drift.read_committed`); a file that
cannot be compared (a link, not UTF-8, team/ cannot render it) is reported as such, never
passed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint.catalogue import generated
from ownership_lint.codeowners.locate import EVERY_LOCATION
from ownership_lint.drift import first_difference, read_committed, unified_diff
from ownership_lint.errors import GenerationError, OutputError
from ownership_lint.findings import Finding, Location

if TYPE_CHECKING:
    from ownership_lint.catalogue import Code
    from ownership_lint.codeowners.model import Dialect
    from ownership_lint.config import Config
    from ownership_lint.model import Team

# The findings the comparisons here report: drift of each kind, and hand-written rules a
# generated block overrides.
CODES = (
    generated.GENERATED_FILE_DRIFT,
    generated.OVERRIDDEN_HAND_WRITTEN_RULE,
    generated.STALE_TEAM_DOCUMENT,
    generated.STALE_MATRIX,
)

# Renders the whole file from a team, given what is committed now (a CODEOWNERS marker block
# keeps the lines around it). Raises GenerationError, OutputError or MatrixTooLarge.
Render = Callable[["Team", "str | None"], str]


@dataclass(frozen=True)
class Artifact:
    """One generated file: where it lives, how it is rendered, what regenerates it."""

    rel: str  # relative to the repository root (or a path the user named)
    kind: str  # "codeowners", "document", "matrix" or "schema"
    command: str  # the command that regenerates this file alone
    code: Code | None  # the finding its drift is (schemas: none, `check` does not read them)
    render: Render


def codeowners(
    rel: str, flavor: Dialect, *, markers: bool = False, force: bool = False
) -> Artifact:
    """A CODEOWNERS file of `flavor` at `rel` (`markers`/`force`: see `generate.compose`)."""
    from ownership_lint import generate

    def render(team: Team, existing: str | None) -> str:
        text = generate.render(team, flavor, rel)
        return generate.compose(text, existing, markers=markers, force=force, flavor=flavor)

    command = generate.command(flavor, rel)
    return Artifact(rel, "codeowners", command, generated.GENERATED_FILE_DRIFT, render)


def document(config: Config, rel: str | None = None, language: str | None = None) -> Artifact:
    """The team document (`docs-path`, `docs-language` unless given)."""
    language = language or config.docs_language

    def render(team: Team, existing: str | None) -> str:
        from ownership_lint.docs.document import render_document

        return render_document(team, language)

    return Artifact(
        rel or config.docs_path,
        "document",
        "ownership-lint docs",
        generated.STALE_TEAM_DOCUMENT,
        render,
    )


def matrix(config: Config, rel: str | None = None, fmt: str | None = None) -> Artifact:
    """The responsibility matrix (`matrix-path`; the format from its extension unless given)."""
    from ownership_lint.docs.matrix import format_for

    rel = rel or config.matrix_path
    chosen = fmt or format_for(rel)

    def render(team: Team, existing: str | None) -> str:
        from ownership_lint.docs.matrix import render_matrix

        return render_matrix(team, chosen)

    command = f"ownership-lint matrix --format {chosen} --output {rel}"
    return Artifact(rel, "matrix", command, generated.STALE_MATRIX, render)


def schema(rel: str, text: str) -> Artifact:
    """A JSON Schema the team files' editor lines point at: the packaged `text`."""
    return Artifact(rel, "schema", "ownership-lint schemas", None, lambda team, existing: text)


def places(config: Config) -> list[str]:
    """Every place a generated file may be committed (what `check --base` reads at base)."""
    return [*EVERY_LOCATION, config.docs_path, config.matrix_path]


@dataclass(frozen=True)
class Comparison:
    """A committed generated file against what team/ generates now."""

    artifact: Artifact
    existing: str | None  # None: not committed
    expected: str | None  # None: it could not be rendered or read
    problem: str = ""  # why the two could not be compared, when they could not

    @property
    def up_to_date(self) -> bool:
        return not self.problem and self.existing == self.expected

    @property
    def first_line(self) -> int:
        if self.existing is None or self.expected is None:
            return 1
        return first_difference(self.existing, self.expected)

    def diff(self, old_label: str = "on disk", new_label: str = "generated from team/") -> str:
        return unified_diff(
            self.existing or "", self.expected or "", self.artifact.rel, old_label, new_label
        )


def read(root: Path, rel: str, *, anywhere: bool = False) -> tuple[str | None, str]:
    """The committed file (None when absent) and, when it cannot be read, why: a link or a
    path outside the repository is never read (it could point anywhere)."""
    from ownership_lint.fileio import UnsafePath

    try:
        return read_committed(root, rel, anywhere=anywhere), ""
    except UnsafePath as err:
        return None, err.reason
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    except OSError as err:
        return None, f"cannot be read ({err.strerror or err})"


def compare(root: Path, artifact: Artifact, team: Team, *, anywhere: bool = False) -> Comparison:
    """Read the committed file and render the artifact: the one comparison of both."""
    existing, problem = read(root, artifact.rel, anywhere=anywhere)
    if problem:
        return Comparison(artifact, None, None, problem)
    try:
        return Comparison(artifact, existing, artifact.render(team, existing))
    except GenerationError as err:
        first = err.findings[0] if err.findings else None
        why = f" ({first.location}: {first.message})" if first else ""
        return Comparison(artifact, existing, None, f"cannot be generated from team/{why}")
    except OutputError as err:
        return Comparison(artifact, existing, None, f"has a broken marker block: {err}")


def committed_codeowners(root: Path) -> list[Artifact]:
    """The generated CODEOWNERS files the repository has, at the places the platforms read
    (with ownership-lint's header or marker block); a link there counts, to be refused."""
    from ownership_lint.codeowners.locate import present

    places = present(root)
    if not places:
        return []  # nothing to compare: generation is not even imported
    from ownership_lint import generate
    from ownership_lint.fileio import UnsafePath

    found = []
    for rel in places:
        flavor: Dialect = "gitlab" if rel.startswith(".gitlab/") else "github"
        try:
            existing = read_committed(root, rel)
        except UnsafePath:
            found.append(codeowners(rel, flavor))
            continue
        except (OSError, UnicodeDecodeError):
            continue  # not ours to judge: no generated file reads so
        try:
            ours = existing is not None and generate.is_generated(existing)
        except OutputError:
            ours = True  # a broken marker block: compared, and reported as broken
        if ours and existing is not None:
            found.append(codeowners(rel, generate.generated_flavor(existing) or flavor))
    return found


def committed(root: Path, config: Config) -> list[Artifact]:
    """Every generated file the repository has: generated CODEOWNERS files, and the team
    document and the matrix when they exist (a link counts: it is refused, never skipped)."""
    found = committed_codeowners(root)
    if os.path.lexists(root / config.docs_path):
        found.append(document(config))
    if os.path.lexists(root / config.matrix_path):
        found.append(matrix(config))
    return found


def drift_findings(
    root: Path, team: Team, config: Config, wanted: Callable[[str], bool]
) -> list[Finding]:
    """The findings of the committed generated files that are not what team/ generates now
    (OL401, OL420, OL421) and of hand-written rules a generated block overrides (OL404), for
    the codes `wanted`."""
    findings: list[Finding] = []
    for artifact in committed(root, config):
        if artifact.code is not None and wanted(artifact.code.code):
            findings += _drift(root, artifact, team, config)
        if artifact.kind == "codeowners" and wanted(generated.OVERRIDDEN_HAND_WRITTEN_RULE.code):
            findings += _overridden(root, artifact.rel)
    return findings


def _drift(root: Path, artifact: Artifact, team: Team, config: Config) -> list[Finding]:
    rel, code = artifact.rel, artifact.code
    assert code is not None
    if artifact.kind == "codeowners":
        return _codeowners_drift(root, artifact, team)
    existing, problem = read(root, rel)
    if problem:
        return [
            code.finding(
                Location(rel),
                f"{rel} {problem}; whether it is up to date cannot be checked",
                f"replace it with the regular file '{artifact.command}' writes, and commit that",
            )
        ]
    # A partly read team renders something else: other findings say why.
    if existing is None or not team.complete:
        return []
    if artifact.kind == "matrix":
        from ownership_lint.docs.matrix import MatrixTooLarge, check_size

        try:
            check_size(team)  # before rendering anything: a hostile size costs nothing
        except MatrixTooLarge as err:
            return [
                code.finding(
                    Location(rel),
                    f"{rel} cannot be compared with {team.root_dir}/: {err}",
                    "remove the committed matrix (a team this large needs another picture), "
                    "or split the team",
                )
            ]
    expected = artifact.render(team, existing)
    if existing == expected:
        return []
    if artifact.kind == "document":
        other = _other_language(team, config, existing)
        if other is not None:
            language = config.docs_language
            return [
                code.finding(
                    Location(rel),
                    f"{rel} has the '{other}' headings; the configuration asks for '{language}'",
                    f'set docs-language = "{other}" in the configuration, or run '
                    f"'ownership-lint docs' to render it with the '{language}' headings",
                )
            ]
        hint = (
            "run 'ownership-lint generate' (every generated file) or 'ownership-lint docs', "
            "and commit the result ('--check' shows the difference)"
        )
    else:
        hint = (
            f"run 'ownership-lint generate' (every generated file) or 'ownership-lint "
            f"matrix --output {rel}', and commit the result"
        )
    return [
        code.finding(
            Location(rel, first_difference(existing, expected)),
            f"{rel} is out of date with {team.root_dir}/",
            hint,
        )
    ]


def _other_language(team: Team, config: Config, existing: str) -> str | None:
    """The other headings language the committed document is rendered in, if any."""
    from ownership_lint.docs.document import render_document
    from ownership_lint.docs.headings import LANGUAGES

    others = [lang for lang in LANGUAGES if lang != config.docs_language]
    return next((lang for lang in others if render_document(team, lang) == existing), None)


def _codeowners_drift(root: Path, artifact: Artifact, team: Team) -> list[Finding]:
    """Fails closed: a generated CODEOWNERS that cannot be compared (a link at one of these
    places, team/ cannot be read completely or cannot be rendered, the marker block is
    broken) is reported, never passed: what it makes the platform grant cannot be checked."""
    rel, code = artifact.rel, artifact.code
    assert code is not None
    found = compare(root, artifact, team) if team.complete else None
    if found is None:
        existing, problem = read(root, rel)
        why = f"cannot be generated while '{team.unreadable[0]}' cannot be read"
        found = Comparison(artifact, existing, None, problem or why)
    if found.problem:
        return [
            code.finding(
                Location(rel),
                f"'{rel}' {found.problem}; whether it is what team/ generates cannot be checked",
                f"fix that, then run '{artifact.command}'",
            )
        ]
    if found.up_to_date:
        return []
    line = found.first_line
    return [
        code.finding(
            Location(rel, line),
            f"'{rel}' is out of date: team/ generates something else from line {line} on",
            f"run '{artifact.command}' (add --check to see the difference)",
        )
    ]


def _overridden(root: Path, rel: str) -> list[Finding]:
    """OL404 for a GitHub CODEOWNERS file: GitLab adds sections up, nothing is overridden."""
    from ownership_lint.generate import overridden

    if rel.startswith(".gitlab/"):
        return []
    text, problem = read(root, rel)
    if problem or text is None:
        return []
    code = generated.OVERRIDDEN_HAND_WRITTEN_RULE
    return [
        code.finding(
            Location(
                rel, found.rule.line, found.rule.column, found.rule.line, found.rule.end_column
            ),
            f"'{found.rule.pattern}' never applies: the generated block after it wins every "
            f"path it matches ('{found.by.pattern}' on line {found.by.line})",
            "move the generated block (BEGIN to END) above your lines; on GitHub the "
            "last matching rule wins",
            subject=found.rule.pattern,
        )
        for found in overridden(text)
    ]


def write(root: Path, comparison: Comparison, *, anywhere: bool = False) -> None:
    """Replace the file with what team/ generates (`fileio.atomic_write`: one step, never
    through a link, inside the repository unless the user named the path)."""
    from ownership_lint.fileio import atomic_write

    assert comparison.expected is not None
    target = Path(comparison.artifact.rel)
    path = target if target.is_absolute() else root / target
    atomic_write(path, comparison.expected.encode("utf-8"), root=root, anywhere=anywhere)
