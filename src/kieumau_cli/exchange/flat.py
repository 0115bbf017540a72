"""The same tables as CSV, for other programs: UTF-8 with a BOM (so Excel reads the
Vietnamese letters right), dates as yyyy-mm-dd, numbers with a decimal point, and every
text that a spreadsheet would run as a formula neutralised. CSV goes out only: it carries
no stamp, so `import` reads only the workbook."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from kieumau_cli.exchange.sheet import COLUMNS, WardSheet, cell_text, status_label
from kieumau_cli.text import t
from kieumau_cli.text.unsafe import BOM, neutralise_formula

if TYPE_CHECKING:
    from kieumau_cli.exchange.province import ProvinceBook


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return neutralise_formula(cell_text(str(value)))


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_field(text) for text in header])
    writer.writerows([_field(value) for value in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def ward_csv(sheet: WardSheet) -> bytes:
    """The criteria table of the workbook, one line per criterion."""
    lang = sheet.stamp.lang
    rows = []
    for row in sheet.rows:
        values = row.values
        rows.append(
            [
                row.id,
                row.group,
                row.title,
                status_label(values.status, lang),
                values.owner,
                values.due,
                values.note,
                values.reason,
                "\n".join(values.evidence),
                values.reading,
                row.updated,
            ]
        )
    return csv_bytes([t(lang, column.header) for column in COLUMNS], rows)


def province_csv(book: ProvinceBook) -> bytes:
    """The stations sheet of the province's workbook; the share as a percentage."""
    from kieumau_cli.exchange.province import station_cells, station_columns

    columns = station_columns(book)
    share = [key for key, _ in columns].index("col.percent")
    rows = []
    for number, station in enumerate(book.stations, start=1):
        cells = station_cells(book, number, station)
        score = station.summary.score
        cells[share] = score.percent if score is not None else None
        rows.append(cells)
    return csv_bytes([t(book.lang, key) for key, _ in columns], rows)
