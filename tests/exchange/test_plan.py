"""Sheet against export against file: what changed where, and what both changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kieumau_cli.edit.ward_edits import CLEAR, Change
from kieumau_cli.exchange.plan import Conflict, FieldChange, RowChange, make_plan
from kieumau_cli.exchange.read import Edited, read_workbook
from kieumau_cli.exchange.sheet import Values
from tests.support.cli import Invoke
from tests.support.sheets import edit_cells, export_ward

TODAY = dt.date(2026, 2, 20)


@pytest.fixture
def sheet(run_example: Invoke, tmp_path: Path) -> Path:
    return export_ward(run_example, "phuong-mau", tmp_path / "phuong-mau.xlsx")


def _exported(edited: Edited) -> dict[str, Values]:
    return {row.id: row.values for row in edited.exported}


def test_a_re_sorted_sheet_still_matches_by_id(sheet: Path) -> None:
    workbook = load_workbook(sheet)
    cells = workbook["Tiêu chí"]
    second, third = ([c.value for c in cells[n]] for n in (2, 3))
    for column, (a, b) in enumerate(zip(second, third, strict=True), start=1):
        cells.cell(row=2, column=column).value = b
        cells.cell(row=3, column=column).value = a
    workbook.save(sheet)
    edited = read_workbook(sheet, "x")
    plan = make_plan(edited, _exported(edited), edited.stamp.file_sha256)
    assert (plan.rows, plan.conflicts, plan.problems, plan.stale) == ((), (), (), False)


def test_changed_in_the_file_only_is_kept_and_in_both_is_a_conflict(sheet: Path) -> None:
    edit_cells(sheet, {"D4": "Đạt", "E4": "Tổ mới", "I5": "Biên bản = 1/BB"})
    edited = read_workbook(sheet, "x")
    current = _exported(edited)
    current["C03"] = dataclasses.replace(current["C03"], owner="Tổ khác", note="Đã bổ sung")
    current["C04"] = dataclasses.replace(current["C04"], evidence=("Sổ theo dõi",))
    plan = make_plan(edited, current, "another-file")
    assert plan.stale
    assert plan.rows == (
        RowChange("C03", (FieldChange("status", "Tiêu chí!D4", "in_progress", "met"),)),
    )
    assert plan.conflicts == (
        Conflict("C03", "owner", "Tiêu chí!E4", "Tổ tiếp dân", "Tổ khác", "Tổ mới"),
        Conflict("C04", "evidence", "Tiêu chí!I5", (), ("Sổ theo dõi",), ("Biên bản = 1/BB",)),
    )


def test_a_row_becomes_the_change_set_would_make() -> None:
    row = RowChange(
        "C04",
        (
            FieldChange("status", "D5", "not_met", "in_progress"),
            FieldChange("owner", "E5", "A", None),
            FieldChange("due", "F5", None, dt.date(2026, 4, 30)),
            FieldChange("evidence", "I5", (), ("Biên bản = 5/BB", "Sổ"), ("Biên bản = 5/BB", "Sổ")),
            FieldChange("reading", "J5", 1.0, 100.0),
        ),
    )
    assert row.change(TODAY, "Tổ tiếp dân") == Change(
        date=TODAY,
        status="in_progress",
        owner=CLEAR,
        due=dt.date(2026, 4, 30),
        evidence=(("Biên bản", "5/BB"), ("Sổ", None)),
        reading=100,
        by="Tổ tiếp dân",
    )
