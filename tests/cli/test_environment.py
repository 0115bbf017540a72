"""Odd environments: a bad value in an environment variable is a clear usage error (exit 2)
or is ignored with a notice — never an internal error, a hang or an empty output; and
"today" is the day in Vietnam, whatever the machine's clock zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kieumau_cli.clock import today
from kieumau_cli.errors import UsageError
from tests.support.cli import invoke


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        ("2026-02-19T16:59:00+00:00", "2026-02-19"),  # 23:59 in Hà Nội
        ("2026-02-19T17:00:00+00:00", "2026-02-20"),  # midnight in Hà Nội, 17:00 on UTC
        ("2026-02-19T23:30:00+00:00", "2026-02-20"),  # 06:30: the morning edit a UTC CI saw
        ("2026-02-20T06:30:00+07:00", "2026-02-20"),
    ],
)
def test_today_is_the_day_in_vietnam(instant: str, expected: str) -> None:
    assert today({}, dt.datetime.fromisoformat(instant)).isoformat() == expected


@pytest.mark.parametrize("value", ["garbage", "2026-02-30", "20260220", "2026-2-20", " "])
def test_a_bad_kieumau_today_is_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError) as caught:
        today({"KIEUMAU_TODAY": value})
    assert caught.value.key == "error.bad_today"


def test_a_bad_kieumau_today_exits_2_from_the_command_line(example_root: Path) -> None:
    result = invoke("--root", str(example_root), "status", "phuong-mau", env={"KIEUMAU_TODAY": "x"})
    assert (result.exit_code, result.stderr) == (
        2,
        "kieumau: KIEUMAU_TODAY=x: không phải ngày dạng yyyy-mm-dd\n",
    )


@pytest.mark.parametrize("columns", ["abc", "-5", "99999999", "0", "5"])
def test_a_bad_columns_is_ignored_with_a_notice(example_root: Path, columns: str) -> None:
    normal = invoke("--root", str(example_root), "status", "phuong-mau")
    odd = invoke("--root", str(example_root), "status", "phuong-mau", env={"COLUMNS": columns})
    assert odd.exit_code == 0
    assert odd.stdout == normal.stdout  # laid out at the default width
    assert odd.stderr == (
        f"kieumau: bỏ qua COLUMNS={columns} (cần một số từ 20 đến 1000); dùng độ rộng mặc định\n"
    )


def test_a_bad_source_date_epoch_is_a_usage_error(example_root: Path, tmp_path: Path) -> None:
    result = invoke(
        "--root", str(example_root), "site", "-o", str(tmp_path / "s"), "--stamp",
        env={"SOURCE_DATE_EPOCH": "9" * 30},
    )  # fmt: skip
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH=" in result.stderr


@pytest.mark.parametrize("jobs", ["abc", "-1", "99999999"])
def test_any_kieumau_jobs_still_checks(example_root: Path, jobs: str) -> None:
    result = invoke("--root", str(example_root), "check", env={"KIEUMAU_JOBS": jobs})
    assert (result.exit_code, result.stdout) == (0, "")
