"""The library surface: what the CLI, integrations and tests call."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint import catalogue
from ownership_lint.config import Config, ConfigError, check_code, load_config
from ownership_lint.findings import Finding, Severity, Skipped
from ownership_lint.loading.team import MAX_BYTES, load_team
from ownership_lint.loading.text import NotText, conflict_markers, decode
from ownership_lint.model import Team
from ownership_lint.rules import cross_checks, path_checks
from ownership_lint.rules.base import Context, RulesFile

if TYPE_CHECKING:
    from ownership_lint.codeowners.model import CodeownersFile, Dialect
    from ownership_lint.codeowners.pattern import CompiledPattern

__all__ = [
    "Config",
    "ConfigError",
    "Coverage",
    "Ownership",
    "Report",
    "coverage",
    "find_root",
    "lint",
    "lint_codeowners",
    "load_config",
    "who_owns",
]

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
        # Everything a finding may compare team/ with: generated CODEOWNERS and documents.
        from ownership_lint.codeowners.locate import EVERY_LOCATION

        prefixes = [config.team_dir, config.docs_path, config.matrix_path, *EVERY_LOCATION]
        gitrepo.export(root, base, prefixes, Path(tmp))
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


# -- CODEOWNERS files ----------------------------------------------------------------------

_SECTION = re.compile(r"^\^?\[[^\]\n]+\]", re.MULTILINE)


def detect_dialect(rel_path: str, text: str) -> Dialect:
    """Where only one platform looks decides (.github/, .gitlab/); elsewhere GitLab when the
    file has `[Section]` headers, else GitHub."""
    if rel_path.startswith(".github/"):
        return "github"
    if rel_path.startswith(".gitlab/") or _SECTION.search(text):
        return "gitlab"
    return "github"


def locate_codeowners(root: Path, path: Path | None, dialect: Dialect | None) -> Path:
    """The CODEOWNERS file to use: `path` (relative to the current directory), or where the
    platform looks under `root`."""
    from ownership_lint.codeowners.locate import find_codeowners

    if path is not None:
        return path.absolute()
    for candidate in [dialect] if dialect else ["github", "gitlab"]:
        found = find_codeowners(root, candidate)  # type: ignore[arg-type]
        if found is not None:
            return found
    raise ConfigError(
        f"no CODEOWNERS file under '{root}' (looked in .github/, the root, docs/ and .gitlab/)"
    )


@dataclass
class LoadedCodeowners:
    path: str  # repository-relative where possible
    parsed: CodeownersFile
    size: int
    findings: list[Finding] = field(default_factory=list)  # about the text itself
    text: str = ""


def load_codeowners(
    root: Path, path: Path | None = None, dialect: Dialect | None = None
) -> LoadedCodeowners:
    """Read and parse a CODEOWNERS file; ConfigError when it cannot be read as text.

    The file the platform uses must be a regular file inside the repository. A file the user
    names (`path`) may lie outside it; either way a link is not read (`fileio.read_file`)."""
    from ownership_lint.codeowners.parse import parse
    from ownership_lint.escape import visible
    from ownership_lint.fileio import read_file, relative

    file = locate_codeowners(root, path, dialect)
    rel = relative(root, file)
    try:
        raw = read_file(root, file, anywhere=path is not None)
    except OSError as err:
        raise ConfigError(f"cannot read '{visible(rel)}': {err.strerror or err}") from err
    try:
        text = decode(raw)
    except NotText as err:
        raise ConfigError(f"{err.location(rel)}: {err.message}; {err.hint}") from err
    chosen = dialect or detect_dialect(rel, text)
    return LoadedCodeowners(rel, parse(text, chosen), len(raw), conflict_markers(text, rel), text)


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
    from ownership_lint.rules.paths import GITHUB_MAX_BYTES

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


# -- who owns what -------------------------------------------------------------------------


@dataclass
class Ownership:
    """Who owns one path, and why."""

    path: str
    owners: list[str]
    line: int | None = None
    pattern: str | None = None
    source: str = ""
    # With the team mapping: the role and its responsibilities whose paths cover this path,
    # and the handles the platform requests reviews from (what generated CODEOWNERS says).
    role: str | None = None
    responsibilities: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    kind: str = "file"  # or "directory": the answer is for the directory itself

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "kind": self.kind,
            "owners": self.owners,
            "line": self.line,
            "pattern": self.pattern,
        }
        if self.role is not None or self.source.endswith("path-ownership"):
            data["role"] = self.role
            data["responsibilities"] = self.responsibilities
            data["handles"] = self.handles
        return data


def _mapping(root: Path, config: Config) -> tuple[Team, LoadedCodeowners]:
    team = load_team(root, config.team_dir).team
    if team.mapping is None or team.mapping_path is None:
        raise ConfigError(
            f"no path mapping at '{config.team_dir}/path-ownership' (or it cannot be read); "
            "run 'ownership-lint check' for details, or pass --codeowners FILE"
        )
    return team, LoadedCodeowners(team.mapping_path, team.mapping, 0)


def _source(
    root: Path, codeowners: Path | None, config: Config
) -> tuple[Team | None, LoadedCodeowners]:
    if codeowners is not None:
        return None, load_codeowners(root, codeowners)
    return _mapping(root, config)


# `C:\x`, `C:/x` and `\\server\share`: paths of another system, never a file name here.
_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]|\\\\")


def repo_path(root: Path, given: str, cwd: Path | None = None) -> str:
    """A path as the user typed it, as a repository-relative POSIX path: an existing absolute
    path, or a path relative to the current directory (when that is inside the repository),
    is translated; `/docs/x` that exists nowhere reads from the root, as in CODEOWNERS; any
    other path is taken as relative to the root. A trailing `/` (a directory) is kept.
    Outside the repository, or a Windows path: ConfigError.

    Paths are POSIX: a backslash is part of a file name (`f\\oo` is one name), not a
    separator."""
    import os.path

    if os.name != "nt" and _WINDOWS_PATH.match(given):
        raise ConfigError(
            f"'{given}' is a Windows path: give the path POSIX-style ('/' between names), "
            "relative to the current directory or the repository root (e.g. 'terraform/main.tf')"
        )
    top = os.path.realpath(root)
    here = os.path.realpath(cwd or Path.cwd())
    text = given
    inside_here = here == top or here.startswith(top + os.sep)
    if os.path.isabs(text) and os.path.exists(text):
        full = os.path.realpath(text)
    elif os.path.isabs(text) and not text.startswith(top + "/"):
        full = os.path.normpath(os.path.join(top, text.lstrip("/")))  # '/docs/x': from the root
    elif os.path.isabs(text):
        full = os.path.normpath(text)
    elif inside_here:
        full = os.path.normpath(os.path.join(here, text))
    else:
        full = os.path.normpath(os.path.join(top, text))
    rel = os.path.relpath(full, top).replace(os.sep, "/")
    if rel == "." or rel == ".." or rel.startswith("../"):
        raise ConfigError(f"'{given}' is not a path inside the repository ({root})")
    return rel + "/" if given.endswith("/") else rel


def _work_tree_directory(root: Path, rel: str) -> bool | None:
    """True when `rel` is a directory in the work tree, False when it is something else
    there, None when it is not there. A path through a symbolic link is not a directory: git
    tracks the link itself, as a file."""
    import stat

    current = root
    for name in rel.split("/"):
        current = current / name
        try:
            mode = current.lstat().st_mode
        except (OSError, ValueError):
            return None
        if stat.S_ISLNK(mode):
            return False
    return stat.S_ISDIR(mode)


def who_owns(
    root: Path,
    paths: Sequence[str],
    *,
    codeowners: Path | None = None,
    config: Config | None = None,
) -> list[Ownership]:
    """The owners of each repository-relative path, from the team mapping or a CODEOWNERS file.

    A path is a directory when it ends with `/`, is a directory in the work tree, or (absent
    from the work tree) holds tracked files. A directory's owner is decided by the rules that
    match the directory itself, as git matches directories: `docs/` and `/docs/` match the
    directory `docs`, `docs/*` does not (see `Matcher`)."""
    from ownership_lint.codeowners.index import Matcher
    from ownership_lint.codeowners.pattern import compile_pattern

    config = config or Config()
    team, source = _source(root, codeowners, config)
    matcher = Matcher(source.parsed)
    roles = {role.id: role for role in team.roles} if team is not None else {}
    tracked: list[str] | None = None
    answers: list[Ownership] = []
    for given in paths:
        path = given.rstrip("/")
        directory = given.endswith("/")
        if not directory:
            found = _work_tree_directory(root, path)
            if found is None:
                if tracked is None:
                    tracked = sorted(git_files(root) or ())
                directory = _holds_tracked_files(tracked, path)
            else:
                directory = found
        owners = matcher.owners(path, directory=directory)
        rule = matcher.owner_rule(path, directory=directory)
        answer = Ownership(
            path=path,
            owners=list(owners),
            source=source.path,
            kind="directory" if directory else "file",
        )
        if rule is not None:
            answer.line, answer.pattern = rule.line, rule.pattern
        if team is not None:
            answer.role = answer.owners[0] if answer.owners else None
            handles = [h for o in answer.owners if o in roles for h in roles[o].handles()]
            answer.handles = list(dict.fromkeys(handles))
            role = roles.get(answer.role) if answer.role is not None else None
            owned = {claim.id for claim in role.owned()} if role else set()
            answer.responsibilities = [
                resp.id
                for resp in team.responsibilities
                if resp.id in owned
                and any(
                    _pattern_covers(compile_pattern(ref.id), path, directory) for ref in resp.paths
                )
            ]
        answers.append(answer)
    return answers


def _pattern_covers(pattern: CompiledPattern, path: str, directory: bool) -> bool:
    return pattern.matches_directory(path) if directory else pattern.matches(path)


def _holds_tracked_files(tracked: Sequence[str], path: str) -> bool:
    """True when a path of the sorted `tracked` list lies below the directory `path`."""
    import bisect

    stem = path + "/"
    at = bisect.bisect_left(tracked, stem)
    return at < len(tracked) and tracked[at].startswith(stem)


@dataclass
class Coverage:
    source: str
    total: int
    unowned: list[str]
    per_owner: Counter[str]

    @property
    def owned(self) -> int:
        return self.total - len(self.unowned)

    @property
    def percent(self) -> float:
        """The share of files with an owner; 0 when there are no files (a gate fails closed:
        an empty file list is a mistake, not full coverage)."""
        return 100 * self.owned / self.total if self.total else 0.0

    def below(self, percent: float) -> bool:
        """True when fewer than `percent` % of the files have an owner (compared exactly)."""
        return self.owned * 100 < percent * self.total or (not self.total and percent > 0)


def coverage(
    root: Path,
    *,
    codeowners: Path | None = None,
    tracked: Sequence[str] | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
) -> Coverage:
    """How many tracked files have an owner, and how many each owner has."""
    from ownership_lint.codeowners.index import Matcher

    config = config or Config()
    _, source = _source(root, codeowners, config)
    files = tracked if tracked is not None else git_files(root)
    if files is None:
        raise ConfigError(f"'{root}' is not a git repository: pass --paths-from FILE")
    tally = Matcher(source.parsed).tally(sorted(files), progress)
    return Coverage(source.path, len(files), tally.unowned, tally.per_owner)
