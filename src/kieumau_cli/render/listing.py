"""`kieumau list`: one row per ward as a table, JSON or CSV."""

from __future__ import annotations

import csv
from typing import TextIO

from kieumau_cli.render.common import (
    assembled,
    console,
    progress_bar,
    score_cell,
    unit_name,
    write_json,
)
from kieumau_cli.results.rows import LIST_FIELDS, WardSummary
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date
from kieumau_cli.text.unsafe import BOM, neutralise_formula, visible


def _score_text(row: WardSummary, lang: str) -> str:
    if row.score is None:
        return row.problem or "?"
    return score_cell(row.score, lang)


def render_text(rows: list[WardSummary], lang: str, out: TextIO) -> None:
    from rich.table import Table

    con = console(out, lang)
    if not rows:
        con.print(t(lang, "no_wards"))
        return
    table = Table(expand=False)
    for key in ("col.name", "col.set", "col.score", "col.progress", "col.last_update"):
        table.add_column(t(lang, key), no_wrap=key != "col.name")
    for row in rows:
        table.add_row(
            assembled(f"{unit_name(row, lang)}\n", (row.key, "dim")),
            row.criteria_set,
            _score_text(row, lang),
            progress_bar(row.score.ratio) if row.score else "",
            format_date(row.last_update, lang),
        )
    con.print(table)


def render_json(rows: list[WardSummary], lang: str, out: TextIO) -> None:
    write_json([row.payload() for row in rows], out)


def render_csv(rows: list[WardSummary], lang: str, out: TextIO) -> None:
    """RFC 4180 rows after a UTF-8 byte order mark: Excel reads a CSV as UTF-8 only with
    it (without, "Phường" opens as "PhÆ°á»ng"). Python reads it with `utf-8-sig`."""
    out.write(BOM)
    payloads = [{k: _csv_value(v) for k, v in row.payload().items()} for row in rows]
    writer = csv.DictWriter(out, fieldnames=LIST_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(payloads)


def _csv_value(value: object) -> object:
    """Spreadsheets and shell tools expect true/false, not Python's True/False; a text
    that starts like a formula is neutralised, so a spreadsheet shows it, never runs it."""
    if isinstance(value, bool):
        return str(value).lower()
    return neutralise_formula(visible(value)) if isinstance(value, str) else value
