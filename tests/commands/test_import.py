"""`kieumau import` end to end: a workbook from `export`, edited as an officer would, back
into the ward file as the very edits `set` makes — or refused, naming the cell, with the
file left byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from tests.support.cli import Invoke, invoke_on
from tests.support.data import EXAMPLE_WARD as MAU
from tests.support.data import copy_example, edit
from tests.support.editing import check_is_clean, leftovers, someone_writes_during
from tests.support.sheets import edit_cells, export_ward, libreoffice_resave

# The example ward's rows: C01 on row 2 (met, with evidence), C02 row 3 (met), C03 row 4
# (in progress, an indicator: reading 92.5), C04 row 5 (not met, due 30/06/2026).
EDITS: dict[str, Any] = {
    "D4": "Đạt",
    "G4": "Đủ máy tính",
    "J4": 97.5,
    "E5": "Tổ Tổng hợp",
    "F5": dt.datetime(2026, 4, 30),
    "I5": "Biên bản kiểm tra = 5/BB",
}
# What those edits are as `set` commands.
SAME_AS_SET = [
    ["C03", "met", "--note", "Đủ máy tính", "--reading", "97.5", "--by", "Tổ tiếp dân"],
    [
        "C04",
        "--owner",
        "Tổ Tổng hợp",
        "--due",
        "2026-04-30",
        "--evidence",
        "Biên bản kiểm tra=5/BB",
        "--by",
        "Tổ tiếp dân",
    ],
]
CHANGES = [
    "  C03 · Tiêu chí!D4 · trạng thái: Đang thực hiện → Đạt",
    "  C03 · Tiêu chí!G4 · ghi chú: «Kiến nghị: bổ sung máy tính | cần gấp» → «Đủ máy tính»",
    "  C03 · Tiêu chí!J4 · số liệu: 92,5 → 97,5",
    "  C04 · Tiêu chí!E5 · người phụ trách: «Trưởng Công an phường» → «Tổ Tổng hợp»",
    "  C04 · Tiêu chí!F5 · hạn: 30/06/2026 → 30/04/2026",
    "  C04 · Tiêu chí!I5 · minh chứng: + Biên bản kiểm tra = 5/BB",
]


@pytest.fixture
def sheet(run_example: Invoke, example_root: Path) -> Path:
    """The example ward, exported (outside the data root)."""
    return export_ward(run_example, "phuong-mau", example_root.parent / "phuong-mau.xlsx")


def test_import_turns_each_changed_row_into_what_set_does(
    run_example: Invoke, invoke: Invoke, example_root: Path, sheet: Path, tmp_path: Path
) -> None:
    path = example_root / MAU
    edit_cells(sheet, EDITS)
    result = run_example("import", "phuong-mau", str(sheet), "--by", "Tổ tiếp dân", "--write")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Đã ghi wards/tinh-mau/phuong-mau.yaml.",
        *CHANGES,
        "Kết quả: 3/4 tiêu chí đạt (75%)",
    ]
    # The same file, byte for byte, as the two `set` commands make.
    twin = copy_example(tmp_path / "twin")
    for args in SAME_AS_SET:
        assert invoke_on(twin, "set", "phuong-mau", *args).exit_code == 0
    assert path.read_bytes() == (twin / MAU).read_bytes()
    history = path.read_text(encoding="utf-8").splitlines()[-1]
    assert history == (
        "  - {date: 2026-02-20, criterion: C03, from: in_progress, to: met, note: Đủ máy tính, "
        "by: Tổ tiếp dân}"
    )
    check_is_clean(invoke, example_root, path)
    status = json.loads(run_example("status", "phuong-mau", "-f", "json").stdout)
    rows = {row["id"]: row for row in status["criteria"]}
    assert (rows["C03"]["status"], rows["C03"]["note"]) == ("met", "Đủ máy tính")
    assert (rows["C04"]["owner"], rows["C04"]["due"], rows["C04"]["evidence"]) == (
        "Tổ Tổng hợp",
        "2026-04-30",
        1,
    )
    assert leftovers(path.parent) == []


def test_without_write_it_prints_the_changes_and_writes_nothing(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    raw = path.read_bytes()
    edit_cells(sheet, EDITS)
    result = run_example("import", "phuong-mau", str(sheet))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Thay đổi từ {sheet}:",
        *CHANGES,
        "Kết quả: 3/4 tiêu chí đạt (75%)",
    ]
    assert result.stderr == "Chưa ghi gì; chạy lại với --write để ghi.\n"
    assert path.read_bytes() == raw


def test_an_unedited_sheet_changes_nothing(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    raw, mtime = path.read_bytes(), path.stat().st_mtime_ns
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert (result.exit_code, result.stdout) == (
        0,
        "Tệp đã khớp với bảng tính, không có gì để thay đổi; tệp giữ nguyên.\n",
    )
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (raw, mtime)


@pytest.mark.parametrize(
    ("due", "status"),
    [
        ("30/04/2026", "đạt"),  # a date typed as text, a status without its capital
        ("2026-04-30", "DAT"),  # ISO, no accents
        (46142, "met"),  # the date's serial number (its date format lost), the file's code
        (dt.date(2026, 4, 30), "  Đạt "),
    ],
)
def test_dates_and_status_words_however_the_cell_holds_them(
    run_example: Invoke, example_root: Path, sheet: Path, due: object, status: str
) -> None:
    edit_cells(sheet, {"F5": due, "D5": status})
    result = run_example("import", "phuong-mau", str(sheet))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:3] == [
        "  C04 · Tiêu chí!D5 · trạng thái: Chưa đạt → Đạt",
        "  C04 · Tiêu chí!F5 · hạn: 30/06/2026 → 30/04/2026",
    ]


def test_a_number_typed_as_text_and_an_emptied_field(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    edit_cells(sheet, {"J4": "97,5", "G4": None, "E3": ""})
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 0, result.stderr
    text = (example_root / MAU).read_text(encoding="utf-8")
    assert "      - value: 97.5\n        date: 2026-02-20\n" in text
    assert "Kiến nghị" not in text
    assert "owner: Trưởng Công an phường\n    updated" not in text  # C02's owner is cleared


def test_not_applicable_needs_its_reason_as_set_does(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    raw = path.read_bytes()
    edit_cells(sheet, {"D5": "Không áp dụng"})
    refused = run_example("import", "phuong-mau", str(sheet), "--write")
    assert refused.exit_code == 1
    assert "error[needs-reason]: tiêu chí 'C04' không áp dụng nhưng chưa ghi lý do" in (
        refused.stderr
    )
    assert path.read_bytes() == raw
    edit_cells(sheet, {"H5": "Dùng chung trụ sở với UBND"})
    accepted = run_example("import", "phuong-mau", str(sheet), "--write")
    assert accepted.exit_code == 0, accepted.stderr
    assert "    reason: Dùng chung trụ sở với UBND\n" in path.read_text(encoding="utf-8")


def test_text_that_looks_like_a_formula_goes_out_and_back_as_text(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    edit(example_root / MAU, "    owner: Đội trưởng\n", '    owner: "=HYPERLINK(\\"x\\")"\n')
    edit(example_root / MAU, '"Kiến nghị: bổ sung máy tính | cần gấp"', '"+84 912 345 678"')
    sheet = export_ward(run_example, "phuong-mau", tmp_path / "f.xlsx")
    cells = load_workbook(sheet)["Tiêu chí"]
    assert (cells["E2"].value, cells["E2"].data_type) == ('=HYPERLINK("x")', "s")
    assert cells["G4"].value == "+84 912 345 678"
    result = run_example("import", "phuong-mau", str(sheet))
    assert result.stdout.startswith("Tệp đã khớp với bảng tính")


# --- refusals: the cell named, nothing written ------------------------------------------------

STATUSES = "đạt, chưa đạt, đang thực hiện, không áp dụng, chưa đánh giá"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"D4": "hoàn thành"},
            f"Tiêu chí!D4: 'hoàn thành' không phải trạng thái hợp lệ; dùng: {STATUSES}",
        ),
        ({"D3": None}, "Tiêu chí!D3: trạng thái bị bỏ trống"),
        (
            {"F5": "31/02/2026"},
            "Tiêu chí!F5: '31/02/2026' không phải ngày hợp lệ; ghi dạng dd/mm/yyyy, "
            "ví dụ 30/06/2026",
        ),
        (
            {"A3": "C2"},
            "Tiêu chí!A3: ô này không được sửa (lúc xuất: 'C02', nay: 'C2')",
        ),
        (
            {"C3": "Đủ người"},
            "Tiêu chí!C3: ô này không được sửa (lúc xuất: 'Đủ biên chế', nay: 'Đủ người')",
        ),
        (
            {"B4": "Nhóm khác"},
            "Tiêu chí!B4: ô này không được sửa (lúc xuất: 'An ninh, trật tự', nay: 'Nhóm khác')",
        ),
        (
            {"A6": "C05", "C6": "Tiêu chí mới", "D6": "Đạt"},
            "Tiêu chí!A6: dòng 'C05' không có lúc xuất; bảng tính không thêm được tiêu chí",
        ),
        ({"A5": "C03"}, "Tiêu chí!A5: ô này không được sửa (lúc xuất: 'C04', nay: 'C03')"),
        ({"A7": "C09"}, "Tiêu chí!A7: dòng 'C09' không có lúc xuất"),
        ({"D4": "=A1"}, "Tiêu chí!D4: ô chứa công thức; hãy ghi giá trị"),
        ({"J4": "nhiều"}, "Tiêu chí!J4: 'nhiều' không phải số"),
        ({"J4": None}, "Tiêu chí!J4: không xóa được số đo"),
        ({"J2": 5}, "Tiêu chí!J2: tiêu chí này không có chỉ số đo; để trống ô"),
        (
            {"I2": None},
            "Tiêu chí!I2: không xóa được minh chứng 'Nghị quyết số 01-NQ/ĐU = 01-NQ/ĐU' "
            "từ bảng tính",
        ),
        ({"L3": "ghi thêm"}, "Tiêu chí!L3: có dữ liệu ngoài các cột của bảng; hãy xóa"),
        (
            {"D1": "Tình trạng"},
            "Tiêu chí!D1: tiêu đề cột phải là 'Trạng thái', nay là 'Tình trạng'",
        ),
    ],
)
def test_refusals_name_the_cell_and_write_nothing(
    run_example: Invoke, example_root: Path, sheet: Path, changes: dict[str, Any], message: str
) -> None:
    path = example_root / MAU
    raw = path.read_bytes()
    edit_cells(sheet, {"D4": "Đạt", **changes})  # one good change beside the bad one
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1, result.output
    assert f"kieumau: {message}" in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == raw
    assert leftovers(path.parent) == []


def test_a_deleted_row_is_named_where_it_was(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    raw = path.read_bytes()
    workbook = load_workbook(sheet)
    workbook["Tiêu chí"].delete_rows(3)
    workbook.save(sheet)
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert result.stderr == "kieumau: Tiêu chí!A3: dòng của tiêu chí C02 (Đủ biên chế) đã bị xóa\n"
    assert path.read_bytes() == raw


def test_several_problems_are_all_listed(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    raw = path.read_bytes()
    edit_cells(sheet, {"D2": "xong", "F3": "mai"})
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kieumau: Tiêu chí!D2: 'xong' không phải trạng thái hợp lệ; dùng: {STATUSES}",
        "kieumau: Tiêu chí!F3: 'mai' không phải ngày hợp lệ; ghi dạng dd/mm/yyyy, ví dụ 30/06/2026",
        f"kieumau: {sheet}: 2 lỗi như trên; không ghi gì",
    ]
    assert path.read_bytes() == raw


def _second_ward(root: Path) -> Path:
    text = (root / MAU).read_text(encoding="utf-8").replace("ward: phuong-mau", "ward: phuong-ke")
    other = root / "wards" / "tinh-mau" / "phuong-ke.yaml"
    other.write_text(text, encoding="utf-8")
    return other


def test_a_sheet_of_another_ward_is_refused(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    other = _second_ward(example_root)
    raw = other.read_bytes()
    edit_cells(sheet, {"D4": "Đạt"})
    result = run_example("import", "phuong-ke", str(sheet), "--write")
    assert result.exit_code == 1
    assert result.stderr == (
        "kieumau: bảng tính được xuất từ đơn vị tinh-mau/phuong-mau, không phải "
        "tinh-mau/phuong-ke; không ghi gì\n"
    )
    assert other.read_bytes() == raw


def test_a_sheet_of_another_set_version_is_refused(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    version_1 = example_root / "criteria" / "bo-mau" / "1.yaml"
    text = version_1.read_text(encoding="utf-8").replace('version: "1"', 'version: "2"')
    (version_1.parent / "2.yaml").write_text(text, encoding="utf-8")
    edit(example_root / MAU, "criteria: bo-mau@1", "criteria: bo-mau@2")
    raw = (example_root / MAU).read_bytes()
    edit_cells(sheet, {"D4": "Đạt"})
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert result.stderr == (
        "kieumau: bảng tính được xuất theo bộ tiêu chí bo-mau@1, nay tinh-mau/phuong-mau dùng "
        "bo-mau@2; hãy xuất lại bảng tính\n"
    )
    assert (example_root / MAU).read_bytes() == raw


def test_an_edited_hidden_sheet_is_refused(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    raw = (example_root / MAU).read_bytes()
    workbook = load_workbook(sheet)
    meta = workbook["kieumau"]
    meta["B12"] = str(meta["B12"].value).replace('"status":"met"', '"status":"not_met"')
    workbook.save(sheet)
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert f"trang ẩn kieumau của {sheet} đã bị sửa" in result.stderr
    assert (example_root / MAU).read_bytes() == raw


def test_files_that_are_no_export_are_usage_errors(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    raw = (example_root / MAU).read_bytes()
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    text = tmp_path / "notes.xlsx"
    text.write_text("không phải bảng tính", encoding="utf-8")
    for path, message in [
        (plain, "không phải bảng tính do `kieumau export` tạo"),
        (text, "như một bảng tính .xlsx"),
        (tmp_path / "missing.xlsx", "không tìm thấy tệp bảng tính"),
    ]:
        result = run_example("import", "phuong-mau", str(path))
        assert result.exit_code == 2, result.output
        assert message in result.stderr
    assert (example_root / MAU).read_bytes() == raw


# --- a sheet exported before the file changed ---------------------------------------------------


def test_a_stale_sheet_imports_on_top_when_nothing_overlaps(
    run_example: Invoke, invoke: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    assert run_example("set", "phuong-mau", "C04", "--owner", "Tổ Tổng hợp").exit_code == 0
    edit_cells(sheet, {"D4": "Đạt"})
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        "lưu ý: wards/tinh-mau/phuong-mau.yaml đã thay đổi từ lúc xuất bảng tính ngày 20/02/2026; "
        "các thay đổi không chồng lên nhau"
    )
    text = path.read_text(encoding="utf-8")
    assert "    owner: Tổ Tổng hợp\n" in text  # the file's change is kept
    assert "criterion: C03, from: in_progress, to: met" in text  # the sheet's is added
    check_is_clean(invoke, example_root, path)


def test_the_same_change_on_both_sides_is_no_conflict(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    assert run_example("set", "phuong-mau", "C03", "met").exit_code == 0
    raw = (example_root / MAU).read_bytes()
    edit_cells(sheet, {"D4": "Đạt"})
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 0
    assert result.stdout.startswith("Tệp đã khớp với bảng tính")
    assert (example_root / MAU).read_bytes() == raw


def test_a_field_changed_on_both_sides_is_a_conflict(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    path = example_root / MAU
    assert run_example("set", "phuong-mau", "C03", "met", "--note", "Xong").exit_code == 0
    raw = path.read_bytes()
    edit_cells(sheet, {"D4": "Chưa đạt", "E5": "Tổ Tổng hợp"})
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "kieumau: 1 ô đã sửa cả trong bảng tính lẫn trong wards/tinh-mau/phuong-mau.yaml từ lúc "
        "xuất ngày 20/02/2026: Tiêu chí!D4; không ghi gì",
        "  xem từng ô: thêm --show-conflicts; rồi xuất lại bảng tính và ghi lại các thay đổi đó",
    ]
    shown = run_example("import", "phuong-mau", str(sheet), "--show-conflicts")
    assert shown.exit_code == 1
    assert shown.stdout.splitlines() == [
        "Ô sửa cả trong bảng tính lẫn trong tệp từ lúc xuất:",
        "  C03 · Tiêu chí!D4 · trạng thái: lúc xuất Đang thực hiện · trong tệp nay Đạt · "
        "trong bảng tính Chưa đạt",
    ]
    assert path.read_bytes() == raw


def test_a_write_by_someone_else_meanwhile_is_refused(
    run_example: Invoke, example_root: Path, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = example_root / MAU
    edit_cells(sheet, {"D4": "Đạt"})
    theirs = someone_writes_during(monkeypatch, path)
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert "đã bị thay đổi trên đĩa" in result.stderr
    assert path.read_text(encoding="utf-8") == theirs
    assert leftovers(path.parent) == []


def test_a_future_date_is_refused_as_set_refuses_it(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    raw = (example_root / MAU).read_bytes()
    edit_cells(sheet, {"E5": "Tổ Tổng hợp"})
    result = run_example("import", "phuong-mau", str(sheet), "--date", "2026-03-01", "--write")
    assert result.exit_code == 1
    assert "error[history-future]: ngày 01/03/2026 nằm trong tương lai" in result.stderr
    assert (example_root / MAU).read_bytes() == raw


def test_an_invalid_ward_file_is_refused_before_the_sheet_is_read(
    run_example: Invoke, example_root: Path, sheet: Path
) -> None:
    edit(example_root / MAU, "    owner: Đội trưởng", "    ownr: Đội trưởng")
    raw = (example_root / MAU).read_bytes()
    result = run_example("import", "phuong-mau", str(sheet), "--write")
    assert result.exit_code == 1
    assert "error[unknown-key]: khóa không hợp lệ 'ownr'" in result.stderr
    assert (example_root / MAU).read_bytes() == raw


def test_an_english_sheet_takes_english_words(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    sheet = export_ward(run_example, "phuong-mau", tmp_path / "en.xlsx", "--lang", "en")
    edit_cells(sheet, {"D4": "Met", "D5": "not assessed"}, sheet="Criteria")
    result = run_example("import", "phuong-mau", str(sheet), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Changes from {sheet}:",
        "  C03 · Criteria!D4 · status: In progress → Met",
        "  C04 · Criteria!D5 · status: Not met → Not assessed",
        "Score: 3/4 criteria met (75%)",
    ]
    edit_cells(sheet, {"D4": "finished"}, sheet="Criteria")
    refused = run_example("import", "phuong-mau", str(sheet), "--lang", "en")
    assert refused.stderr == (
        "kieumau: Criteria!D4: 'finished' is not a valid status; use: met, not met, in progress, "
        "not applicable, not assessed\n"
    )


# --- through LibreOffice ------------------------------------------------------------------------


def test_a_sheet_saved_by_libreoffice_imports_the_same(
    run_example: Invoke, invoke: Invoke, example_root: Path, sheet: Path, tmp_path: Path
) -> None:
    untouched = libreoffice_resave(sheet, tmp_path / "lo-untouched")
    result = run_example("import", "phuong-mau", str(untouched))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Tệp đã khớp với bảng tính")

    edit_cells(sheet, EDITS | {"F3": "15/03/2026"})  # one date typed as text
    edited = libreoffice_resave(sheet, tmp_path / "lo-edited")
    assert load_workbook(edited)["Tiêu chí"]["F5"].is_date  # LibreOffice's own date cell
    twin = copy_example(tmp_path / "twin")
    direct = invoke_on(twin, "import", "phuong-mau", str(sheet), "--write", "--by", "X")
    assert direct.exit_code == 0, direct.stderr
    through = run_example("import", "phuong-mau", str(edited), "--write", "--by", "X")
    assert through.exit_code == 0, through.stderr
    assert through.stdout.splitlines()[1:] == direct.stdout.splitlines()[1:]
    assert (example_root / MAU).read_bytes() == (twin / MAU).read_bytes()
    check_is_clean(invoke, example_root, example_root / MAU)


def test_a_libreoffice_sheet_with_a_bad_cell_is_refused_by_its_cell(
    run_example: Invoke, example_root: Path, sheet: Path, tmp_path: Path
) -> None:
    raw = (example_root / MAU).read_bytes()
    edit_cells(sheet, {"D4": "hoàn thành"})
    edited = libreoffice_resave(sheet, tmp_path / "lo")
    result = run_example("import", "phuong-mau", str(edited), "--write")
    assert result.exit_code == 1
    assert result.stderr == (
        f"kieumau: Tiêu chí!D4: 'hoàn thành' không phải trạng thái hợp lệ; dùng: {STATUSES}\n"
    )
    assert (example_root / MAU).read_bytes() == raw
