"""The editing core: round trips that lose nothing, atomic writes, lost-update protection."""

from __future__ import annotations

import datetime as dt
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap

from kieumau_cli.edit import atomic as _atomic
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.edit.tree import load_tree, put, read_snapshot
from kieumau_cli.edit.ward_edits import STATUS_KEYS, parse_number, parse_status
from kieumau_cli.errors import AlreadyExistsError, ConcurrentEditError, WriteFailedError
from tests.support.data import EXAMPLE_WARD, REPO, VALID_ROOT
from tests.support.editing import leftovers

SHIPPED_WARDS = sorted((REPO / "wards").glob("*/*.yaml"))


# --- round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*SHIPPED_WARDS, VALID_ROOT / EXAMPLE_WARD], ids=lambda p: p.stem)
def test_every_ward_file_round_trips_byte_for_byte(path: Path) -> None:
    snapshot = read_snapshot(path, path.name)
    tree = load_tree(snapshot.text)
    assert snapshot.encode(tree.dump()) == snapshot.raw


def test_other_indentation_styles_round_trip() -> None:
    text = "a:\n    b: 1\nlist:\n- x: 1\n  y: [1, 2]\n- {x: 2}\n# end\n"
    assert load_tree(text).dump() == text


def test_a_new_key_goes_where_the_model_puts_it() -> None:
    entry = CommentedMap([("status", "met"), ("note", "x"), ("evidence", [])])
    assert put(entry, "due", dt.date(2026, 3, 1), STATUS_KEYS)
    assert list(entry) == ["status", "due", "note", "evidence"]
    assert not put(entry, "due", dt.date(2026, 3, 1), STATUS_KEYS)


def test_new_text_follows_the_files_quoting() -> None:
    quoted = load_tree('status:\n  C01:\n    status: met\n    note: "hai từ"\n')
    plain = load_tree("status:\n  C01:\n    status: met\n    note: hai từ\n")
    assert quoted.text("Tổ A").__class__.__name__ == "DoubleQuotedScalarString"
    assert type(plain.text("Tổ A")) is str
    # text YAML would read as something else, or cannot be plain, is always quoted
    for tricky in ("yes", "2026-01-01", "12", "a: b", "- x", "#1", " lề", "x, y"):
        assert plain.text(tricky).__class__.__name__ == "DoubleQuotedScalarString", tricky


@pytest.mark.parametrize(
    ("given", "expected"),
    [("met", "met"), ("NOT-MET", "not_met"), ("đạt", "met"), ("Chưa đạt", "not_met"),
     ("dang-thuc-hien", "in_progress"), ("khong-ap-dung", "not_applicable"), ("mett", "mett")],
)  # fmt: skip
def test_status_words(given: str, expected: str) -> None:
    assert parse_status(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [("92,5", 92.5), ("92.5", 92.5), ("100", 100), ("-7", -7), ("abc", "abc")],
)
def test_reading_numbers_accept_a_decimal_comma(given: str, expected: object) -> None:
    value = parse_number(given)
    assert value == expected and type(value) is type(expected)


# --- file encodings ------------------------------------------------------------------------------


def test_crlf_and_bom_are_kept_and_text_is_nfc(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    nfd = unicodedata.normalize("NFD", "name: Phường Mẫu\n")
    path.write_bytes(b"\xef\xbb\xbf" + nfd.replace("\n", "\r\n").encode())
    snapshot = read_snapshot(path, "w.yaml")
    assert snapshot.bom and snapshot.crlf
    assert snapshot.text == "name: Phường Mẫu\n"  # what the editor works on: NFC, LF
    tree = load_tree(snapshot.text)
    tree.data["unit"] = tree.text("Công an phường Mẫu")
    written = snapshot.encode(tree.dump())
    assert written.startswith(b"\xef\xbb\xbf")
    assert written.count(b"\r\n") == 2 and b"\n" not in written.replace(b"\r\n", b"")
    assert unicodedata.is_normalized("NFC", written[3:].decode())


# --- atomic writes ---------------------------------------------------------------------------


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

    monkeypatch.setattr(_atomic.os, "fsync", crash)
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
