"""`kieumau due`: tasks by owner as Rich tables or JSON, and the words every format of
it shares (how late, how long left, a due date on a day off)."""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.render.common import (
    STATUS_STYLE,
    assembled,
    console,
    pick,
    status_label,
    styled,
    write_json,
)
from kieumau_cli.results.due import Agenda, OwnerGroup, Task
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date


def scope_name(agenda: Agenda, lang: str) -> str:
    return agenda.scope or t(lang, "due.country")


def owner_name(group: OwnerGroup, lang: str) -> str:
    return group.owner or t(lang, "due.unassigned")


def header_lines(agenda: Agenda, lang: str) -> list[str]:
    """'Tính đến ngày 20/02/2026 · hạn trong 14 ngày tới (đến ngày 06/03/2026)', the counts,
    and the owner filter when there is one."""
    lines = [
        t(lang, "due.header", today=agenda.today, days=agenda.within, end=agenda.window_end),
        t(
            lang,
            "due.counts",
            overdue=agenda.count("overdue"),
            soon=agenda.count("soon"),
            undated=agenda.count("undated"),
        ),
    ]
    if agenda.owner_filter is not None:
        lines.append(t(lang, "due.owner_filter", owner=agenda.owner_filter))
    return lines


def deadline_text(task: Task, lang: str) -> str:
    """'quá hạn 10 ngày (3 ngày làm việc)', 'còn 5 ngày (3 ngày làm việc)', 'chưa có hạn'."""
    if task.bucket == "overdue":
        return t(lang, "due.overdue_by", days=task.days_overdue, working=task.working_days_overdue)
    if task.bucket == "undated":
        return t(lang, "due.undated")
    if task.days_left == 0:
        return t(lang, "due.today")
    return t(lang, "due.left", days=task.days_left, working=task.working_days_left)


def day_off_text(task: Task, lang: str) -> str | None:
    """Why the due date is no working day, or None when it is one (or there is none)."""
    if task.due_on_working_day is not False:
        return None
    if task.due_holiday is not None:
        name = task.due_holiday.name_en if lang == "en" else task.due_holiday.name_vi
        return t(lang, "due.holiday", name=name)
    return t(lang, "due.weekend")


def later_text(group: OwnerGroup, agenda: Agenda, lang: str) -> str | None:
    later = len(group.of("later"))
    return t(lang, "due.later", count=later, end=agenda.window_end) if later else None


def criterion_text(task: Task, lang: str) -> str:
    return f"{task.criterion} {pick(task.title, lang)}"


def render_text(agenda: Agenda, lang: str, out: TextIO) -> None:
    from rich.table import Table

    con = console(out, lang)
    con.print(styled(f"{t(lang, 'due.title')} — {scope_name(agenda, lang)}", style="bold"))
    for line in header_lines(agenda, lang):
        con.print(styled(line))
    if not agenda.groups:
        con.print()
        con.print(t(lang, "due.none" if agenda.owner_filter is None else "due.none_for_owner"))
        return
    many = len(agenda.stations) > 1
    for group in agenda.groups:
        con.print()
        if not group.shown:  # everything it has is due after the window
            con.print(styled(owner_name(group, lang), style="bold"))
            con.print(styled(f"  {later_text(group, agenda, lang)}", style="dim"))
            continue
        table = Table(title=owner_name(group, lang), title_justify="left", title_style="bold")
        table.add_column(t(lang, "col.due"), no_wrap=True)
        if many:
            table.add_column(t(lang, "col.name"))
        table.add_column(t(lang, "col.criterion"))
        table.add_column(t(lang, "col.status"), no_wrap=True)
        table.add_column(t(lang, "col.deadline"))
        table.add_column(t(lang, "col.note"))
        for task in group.shown:
            off = day_off_text(task, lang)
            deadline = (deadline_text(task, lang), "red" if task.overdue else "")
            cells = [
                styled(format_date(task.due, lang)),
                *([assembled(task.station_name, ("\n" + task.station, "dim"))] if many else []),
                styled(criterion_text(task, lang)),
                styled(status_label(task.status, lang), style=STATUS_STYLE[task.status]),
                assembled(deadline, *([("\n" + off, "dim")] if off else [])),
                styled(task.note or ""),
            ]
            table.add_row(*cells)
        con.print(table)
        later = later_text(group, agenda, lang)
        if later:
            con.print(styled(f"  {later}", style="dim"))


def render_json(agenda: Agenda, lang: str, out: TextIO) -> None:
    write_json(agenda.payload(), out)
