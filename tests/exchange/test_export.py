"""The ward's workbook as an officer opens it: one criteria sheet with Vietnamese headers,
real dates and numbers, a status drop-down, locked columns, a frozen header, A4 landscape
printing, and the hidden sheet that says where it came from."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as MAU
from tests.support.data import edit
from tests.support.sheets import export_ward, values, worksheet

HEADERS = [
    "Mã",
    "Nhóm tiêu chí",
    "Tiêu chí",
    "Trạng thái",
    "Phụ trách",
    "Hạn",
    "Ghi chú",
    "Lý do không áp dụng",
    "Minh chứng",
    "Kết quả gần nhất",
    "Cập nhật",
]


@pytest.fixture
def sheet(run_example: Invoke, tmp_path: Path) -> Path:
    return export_ward(run_example, "phuong-mau", tmp_path / "phuong-mau.xlsx")


def test_a_row_per_criterion_with_dates_and_numbers_as_such(sheet: Path) -> None:
    assert values(sheet) == [
        HEADERS,
        [
            "C01",
            "Xây dựng lực lượng",
            "Có nghị quyết chuyên đề",
            "Đạt",
            "Đội trưởng",
            None,
            None,
            None,
            "Nghị quyết số 01-NQ/ĐU = 01-NQ/ĐU",
            None,
            dt.datetime(2026, 1, 20),
        ],
        [
            "C02",
            "Xây dựng lực lượng",
            "Đủ biên chế",
            "Đạt",
            "Trưởng Công an phường",
            None,
            None,
            None,
            None,
            None,
            dt.datetime(2026, 2, 10),
        ],
        [
            "C03",
            "An ninh, trật tự",
            "Tiếp nhận 100% tin báo",
            "Đang thực hiện",
            "Tổ tiếp dân",
            dt.datetime(2026, 3, 31),
            "Kiến nghị: bổ sung máy tính | cần gấp",
            None,
            None,
            92.5,
            dt.datetime(2026, 2, 2),
        ],
        [
            "C04",
            "An ninh, trật tự",
            "Trụ sở đạt chuẩn",
            "Chưa đạt",
            "Trưởng Công an phường",
            dt.datetime(2026, 6, 30),
            None,
            None,
            None,
            None,
            None,
        ],
    ]
    cells = worksheet(sheet)
    assert cells["F4"].number_format == "dd/mm/yyyy"
    assert cells["K2"].number_format == "dd/mm/yyyy"
    assert cells["J4"].number_format == 'General" %"'  # the indicator's unit
    assert cells["J4"].data_type == "n"


def test_the_status_drop_down_offers_the_vietnamese_words(sheet: Path) -> None:
    rules = worksheet(sheet).data_validations.dataValidation
    status = next(rule for rule in rules if rule.type == "list")
    assert status.formula1 == '"Đạt,Chưa đạt,Đang thực hiện,Không áp dụng,Chưa đánh giá"'
    assert str(status.sqref) == "D2:D5"
    assert status.showErrorMessage
    due = next(rule for rule in rules if rule.type == "date")
    assert str(due.sqref) == "F2:F5"


def test_locked_columns_and_a_protected_sheet(sheet: Path) -> None:
    cells = worksheet(sheet)
    assert cells.protection.sheet
    assert not cells.protection.formatColumns  # widening a column is allowed
    locked = {ref for ref in ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K")
              if cells[f"{ref}4"].protection.locked}  # fmt: skip
    assert locked == {"A", "B", "C", "K"}
    assert cells["J2"].protection.locked  # C01 has no indicator: no reading to enter
    assert cells["A4"].fill.fgColor.rgb == "00F2F2F2"  # and visibly so


def test_frozen_header_widths_and_a4_landscape_printing(sheet: Path) -> None:
    cells = worksheet(sheet)
    assert cells.freeze_panes == "B2"
    assert cells.auto_filter.ref == "A1:K5"
    assert cells.page_setup.orientation == "landscape"
    assert cells.page_setup.paperSize == 9  # A4
    assert (cells.page_setup.fitToWidth, cells.page_setup.fitToHeight) == (1, 0)
    assert cells.print_title_rows == "$1:$1"
    widths = {letter: cells.column_dimensions[letter].width for letter in "ACDFI"}
    assert widths == {"A": 6, "C": 30, "D": 17, "F": 12, "I": 35}  # the longest line, or the least


def test_the_hidden_sheet_carries_ward_set_and_fingerprint(sheet: Path, example_root: Path) -> None:
    workbook = load_workbook(sheet)
    assert workbook.sheetnames == ["Tiêu chí", "kieumau"]
    meta = workbook["kieumau"]
    assert meta.sheet_state == "hidden"
    header = {row[0]: row[1] for row in meta.iter_rows(max_row=8, values_only=True)}
    digest = hashlib.sha256((example_root / MAU).read_bytes()).hexdigest()
    assert header == {
        "format": "kieumau-sheet/1",
        "ward": "tinh-mau/phuong-mau",
        "criteria": "bo-mau@1",
        "file_sha256": digest,
        "rows_sha256": header["rows_sha256"],
        "lang": "vi",
        "sheet": "Tiêu chí",
        "exported": "2026-02-20",
    }
    assert [row[0] for row in meta.iter_rows(min_row=12, values_only=True)] == [
        "C01", "C02", "C03", "C04",
    ]  # fmt: skip


def test_english_headers_and_words(run_example: Invoke, tmp_path: Path) -> None:
    sheet = export_ward(run_example, "phuong-mau", tmp_path / "en.xlsx", "--lang", "en")
    rows = values(sheet, "Criteria")
    assert rows[0][:5] == ["ID", "Group", "Criterion", "Status", "Owner"]
    assert [row[3] for row in rows[1:]] == ["Met", "Met", "In progress", "Not met"]
    assert rows[1][1:3] == ["Force building", "Dedicated resolution"]


def test_text_from_the_file_is_never_a_formula(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    edit(example_root / MAU, "    owner: Đội trưởng\n", '    owner: "=1+1"\n')
    edit(example_root / MAU, '"Kiến nghị: bổ sung máy tính | cần gấp"', '"@SUM(A1)"')
    edit(example_root / MAU, "    owner: Tổ tiếp dân\n", '    owner: "-2+3"\n')
    sheet = export_ward(run_example, "phuong-mau", tmp_path / "f.xlsx")
    cells = worksheet(sheet)
    for ref, text in (("E2", "=1+1"), ("G4", "@SUM(A1)"), ("E4", "-2+3")):
        assert (cells[ref].value, cells[ref].data_type, cells[ref].quotePrefix) == (
            text,
            "s",
            True,
        )
    with zipfile.ZipFile(sheet) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
