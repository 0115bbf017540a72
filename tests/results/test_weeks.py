"""ISO weeks and reporting periods, including the year boundary (how `brief` reports a
week or date it cannot use: tests/commands/test_brief.py)."""

from __future__ import annotations

import datetime as dt

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
