"""Round-trip editing (edit/tree.py): every byte the user wrote survives, new text follows
the file's style, encodings are kept."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap

from kieumau_cli.edit.tree import load_tree, put, read_snapshot
from kieumau_cli.edit.ward_edits import STATUS_KEYS
from tests.support.data import EXAMPLE_WARD, REPO, VALID_ROOT

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


# --- a long history kept as text (set on a 5,000-entry file) ---------------------------------


def _history_file(entry: str, count: int, *, after: str = "") -> str:
    """A ward-like file whose history holds `count` entries written as `entry` (a
    format string with {day} and {n}), followed by `after`."""
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=n) for n in range(count)]
    body = "".join(entry.format(day=day.isoformat(), n=n) for n, day in enumerate(days))
    head = 'ward: x\nstatus:\n  C01:\n    status: met\n    note: "hai từ"\n'
    return f"{head}history:  # cũ nhất trước\n{body}{after}"


FLOW = "  - {{date: {day}, criterion: C01, from: not_met, to: met, by: Tổ {n}}}\n"
LAYOUTS = {
    "flow": (FLOW, ""),
    "block": (
        "  - date: {day}\n    criterion: C01\n    from: not_met\n    to: met\n"
        '    note: "lần {n}"\n',
        "",
    ),
    "zero-indent": ("- {{date: {day}, criterion: C01, from: not_met, to: met}}\n", ""),
    "comments-and-blanks": (
        "  # tuần {n}\n  - {{date: {day}, criterion: C01, from: not_met, to: met}}\n\n",
        "# hết\n",
    ),
    "block-scalar": (
        "  - date: {day}\n    criterion: C01\n    from: not_met\n    to: met\n"
        "    note: |\n      - dòng {n}\n      - history: giả\n",
        "",
    ),
    "key-after": (FLOW, "reported: []\n"),
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_appending_to_a_long_history_writes_what_a_full_parse_writes(layout: str) -> None:
    from kieumau_cli.edit.history import append_history
    from kieumau_cli.edit.tree import KEEP_FROM

    entry, after = LAYOUTS[layout]
    text = _history_file(entry, KEEP_FROM + 6, after=after)
    full, kept = load_tree(text), load_tree(text, appending=True)
    assert kept.dump() == full.dump()
    assert layout == "zero-indent" or kept.dump() == text  # ruamel re-indents that one
    for tree in (full, kept):
        append_history(tree, dt.date(2026, 2, 20), "C01", "met", "not_met", note="Tổ A, lần mới")
        tree.data["status"]["C01"]["status"] = "not_met"
    assert kept.dump() == full.dump()
    if layout != "zero-indent":  # that one dumps entries two columns in: parsed whole
        assert kept.kept is not None and kept.kept.count == KEEP_FROM + 5
        assert len(kept.data["history"]) == 2


def test_a_short_or_unusual_history_is_parsed_whole() -> None:
    from kieumau_cli.edit.tree import KEEP_FROM, _keep_history

    assert load_tree(_history_file(FLOW, KEEP_FROM - 1), appending=True).kept is None
    flow_list = "ward: x\nhistory: [" + ", ".join(["{a: 1}"] * KEEP_FROM) + "]\n"
    assert load_tree(flow_list, appending=True).kept is None
    twice = _history_file(FLOW, KEEP_FROM) + "history:\n  - {a: 1}\n"  # check refuses it
    assert _keep_history(twice) == (None, twice)
    assert _keep_history(_history_file(FLOW, KEEP_FROM))[0] is not None
