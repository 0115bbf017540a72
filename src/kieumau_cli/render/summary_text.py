"""`kieumau summary --format text`: the province summary as Rich tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from kieumau_cli.render.common import (
    STATUS_STYLE,
    assembled,
    console,
    pick,
    progress_bar,
    score_cell,
    status_label,
    styled,
    unit_name,
)
from kieumau_cli.results.summary import Summary
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date, format_number, format_percent

if TYPE_CHECKING:
    from rich.console import Console


def render_text(result: Summary, lang: str, out: TextIO) -> None:
    from rich.table import Table

    con = console(out, lang)
    scope = result.province or t(lang, "summary.country")
    con.print(styled(f"{t(lang, 'summary.title')} — {scope}", style="bold"))
    con.print(
        f"{t(lang, 'as_of')}: {format_date(result.generated, lang)} · "
        f"{t(lang, 'summary.stations', count=len(result.rows))} · "
        f"{t(lang, 'summary.qualified_count', count=len(result.ready))}"
    )
    table = Table(title=t(lang, "summary.ranking"), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(t(lang, "col.name"))
    table.add_column(t(lang, "col.set"), no_wrap=True)
    table.add_column(t(lang, "col.score"))
    table.add_column(t(lang, "col.progress"), no_wrap=True)
    table.add_column(t(lang, "col.qualifies"))
    table.add_column(t(lang, "col.last_update"), min_width=10)
    for index, row in enumerate(result.scored, start=1):
        assert row.score is not None
        days = result.age(row)
        stale = days is None or days >= result.stale_days
        table.add_row(
            str(index),
            # The province, not the slug: slugs cannot wrap and officers read names.
            assembled(f"{unit_name(row, lang)}\n", (row.province_name, "dim")),
            row.criteria_set,
            score_cell(row.score, lang),
            progress_bar(row.ratio, 10),
            t(lang, "doc.yes" if row.score.qualifies else "doc.no"),
            styled(format_date(row.last_update, lang), style="red" if stale else ""),
        )
    con.print(table)
    counts = Table(title=t(lang, "summary.counts"), title_justify="left")
    counts.add_column(t(lang, "col.status"))
    counts.add_column(t(lang, "col.count"), justify="right")
    counts.add_column(t(lang, "col.percent"), justify="right")
    for status, count in result.counts.items():
        counts.add_row(
            styled(status_label(status, lang), style=STATUS_STYLE[status]),
            format_number(count, lang),
            format_percent(count, result.criteria_total, lang),
        )
    con.print(counts)
    sets = Table(title=t(lang, "summary.sets"), title_justify="left")
    for key in ("col.set", "col.criterion", "col.stations", "col.qualifies"):
        sets.add_column(t(lang, key))
    for use in result.sets:
        sets.add_row(
            use.criteria_set.ref,
            pick(use.criteria_set.title, lang),
            str(use.stations),
            str(use.qualified),
        )
    con.print(sets)
    _section(
        con,
        t(lang, "summary.qualified"),
        [f"{row.name} ({row.key})" for row in result.ready] or [t(lang, "summary.qualified_none")],
    )
    if result.holding:
        con.print(f"  {t(lang, 'summary.holding', count=len(result.holding))}")
    stale_lines = [
        f"{row.name} ({row.key}): "
        + (
            t(
                lang,
                "summary.last_update",
                date=format_date(row.last_update, lang),
                days=format_number(result.age(row) or 0, lang),
            )
            if row.last_update
            else t(lang, "summary.never")
        )
        for row in result.stale
    ]
    _section(
        con,
        t(lang, "summary.stale", days=result.stale_days),
        stale_lines or [t(lang, "summary.stale_none", days=result.stale_days)],
    )
    if result.broken:
        _section(
            con,
            t(lang, "summary.broken"),
            [
                f"{row.key}: {t(lang, 'problem.' + (row.problem or 'invalid'))}"
                for row in result.broken
            ],
        )
    if result.roadmap is not None:
        from kieumau_cli.render.roadmap import render_text_section

        render_text_section(con, result.roadmap, lang)


def _section(con: Console, title: str, lines: list[str]) -> None:
    con.print()
    con.print(styled(title, style="bold"))
    for line in lines:
        con.print(styled(f"  • {line}"))
