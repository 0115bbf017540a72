"""`kieumau criteria` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import Invoke
from tests.support.golden import repository_golden_tests

test_criteria_golden = repository_golden_tests(["criteria"], [("criteria.vi.txt", [])])


def test_criteria_lists_and_shows_a_set_with_provenance(invoke: Invoke, example_root: Path) -> None:
    listing = invoke("--root", str(example_root), "criteria", "-f", "json")
    assert json.loads(listing.stdout) == [
        {
            "ref": "bo-mau@1",
            "id": "bo-mau",
            "version": "1",
            "title": "Bộ tiêu chí mẫu dùng cho kiểm thử",
            "criteria": 4,
            "groups": 2,
            "provenance": "illustrative",
        }
    ]
    shown = invoke("--root", str(example_root), "criteria", "bo-mau@1")
    assert shown.exit_code == 0
    assert "N2. An ninh, trật tự" in shown.stdout
    assert "minh họa (chưa có nguồn chính thức)" in shown.stdout
    assert ": đạt 100%" in shown.stdout and "≥" not in shown.stdout
    assert invoke("--root", str(example_root), "criteria", "bo-mau").stdout == shown.stdout


def test_criteria_unknown_set_suggests_available(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "criteria", "bo-mau@9")
    assert result.exit_code == 2
    assert "bo-mau@1" in result.stderr


def test_criteria_cites_its_basis_as_officials_write_it(invoke: Invoke, shipped_root: Path) -> None:
    out = invoke("--root", str(shipped_root), "criteria", "thanh-hoa-antt-cds").stdout
    assert "Căn cứ: Kế hoạch số 541/KH-CAT-PV01 ngày 13/11/2025 của Giám đốc Công an tỉnh\n" in out
    # The file's research notes stay in the file (and in --format json).
    assert "legal_basis" not in out and "effective" not in out
