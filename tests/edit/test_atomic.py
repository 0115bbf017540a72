"""Atomic writes (edit/atomic.py): the old file or the new one, never half of one, no
temporary file left behind, a lost update refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.errors import AlreadyExistsError, ConcurrentEditError, WriteFailedError
from tests.support.editing import leftovers


def test_write_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    write_atomic(path, b"new\n", expected=b"old\n")
    assert path.read_bytes() == b"new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("crash")])
def test_a_failure_mid_write_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(b"old\n")

    def crash(_descriptor: int) -> None:
        raise error

    monkeypatch.setattr("kieumau_cli.edit.atomic.os.fsync", crash)
    expected_error = WriteFailedError if isinstance(error, OSError) else RuntimeError
    with pytest.raises(expected_error):
        write_atomic(path, b"new content that must not land\n", expected=b"old\n")
    assert path.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(b"old\n")

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(WriteFailedError, match="Permission denied"):
        write_atomic(path, b"new\n", expected=b"old\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


def test_lost_update_is_refused_and_the_other_write_survives(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(b"what someone else wrote\n")
    with pytest.raises(ConcurrentEditError):
        write_atomic(path, b"mine\n", expected=b"what I read\n")
    assert path.read_bytes() == b"what someone else wrote\n"
    assert leftovers(tmp_path) == []


def test_a_deleted_file_is_a_lost_update_too(tmp_path: Path) -> None:
    with pytest.raises(ConcurrentEditError):
        write_atomic(tmp_path / "gone.yaml", b"mine\n", expected=b"what I read\n")
    assert not (tmp_path / "gone.yaml").exists()


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    write_atomic(path, b"first\n", expected=None)
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    with pytest.raises(AlreadyExistsError):
        write_atomic(path, b"second\n", expected=None)
    assert path.read_bytes() == b"first\n"
    assert leftovers(tmp_path) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_overwrite_replaces_and_gives_the_usual_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    umask = os.umask(0o022)
    try:
        write_atomic(path, b"first\n", expected=None, overwrite=True)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's 0600
        write_atomic(path, b"second\n", expected=None, overwrite=True)
    finally:
        os.umask(umask)
    assert path.read_bytes() == b"second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
