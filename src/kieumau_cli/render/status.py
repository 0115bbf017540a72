"""`kieumau status`: one station's state as a terminal table (Rich) or JSON; Markdown
is the template `templates/status.md.j2`.

The reporters take a `StatusView` (plain data, see `results.status`), so that a
cached status renders without importing the Pydantic models.
"""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.render.common import (
    STATUS_STYLE,
    assembled,
    console,
    pick,
    progress_bar,
    score_line,
    status_label,
    styled,
    unit_name,
    write_json,
)
from kieumau_cli.render.lifecycle import stage_phrase, verdict_key, verified_phrase
from kieumau_cli.results.rows import CriterionRow
from kieumau_cli.results.status import StatusView
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date
from kieumau_cli.text.places import place_text


def _header_lines(result: StatusView, lang: str) -> list[tuple[str, str]]:
    data = result.data
    lines = [
        (t(lang, "unit"), data.unit),
        (
            t(lang, "ward"),
            f"{place_text(unit_name(data, lang), data.province_name, lang)} ({data.key})",
        ),
        (
            t(lang, "criteria_set"),
            f"{data.criteria_set} — {pick(data.criteria_set_title, lang)}",
        ),
    ]
    if data.former:
        lines.append((t(lang, "former"), "; ".join(data.former)))
    if data.plan_number is not None:
        plan = data.plan_number
        if data.plan_date is not None:
            plan += f" {t(lang, 'plan_dated')} {format_date(data.plan_date, lang)}"
        lines.append((t(lang, "plan"), plan))
    if result.as_of is not None:
        lines.append((t(lang, "as_of"), format_date(result.as_of, lang)))
    lines.append((t(lang, "lifecycle.stage"), stage_phrase(data.lifecycle, lang)))
    return lines


def _due_text(view: CriterionRow, result: StatusView, lang: str) -> tuple[str, bool]:
    if view.due is None:
        return "", False
    overdue = view.overdue(result.reference_date)
    text = format_date(view.due, lang)
    return (f"{text} ({t(lang, 'overdue')})" if overdue else text), overdue


def render_text(result: StatusView, lang: str, out: TextIO) -> None:
    from rich.table import Table

    con = console(out, lang)
    for name, value in _header_lines(result, lang):
        con.print(assembled((f"{name}: ", "bold"), value))
    current = result.data.score
    con.print()
    con.print(styled(score_line(current, lang), style="bold"))
    con.print(
        f"{progress_bar(current.ratio, 30)}  "
        + t(lang, verdict_key(current.qualifies, result.data.lifecycle))
    )
    checked = verified_phrase(result.data.lifecycle, lang)
    if checked is not None:
        con.print(checked)
        discrepancies = result.data.lifecycle["discrepancies"]
        if discrepancies:
            con.print(
                styled(
                    t(lang, "lifecycle.discrepancies", ids=", ".join(discrepancies)),
                    style="bold red",
                )
            )
    table = Table(expand=True)
    table.add_column(t(lang, "col.id"), no_wrap=True)
    table.add_column(t(lang, "col.criterion"), ratio=3)
    table.add_column(t(lang, "col.status"), no_wrap=True)
    table.add_column(t(lang, "col.owner"), ratio=2)
    table.add_column(t(lang, "col.due"), no_wrap=True)
    table.add_column(t(lang, "col.updated"), no_wrap=True)
    for group in result.data.groups:
        views = group.criteria
        # Rich has no column spans: the group title sits in the criterion column.
        table.add_row(styled(group.id, style="bold"), styled(pick(group.title, lang), style="bold"))
        for view in views:
            due, overdue = _due_text(view, result, lang)
            table.add_row(
                view.id,
                pick(view.title, lang),
                styled(status_label(view.status, lang), style=STATUS_STYLE[view.status]),
                view.owner or "",
                styled(due, style="bold red" if overdue else ""),
                format_date(view.last_update, lang) if view.last_update else "",
            )
        table.add_section()
    con.print()
    con.print(table)
    con.print()
    missing = result.missing()
    if not missing:
        con.print(t(lang, "nothing_missing"))
        return
    con.print(styled(f"{t(lang, 'missing')} ({len(missing)}):", style="bold"))
    todo = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    todo.add_column(no_wrap=True)
    todo.add_column(ratio=3)
    todo.add_column(ratio=2)
    for view in missing:
        due, overdue = _due_text(view, result, lang)
        details = [status_label(view.status, lang)]
        if view.owner:
            details.append(view.owner)
        if due:
            details.append(f"{t(lang, 'col.due').lower()} {due}")
        todo.add_row(
            f"• {view.id}",
            pick(view.title, lang),
            styled("; ".join(details), style="red" if overdue else ""),
        )
    con.print(todo)


def render_json(result: StatusView, lang: str, out: TextIO) -> None:
    write_json(result.payload(), out)
