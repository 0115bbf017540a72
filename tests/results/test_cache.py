"""The validated-status cache (results/cache.py), through `status`.

A cache hit must print exactly what a fresh run prints; any edit to the ward or
its criteria set, a corrupt entry or KIEUMAU_NO_CACHE means recomputing; an
invalid file is never cached; the date of the run is never cached.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kieumau_cli.load.repository import Repository
from kieumau_cli.results.cache import CACHE_FORMAT
from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_SET as SET
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.data import GOLDEN, REPO, edit


def _entries() -> list[Path]:
    return sorted((Path(os.environ["KIEUMAU_CACHE_DIR"]) / "status").glob("*.json"))


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, `status` must be served from the cache."""

    def fail(*_: object) -> None:
        raise AssertionError("validated again instead of using the cache")

    monkeypatch.setattr(Repository, "open_ward", fail)


def _status(invoke: Invoke, root: Path, *args: str) -> tuple[int, str, str]:
    result = invoke("--root", str(root), "status", "phuong-mau", *args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args", [(), ("-f", "json"), ("-f", "md", "--lang", "en")])
def test_a_hit_prints_what_a_fresh_run_prints(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    fresh = _status(invoke, example_root, *args)
    assert fresh[0] == 0
    assert len(_entries()) == 1
    _no_validation(monkeypatch)
    assert _status(invoke, example_root, *args) == fresh


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("status-dong-son.vi.txt", []),
        ("status-dong-son.en.txt", ["--lang", "en"]),
        ("status-dong-son.vi.md", ["--format", "md"]),
        ("status-dong-son.json", ["--format", "json"]),
    ],
)
def test_hits_match_the_golden_files(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, name: str, args: list[str]
) -> None:
    monkeypatch.chdir(REPO)
    golden = (GOLDEN / name).read_text(encoding="utf-8")
    assert invoke("status", "phuong-dong-son", *args).stdout == golden
    _no_validation(monkeypatch)
    assert invoke("status", "phuong-dong-son", *args).stdout == golden


def test_editing_the_ward_invalidates(invoke: Invoke, example_root: Path) -> None:
    assert "Đội trưởng" in _status(invoke, example_root)[1]
    edit(example_root / WARD, "owner: Đội trưởng", "owner: Đội phó")
    code, out, _ = _status(invoke, example_root)
    assert code == 0
    assert "Đội phó" in out and "Đội trưởng" not in out


def test_editing_the_criteria_set_invalidates(invoke: Invoke, example_root: Path) -> None:
    assert "Security and order" in _status(invoke, example_root, "--lang", "en")[1]
    edit(example_root / SET, "en: Security and order", "en: Public order")
    code, out, _ = _status(invoke, example_root, "--lang", "en")
    assert code == 0
    assert "Public order" in out and "Security and order" not in out


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\xff\xfe not json",
        b'{"format": 1',
        b"[]",
        b'{"format": 1, "set": "bo-mau@1", "set_file": "bo-mau/1.yaml", "data": {}}',
        b'{"format": 999}',
    ],
)
def test_a_corrupt_entry_is_ignored_and_replaced(
    invoke: Invoke, example_root: Path, garbage: bytes
) -> None:
    fresh = _status(invoke, example_root, "-f", "json")
    (entry,) = _entries()
    entry.write_bytes(garbage)
    assert _status(invoke, example_root, "-f", "json") == fresh
    assert json.loads(entry.read_bytes())["format"] == CACHE_FORMAT  # written again


def test_a_wrongly_typed_entry_is_ignored(invoke: Invoke, example_root: Path) -> None:
    fresh = _status(invoke, example_root, "-f", "json")
    (entry,) = _entries()
    stored = json.loads(entry.read_bytes())
    stored.pop("texts")  # the data itself must be judged, not the text printed from it
    stored["data"]["score"][0] = "two"
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert _status(invoke, example_root, "-f", "json") == fresh


def test_no_cache_env_turns_it_off(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_NO_CACHE", "1")
    first = _status(invoke, example_root)
    assert first[0] == 0
    assert _entries() == []
    assert _status(invoke, example_root) == first


def test_an_unusable_cache_folder_changes_nothing(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fresh = _status(invoke, example_root, "-f", "json")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KIEUMAU_CACHE_DIR", str(blocker))
    assert _status(invoke, example_root, "-f", "json") == fresh


def test_an_invalid_ward_is_never_cached(invoke: Invoke, example_root: Path) -> None:
    edit(example_root / WARD, "status: met", "status: done", first=True)
    first = _status(invoke, example_root)
    assert first[0] == 1
    assert "done" in first[2]
    assert _entries() == []
    assert _status(invoke, example_root) == first


def test_a_cached_ward_made_invalid_reports_its_errors(invoke: Invoke, example_root: Path) -> None:
    assert _status(invoke, example_root)[0] == 0
    edit(example_root / WARD, "status: met", "status: done", first=True)
    code, out, err = _status(invoke, example_root)
    assert (code, out) == (1, "")
    assert "done" in err


def test_a_cached_set_made_invalid_reports_its_errors(invoke: Invoke, example_root: Path) -> None:
    assert _status(invoke, example_root)[0] == 0
    edit(example_root / SET, "en: Security and order", "en: ''")
    code, out, err = _status(invoke, example_root)
    assert (code, out) == (1, "")
    assert "1.yaml" in err


def test_overdue_is_judged_on_the_day_of_the_run(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = json.loads(_status(invoke, example_root, "-f", "json")[1])
    assert not any(c["overdue"] for c in before["criteria"])
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-07-01")
    monkeypatch.setenv("KIEUMAU_NO_CACHE", "1")
    computed = _status(invoke, example_root, "-f", "json")[1]
    computed_md = _status(invoke, example_root, "-f", "md")[1]
    monkeypatch.delenv("KIEUMAU_NO_CACHE")
    _no_validation(monkeypatch)
    after = _status(invoke, example_root, "-f", "json")[1]
    assert after == computed
    assert "C03" in [c["id"] for c in json.loads(after)["criteria"] if c["overdue"]]
    md = _status(invoke, example_root, "-f", "md")[1]
    assert md == computed_md
    assert "**31/03/2026 (quá hạn)**" in md


def test_as_of_is_always_computed(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _status(invoke, example_root)[0] == 0  # a current entry exists
    code, out, _ = _status(invoke, example_root, "--as-of", "2026-01-25", "-f", "json")
    payload = json.loads(out)
    assert code == 0
    assert payload["as_of"] == "2026-01-25"
    monkeypatch.setenv("KIEUMAU_NO_CACHE", "1")
    assert _status(invoke, example_root, "--as-of", "2026-01-25", "-f", "json")[1] == out
    _no_validation(monkeypatch)
    monkeypatch.delenv("KIEUMAU_NO_CACHE")
    code, _, err = _status(invoke, example_root, "--as-of", "2026-01-25")
    assert code == 3  # the AssertionError planted above is an internal error
    assert "validated again" in err  # --as-of went past the cache, to validation


# --- a shared cache folder cannot be poisoned ----------------------------------------------

POSIX_OWNERS = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="files have no owners")


def _planted(example_root: Path, invoke: Invoke) -> tuple[Path, str]:
    """An entry another user could compute and write: the real one, claiming 4/4."""
    fresh = _status(invoke, example_root, "-f", "json")[1]
    (entry,) = _entries()
    stored = json.loads(entry.read_bytes())
    for kept in stored["texts"].values():
        kept["text"] = "planted: 4/4"
    for group in stored["data"]["groups"]:
        for row in group[3]:
            row[4] = "met"
    stored["data"]["score"] = {**stored["data"]["score"], "met": 4, "not_met": 0}
    stored["data"]["score"]["in_progress"] = stored["data"]["score"]["unknown"] = 0
    entry.write_text(json.dumps(stored), encoding="utf-8")
    return entry, fresh


@POSIX_OWNERS
def test_the_cache_folder_is_private(invoke: Invoke, example_root: Path) -> None:
    _status(invoke, example_root)
    folder = Path(os.environ["KIEUMAU_CACHE_DIR"]) / "status"
    assert folder.stat().st_mode & 0o777 == 0o700


@POSIX_OWNERS
def test_an_entry_of_another_user_is_never_believed(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, fresh = _planted(example_root, invoke)
    real_uid = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: real_uid + 1)  # the entry is not ours now
    assert _status(invoke, example_root, "-f", "json")[1] == fresh
    assert '"met": 4' not in fresh
    assert "planted" not in fresh


@POSIX_OWNERS
@pytest.mark.parametrize("mode", [0o664, 0o646])
def test_an_entry_others_may_write_is_ignored(
    invoke: Invoke, example_root: Path, mode: int
) -> None:
    entry, fresh = _planted(example_root, invoke)
    entry.chmod(mode)
    assert _status(invoke, example_root, "-f", "json")[1] == fresh


@POSIX_OWNERS
def test_a_folder_others_may_write_is_neither_read_nor_written(
    invoke: Invoke, example_root: Path
) -> None:
    entry, fresh = _planted(example_root, invoke)
    entry.parent.chmod(0o777)
    assert _status(invoke, example_root, "-f", "json")[1] == fresh
    entry.unlink()
    assert _status(invoke, example_root, "-f", "json")[1] == fresh
    assert _entries() == []  # nothing written into a folder that is not ours


@pytest.mark.parametrize("status", ["mett", "", None, 7, "MET"])
def test_an_entry_with_an_unknown_status_is_a_miss_not_a_crash(
    invoke: Invoke, example_root: Path, status: object
) -> None:
    fresh = _status(invoke, example_root, "-f", "json")
    (entry,) = _entries()
    stored = json.loads(entry.read_bytes())
    stored.pop("texts")
    stored["data"]["groups"][0][3][0][4] = status
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert _status(invoke, example_root, "-f", "json") == fresh
