"""The province's workbook: stations, a stations × criteria matrix per set with its
legend and colours, the criteria ranked by the stations they hold back; and at the size
of a real province (300 stations)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kieumau_cli.exchange.province import ProvinceBook, province_workbook, station_columns
from tests.support.cli import Invoke, invoke_on
from tests.support.data import EXAMPLE_WARD as MAU
from tests.support.sheets import one_province, values

SHEETS = ["Đơn vị", "bo-mau@1", "Xếp hạng tiêu chí"]


@pytest.fixture
def province(run_example: Invoke, example_root: Path, tmp_path: Path) -> Path:
    """The example province with a second ward (C03 met, C04 in progress) and a third that
    `check` refuses."""
    text = (example_root / MAU).read_text(encoding="utf-8")
    second = text.replace("ward: phuong-mau", "ward: phuong-ke").replace(
        "name: Phường Mẫu", "name: Phường Kề"
    )
    (example_root / "wards" / "tinh-mau" / "phuong-ke.yaml").write_text(second, encoding="utf-8")
    broken = text.replace("ward: phuong-mau", "ward: phuong-hong").replace("owner:", "ownr:")
    (example_root / "wards" / "tinh-mau" / "phuong-hong.yaml").write_text(broken, "utf-8")
    assert run_example("set", "phuong-ke", "C03", "met").exit_code == 0
    assert run_example("set", "phuong-ke", "C04", "in_progress").exit_code == 0
    result = run_example("export", "--province", "Tỉnh Mẫu", "-o", str(tmp_path / "p.xlsx"))
    assert result.exit_code == 1  # the broken ward is listed, and reported
    assert "error[unknown-key]" in result.stderr
    return tmp_path / "p.xlsx"


def test_the_stations_sheet(province: Path) -> None:
    assert load_workbook(province).sheetnames == SHEETS
    rows = values(province, "Đơn vị")
    assert rows[0] == [
        "STT", "Đơn vị", "Mã đơn vị", "Bộ tiêu chí", "Đạt", "Áp dụng", "Tỷ lệ",
        "Đang thực hiện", "Chưa đạt", "Chưa đánh giá", "Đủ điều kiện", "Cập nhật gần nhất",
        "Lỗi dữ liệu",
    ]  # fmt: skip
    assert rows[1:] == [
        [1, "Phường Kề", "tinh-mau/phuong-ke", "bo-mau@1", 3, 4, 0.75, 1, 0, 0, "Không",
         dt.datetime(2026, 2, 20), None],
        [2, "Phường Mẫu", "tinh-mau/phuong-mau", "bo-mau@1", 2, 4, 0.5, 1, 1, 0, "Không",
         dt.datetime(2026, 2, 10), None],
        [3, "phuong-hong", "tinh-mau/phuong-hong", "?", None, None, None, None, None, None,
         None, None, "tệp không hợp lệ"],
    ]  # fmt: skip
    assert load_workbook(province)["Đơn vị"]["G2"].number_format == "0.0%"


def test_the_matrix_with_its_legend_colours_and_totals(province: Path) -> None:
    sheet = load_workbook(province)["bo-mau@1"]
    rows = [row[:7] for row in values(province, "bo-mau@1")]  # the legend spans wider
    assert rows[1][1:3] == ["Chú giải:", "✓ Đạt"]
    assert rows[3] == ["STT", "Đơn vị", "Kết quả", "C01", "C02", "C03", "C04"]
    assert rows[4:] == [
        [1, "Phường Kề", "3/4", "✓", "✓", "✓", "◐"],
        [2, "Phường Mẫu", "2/4", "✓", "✓", "◐", "✗"],
        [None, "Số đơn vị chưa xong", None, 0, 0, 1, 2],
    ]
    ranges = [str(rule.sqref) for rule in sheet.conditional_formatting]
    assert ranges == ["D5:G6", "D7:G7"]
    colours = [rule.dxf.fill.fgColor.rgb for rule in sheet.conditional_formatting["D5:G6"]]
    assert colours == ["00C6EFCE", "00FFC7CE", "00FFEB9C", "00EDEDED", "00E4DFEC"]
    assert sheet["D4"].comment.text == "Có nghị quyết chuyên đề"
    assert sheet.freeze_panes == "D5"


def test_the_ranking_puts_the_criterion_holding_most_back_first(province: Path) -> None:
    rows = values(province, "Xếp hạng tiêu chí")
    assert [row[1:6] for row in rows[1:]] == [
        ["C04", "Trụ sở đạt chuẩn", 2, 0, 2],
        ["C03", "Tiếp nhận 100% tin báo", 2, 1, 1],
        ["C01", "Có nghị quyết chuyên đề", 2, 2, 0],
        ["C02", "Đủ biên chế", 2, 2, 0],
    ]


def test_a_stage_column_appears_once_a_stage_is_known() -> None:
    book = ProvinceBook("Tỉnh Mẫu", dt.date(2026, 2, 20), "vi", (), ())
    assert "exchange.col.stage" not in [key for key, _ in station_columns(book)]


def test_the_stage_is_shown_when_the_ward_model_has_one(
    run_example: Invoke, example_root: Path
) -> None:
    from kieumau_cli.exchange.province import province_book
    from kieumau_cli.load.files import find_root
    from kieumau_cli.load.repository import Repository

    repository = Repository(find_root(example_root, {}, example_root, []), example_root)
    loads = repository.wards_in_scope("tinh-mau")
    book = province_book("Tỉnh Mẫu", loads, dt.date(2026, 2, 20), "vi")

    stations = tuple(dataclasses.replace(s, stage="đề nghị công nhận") for s in book.stations)
    staged = dataclasses.replace(book, stations=stations)
    assert staged.has_stage and not book.has_stage
    path = example_root.parent / "staged.xlsx"
    path.write_bytes(province_workbook(staged))
    rows = values(path, "Đơn vị")
    column = rows[0].index("Giai đoạn")
    assert rows[1][column] == "đề nghị công nhận"


def test_a_province_of_300_stations(tmp_path: Path) -> None:
    root = one_province(tmp_path / "root", 300)
    output = tmp_path / "thanh-hoa.xlsx"
    result = invoke_on(
        root, "export", "--province", "thanh-hoa", "-o", str(output), today="2026-06-30"
    )
    assert result.exit_code == 0, result.stderr[:2000]
    workbook = load_workbook(output)
    stations = values(output, "Đơn vị")
    assert len(stations) == 301 and [row[0] for row in stations[1:]] == list(range(1, 301))
    matrices = [name for name in workbook.sheetnames if "@" in name]
    assert len(matrices) == 5  # every shipped set is in use
    in_matrices = sum(
        len(values(output, name)) - 5 for name in matrices
    )  # title, legend, hint, header, totals
    assert in_matrices == 300
    ranking = values(output, "Xếp hạng tiêu chí")[1:]
    held_back = [row[5] for row in ranking]
    assert held_back == sorted(held_back, reverse=True)
