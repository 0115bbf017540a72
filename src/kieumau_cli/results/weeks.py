"""ISO weeks and reporting periods (pure functions, no I/O).

A giao ban note covers one ISO week, Monday to Sunday: 29/12/2025 is in
2026-W01 and 04/01/2026 still is. A year has 52 or 53 ISO weeks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WEEK_RE = re.compile(r"(\d{4})-?[Ww](\d{1,2})")
ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(weeks=1)


class PeriodError(ValueError):
    """A week or date range a user typed that does not exist."""


@dataclass(frozen=True, slots=True)
class Period:
    """Days `start` to `end`, both included; `week` is (ISO year, week) for a whole week."""

    start: dt.date
    end: dt.date
    week: tuple[int, int] | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def week_label(self) -> str | None:
        return format_week(*self.week) if self.week else None

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def following(self) -> Period:
        """The next week (or the same number of days after a custom range)."""
        if self.week is not None:
            return week_period(*iso_week(self.end + ONE_DAY))
        return Period(self.end + ONE_DAY, self.end + dt.timedelta(days=self.days))


EVERYTHING = Period(dt.date.min, dt.date.max)


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always falls in the last ISO week of its year."""
    return dt.date(year, 12, 28).isocalendar().week


def iso_week(day: dt.date) -> tuple[int, int]:
    calendar = day.isocalendar()
    return calendar.year, calendar.week


def format_week(year: int, week: int) -> str:
    return f"{year}-W{week:02d}"


def week_period(year: int, week: int) -> Period:
    if not 1 <= year <= 9998 or not 1 <= week <= weeks_in_year(year):
        raise PeriodError(format_week(year, week))
    monday = dt.date.fromisocalendar(year, week, 1)
    return Period(monday, monday + dt.timedelta(days=6), (year, week))


def parse_week(text: str) -> Period:
    """'2026-W07' (also '2026W7', '2026-w07') -> that Monday-to-Sunday week."""
    match = _WEEK_RE.fullmatch(text.strip())
    if match is None:
        raise PeriodError(text)
    return week_period(int(match.group(1)), int(match.group(2)))


def current_week(today: dt.date) -> Period:
    return week_period(*iso_week(today))


def date_range(since: dt.date, until: dt.date) -> Period:
    if since > until:
        raise PeriodError(f"{since.isoformat()} > {until.isoformat()}")
    return Period(since, until)
