"""The layout both directions share: cell text that is always text, status words in
either language, and the rows the hidden sheet carries."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from kieumau_cli.errors import UsageError
from kieumau_cli.exchange.sheet import (
    MAX_CELL,
    ExportRow,
    Values,
    cell_ref,
    put_text,
    status_code,
    stored_text,
)


@pytest.mark.parametrize("text", ["=1+1", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_starts_like_a_formula_is_stored_as_text(text: str) -> None:
    cell = Workbook().active["A1"]  # type: ignore[index]
    put_text(cell, text)
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    assert cell.value == text


def test_plain_text_keeps_its_style_and_control_characters_are_dropped() -> None:
    cell = Workbook().active["A1"]  # type: ignore[index]
    put_text(cell, "Tổ\x0b tiếp\x00 dân\r\nca 2")
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("Tổ tiếp dân\nca 2", "s", False)
    put_text(cell, "")
    assert cell.value is None


def test_a_literal_escape_survives_the_spreadsheets_unescaping() -> None:
    cell = Workbook().active["A1"]  # type: ignore[index]
    put_text(cell, "mã _x0041_ giữ nguyên")
    assert cell.value == "mã _x005F_x0041_ giữ nguyên"
    assert stored_text(str(cell.value)) == "mã _x0041_ giữ nguyên"
    assert stored_text("dòng_x000B_hai") == "dòng\x0bhai"


def test_a_text_too_long_for_a_cell_is_refused() -> None:
    cell = Workbook().active["C7"]  # type: ignore[index]
    with pytest.raises(UsageError) as refused:
        put_text(cell, "x" * (MAX_CELL + 1))
    assert refused.value.params == {"cell": "C7", "length": MAX_CELL + 1, "limit": MAX_CELL}


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Đạt", "met"),
        ("đạt", "met"),
        ("DAT", "met"),
        ("Chưa đạt", "not_met"),
        ("chua-dat", "not_met"),
        ("Đang thực hiện", "in_progress"),
        ("Không áp dụng", "not_applicable"),
        ("Chưa đánh giá", "unknown"),
        ("not_met", "not_met"),
        ("In progress", "in_progress"),
        ("Not assessed", "unknown"),
        ("unknown", "unknown"),
        ("hoàn thành", None),
        ("", None),
    ],
)
def test_status_words_in_either_language(word: str, code: str | None) -> None:
    assert status_code(word) == code


def test_an_exported_row_reads_back_as_written() -> None:
    row = ExportRow(
        id="C03",
        group="An ninh, trật tự",
        title="Tiếp nhận 100% tin báo",
        updated=dt.date(2026, 2, 2),
        values=Values(
            status="in_progress",
            owner="Tổ tiếp dân",
            due=dt.date(2026, 3, 31),
            note='Ghi chú "có ngoặc"',
            evidence=("Sổ tiếp nhận = 01/STN", "Biên bản"),
            reading=92.5,
        ),
        unit="%",
    )
    assert ExportRow.from_payload(row.payload()) == row


@pytest.mark.parametrize(
    "payload",
    [
        "[]",
        '{"id": "C01"}',
        '{"id": "C01", "group": "N", "title": "T", "values": {"status": 1}}',
        '{"id": "C01", "group": "N", "title": "T", "values": {"status": "met", "reading": true}}',
        '{"id": "C01", "group": "N", "title": "T", "values": {"status": "met", "due": "31/02"}}',
    ],
)
def test_a_hidden_row_of_the_wrong_shape_is_refused(payload: str) -> None:
    with pytest.raises(ValueError):
        ExportRow.from_payload(payload)


def test_cells_are_named_as_messages_name_them() -> None:
    assert cell_ref("Tiêu chí", "status", 12) == "Tiêu chí!D12"
    assert cell_ref("Criteria", "reading", 2) == "Criteria!J2"
