"""The province's workbook: a sheet of stations (score, stage when known, last update), a
stations × criteria matrix per criteria set in use (a coloured symbol per cell, a legend,
how many stations each criterion still holds back), and the criteria ranked by it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kieumau_cli.exchange.export import (
    CENTRE,
    STATUS_COLOURS,
    TEXT,
    TOTAL,
    WRAP,
    fitted_widths,
    font,
    new_workbook,
    page_setup,
    row_height,
    status_rules,
    style_header,
    workbook_bytes,
)
from kieumau_cli.exchange.sheet import DATE_FORMAT, STATUS_ORDER, put_text, status_label
from kieumau_cli.load.vocabulary import DONE, Status
from kieumau_cli.text import has, t
from kieumau_cli.text.format import percent

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from kieumau_cli.load.models import CriteriaSet
    from kieumau_cli.load.repository import WardLoad
    from kieumau_cli.results.rows import WardSummary

# One symbol per status in the matrix: narrow columns, and the colour says the rest.
SYMBOLS = {
    "met": "✓",
    "in_progress": "◐",
    "not_met": "✗",
    "not_applicable": "–",
    "unknown": "?",
}
MATRIX_HEADER_ROW = 4
FIRST_CRITERION = 4  # column D: after the number, the station and its score
MAX_SHEET_NAME = 31


@dataclass(frozen=True, slots=True)
class Station:
    summary: WardSummary
    stage: str | None  # the recognition stage, when the ward model knows one
    statuses: dict[str, Status]  # by criterion id of its set


@dataclass(frozen=True, slots=True)
class Matrix:
    criteria_set: CriteriaSet
    stations: tuple[Station, ...]

    def held_back(self, criterion: str) -> int:
        """Stations for which the criterion is not yet done (met or not applicable)."""
        return sum(
            station.statuses.get(criterion, Status.UNKNOWN) not in DONE for station in self.stations
        )

    def met(self, criterion: str) -> int:
        return sum(station.statuses.get(criterion) is Status.MET for station in self.stations)

    def applicable(self, criterion: str) -> int:
        return sum(
            station.statuses.get(criterion) is not Status.NOT_APPLICABLE
            for station in self.stations
        )


@dataclass(frozen=True, slots=True)
class ProvinceBook:
    scope: str  # the province's name, or the whole country
    generated: dt.date
    lang: str
    stations: tuple[Station, ...]
    matrices: tuple[Matrix, ...]

    @property
    def has_stage(self) -> bool:
        return any(station.stage for station in self.stations)


def _stage(ward: object, lang: str) -> str | None:
    """The stage of the recognition life cycle, once the ward model carries one."""
    stage = getattr(ward, "stage", None)
    if stage is None:
        return None
    value = getattr(stage, "value", stage)
    key = f"stage.{value}"
    return t(lang, key) if has(key) else str(value)


def province_book(scope: str, loads: list[WardLoad], today: dt.date, lang: str) -> ProvinceBook:
    from kieumau_cli.results.score import statuses_as_of
    from kieumau_cli.results.summary import Summary

    summary = Summary.build(scope, loads, today)
    by_key = {load.key: load for load in loads}
    stations = []
    sets: dict[str, CriteriaSet] = {}
    for row in summary.rows:
        load = by_key[row.key]
        ward, criteria_set = load.ward, load.criteria_set
        statuses: dict[str, Status] = {}
        if ward is not None and criteria_set is not None:
            statuses = statuses_as_of(ward, criteria_set)
            sets[criteria_set.ref] = criteria_set
        stations.append(Station(row, _stage(ward, lang), statuses))
    matrices = tuple(
        Matrix(
            criteria_set,
            tuple(s for s in stations if s.summary.score and s.summary.criteria_set == ref),
        )
        for ref, criteria_set in sorted(sets.items())
    )
    return ProvinceBook(scope, today, lang, tuple(stations), matrices)


def province_workbook(book: ProvinceBook) -> bytes:
    """The workbook `kieumau export --province P --format xlsx` writes."""
    workbook = new_workbook(t(book.lang, "exchange.province_title", scope=book.scope))
    first = workbook.active
    assert first is not None
    first.title = t(book.lang, "exchange.sheet.stations")
    _stations_sheet(first, book)
    used = {first.title}
    for matrix in book.matrices:
        name = _sheet_name(matrix.criteria_set.ref, used)
        _matrix_sheet(workbook.create_sheet(name), book, matrix)
    if book.matrices:
        _ranking_sheet(workbook.create_sheet(t(book.lang, "exchange.sheet.ranking")), book)
    return workbook_bytes(workbook)


def _sheet_name(ref: str, used: set[str]) -> str:
    name = ref[:MAX_SHEET_NAME]
    suffix = 2
    while name in used:
        tail = f" ({suffix})"
        name = ref[: MAX_SHEET_NAME - len(tail)] + tail
        suffix += 1
    used.add(name)
    return name


def station_columns(book: ProvinceBook) -> list[tuple[str, tuple[int, int]]]:
    """(catalogue key, width bounds) of the stations sheet's columns."""
    columns = [
        ("exchange.col.number", (5, 6)),
        ("col.name", (22, 36)),
        ("exchange.col.ward", (18, 34)),
        ("col.set", (16, 28)),
        ("col.met", (7, 8)),
        ("exchange.col.applicable", (9, 10)),
        ("col.percent", (8, 9)),
        ("status.in_progress", (10, 12)),
        ("status.not_met", (9, 10)),
        ("status.unknown", (10, 12)),
        ("exchange.col.qualifies", (12, 14)),
    ]
    if book.has_stage:
        columns.append(("exchange.col.stage", (14, 24)))
    columns += [("col.last_update", (12, 12)), ("exchange.col.problem", (10, 30))]
    return columns


def station_cells(book: ProvinceBook, index: int, station: Station) -> list[Any]:
    """One station's row: numbers as numbers, dates as dates, the share as a fraction."""
    row, lang = station.summary, book.lang
    score = row.score
    cells: list[Any] = [index, row.name, row.key, row.criteria_set]
    if score is not None:
        cells += [score.met, score.total, score.percent / 100]
        cells += [score.in_progress, score.not_met, score.unknown]
        cells.append(t(lang, "doc.yes") if score.qualifies else t(lang, "doc.no"))
    else:
        cells += [None] * 7
    if book.has_stage:
        cells.append(station.stage)
    problem = t(lang, f"exchange.problem.{row.problem}") if row.problem else None
    cells += [row.last_update, problem]
    return cells


def _put(sheet: Worksheet, row: int, column: int, value: Any, style: str = TEXT) -> None:
    """A value in its cell, styled first (a named style replaces the quote prefix)."""
    cell = sheet.cell(row=row, column=column)
    cell.style = style
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def _stations_sheet(sheet: Worksheet, book: ProvinceBook) -> None:

    columns = station_columns(book)
    for index, (key, _) in enumerate(columns, start=1):
        put_text(sheet.cell(row=1, column=index), t(book.lang, key))
    style_header(sheet, 1, len(columns))
    keys = [key for key, _ in columns]
    percent_column = keys.index("col.percent") + 1
    date_column = keys.index("col.last_update") + 1
    shown: list[list[str]] = []
    for number, station in enumerate(book.stations, start=1):
        cells = station_cells(book, number, station)
        shown.append(["" if value is None else str(value) for value in cells])
        for column, value in enumerate(cells, start=1):
            _put(sheet, number + 1, column, value, WRAP if column == 2 else TEXT)
        sheet.cell(row=number + 1, column=percent_column).number_format = "0.0%"
        sheet.cell(row=number + 1, column=date_column).number_format = DATE_FORMAT
        shown[-1][date_column - 1] = "00/00/0000"
    headers = [(t(book.lang, key), width) for key, width in columns]
    widths = fitted_widths(headers, shown)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(index)].width = width
    for number, cells in enumerate(shown, start=2):
        sheet.row_dimensions[number].height = row_height([(cells[1], widths[1])])
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "C2"
    last = _letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(2, len(book.stations) + 1)}"
    title = t(book.lang, "exchange.province_title", scope=book.scope)
    page_setup(sheet, "1:1", title, book.lang)
    sheet.print_title_cols = "A:B"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _matrix_sheet(sheet: Worksheet, book: ProvinceBook, matrix: Matrix) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment

    from kieumau_cli.render.common import pick

    lang, criteria_set = book.lang, matrix.criteria_set
    criteria = criteria_set.criteria
    title = t(
        lang,
        "exchange.matrix_title",
        set=pick(criteria_set.title, lang),
        ref=criteria_set.ref,
        scope=book.scope,
    )
    put_text(sheet.cell(row=1, column=1), title)
    sheet.cell(row=1, column=1).font = font(bold=True, size=13)
    _legend(sheet, lang)
    header = MATRIX_HEADER_ROW
    for column, key in enumerate(("exchange.col.number", "col.name", "col.score"), start=1):
        put_text(sheet.cell(row=header, column=column), t(lang, key))
    for offset, criterion in enumerate(criteria):
        cell = sheet.cell(row=header, column=FIRST_CRITERION + offset)
        put_text(cell, criterion.id)
        cell.comment = Comment(pick(criterion.title, lang), "kieumau", width=260, height=90)
    style_header(sheet, header, FIRST_CRITERION + len(criteria) - 1)
    for offset in range(len(criteria)):
        cell = sheet.cell(row=header, column=FIRST_CRITERION + offset)
        cell.alignment = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
    sheet.row_dimensions[header].height = 44
    last = _matrix_rows(sheet, matrix)
    _matrix_totals(sheet, lang, matrix, last + 1)
    sheet.column_dimensions["A"].width = 5
    sheet.column_dimensions["B"].width = min(
        36, max([22, *(len(s.summary.name) + 2 for s in matrix.stations)])
    )
    sheet.column_dimensions["C"].width = 8
    for offset in range(len(criteria)):
        sheet.column_dimensions[_letter(FIRST_CRITERION + offset)].width = 4.5
    sheet.freeze_panes = f"{_letter(FIRST_CRITERION)}{header + 1}"
    page_setup(sheet, f"{header}:{header}", title, lang)
    sheet.print_title_cols = "A:C"


def _matrix_rows(sheet: Worksheet, matrix: Matrix) -> int:
    """A row per station, a symbol per criterion; returns the last row."""

    criteria = matrix.criteria_set.criteria
    header = MATRIX_HEADER_ROW
    number = header
    for number, station in enumerate(matrix.stations, start=header + 1):
        score = station.summary.score
        _put(sheet, number, 1, number - header)
        _put(sheet, number, 2, station.summary.name)
        _put(sheet, number, 3, f"{score.met}/{score.total}" if score else None, CENTRE)
        for offset, criterion in enumerate(criteria):
            status = station.statuses.get(criterion.id, Status.UNKNOWN)
            _put(sheet, number, FIRST_CRITERION + offset, SYMBOLS[status.value], CENTRE)
    end = _letter(FIRST_CRITERION + len(criteria) - 1)
    cells = f"{_letter(FIRST_CRITERION)}{header + 1}:{end}{max(number, header + 1)}"
    status_rules(sheet, cells, SYMBOLS)
    return number


def _matrix_totals(sheet: Worksheet, lang: str, matrix: Matrix, row: int) -> None:
    """The last row: how many stations each criterion still holds back, reddest most."""
    from openpyxl.formatting.rule import ColorScaleRule

    criteria = matrix.criteria_set.criteria
    put_text(sheet.cell(row=row, column=2), t(lang, "exchange.held_back"))
    for column in range(1, FIRST_CRITERION + len(criteria)):
        sheet.cell(row=row, column=column).style = TOTAL
    for offset, criterion in enumerate(criteria):
        sheet.cell(row=row, column=FIRST_CRITERION + offset).value = matrix.held_back(criterion.id)
    end = _letter(FIRST_CRITERION + len(criteria) - 1)
    sheet.conditional_formatting.add(
        f"{_letter(FIRST_CRITERION)}{row}:{end}{row}",
        ColorScaleRule(  # type: ignore[no-untyped-call]
            start_type="min", start_color="FFFFFF", end_type="max", end_color="F8696B"
        ),
    )


def _legend(sheet: Worksheet, lang: str) -> None:
    """Row 2: what each symbol and colour means, in cells coloured as the matrix is."""
    from openpyxl.styles import Alignment, PatternFill

    put_text(sheet.cell(row=2, column=2), t(lang, "exchange.legend"))
    sheet.cell(row=2, column=2).font = font(bold=True)
    sheet.cell(row=2, column=2).alignment = Alignment(horizontal="right")
    column = 3
    for status in STATUS_ORDER:
        fill, colour = STATUS_COLOURS[status.value]
        cell = sheet.cell(row=2, column=column)
        put_text(cell, f"{SYMBOLS[status.value]} {status_label(status, lang)}")
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = font(color=colour, bold=True)
        # Each entry spans enough narrow criterion columns for its words.
        span = 1 if column == 3 else 4
        if span > 1:
            sheet.merge_cells(start_row=2, start_column=column, end_row=2, end_column=column + 3)
        column += span
    put_text(sheet.cell(row=3, column=2), t(lang, "exchange.legend_hint"))
    sheet.cell(row=3, column=2).font = font(italic=True, color="595959", size=9)


def _ranking_sheet(sheet: Worksheet, book: ProvinceBook) -> None:
    """Every criterion of every set in use, the one holding most stations back first."""

    from kieumau_cli.render.common import pick

    lang = book.lang
    columns = [
        ("col.set", (16, 28)),
        ("col.id", (6, 10)),
        ("col.criterion", (30, 60)),
        ("exchange.col.stations", (9, 10)),
        ("col.met", (7, 8)),
        ("exchange.held_back", (12, 16)),
        ("col.percent", (8, 9)),
    ]
    for index, (key, _) in enumerate(columns, start=1):
        put_text(sheet.cell(row=1, column=index), t(lang, key))
    style_header(sheet, 1, len(columns))
    ranked = []
    for matrix in book.matrices:
        for criterion in matrix.criteria_set.criteria:
            applicable = matrix.applicable(criterion.id)
            met = matrix.met(criterion.id)
            ranked.append(
                (
                    matrix.criteria_set.ref,
                    criterion.id,
                    pick(criterion.title, lang),
                    len(matrix.stations),
                    met,
                    matrix.held_back(criterion.id),
                    percent(met, applicable) / 100 if applicable else None,
                )
            )
    ranked.sort(key=lambda r: (-r[5], r[0], r[1]))
    for number, values in enumerate(ranked, start=2):
        for column, value in enumerate(values, start=1):
            _put(sheet, number, column, value, WRAP if column == 3 else TEXT)
        sheet.cell(row=number, column=7).number_format = "0.0%"
    headers = [(t(lang, key), width) for key, width in columns]
    shown = [[str(value) for value in values] for values in ranked]
    widths = fitted_widths(headers, shown)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(index)].width = width
    for number, cells in enumerate(shown, start=2):
        sheet.row_dimensions[number].height = row_height([(cells[2], widths[2])])
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:G{max(2, len(ranked) + 1)}"
    title = t(lang, "exchange.province_title", scope=book.scope)
    page_setup(sheet, "1:1", title, lang)
