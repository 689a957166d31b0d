"""Every file ownership-lint writes goes through here (never a half-written user file), and
every file it reads from the repository (never a link, never outside it).

Everything in the linted repository is hostile, its links included: a committed
`.github -> ../elsewhere` would have `codeowners generate` replace files outside the
repository, and a committed `docs/TEAM.md -> ~/.netrc` would have `docs --check` print that
file into a CI log. So no link that lives inside the repository is ever followed, for reading
or for writing, and what a path names must lie inside the repository. The one exception is a
path the user names on the command line (`--output-file` for a SARIF report in the runner's
temporary directory, an explicit `codeowners lint FILE`): it may lie outside the repository;
no link inside the repository is followed on the way, and no file is written through a link.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path

from ownership_lint.escape import visible

# Anything read from the repository without a tighter limit of its own (team files have
# theirs): bounds the memory a hostile file can take.
READ_LIMIT = 64 * 1024 * 1024


class UnsafePath(OSError):
    """A path ownership-lint does not read or write: a link, something that is not a regular
    file, or a place outside the repository. The CLI reports it and exits 2."""

    def __init__(self, shown: str, reason: str) -> None:
        self.shown = shown
        self.reason = reason
        super().__init__(f"'{visible(shown)}' {reason}")


class LinkRefused(UnsafePath):
    def __init__(self, shown: str, inside: bool = True) -> None:
        super().__init__(
            shown,
            "is a link: ownership-lint does not follow links in the repository"
            if inside
            else "is a link: ownership-lint does not replace it",
        )


class OutsideRepository(UnsafePath):
    def __init__(self, shown: str) -> None:
        super().__init__(shown, "is outside the repository")


class NotARegularFile(UnsafePath):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            str(path), "is not a regular file: ownership-lint does not read or replace it"
        )


class FileTooLarge(OSError):
    def __init__(self, shown: str, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"'{visible(shown)}' is {size:,} bytes; the limit is {limit:,}")


def _is_link(path: Path) -> bool:
    return path.is_symlink() or (hasattr(path, "is_junction") and path.is_junction())


def relative(root: Path, path: Path) -> str:
    """`path` relative to `root` in POSIX form when it lies inside it (by name: no link is
    followed), else `path` as it is."""
    full = Path(os.path.abspath(root / path))
    for base in dict.fromkeys((Path(os.path.abspath(root)), root.resolve())):
        if full.is_relative_to(base):
            return full.relative_to(base).as_posix() or "."
    return path.as_posix()


def checked_path(
    root: Path, path: Path | str, *, anywhere: bool = False, writing: bool = False
) -> Path:
    """The real path `path` (relative to `root`, or absolute) names, refusing what must not
    be read or written: a link inside the repository anywhere on the way (`.github` ->
    elsewhere, or the file itself), and, unless `anywhere` (a path the user named on the
    command line), a path outside the repository. `..` is read by name first, so that
    `a/../b` never goes through `a`. Raises UnsafePath.

    Links outside the repository (a home directory on another disk, a configuration file
    kept in a dotfiles directory...) are the machine's, not the repository's: they are
    followed like any path the operating system resolves; except, when `writing`, a link at
    the path itself, which replacing the file would replace.
    """
    top = root.resolve()
    full = Path(os.path.abspath(root / path))
    shown = relative(root, full)
    real = Path(full.anchor)
    for index, part in enumerate(full.parts[1:], start=2):
        candidate = real / part  # `real` has no link in it: `candidate` is where it is
        if not _is_link(candidate):
            real = candidate
            continue
        inside = candidate.is_relative_to(top)
        if inside or (writing and index == len(full.parts)):
            if index == len(full.parts):
                raise LinkRefused(shown, inside)
            raise LinkRefused(relative(root, Path(*full.parts[:index])))
        real = Path(os.path.realpath(candidate))
    if not anywhere and not real.is_relative_to(top):
        raise OutsideRepository(shown)
    return real


def read_file(
    root: Path, path: Path | str, *, limit: int = READ_LIMIT, anywhere: bool = False
) -> bytes:
    """The bytes of the regular file at `path` (see `checked_path` for what is refused), at
    most `limit` of them. Raises UnsafePath, FileTooLarge, FileNotFoundError or OSError."""
    real = checked_path(root, path, anywhere=anywhere)
    # O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused below).
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(real, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        shown = relative(root, Path(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(shown)
        if info.st_size > limit:
            raise FileTooLarge(shown, info.st_size, limit)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(shown, len(data), limit)
    return data


def atomic_write(path: Path, data: bytes, *, root: Path, anywhere: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same directory, fsynced, then
    renamed over the target: readers see the old file or the new one, never a mix.

    `path` must be inside the repository `root` (or anywhere, with `anywhere`: a path the
    user named), and neither it nor any directory on the way inside the repository may be a
    link (`checked_path`); missing directories are created. The target's permission bits
    are kept when it exists. On any failure the temporary file is removed and the old file
    is left as it was.
    """
    import tempfile  # writing only: `check` reads

    target = checked_path(root, path, anywhere=anywhere, writing=True)
    if target.exists() and not target.is_file():
        # Renaming over a device, a pipe or a directory would replace it with a plain file.
        raise NotARegularFile(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A new file gets the permissions any other new file gets (mkstemp's are 0600).
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(target.parent)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible on every platform, and not fatal.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_directory(
    target: Path,
    files: Mapping[str, bytes],
    *,
    root: Path,
    replace: bool = False,
    validate: Callable[[Path], None] | None = None,
) -> None:
    """Create (or, with `replace`, replace) the directory `target` inside the repository
    `root`, holding `files` (relative paths), in one step: everything is written into a new
    directory beside it, `validate` may look at that directory and raise, and only then is
    it renamed into place. Readers see the old directory or the new one, never a mix; on any
    failure the old one is left as it was. A `target` that is a link, or lies behind one, is
    refused (`checked_path`).
    """
    import shutil
    import tempfile

    real = checked_path(root, target, writing=True)
    if real.exists() and not replace:
        raise FileExistsError(f"'{visible(relative(root, target))}' already exists")
    target = Path(os.path.abspath(root / target))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    old: Path | None = None
    try:
        for rel, data in sorted(files.items()):
            atomic_write(staging / rel, data, root=staging)
        if validate is not None:
            validate(staging)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's are 0700
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.replace(target, old / target.name)
        os.replace(staging, target)
    except BaseException:
        if old is not None and not target.exists():
            os.replace(old / target.name, target)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
