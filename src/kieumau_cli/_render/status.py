"""`kieumau status`: one station's state as text (Rich), Markdown or JSON."""

from __future__ import annotations

from typing import TextIO

from .._i18n import label
from .._models import CriteriaSet, Ward
from .._results import WardStatus, status_payload
from .._scoring import CriterionView
from .._text import format_date
from ._common import (
    STATUS_STYLE,
    console,
    md_cell,
    pick,
    progress_bar,
    score_line,
    status_label,
    write_json,
)


def _header_lines(result: WardStatus, lang: str) -> list[tuple[str, str]]:
    ward: Ward = result.ward
    criteria_set: CriteriaSet = result.criteria_set
    lines = [
        (label(lang, "unit"), ward.unit),
        (label(lang, "ward"), f"{ward.name}, {ward.province_name} ({ward.key})"),
        (
            label(lang, "criteria_set"),
            f"{criteria_set.ref} — {pick(criteria_set.title, lang)}",
        ),
    ]
    if ward.plan is not None:
        plan = ward.plan.number
        if ward.plan.date is not None:
            plan += f" {label(lang, 'plan_dated')} {format_date(ward.plan.date, lang)}"
        lines.append((label(lang, "plan"), plan))
    if result.as_of is not None:
        lines.append((label(lang, "as_of"), format_date(result.as_of, lang)))
    return lines


def _due_text(view: CriterionView, result: WardStatus, lang: str) -> tuple[str, bool]:
    if view.entry is None or view.entry.due is None:
        return "", False
    overdue = view.overdue(result.reference_date)
    text = format_date(view.entry.due, lang)
    return (f"{text} ({label(lang, 'overdue')})" if overdue else text), overdue


def render_text(result: WardStatus, lang: str, out: TextIO) -> None:
    from rich.table import Table
    from rich.text import Text

    con = console(out)
    for name, value in _header_lines(result, lang):
        con.print(Text.assemble((f"{name}: ", "bold"), value))
    current = result.score
    con.print()
    con.print(Text(score_line(current, lang), style="bold"))
    con.print(
        f"{progress_bar(current.ratio, 30)}  "
        + label(lang, "qualifies" if current.qualifies else "not_qualified")
    )
    table = Table(expand=True)
    table.add_column(label(lang, "col.id"), no_wrap=True)
    table.add_column(label(lang, "col.criterion"), ratio=3)
    table.add_column(label(lang, "col.status"), no_wrap=True)
    table.add_column(label(lang, "col.owner"), ratio=2)
    table.add_column(label(lang, "col.due"), no_wrap=True)
    table.add_column(label(lang, "col.updated"), no_wrap=True)
    for group, views in result.by_group():
        # Rich has no column spans: the group title sits in the criterion column.
        table.add_row(Text(group.id, style="bold"), Text(pick(group.title, lang), style="bold"))
        for view in views:
            due, overdue = _due_text(view, result, lang)
            table.add_row(
                view.criterion.id,
                pick(view.criterion.title, lang),
                Text(status_label(view.status, lang), style=STATUS_STYLE[view.status]),
                (view.entry.owner or "") if view.entry else "",
                Text(due, style="bold red" if overdue else ""),
                format_date(view.last_update, lang) if view.last_update else "",
            )
        table.add_section()
    con.print()
    con.print(table)
    con.print()
    missing = result.missing()
    if not missing:
        con.print(label(lang, "nothing_missing"))
        return
    con.print(Text(f"{label(lang, 'missing')} ({len(missing)}):", style="bold"))
    todo = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    todo.add_column(no_wrap=True)
    todo.add_column(ratio=3)
    todo.add_column(ratio=2)
    for view in missing:
        due, overdue = _due_text(view, result, lang)
        details = [status_label(view.status, lang)]
        if view.entry and view.entry.owner:
            details.append(view.entry.owner)
        if due:
            details.append(f"{label(lang, 'col.due').lower()} {due}")
        todo.add_row(
            f"• {view.criterion.id}",
            pick(view.criterion.title, lang),
            Text("; ".join(details), style="red" if overdue else ""),
        )
    con.print(todo)


def render_md(result: WardStatus, lang: str, out: TextIO) -> None:
    lines = [f"# {md_cell(result.ward.unit)}", ""]
    lines += [f"**{name}:** {md_cell(value)}  " for name, value in _header_lines(result, lang)]
    current = result.score
    lines += [
        "",
        f"**{score_line(current, lang)}**",
        "",
        f"`{progress_bar(current.ratio, 30)}` "
        + label(lang, "qualifies" if current.qualifies else "not_qualified"),
    ]
    headers = [
        label(lang, key)
        for key in ("col.id", "col.criterion", "col.status", "col.owner", "col.due", "col.updated")
    ]
    for group, views in result.by_group():
        lines += ["", f"## {group.id}. {md_cell(pick(group.title, lang))}", ""]
        lines.append("| " + " | ".join(headers) + " |")
        lines.append("|" + "---|" * len(headers))
        for view in views:
            due, overdue = _due_text(view, result, lang)
            cells = [
                view.criterion.id,
                md_cell(pick(view.criterion.title, lang)),
                status_label(view.status, lang),
                md_cell(view.entry.owner if view.entry else None),
                f"**{due}**" if overdue else due,
                format_date(view.last_update, lang) if view.last_update else "",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    missing = result.missing()
    lines += ["", f"## {label(lang, 'missing')} ({len(missing)})", ""]
    if not missing:
        lines.append(label(lang, "nothing_missing"))
    for view in missing:
        due, overdue = _due_text(view, result, lang)
        owner = view.entry.owner if view.entry and view.entry.owner else ""
        extra = "; ".join(part for part in (status_label(view.status, lang), owner, due) if part)
        lines.append(
            f"- **{view.criterion.id}** "
            f"{md_cell(pick(view.criterion.title, lang))} — {md_cell(extra)}"
        )
    out.write("\n".join(lines) + "\n")


def render_json(result: WardStatus, lang: str, out: TextIO) -> None:
    write_json(status_payload(result), out)
