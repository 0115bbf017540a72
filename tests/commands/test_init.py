"""`kieumau init` end to end: what a user types, what lands in the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import TODAY
from tests.support.editing import check_is_clean


def test_init_writes_a_valid_ward_with_history_and_refuses_to_overwrite(
    run_example: Invoke, invoke: Invoke, example_root: Path
) -> None:
    result = run_example(
        "init", "tinh-mau/phuong-moi", "--criteria", "bo-mau", "--name", "Phường Mới"
    )
    assert result.exit_code == 0, result.stderr
    assert "Đã tạo wards/tinh-mau/phuong-moi.yaml: 4 tiêu chí theo bộ bo-mau@1." in result.stdout
    path = example_root / "wards" / "tinh-mau" / "phuong-moi.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/ward.schema.json"
    assert lines[1].startswith("# Công an phường Mới (Tỉnh Mẫu)")
    assert 'unit: "Công an phường Mới"' in lines  # default unit
    assert 'province_name: "Tỉnh Mẫu"' in lines  # taken from the ward already in tinh-mau
    assert "kind: phuong" in lines and "criteria: bo-mau@1" in lines
    assert "  kind: illustrative" in lines
    assert text.count("    status: not_met\n") == 4
    assert (
        f'  - {{date: {TODAY}, criterion: C04, from: unknown, to: not_met, note: "khởi tạo '
        '(kieumau init)"}' in lines
    )
    check_is_clean(invoke, example_root, path)
    status = run_example("status", "tinh-mau/phuong-moi", "--format", "json")
    assert '"met": 0' in status.stdout and '"not_met": 4' in status.stdout

    again = run_example("init", "tinh-mau/phuong-moi", "--criteria", "bo-mau@1", "--name", "X")
    assert again.exit_code == 2
    assert "không ghi đè" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_init_options_and_kind_from_the_name(run_example: Invoke, example_root: Path) -> None:
    result = run_example(
        "init", "tinh-moi/xa-son-ha", "--criteria", "bo-mau@1", "--name", "Xã Sơn Hà",
        "--province-name", "Tỉnh Mới", "--by", "Trưởng Công an xã", "--date", "15/02/2026",
    )  # fmt: skip
    # bo-mau applies to phuong only: the file would not validate, so nothing is written
    assert result.exit_code == 1
    assert "error[kind-mismatch]" in result.stderr
    assert not (example_root / "wards" / "tinh-moi").exists()

    ok = run_example(
        "init", "tinh-moi/xa-son-ha", "--criteria", "bo-mau@1", "--name", "Xã Sơn Hà",
        "--province-name", "Tỉnh Mới", "--kind", "phuong", "--unit", "Công an xã Sơn Hà",
        "--by", "Trưởng Công an xã", "--date", "15/02/2026",
    )  # fmt: skip
    assert ok.exit_code == 0, ok.stderr
    text = (example_root / "wards" / "tinh-moi" / "xa-son-ha.yaml").read_text(encoding="utf-8")
    assert "date: 2026-02-15" in text and 'by: "Trưởng Công an xã"' in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Phường Mới", "--criteria", "bo-mau@1"], "ví dụ 'thanh-hoa/phuong-moi'"),
        (["tinh-mau/Phường Mới", "--criteria", "bo-mau@1"], "'tinh-mau/phuong-moi'"),
        (["tinh-mau/../x", "--criteria", "bo-mau@1"], "không phải TỈNH/PHƯỜNG"),
        (
            ["tinh-mau/phuong-moi", "--criteria", "bo-mau@9"],
            "không tìm thấy bộ tiêu chí 'bo-mau@9'",
        ),
        (["tinh-khac/phuong-moi", "--criteria", "bo-mau@1"], "cần --province-name"),
    ],
)
def test_init_refuses_bad_arguments(
    run_example: Invoke, example_root: Path, args: list[str], message: str
) -> None:
    result = run_example("init", *args, "--name", "Phường Mới")
    assert result.exit_code == 2
    assert message in result.stderr
    assert sorted(p.name for p in (example_root / "wards").rglob("*")) == [
        "phuong-mau.yaml",
        "tinh-mau",
    ]


def test_init_refuses_a_future_date_with_checks_diagnostic(
    run_example: Invoke, example_root: Path
) -> None:
    result = run_example(
        "init", "tinh-mau/phuong-moi", "--criteria", "bo-mau@1", "--name", "Phường Mới",
        "--date", "2026-02-21",
    )  # fmt: skip
    assert result.exit_code == 1
    assert re.search(
        r"^wards/tinh-mau/phuong-moi\.yaml:\d+:\d+: error\[history-future\]: ngày 21/02/2026 nằm "
        r"trong tương lai \(hôm nay 20/02/2026\)$",
        result.stderr,
        re.MULTILINE,
    )
    assert not (example_root / "wards" / "tinh-mau" / "phuong-moi.yaml").exists()


def test_init_notices_about_slugs(run_example: Invoke) -> None:
    result = run_example(
        "init", "tinh-khac/phuong-mau", "--criteria", "bo-mau@1", "--name", "Phường Mẫu Mới",
        "--province-name", "Tỉnh Khác",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "lưu ý: mã 'phuong-mau' khác mã suy từ tên 'Phường Mẫu Mới' (phuong-mau-moi)",
        "lưu ý: 'phuong-mau' cũng có ở tinh-mau/phuong-mau; khi gọi lệnh hãy ghi rõ tỉnh/phường",
    ]
