"""`kieumau brief WARD [--week 2026-W07 | --since D --until D]`: the weekly briefing note."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from kieumau_cli.commands.context import Context, parse_date
from kieumau_cli.commands.output import DocumentRequest, check_request, timeline, write_document
from kieumau_cli.errors import EXIT_OK, UsageError
from kieumau_cli.load.notes import WeeklyNotes, notes_file, read_notes
from kieumau_cli.results.weeks import (
    Period,
    PeriodError,
    current_week,
    date_range,
    parse_week,
    weeks_in_year,
)

if TYPE_CHECKING:
    from kieumau_cli.results.brief import Brief


def run(
    context: Context,
    ward_argument: str,
    request: DocumentRequest,
    period_options: tuple[str | None, str | None, str | None],
    stalled_weeks: int,
    *,
    full: bool = False,
) -> int:
    from kieumau_cli.results.brief import Brief

    check_request("brief", request, context)
    period = resolve_period(*period_options, context.today)
    if stalled_weeks < 1:
        raise UsageError("error.stalled_weeks")
    if full and period.week_label is None:
        raise UsageError("error.full_needs_week")
    history = timeline(context, ward_argument, request.use_git)
    result = Brief.build(history, period, context.today, stalled_weeks)
    if full and period.week_label is not None:
        result = dataclasses.replace(result, notes=weekly_notes(context, result, period.week_label))
    write_document(context, "brief", request, result)
    return EXIT_OK


def weekly_notes(context: Context, brief: Brief, week_label: str) -> WeeklyNotes:
    """The officer-written sections of the week, or none (a file not written yet)."""
    ward = brief.ward
    root = context.repository.root_of_ward(ward.province, ward.ward)
    path = notes_file(root.path, ward.province, ward.ward, week_label)
    shown = context.repository.display(path)
    if not path.is_file():
        context.notice("notice.notes_missing", path=shown)
        return WeeklyNotes(shown, {})
    return read_notes(path, shown)


def resolve_period(
    week: str | None, since: str | None, until: str | None, today: dt.date
) -> Period:
    """--week, or --since [--until], or the current ISO week."""
    if week is not None and (since is not None or until is not None):
        raise UsageError("error.week_or_range")
    if week is not None:
        try:
            period = parse_week(week)
        except PeriodError:
            head = week.strip()[:4]
            if head.isdigit() and 1 <= int(head) <= 9998:
                year = int(head)
                raise UsageError(
                    "error.week_in_year", week=week, year=year, weeks=weeks_in_year(year)
                ) from None
            raise UsageError("error.week_invalid", week=week) from None
    elif since is not None:
        start = parse_date(since, "--since")
        end = parse_date(until, "--until") if until is not None else today
        try:
            period = date_range(start, end)
        except PeriodError:
            raise UsageError("error.since_after_until", since=since, until=end) from None
    elif until is not None:
        raise UsageError("error.until_needs_since")
    else:
        period = current_week(today)
    if period.start > today:
        raise UsageError("error.period_in_future", start=period.start.isoformat(), today=today)
    return period
