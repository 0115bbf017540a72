"""Reading an edited workbook: every value with its cell, however the program that saved
it stored the value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel

from kieumau_cli.exchange.read import Problem, read_workbook
from kieumau_cli.exchange.sheet import Values
from tests.support.cli import Invoke
from tests.support.sheets import edit_cells, export_ward


@pytest.fixture
def sheet(run_example: Invoke, tmp_path: Path) -> Path:
    return export_ward(run_example, "phuong-mau", tmp_path / "phuong-mau.xlsx")


def test_an_exported_sheet_reads_back_as_its_hidden_rows(sheet: Path) -> None:
    edited = read_workbook(sheet, "phuong-mau.xlsx")
    assert edited.problems == []
    assert (edited.stamp.ward, edited.stamp.criteria, edited.stamp.sheet) == (
        "tinh-mau/phuong-mau",
        "bo-mau@1",
        "Tiêu chí",
    )
    assert [row.values for row in edited.rows] == [row.values for row in edited.exported]
    assert edited.rows[2].values == Values(
        status="in_progress",
        owner="Tổ tiếp dân",
        due=dt.date(2026, 3, 31),
        note="Kiến nghị: bổ sung máy tính | cần gấp",
        reading=92.5,
    )
    assert edited.rows[2].ref("note") == "Tiêu chí!G4"


def test_a_control_character_pasted_from_word_is_named(sheet: Path) -> None:
    edit_cells(sheet, {"G4": "dòng một_x000B_dòng hai"})  # how Excel stores U+000B
    edited = read_workbook(sheet, "phuong-mau.xlsx")
    assert edited.problems == [
        Problem("error.sheet_control", {"cell": "Tiêu chí!G4", "char": "U+000B"})
    ]
    assert edited.rows[2].values is None


def test_a_workbook_in_the_1904_date_system(sheet: Path) -> None:
    workbook = load_workbook(sheet)
    workbook.epoch = CALENDAR_MAC_1904
    cell = workbook["Tiêu chí"]["F5"]
    cell.value = to_excel(dt.datetime(2026, 4, 30), CALENDAR_MAC_1904)  # type: ignore[no-untyped-call]
    cell.number_format = "General"
    workbook.save(sheet)
    edited = read_workbook(sheet, "phuong-mau.xlsx")
    values = edited.rows[3].values
    assert values is not None and values.due == dt.date(2026, 4, 30)


@pytest.mark.parametrize(
    ("value", "reading"), [("97,5", 97.5), ("97.5", 97.5), (" 100 ", 100.0), (98, 98.0)]
)
def test_readings_as_numbers_or_text(sheet: Path, value: object, reading: float) -> None:
    edit_cells(sheet, {"J4": value})
    values = read_workbook(sheet, "phuong-mau.xlsx").rows[2].values
    assert values is not None and values.reading == reading


def test_evidence_lines_are_trimmed_and_blank_lines_dropped(sheet: Path) -> None:
    edit_cells(sheet, {"I2": "  Nghị quyết số 01-NQ/ĐU = 01-NQ/ĐU \n\n Biên bản = 2/BB  "})
    values = read_workbook(sheet, "phuong-mau.xlsx").rows[0].values
    assert values is not None
    assert values.evidence == ("Nghị quyết số 01-NQ/ĐU = 01-NQ/ĐU", "Biên bản = 2/BB")


def test_a_moved_column_stops_the_reading(sheet: Path) -> None:
    workbook = load_workbook(sheet)
    workbook["Tiêu chí"].insert_cols(4)
    workbook.save(sheet)
    edited = read_workbook(sheet, "phuong-mau.xlsx")
    assert not edited.columns_ok and edited.rows == ()
    assert edited.problems[0] == Problem(
        "error.sheet_header",
        {"cell": "Tiêu chí!D1", "expected": "Trạng thái", "found": ""},
    )
