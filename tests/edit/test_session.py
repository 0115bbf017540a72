"""The edit pipeline's guarantees (edit/session.py, edit/atomic.py): runs on one ward take
turns under its lock, so no exit-0 change is ever lost; a run that cannot get the lock
exits 1 with nothing written; leftovers of killed writes are cleaned; the file keeps its
owner, group and mode. The concurrency tests start real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kieumau_cli.edit import atomic, session
from tests.support.cli import invoke
from tests.support.data import EXAMPLE_WARD, TODAY, copy_shipped

RUNS = 8


def _start(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "KIEUMAU_TODAY": TODAY, "KIEUMAU_NO_CACHE": "1", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "kieumau_cli", "--root", str(root), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _finish(run: subprocess.Popen[str]) -> tuple[int, str]:
    """Wait for a run; its exit code and what it said on stderr."""
    _, stderr = run.communicate(timeout=120)
    return run.returncode, stderr


def _evidence(path: Path, criterion: str) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item["title"] for item in data["status"][criterion].get("evidence", [])]


def test_parallel_sets_on_one_ward_lose_nothing(example_root: Path) -> None:
    runs = [
        _start(example_root, "set", "phuong-mau", "C03", "--evidence", f"Biên bản số {n}")
        for n in range(RUNS)
    ]
    results = [_finish(run) for run in runs]
    landed = [f"Biên bản số {n}" for n, (code, _) in enumerate(results) if code == 0]
    # Every run got its turn (the lock waits longer than eight runs take), and every
    # change a run reported as written is in the file.
    assert [code for code, _ in results] == [0] * RUNS, results
    assert set(landed) <= set(_evidence(example_root / EXAMPLE_WARD, "C03"))
    assert invoke("--root", str(example_root), "check").exit_code == 0


def test_set_racing_migrate_loses_neither(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path, "thai-nguyen/phuong-duc-xuan")
    ward = root / "wards" / "thai-nguyen" / "phuong-duc-xuan.yaml"
    setting = _start(root, "set", "phuong-duc-xuan", "C01", "--note", "Ghi chú đua")
    migrating = _start(root, "migrate", "phuong-duc-xuan", "--to", "cap-kieu-mau@2023", "--write")
    (set_code, _), (migrate_code, _) = _finish(setting), _finish(migrating)
    text = ward.read_text(encoding="utf-8")
    # Whichever ran first, the other read what it wrote: both land (C01 is in both
    # versions of the set, and migrate carries a criterion's note over).
    assert (set_code, migrate_code) == (0, 0)
    assert "criteria: cap-kieu-mau@2023" in text
    assert "Ghi chú đua" in text


def test_a_run_that_cannot_get_the_lock_writes_nothing(
    example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    ward = example_root / EXAMPLE_WARD
    before = ward.read_bytes()
    monkeypatch.setattr(session, "LOCK_SECONDS", 0.2)
    with FileLock(session.lock_path(ward)):  # another run is editing this ward
        result = invoke("--root", str(example_root), "set", "phuong-mau", "C04", "met")
    assert result.exit_code == 1
    assert result.stderr == (
        "kieumau: phuong-mau.yaml đang được một lệnh khác sửa (đã chờ 0 giây); không ghi gì "
        "— hãy chạy lại lệnh sau\n"
    )
    assert ward.read_bytes() == before


def test_the_next_write_removes_what_a_killed_write_left(example_root: Path) -> None:
    ward = example_root / EXAMPLE_WARD
    leftover = ward.with_name(f".{ward.name}.x81k2q.tmp")
    leftover.write_bytes(ward.read_bytes()[:100])  # a write killed half-way
    other = ward.with_name(".phuong-khac.yaml.a1b2c3.tmp")
    other.write_bytes(b"x")  # another ward's leftover: not this write's to remove
    warned = invoke("--root", str(example_root), "check")
    assert "warning[stale-temp]" in warned.stdout
    assert invoke("--root", str(example_root), "set", "phuong-mau", "C04", "met").exit_code == 0
    assert not leftover.exists() and other.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_replace_keeps_the_owner_and_group(example_root: Path) -> None:
    ward = example_root / EXAMPLE_WARD
    os.chown(ward, 4242, 4343)
    ward.chmod(0o640)
    assert invoke("--root", str(example_root), "set", "phuong-mau", "C04", "met").exit_code == 0
    info = ward.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4242, 4343, 0o640)


@pytest.mark.skipif(not hasattr(os, "chown"), reason="files have no owner to keep")
def test_without_the_right_to_give_a_file_away_it_is_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A non-root editor of someone else's group-writable file: same inode, same owner."""
    path = tmp_path / "w.yaml"
    path.write_bytes(b"old\n")
    inode = path.stat().st_ino

    def refused(target: object, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic, "_owner", lambda _: (-2, -2))  # the temp file is not the owner's
    monkeypatch.setattr(os, "chown", refused)
    atomic.write_atomic(path, b"new\n", expected=b"old\n")
    assert path.read_bytes() == b"new\n" and path.stat().st_ino == inode
    assert [p.name for p in tmp_path.iterdir()] == ["w.yaml"]
