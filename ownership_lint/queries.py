"""Questions about who owns what: the owners of given paths, and of every tracked file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint.answers import Coverage, Ownership
from ownership_lint.config import Config
from ownership_lint.errors import ConfigError
from ownership_lint.linting import Progress, git_files
from ownership_lint.loading.codeowners import LoadedCodeowners, load_codeowners
from ownership_lint.loading.team import load_team
from ownership_lint.model import Team

if TYPE_CHECKING:
    from ownership_lint.codeowners.pattern import CompiledPattern


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
