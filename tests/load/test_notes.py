"""The officer-written sections of a weekly report (load/notes.py): sections I–VI by
their Roman numeral, plain paragraphs and items, positioned findings for anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from kieumau_cli.errors import InvalidDataError
from kieumau_cli.load.notes import Block, notes_file, read_notes


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "2026-W07.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_sections_in_report_order_with_paragraphs_and_items(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "## V. Đề xuất\n- Đề nghị hỗ trợ.\n\n## I. Tình hình ANTT\nDòng một\ndòng hai.\n\n"
        "- Một mục\n## III\nNgắn.\n",
    )
    notes = read_notes(path, "n.md")
    assert list(notes.sections) == ["I", "III", "V"]  # the report's order, not the file's
    first = notes.sections["I"]
    assert first.title == "Tình hình ANTT"
    assert first.blocks == (Block("paragraph", "Dòng một dòng hai."), Block("item", "Một mục"))
    assert notes.sections["III"].title == "" and notes.get("II") is None


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("## I. A\n## VII. B\n", "notes-section", 2, 1),
        ("## I. A\n  ## Kết luận\n", "notes-section", 2, 3),
        ("## II. A\n## II. B\n", "notes-duplicate", 2, 1),
        ("Lời mở đầu\n## I. A\n", "notes-outside", 1, 1),
        ("## I. A\nx\x1b[2Jy\n", "control-character", 2, 2),
    ],
)
def test_mistakes_are_positioned_findings(
    tmp_path: Path, text: str, code: str, line: int, column: int
) -> None:
    with pytest.raises(InvalidDataError) as failed:
        read_notes(write(tmp_path, text), "n.md")
    found = failed.value.diagnostics[0]
    assert (found.path, found.line, found.column, found.code) == ("n.md", line, column, code)


def test_not_utf8_is_a_finding(tmp_path: Path) -> None:
    with pytest.raises(InvalidDataError) as failed:
        read_notes(write(tmp_path, b"## I. A\n" + b"\xff\n"), "n.md")
    assert failed.value.diagnostics[0].code == "encoding"


def test_where_the_notes_of_a_week_live(tmp_path: Path) -> None:
    path = notes_file(tmp_path, "thanh-hoa", "phuong-dong-son", "2026-W07")
    assert path == tmp_path / "notes/thanh-hoa/phuong-dong-son/2026-W07.md"
