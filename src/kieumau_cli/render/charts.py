"""Geometry for the inline SVG charts: numbers only, the templates draw them.

Coordinates are rounded to one decimal so golden files stay stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kieumau_cli.load.models import Reported
from kieumau_cli.results.report import ProgressPoint

_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


@dataclass(frozen=True, slots=True)
class DateTick:
    x: float
    date: dt.date
    precision: str  # "day" or "month", for the date filter


@dataclass(frozen=True, slots=True)
class ValueTick:
    y: float
    value: int


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    met: int
    total: int
    date: dt.date


@dataclass(frozen=True, slots=True)
class StepChart:
    width: int
    height: int
    left: int
    top: int
    right: int  # x of the plot's right edge
    bottom: int  # y of the plot's baseline
    line: str  # SVG path data of the step line
    area: str  # the same, closed down to the baseline
    goal_y: float
    total: int
    x_ticks: list[DateTick]
    y_ticks: list[ValueTick]
    last: Marker
    reported: list[Marker]
    label_last: bool  # False when a published figure already labels the end of the line


def _r(value: float) -> float:
    return round(value, 1)


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = dt.date(year, month, 1)
        if first <= day <= last:
            months.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _date_ticks(first: dt.date, last: dt.date, most: int) -> tuple[list[dt.date], str]:
    if (last - first).days <= 62:
        monday = first + dt.timedelta(days=-first.weekday() % 7)
        days = [monday + dt.timedelta(weeks=i) for i in range(((last - monday).days // 7) + 1)]
        return days[:: max(1, -(-len(days) // most))], "day"
    months = _month_starts(first, last)
    return months[:: max(1, -(-len(months) // most))], "month"


def step_chart(
    points: list[ProgressPoint],
    reported: list[Reported],
    *,
    width: int = 680,
    height: int = 260,
) -> StepChart | None:
    """Criteria met over time as a step line; None with fewer than two points."""
    if len(points) < 2:
        return None
    left, top, right, bottom = 44, 16, width - 20, height - 40
    first, final = points[0].date, points[-1].date
    span = max((final - first).days, 1)
    total = max(1, *(p.total for p in points), *(p.met for p in points))

    def x(day: dt.date) -> float:
        return _r(left + (day - first).days / span * (right - left))

    def y(value: float) -> float:
        return _r(bottom - value / total * (bottom - top))

    commands = [f"M{x(first)} {y(points[0].met)}"]
    for point in points[1:]:
        commands.append(f"H{x(point.date)} V{y(point.met)}")
    line = " ".join(commands)
    area = f"{line} V{bottom} H{x(first)} Z"
    step = next((s for s in _STEPS if total / s <= 6), _STEPS[-1])
    # Round ticks, then the total itself (dropping a round tick that would crowd it).
    values = [v for v in range(0, total, step) if total - v > step / 2 or v == 0]
    y_ticks = [ValueTick(y(v), v) for v in [*values, total]]
    days, precision = _date_ticks(first, final, 8)
    end = points[-1]
    last = Marker(x(end.date), y(end.met), end.met, end.total, end.date)
    markers = [
        Marker(x(item.date), y(item.met), item.met, item.total, item.date)
        for item in reported
        if first <= item.date <= last.date
    ]
    return StepChart(
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        line=line,
        area=area,
        goal_y=y(total),
        total=total,
        x_ticks=[DateTick(x(day), day, precision) for day in days],
        y_ticks=y_ticks,
        last=last,
        reported=markers,
        label_last=all(abs(m.x - last.x) > 140 or abs(m.y - last.y) > 16 for m in markers),
    )
