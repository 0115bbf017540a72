"""Atomic file writes: a temporary file in the same folder, flushed and
fsynced, then renamed into place; an exception at any point leaves the
original untouched and no temporary file behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from kieumau_cli.errors import AlreadyExistsError, ConcurrentEditError, WriteFailedError


def write_atomic(
    path: Path, data: bytes, *, expected: bytes | None, overwrite: bool = False
) -> None:
    """Write `data` to `path` atomically.

    `overwrite`: replace whatever is there (generated documents). Else
    `expected is None`: create a new file, never replacing one; otherwise the
    file is replaced only if it still holds exactly `expected` (the bytes the
    edit started from); if not, ConcurrentEditError and nothing is written.
    An exception at any point leaves the original untouched and no temporary
    file behind.
    """
    folder = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _write_failed(path, exc) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            temp.chmod(_default_mode() if not path.exists() else stat.S_IMODE(path.stat().st_mode))
            temp.replace(path)
        elif expected is None:
            _link_new(temp, path)
        else:
            if _current_bytes(path) != expected:
                raise ConcurrentEditError("error.changed_meanwhile", name=path.name)
            _replace_keeping_owner(temp, path, data)
        _sync_folder(folder)
    except OSError as exc:
        raise _write_failed(path, exc) from None
    finally:
        temp.unlink(missing_ok=True)


def _replace_keeping_owner(temp: Path, path: Path, data: bytes) -> None:
    """Put `temp` in place of `path` with the original's mode, owner and group: a record
    edited by another user of a shared folder stays the owner's. Where the new file
    cannot be given the owner (only root may give a file away), the original is
    rewritten in place instead — same inode, same owner — with the complete new content
    kept in `temp` until that rewrite is on disk."""
    info = path.stat()
    temp.chmod(stat.S_IMODE(info.st_mode))
    chown = getattr(os, "chown", None)  # not on Windows, where files have no such owner
    if chown is not None and (info.st_uid, info.st_gid) != _owner(temp):
        try:
            chown(temp, info.st_uid, info.st_gid)
        except PermissionError:
            with contextlib.suppress(PermissionError):  # the group, where we are a member
                chown(temp, -1, info.st_gid)
            if _owner(temp)[0] != info.st_uid:
                _rewrite_in_place(path, data)
                return
    temp.replace(path)


def _owner(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_uid, info.st_gid


def _rewrite_in_place(path: Path, data: bytes) -> None:
    with path.open("r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _write_failed(path: Path, exc: OSError) -> WriteFailedError:
    return WriteFailedError("error.write_failed", name=path.name, reason=exc.strerror or str(exc))


def _default_mode() -> int:
    """What a plain `open(path, "w")` would give: 0666 less the umask (mkstemp uses 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _link_new(temp: Path, path: Path) -> None:
    """Put `temp` in place as `path` without ever replacing an existing file."""
    temp.chmod(_default_mode())
    try:
        os.link(temp, path)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise AlreadyExistsError(path.name) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise AlreadyExistsError(path.name) from None
        temp.replace(path)


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
