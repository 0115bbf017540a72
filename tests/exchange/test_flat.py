"""CSV, for other programs: a BOM for Excel, yyyy-mm-dd dates, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kieumau_cli.text.unsafe import neutralise_formula as neutralise
from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as MAU
from tests.support.data import edit


def _rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with its BOM
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("text", "safe"),
    [("=1+1", "'=1+1"), ("+84", "'+84"), ("-2", "'-2"), ("@A1", "'@A1"), ("\tx", "'\tx"),
     ("Tổ Tổng hợp", "Tổ Tổng hợp"), ("2026-02-20", "2026-02-20")],
)  # fmt: skip
def test_neutralise(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_the_ward_as_csv(run_example: Invoke, example_root: Path, tmp_path: Path) -> None:
    edit(example_root / MAU, "    owner: Đội trưởng\n", '    owner: "=HYPERLINK(\\"x\\")"\n')
    target = tmp_path / "phuong-mau.csv"
    result = run_example("export", "phuong-mau", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    rows = _rows(target)
    assert rows[0][:4] == ["Mã", "Nhóm tiêu chí", "Tiêu chí", "Trạng thái"]
    assert rows[1][:5] == ["C01", "Xây dựng lực lượng", "Có nghị quyết chuyên đề", "Đạt",
                           "'=HYPERLINK(\"x\")"]  # fmt: skip
    assert rows[3][5] == "2026-03-31" and rows[3][9] == "92.5"


def test_the_province_as_csv(run_example: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "tinh-mau.csv"
    result = run_example("export", "--province", "tinh-mau", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert _rows(target) == [
        ["STT", "Đơn vị", "Mã đơn vị", "Bộ tiêu chí", "Đạt", "Áp dụng", "Tỷ lệ",
         "Đang thực hiện", "Chưa đạt", "Chưa đánh giá", "Đủ điều kiện", "Cập nhật gần nhất",
         "Lỗi dữ liệu"],
        ["1", "Phường Mẫu", "tinh-mau/phuong-mau", "bo-mau@1", "2", "4", "50", "1", "1", "0",
         "Không", "2026-02-10", ""],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "shown"),
    [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ('=HYPERLINK(\\"http://x\\")', "'=HYPERLINK(\"http://x\")"),
     ("@SUM(1+1)", "'@SUM(1+1)"), ("+84 912", "'+84 912"), ("-1", "'-1"), ("\\tX", "'\tX")],
)  # fmt: skip
def test_list_csv_neutralises_a_name_that_looks_like_a_formula(
    run_example: Invoke, example_root: Path, name: str, shown: str
) -> None:
    edit(example_root / MAU, "name: Phường Mẫu", f'name: "{name}"')
    result = run_example("list", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("\ufeffward,")  # Excel opens it as UTF-8
    row = next(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert row["name"] == shown
