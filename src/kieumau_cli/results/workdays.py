"""Working days in Vietnam: weekends and public holidays (pure functions, no I/O).

Holidays come from the maintained `holidays` library (Bộ luật Lao động 2019,
Điều 112, including the days of Tết Nguyên đán and the government's announced
substitute days it knows), never from a table kept here. A "break" is a run of
days off that holds at least one public holiday, with the weekends that touch
it: Tết 2026 is the break from Saturday 14/02 to Sunday 22/02/2026.

Deadlines, the brief's document date and "next week" are counted with these
functions, so every command agrees on which day is a working day.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import holidays

from kieumau_cli.text import t

ONE_DAY = dt.timedelta(days=1)
SATURDAY = 5

# The library names each day of Tết separately ("29 Tết", "Giao thừa", "Mùng hai");
# a document names the break once, as an officer would: each festival is a catalogue
# key (`holiday.<key>`), found from the library's English name.
_FESTIVALS = (
    ("lunar new year", "tet"),
    ("new year's day", "new_year"),
    ("hung kings", "hung_kings"),
    ("reunification", "reunification"),
    ("labor day", "labour_day"),
    ("national day", "national_day"),
    ("cultural day", "culture_day"),
)


@dataclass(frozen=True, slots=True)
class Holiday:
    day: dt.date
    name_vi: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Break:
    """Consecutive days off (holidays and the weekends touching them), named after the
    festival it holds (`festival`, a catalogue key) or else the library's own names."""

    start: dt.date
    end: dt.date
    festival: str | None
    library_vi: str
    library_en: str

    def name(self, lang: str) -> str:
        if self.festival is not None:
            return t(lang, f"holiday.{self.festival}")
        return self.library_vi if lang == "vi" else self.library_en

    @property
    def name_vi(self) -> str:
        return self.name("vi")

    @property
    def name_en(self) -> str:
        return self.name("en")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and start <= self.end


@functools.lru_cache(maxsize=64)
def _year(year: int) -> dict[dt.date, tuple[str, str]]:
    if not 1 <= year <= 9999:
        return {}
    vi = holidays.country_holidays("VN", years=year, language="vi")
    en = holidays.country_holidays("VN", years=year, language="en_US")
    return {day: (str(vi[day]), str(en.get(day, vi[day]))) for day in vi}


def holiday(day: dt.date) -> Holiday | None:
    """The public holiday on `day`, if any."""
    names = _year(day.year).get(day)
    return Holiday(day, *names) if names else None


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < SATURDAY and day not in _year(day.year)


def holidays_between(start: dt.date, end: dt.date) -> list[Holiday]:
    """Public holidays from `start` to `end`, both included, in date order."""
    found: list[Holiday] = []
    for year in range(start.year, end.year + 1):
        for day, names in sorted(_year(year).items()):
            if start <= day <= end:
                found.append(Holiday(day, *names))
    return found


def _festival(name_en: str) -> str | None:
    folded = name_en.casefold()
    return next((key for needle, key in _FESTIVALS if needle in folded), None)


def breaks_between(start: dt.date, end: dt.date) -> list[Break]:
    """Every break that overlaps `start`..`end`, whole (it may begin before `start`)."""
    found: list[Break] = []
    for first in holidays_between(start - dt.timedelta(days=14), end + dt.timedelta(days=14)):
        if found and found[-1].start <= first.day <= found[-1].end:
            continue
        begin, finish = first.day, first.day
        while not is_working_day(begin - ONE_DAY):
            begin -= ONE_DAY
        while not is_working_day(finish + ONE_DAY):
            finish += ONE_DAY
        held = holidays_between(begin, finish)
        festival = next((key for one in held if (key := _festival(one.name_en))), None)
        found.append(Break(begin, finish, festival, first.name_vi, first.name_en))
    return [one for one in found if one.overlaps(start, end)]


def last_working_day(start: dt.date, end: dt.date) -> dt.date:
    """The last working day from `start` to `end`; `start` when none is (a week of Tết)."""
    day = end
    while day >= start:
        if is_working_day(day):
            return day
        day -= ONE_DAY
    return start


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    # Weekdays by arithmetic, less the holidays on weekdays: the site asks this of
    # every open task of every station (counting day by day was seconds nationally).
    holidays_off = sum(
        1
        for year in range(start.year, end.year + 1)
        for day in _year(year)
        if start < day <= end and day.weekday() < SATURDAY
    )
    return _weekdays_through(end) - _weekdays_through(start) - holidays_off


def _weekdays_through(day: dt.date) -> int:
    """Mondays to Fridays from 1 January of year 1 (a Monday, ordinal 1) to `day`."""
    weeks, rest = divmod(day.toordinal(), 7)
    return 5 * weeks + min(rest, SATURDAY)


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The working day `count` working days after `day` (before it when negative)."""
    step = ONE_DAY if count >= 0 else -ONE_DAY
    remaining = abs(count)
    while remaining:
        day += step
        remaining -= is_working_day(day)
    return day
