"""`kieumau export` end to end: what it asks for, where the file goes, what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as MAU
from tests.support.data import edit


def test_export_writes_the_workbook_and_says_so(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "phuong-mau.xlsx"
    raw = (example_root / MAU).read_bytes()
    result = run_example("export", "phuong-mau", "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"kieumau: đã ghi {target}\n"
    assert load_workbook(target).sheetnames == ["Tiêu chí", "kieumau"]
    assert (example_root / MAU).read_bytes() == raw  # export reads only
    again = run_example("export", "tinh-mau/phuong-mau", "--format", "xlsx", "-o", str(target))
    assert again.exit_code == 0  # an existing output is replaced


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "ghi tên một đơn vị (WARD) hoặc --province, không ghi cả hai"),
        (["phuong-mau", "--province", "tinh-mau"], "không ghi cả hai"),
        (["phuong-mau"], "export cần -o TỆP, ví dụ -o tien-do.xlsx"),
        (["phuong-mau", "-o", "x.csv"], "tệp ra của --format xlsx phải có đuôi .xlsx: x.csv"),
        (["phuong-mau", "-f", "csv", "-o", "x.xlsx"], "phải có đuôi .csv"),
        (["phuong-mau", "-o", "no/such/folder/x.xlsx"], "no/such/folder"),
        (["phuong-mao", "-o", "x.xlsx"], "phuong-mau"),  # did you mean
        (["--province", "nowhere", "-o", "x.xlsx"], "nowhere"),
    ],
)
def test_usage_errors(run_example: Invoke, args: list[str], message: str) -> None:
    result = run_example("export", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_an_invalid_ward_is_refused_with_checks_findings(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    edit(example_root / MAU, "    owner: Đội trưởng", "    ownr: Đội trưởng")
    result = run_example("export", "phuong-mau", "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 1
    assert "error[unknown-key]: khóa không hợp lệ 'ownr'" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_export_in_english(run_example: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "en.xlsx"
    result = run_example("export", "phuong-mau", "-o", str(target), "--lang", "en")
    assert result.stderr == f"kieumau: wrote {target}\n"
    assert load_workbook(target).sheetnames == ["Criteria", "kieumau"]
    province = run_example(
        "export", "--province", "tinh-mau", "-o", str(tmp_path / "p.xlsx"), "--lang", "en"
    )
    assert province.exit_code == 0
    assert load_workbook(tmp_path / "p.xlsx").sheetnames == [
        "Stations",
        "bo-mau@1",
        "Criteria ranking",
    ]
