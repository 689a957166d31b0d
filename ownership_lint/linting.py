"""Linting: the team definition (`lint`), what a change introduces (`lint_new`) and a real
CODEOWNERS file (`lint_codeowners`). Loads, runs the selected checks, compares the generated
files with what team/ generates now (`artifacts`), applies suppressions and the configuration,
and says which selected checks could not run."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint import artifacts, catalogue
from ownership_lint.config import Config, check_code
from ownership_lint.errors import ConfigError
from ownership_lint.findings import Finding, Severity, Skipped
from ownership_lint.loading.codeowners import load_codeowners
from ownership_lint.loading.team import MAX_BYTES, load_team
from ownership_lint.model import Team
from ownership_lint.rules import cross_checks, path_checks
from ownership_lint.rules.base import Context, RulesFile

if TYPE_CHECKING:
    from ownership_lint.codeowners.model import Dialect

Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass
class Report:
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    team: Team | None = None
    # Selected checks that could not run (no tracked files...): shown by every format.
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def find_root(start: Path) -> Path:
    """The git top-level containing `start`, or `start` itself outside a repository."""
    from ownership_lint.gitrepo import GitError, top_level

    try:
        return top_level(start)
    except GitError:
        return start


def git_files(root: Path) -> list[str] | None:
    """The tracked files under `root` from git's index, or None outside a repository."""
    return _tracked_files(root)[0]


def _tracked_files(root: Path) -> tuple[list[str] | None, str]:
    """The tracked files from git's index, or None and why they are not known."""
    from ownership_lint.gitrepo import GitError, tracked_files

    try:
        return tracked_files(root), ""
    except GitError as err:
        fix = "install it" if "not installed" in str(err) else "run inside the repository"
        return None, (
            f"the tracked files are not known: {err}; {fix}, or pass --paths-from FILE "
            "(the tracked files, one a line)"
        )


def _path_findings(rules: RulesFile, config: Config) -> list[Finding]:
    findings: list[Finding] = []
    for check in path_checks():
        meta = check.meta
        if rules.kind in check.kinds and config.wants(meta.code, meta.opt_in, meta.integrity):
            findings.extend(check.check(rules))
    return findings


def _not_run(
    rules: RulesFile, config: Config, reason: str, *, strict: bool = True
) -> list[Skipped]:
    """The selected checks of `rules` that need the tracked files, which cannot be used.

    `strict`: ConfigError when one of them was asked for by name (its exact code in
    `select`, or a flag such as --unowned): the user wants its answer, and a pass would lie."""
    codes = [
        check.meta.code
        for check in path_checks()
        if check.meta.needs_tracked_files
        and rules.kind in check.kinds
        and config.wants(check.meta.code, check.meta.opt_in)
    ]
    asked = [code for code in codes if code in config.select or code in config.enable]
    if asked and strict:
        raise ConfigError(f"{', '.join(asked)} cannot run on {rules.path}: {reason}")
    return [Skipped(tuple(codes), rules.path, reason)] if codes else []


def lint(
    root: Path,
    *,
    config: Config | None = None,
    today: dt.date | None = None,
    tracked: Sequence[str] | None = None,
) -> Report:
    """Load the team definition under `root` and run every check the configuration selects.

    `tracked` is the list of tracked files the path mapping is checked against (dead and
    shadowed rules); by default git's index, and those checks are skipped outside git or
    when no file is tracked yet.
    Without `config`, defaults apply (the configuration files are the CLI's to find).
    Raises ConfigError when there is no team definition to look at.
    """
    config = config or Config()
    loaded = load_team(root, config.team_dir)
    team = loaded.team
    if config.policy:
        team.policy = replace(team.policy, **config.policy)
    findings = list(loaded.findings)
    skipped: list[Skipped] = []
    ctx = Context(today=today or dt.date.today(), root=root, config=config)
    # What ran, so that a suppression of a rule that did not run is not called unused.
    ran = {
        code
        for code, entry in catalogue.codes().items()
        if config.wants(code, entry.opt_in, entry.integrity)
    }
    for rule in cross_checks():
        if config.wants(rule.meta.code, rule.meta.opt_in, rule.meta.integrity):
            findings.extend(rule.check(team, ctx))
    findings.extend(artifacts.drift_findings(root, team, config, lambda code: code in ran))
    if team.mapping is not None and team.mapping_path is not None:
        from ownership_lint.codeowners.analysis import analyse

        files, why = (tracked, "") if tracked is not None else _tracked_files(root)
        rules = RulesFile(
            path=team.mapping_path,
            parsed=team.mapping,
            kind="mapping",
            # No tracked file at all (a new repository): nothing for dead or shadowed rules
            # to be judged against, as outside git.
            analysis=analyse(team.mapping, files) if files else None,
        )
        findings.extend(_path_findings(rules, config))
        if rules.analysis is None:
            ran -= {c.meta.code for c in path_checks() if c.meta.needs_tracked_files}
        if files is None:
            skipped = _not_run(rules, config, why)
    findings = _suppress(root, team.files, findings, ran)
    findings = config.apply(findings)
    findings.sort(key=Finding.sort_key)
    return Report(findings=findings, files=team.files, team=team, skipped=skipped)


def _suppress(
    root: Path, files: Sequence[str], findings: list[Finding], ran: set[str]
) -> list[Finding]:
    from ownership_lint import suppressions

    found = suppressions.scan_files(root, files, MAX_BYTES)
    if not found:
        return findings
    for suppression in found:
        for code in suppression.codes:
            try:
                check_code(code, f"{suppression.location}: a suppression")
            except ConfigError as err:
                raise ConfigError(
                    f"{err} Suppressions name exact rule codes such as OL102, separated by commas."
                ) from None
    kept, unused = suppressions.apply(findings, found, ran, catalogue.integrity_codes())
    return kept + unused


def lint_new(
    root: Path,
    base: str,
    *,
    config: Config | None = None,
    today: dt.date | None = None,
    tracked: Sequence[str] | None = None,
) -> Report:
    """Only the findings that the change since revision `base` introduces (a ratchet).

    A finding is old when the same rule fires on the same object at `base` (same file and
    message, positions aside). `base` is read from git without touching the work tree.
    Integrity checks' findings are never old: what a generated CODEOWNERS grants is not debt
    to live with.
    """
    import tempfile

    from ownership_lint import gitrepo

    config = config or Config()
    report = lint(root, config=config, today=today, tracked=tracked)
    with tempfile.TemporaryDirectory(prefix="ownership-lint-base-") as tmp:
        # Everything a finding may compare team/ with: the generated files.
        gitrepo.export(root, base, [config.team_dir, *artifacts.places(config)], Path(tmp))
        try:
            old = lint(Path(tmp), config=config, today=today, tracked=gitrepo.files_at(root, base))
            known = Counter(finding.identity() for finding in old.findings)
        except ConfigError:
            known = Counter()  # no team definition at base: everything is new
    new = []
    integrity = catalogue.integrity_codes()
    for finding in report.findings:
        if finding.code in integrity:
            new.append(finding)
        elif known[finding.identity()] > 0:
            known[finding.identity()] -= 1
        else:
            new.append(finding)
    report.findings = new
    return report


def _roster(root: Path, team_dir: str) -> frozenset[str] | None:
    if not (root / team_dir).is_dir():
        return None
    team = load_team(root, team_dir).team
    handles = {ref.id.lower() for role in team.roles for ref in role.members}
    handles |= {role.handle.id.lower() for role in team.roles if role.handle}
    return frozenset(handles)


def lint_codeowners(
    root: Path,
    path: Path | None = None,
    *,
    dialect: Dialect | None = None,
    tracked: Sequence[str] | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check a real CODEOWNERS file (by default the one the platform would use under `root`).

    Dead, shadowed and unowned checks use `tracked` (default: git's index); they are skipped
    when the tracked files are not known.
    """
    from ownership_lint.codeowners.analysis import analyse
    from ownership_lint.codeowners.locate import GITHUB_MAX_BYTES

    config = config or Config()
    loaded = load_codeowners(root, path, dialect)
    files, why = (tracked, "") if tracked is not None else _tracked_files(root)
    rules = RulesFile(
        path=loaded.path,
        parsed=loaded.parsed,
        kind="codeowners",
        size=loaded.size,
        roster=_roster(root, config.team_dir),
    )
    skipped: list[Skipped] = []
    if loaded.size >= GITHUB_MAX_BYTES:
        # GitHub does not load a file over its limit at all: nothing else about it matters.
        reason = f"GitHub ignores a file of {GITHUB_MAX_BYTES:,} bytes or more (OL309)"
        skipped = _not_run(rules, config, reason, strict=False)
    elif files is None:
        skipped = _not_run(rules, config, why)
    elif files:
        # With nothing tracked at all (a new repository) no rule is dead or shadowed yet.
        rules.analysis = analyse(loaded.parsed, files, progress)
    findings = config.apply(loaded.findings + _path_findings(rules, config))
    findings.sort(key=Finding.sort_key)
    return Report(findings=findings, files=[loaded.path], skipped=skipped)
