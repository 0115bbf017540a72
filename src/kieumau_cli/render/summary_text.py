"""`kieumau summary --format text`: the province summary as Rich tables."""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.render.common import (
    STATUS_STYLE,
    console,
    pick,
    progress_bar,
    score_cell,
    status_label,
)
from kieumau_cli.results.report import Summary
from kieumau_cli.text.format import format_date, format_number, format_percent
from kieumau_cli.text.labels import label


def render_text(result: Summary, lang: str, out: TextIO) -> None:
    from rich.table import Table
    from rich.text import Text

    con = console(out)
    scope = result.province or label(lang, "summary.country")
    con.print(Text(f"{label(lang, 'summary.title')} — {scope}", style="bold"))
    con.print(
        f"{label(lang, 'as_of')}: {format_date(result.generated, lang)} · "
        f"{label(lang, 'summary.stations', count=len(result.rows))} · "
        f"{label(lang, 'summary.qualified_count', count=len(result.qualified))}"
    )
    table = Table(title=label(lang, "summary.ranking"), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(label(lang, "col.name"))
    table.add_column(label(lang, "col.set"), no_wrap=True)
    table.add_column(label(lang, "col.score"))
    table.add_column(label(lang, "col.progress"), no_wrap=True)
    table.add_column(label(lang, "col.qualifies"))
    table.add_column(label(lang, "col.last_update"), min_width=10)
    for index, row in enumerate(result.scored, start=1):
        assert row.score is not None and row.ward is not None and row.criteria_set is not None
        stale = row.days_since_update is None or row.days_since_update >= result.stale_days
        table.add_row(
            str(index),
            # The province, not the slug: slugs cannot wrap and officers read names.
            Text.assemble(f"{row.ward.name}\n", (row.ward.province_name, "dim")),
            row.criteria_set.ref,
            score_cell(row.score, lang),
            progress_bar(row.ratio, 10),
            label(lang, "doc.yes" if row.score.qualifies else "doc.no"),
            Text(format_date(row.last_update, lang), style="red" if stale else ""),
        )
    con.print(table)
    counts = Table(title=label(lang, "summary.counts"), title_justify="left")
    counts.add_column(label(lang, "col.status"))
    counts.add_column(label(lang, "col.count"), justify="right")
    counts.add_column(label(lang, "col.percent"), justify="right")
    for status, count in result.counts.items():
        counts.add_row(
            Text(status_label(status, lang), style=STATUS_STYLE[status]),
            format_number(count, lang),
            format_percent(count, result.criteria_total, lang),
        )
    con.print(counts)
    sets = Table(title=label(lang, "summary.sets"), title_justify="left")
    for key in ("col.set", "col.criterion", "col.stations", "col.qualifies"):
        sets.add_column(label(lang, key))
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
        label(lang, "summary.qualified"),
        [f"{row.name} ({row.key})" for row in result.qualified]
        or [label(lang, "summary.qualified_none")],
    )
    stale_lines = [
        f"{row.name} ({row.key}): "
        + (
            label(
                lang,
                "summary.last_update",
                date=format_date(row.last_update, lang),
                days=format_number(row.days_since_update or 0, lang),
            )
            if row.last_update
            else label(lang, "summary.never")
        )
        for row in result.stale
    ]
    _section(
        con,
        label(lang, "summary.stale", days=result.stale_days),
        stale_lines or [label(lang, "summary.stale_none", days=result.stale_days)],
    )
    if result.broken:
        _section(
            con,
            label(lang, "summary.broken"),
            [
                f"{row.key}: {label(lang, 'problem.' + (row.problem or 'invalid'))}"
                for row in result.broken
            ],
        )


def _section(con: object, title: str, lines: list[str]) -> None:
    from rich.console import Console
    from rich.text import Text

    assert isinstance(con, Console)
    con.print()
    con.print(Text(title, style="bold"))
    for line in lines:
        con.print(Text(f"  • {line}"))
