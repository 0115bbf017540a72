"""ISO weeks and reporting periods, including the year boundary, and how `brief`
reports a week or date it cannot use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kieumau_cli.results.weeks import (
    Period,
    PeriodError,
    current_week,
    date_range,
    format_week,
    iso_week,
    parse_week,
    week_period,
    weeks_in_year,
)
from tests.support.cli import Invoke

D = dt.date


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (D(2025, 12, 28), (2025, 52)),  # Sunday: the last day of 2025-W52
        (D(2025, 12, 29), (2026, 1)),  # Monday 29/12/2025 is already in 2026-W01
        (D(2025, 12, 31), (2026, 1)),
        (D(2026, 1, 1), (2026, 1)),
        (D(2026, 1, 4), (2026, 1)),  # Sunday 04/01/2026 is still W01
        (D(2026, 1, 5), (2026, 2)),
        (D(2026, 2, 11), (2026, 7)),  # Đông Sơn's reported 11/22
        (D(2021, 1, 3), (2020, 53)),  # early January can belong to the previous year
        (D(2026, 12, 31), (2026, 53)),
    ],
)
def test_iso_week_of_a_day_across_year_changes(day: dt.date, week: tuple[int, int]) -> None:
    assert iso_week(day) == week
    period = current_week(day)
    assert period.contains(day) and period.week == week
    assert period.start.weekday() == 0 and period.days == 7


def test_week_2026_w01_runs_from_29_12_2025_to_04_01_2026() -> None:
    period = parse_week("2026-W01")
    assert (period.start, period.end) == (D(2025, 12, 29), D(2026, 1, 4))
    assert period.week_label == "2026-W01"


def test_week_2026_w07_is_the_week_of_the_reported_score() -> None:
    period = parse_week("2026-W07")
    assert (period.start, period.end) == (D(2026, 2, 9), D(2026, 2, 15))
    assert period.following() == parse_week("2026-W08")


def test_week_after_the_last_week_of_a_year_is_week_one() -> None:
    assert parse_week("2025-W52").following() == week_period(2026, 1)
    assert parse_week("2020-W53").following().week == (2021, 1)


@pytest.mark.parametrize(("year", "weeks"), [(2020, 53), (2025, 52), (2026, 53), (2027, 52)])
def test_weeks_in_year(year: int, weeks: int) -> None:
    assert weeks_in_year(year) == weeks


def test_week_53_exists_only_in_long_years() -> None:
    assert parse_week("2020-W53").start == D(2020, 12, 28)
    assert parse_week("2026-W53").end == D(2027, 1, 3)
    with pytest.raises(PeriodError):
        parse_week("2025-W53")
    with pytest.raises(PeriodError):
        parse_week("2027-W53")


@pytest.mark.parametrize("text", ["2026-W7", "2026W07", "2026-w07", " 2026-W07 "])
def test_week_spellings_accepted(text: str) -> None:
    assert parse_week(text).week == (2026, 7)


@pytest.mark.parametrize("text", ["2026-W00", "2026-W54", "2026-07", "W07", "2026-W", "tuần 7"])
def test_invalid_weeks_rejected(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_week(text)


def test_custom_range_and_the_range_after_it() -> None:
    period = date_range(D(2026, 2, 1), D(2026, 2, 10))
    assert period.week is None and period.days == 10
    assert period.following() == Period(D(2026, 2, 11), D(2026, 2, 20))
    with pytest.raises(PeriodError):
        date_range(D(2026, 2, 10), D(2026, 2, 1))
    assert format_week(2026, 7) == "2026-W07"


# --- the CLI refuses what it cannot use, with exit code 2 and a clear message -------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2025-W53"], "2025 có 52 tuần ISO"),
        (["--week", "tuần-7"], "viết dạng 2026-W07"),
        (["--since", "2026-02-30"], "ngày không hợp lệ"),
        (["--since", "2026-02-10", "--until", "2026-02-01"], "--since is after --until"),
        (["--until", "2026-02-10"], "--until cần đi kèm --since"),
        (["--week", "2026-W07", "--since", "2026-02-01"], "không dùng cả hai"),
        (["--week", "2026-W10"], "has not started yet"),
        (["--stalled-weeks", "0"], "--stalled-weeks"),
    ],
)
def test_brief_rejects_bad_periods_with_exit_2(
    invoke: Invoke, example_root: Path, args: list[str], message: str
) -> None:
    result = invoke("--root", str(example_root), "brief", "phuong-mau", *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_2026_w53_is_refused_but_2020_w53_is_accepted(invoke: Invoke, example_root: Path) -> None:
    # 2026 does have 53 ISO weeks; W53 is refused only because it has not started yet.
    late = invoke("--root", str(example_root), "brief", "phuong-mau", "--week", "2026-W53")
    assert late.exit_code == 2 and "has not started yet" in late.stderr
    old = invoke("--root", str(example_root), "brief", "phuong-mau", "--week", "2020-W53")
    assert old.exit_code == 0, old.stderr
    assert "Báo cáo giao ban tuần 53/2020" in old.stdout
    assert "Từ ngày 28/12/2020 đến ngày 03/01/2021" in old.stdout


def test_brief_default_is_the_current_iso_week(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "brief", "phuong-mau")
    assert result.exit_code == 0, result.stderr
    assert "tuần 08/2026" in result.stdout  # KIEUMAU_TODAY is 2026-02-20
    assert "Từ ngày 16/02/2026 đến ngày 22/02/2026" in result.stdout


def test_brief_over_a_date_range_compares_with_the_day_before(
    invoke: Invoke, example_root: Path
) -> None:
    result = invoke("--root", str(example_root), "brief", "phuong-mau", "--since", "01/02/2026")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Từ ngày 01/02/2026 đến ngày 20/02/2026" in out
    assert "(+1 so với ngày 31/01/2026)" in out  # C02 met on 10/02
    assert "## 2. Kết quả trong kỳ" in out and "## 4. Nhiệm vụ kỳ tới" in out
