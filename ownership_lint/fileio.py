"""Every file ownership-lint writes goes through here: never a half-written user file."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path


class NotARegularFile(OSError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"'{path}' is not a regular file: ownership-lint does not replace it")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same directory, fsynced, then
    renamed over the target: readers see the old file or the new one, never a mix.

    The target's permission bits are kept when it exists. On any failure the temporary file
    is removed and the old file is left as it was.
    """
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Renaming over a device, a pipe or a link would replace it with a plain file.
        raise NotARegularFile(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new file gets the permissions any other new file gets (mkstemp's are 0600).
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(path.parent)


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
    replace: bool = False,
    validate: Callable[[Path], None] | None = None,
) -> None:
    """Create (or, with `replace`, replace) the directory `target` holding `files` (relative
    paths) in one step: everything is written into a new directory beside it, `validate` may
    look at that directory and raise, and only then is it renamed into place. Readers see the
    old directory or the new one, never a mix; on any failure the old one is left as it was.
    """
    if target.exists() and not replace:
        raise FileExistsError(f"'{target}' already exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    old: Path | None = None
    try:
        for rel, data in sorted(files.items()):
            atomic_write(staging / rel, data)
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
