"""Working days: weekends, public holidays, and the breaks a document names."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from kieumau_cli.results import workdays

D = dt.date


def test_tet_2026_is_one_break_with_its_weekends() -> None:
    (tet,) = workdays.breaks_between(D(2026, 2, 16), D(2026, 2, 22))
    assert (tet.start, tet.end) == (D(2026, 2, 14), D(2026, 2, 22))
    assert tet.name_vi == "Tết Nguyên đán"
    assert tet.days == 9


def test_a_week_without_holidays_has_no_break() -> None:
    assert workdays.breaks_between(D(2026, 2, 9), D(2026, 2, 13)) == []


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 13), True),  # Friday before Tết
        (D(2026, 2, 14), False),  # Saturday
        (D(2026, 2, 17), False),  # Mùng một
        (D(2026, 2, 23), True),  # back to work
        (D(2026, 9, 2), False),  # Quốc khánh
        (D(2026, 4, 27), False),  # substitute day for Giỗ Tổ on a Sunday
    ],
)
def test_working_days(day: dt.date, working: bool) -> None:
    assert workdays.is_working_day(day) is working


def test_the_last_working_day_of_a_week_skips_holidays() -> None:
    # 2026-W36: Tuesday 1/9 and Wednesday 2/9 are holidays; Friday 4/9 still works.
    assert workdays.last_working_day(D(2026, 8, 31), D(2026, 9, 6)) == D(2026, 9, 4)
    # 2026-W08 is all Tết: no working day, the week's start stands in.
    assert workdays.last_working_day(D(2026, 2, 16), D(2026, 2, 22)) == D(2026, 2, 16)


def test_counting_working_days_skips_tet() -> None:
    assert workdays.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert workdays.working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == -1
    assert workdays.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert workdays.add_working_days(D(2026, 2, 23), -1) == D(2026, 2, 13)
    assert workdays.add_working_days(D(2026, 2, 13), 0) == D(2026, 2, 13)


def test_holidays_are_named_in_both_languages() -> None:
    national = workdays.holiday(D(2026, 9, 2))
    assert national is not None
    assert "Quốc khánh" in national.name_vi and national.name_en
    assert workdays.holiday(D(2026, 9, 3)) is None


def test_a_break_is_named_after_its_festival_even_when_a_substitute_day_opens_it() -> None:
    # 31/08/2026 is a substitute day off ("Ngày nghỉ (thay cho …)"); the break is Quốc khánh.
    (national,) = workdays.breaks_between(D(2026, 8, 31), D(2026, 9, 2))
    assert (national.start, national.end) == (D(2026, 8, 29), D(2026, 9, 2))
    assert national.name("vi") == "Quốc khánh 2/9"
    assert national.name("en") == "National Day (2 September)"


def _counted_day_by_day(start: dt.date, end: dt.date) -> int:
    if end < start:
        return -_counted_day_by_day(end, start)
    days = ((start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1))
    return sum(workdays.is_working_day(day) for day in days)


@pytest.mark.parametrize("seed", range(20))
def test_counting_working_days_by_arithmetic_is_counting_them_one_by_one(seed: int) -> None:
    """Ranges over Tết, year ends, weekends and back to front: the weekday arithmetic
    less the holidays gives what walking the days gives."""
    rng = random.Random(seed)
    for _ in range(50):
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 1100))
        end = start + dt.timedelta(days=rng.randrange(-400, 400))
        assert workdays.working_days_between(start, end) == _counted_day_by_day(start, end)
