"""`kieumau list`: one row per ward as a table, JSON or CSV."""

from __future__ import annotations

import csv
from typing import TextIO

from kieumau_cli.render.common import console, progress_bar, score_cell, write_json
from kieumau_cli.results.ward_status import WardRow, row_payload
from kieumau_cli.text.format import format_date
from kieumau_cli.text.labels import label


def _score_text(row: WardRow, lang: str) -> str:
    if row.score is None:
        return row.problem or "?"
    return score_cell(row.score, lang)


def render_text(rows: list[WardRow], lang: str, out: TextIO) -> None:
    from rich.table import Table
    from rich.text import Text

    con = console(out)
    if not rows:
        con.print(label(lang, "no_wards"))
        return
    table = Table(expand=False)
    for key in ("col.name", "col.set", "col.score", "col.progress", "col.last_update"):
        table.add_column(label(lang, key), no_wrap=key != "col.name")
    for row in rows:
        table.add_row(
            Text.assemble(f"{row.name}\n", (row.key, "dim")),
            row.criteria_set,
            _score_text(row, lang),
            progress_bar(row.score.ratio) if row.score else "",
            format_date(row.last_update, lang),
        )
    con.print(table)


def render_json(rows: list[WardRow], lang: str, out: TextIO) -> None:
    write_json([row_payload(row) for row in rows], out)


def render_csv(rows: list[WardRow], lang: str, out: TextIO) -> None:
    # Spreadsheets and shell tools expect true/false, not Python's True/False.
    payloads = [
        {k: (str(v).lower() if isinstance(v, bool) else v) for k, v in row_payload(row).items()}
        for row in rows
    ]
    fields = list(row_payload(WardRow("", "", "", "", "", None, None)).keys())
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(payloads)
