"""atomic_write: the old file survives any failure; the new one appears whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ownership_lint.fileio import LinkRefused, NotARegularFile, atomic_write, write_directory


def test_writes_new_file_and_replaces_old(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "CODEOWNERS"
    atomic_write(target, b"first\n", root=tmp_path)
    assert target.read_bytes() == b"first\n"
    atomic_write(target, b"second\n", root=tmp_path)
    assert target.read_bytes() == b"second\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["CODEOWNERS"]


def test_failure_mid_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "CODEOWNERS"
    target.write_bytes(b"old content\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, b"new content that never lands\n", root=tmp_path)
    assert target.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["CODEOWNERS"]


def test_keeps_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "script"
    target.write_bytes(b"old")
    target.chmod(0o750)
    atomic_write(target, b"new", root=tmp_path)
    assert target.stat().st_mode & 0o777 == 0o750


def test_write_directory_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "team"
    write_directory(target, {"a.yaml": b"1", "roles/b.yaml": b"2"}, root=tmp_path)
    assert (target / "roles/b.yaml").read_bytes() == b"2"
    with pytest.raises(FileExistsError):
        write_directory(target, {"c.yaml": b"3"}, root=tmp_path)
    write_directory(target, {"c.yaml": b"3"}, root=tmp_path, replace=True)
    assert sorted(p.name for p in target.iterdir()) == ["c.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team"]


def test_write_directory_failure_keeps_the_old_directory(tmp_path: Path) -> None:
    target = tmp_path / "team"
    write_directory(target, {"old.yaml": b"old"}, root=tmp_path)

    def reject(staging: Path) -> None:
        assert (staging / "new.yaml").read_bytes() == b"new"
        raise ValueError("does not validate")

    with pytest.raises(ValueError, match="does not validate"):
        write_directory(target, {"new.yaml": b"new"}, root=tmp_path, replace=True, validate=reject)
    assert [p.name for p in target.iterdir()] == ["old.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team"]


def test_never_replaces_a_link_or_a_device(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.write_bytes(b"kept")
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(LinkRefused):
        atomic_write(link, b"new", root=tmp_path)
    assert link.is_symlink() and real.read_bytes() == b"kept"
    with pytest.raises(NotARegularFile):
        atomic_write(Path("/dev/null"), b"new", root=tmp_path, anywhere=True)
    assert not Path("/dev/null").is_file()


def test_new_files_and_directories_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.sarif", b"{}", root=tmp_path)
        write_directory(tmp_path / "team", {"roles/a.yaml": b"x"}, root=tmp_path)
    finally:
        os.umask(old)
    assert (tmp_path / "new.sarif").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "team").stat().st_mode & 0o777 == 0o755
