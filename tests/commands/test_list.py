"""`kieumau list` end to end."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.support.cli import Invoke
from tests.support.golden import repository_golden_tests

LIST_GOLDENS = [("list.vi.txt", []), ("list.csv", ["--format", "csv"])]

test_list_golden = repository_golden_tests(["list"], LIST_GOLDENS)


def test_list_formats_agree(invoke: Invoke, example_root: Path) -> None:
    as_json = json.loads(invoke("--root", str(example_root), "list", "-f", "json").stdout)
    assert [(row["ward"], row["met"], row["total"]) for row in as_json] == [
        ("tinh-mau/phuong-mau", 2, 4)
    ]
    as_csv = list(
        csv.DictReader(
            io.StringIO(
                invoke("--root", str(example_root), "list", "-f", "csv").stdout.removeprefix(
                    "\ufeff"
                )
            )
        )
    )
    assert (as_csv[0]["ward"], as_csv[0]["met"], as_csv[0]["total"]) == (
        "tinh-mau/phuong-mau",
        "2",
        "4",
    )
    text = invoke("--root", str(example_root), "list").stdout
    assert "2/4 (50%)" in text and "Phường Mẫu" in text and "10/02/2026" in text


def test_list_filters(invoke: Invoke, example_root: Path) -> None:
    def keys(*args: str) -> list[str]:
        result = invoke("--root", str(example_root), "list", "-f", "json", *args)
        assert result.exit_code == 0
        return [row["ward"] for row in json.loads(result.stdout)]

    assert keys("--province", "tinh-mau") == ["tinh-mau/phuong-mau"]
    assert keys("--province", "Tỉnh Mẫu") == ["tinh-mau/phuong-mau"]
    assert keys("--criteria", "bo-mau") == ["tinh-mau/phuong-mau"]
    assert keys("--criteria", "bo-mau@1") == ["tinh-mau/phuong-mau"]


def test_list_refuses_filters_that_name_nothing(invoke: Invoke, example_root: Path) -> None:
    """The same province filter and set resolver as `summary` and `site`: a typo is a
    usage error naming what exists, never an empty list that reads as "no stations"."""
    province = invoke("--root", str(example_root), "list", "--province", "khac")
    assert province.exit_code == 2
    assert "không có đơn vị nào ở tỉnh 'khac'" in province.stderr
    assert "các tỉnh có dữ liệu: tinh-mau" in province.stderr
    version = invoke("--root", str(example_root), "list", "--criteria", "bo-mau@2")
    assert version.exit_code == 2
    assert "không tìm thấy bộ tiêu chí 'bo-mau@2'; có phải ý bạn là 'bo-mau@1'?" in version.stderr


def test_list_marks_a_broken_ward_and_exits_1(invoke: Invoke, example_root: Path) -> None:
    (example_root / "wards/tinh-mau/phuong-hong.yaml").write_text("province: [\n", encoding="utf-8")
    result = invoke("--root", str(example_root), "list", "-f", "json")
    assert result.exit_code == 1
    rows = {row["ward"]: row for row in json.loads(result.stdout)}
    assert rows["tinh-mau/phuong-hong"]["problem"] == "invalid"
    assert rows["tinh-mau/phuong-mau"]["met"] == 2
    assert "phuong-hong.yaml:2:1: error[yaml-syntax]" in result.stderr
