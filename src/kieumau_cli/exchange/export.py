"""The ward's workbook: the criteria sheet officers fill in, and the hidden sheet `import`
reads to know where it came from (see `exchange.sheet`)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kieumau_cli.exchange.sheet import (
    COLUMNS,
    DATE_FORMAT,
    FIRST_ROW,
    HEADER_ROW,
    META_SHEET,
    SHEET_FORMAT,
    STATUS_ORDER,
    Column,
    WardSheet,
    letter,
    put_text,
    rows_digest,
    status_choices,
    status_label,
)
from kieumau_cli.text import t

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font
    from openpyxl.worksheet.worksheet import Worksheet

# Fill and font colour of each status, the same in every workbook kieumau writes.
STATUS_COLOURS = {
    "met": ("C6EFCE", "006100"),
    "in_progress": ("FFEB9C", "7F4F00"),
    "not_met": ("FFC7CE", "9C0006"),
    "not_applicable": ("EDEDED", "404040"),
    "unknown": ("E4DFEC", "4B2466"),
}
HEADER_FILL = "1F4E79"
LOCKED_FILL = "F2F2F2"
LOCKED_FONT = "404040"
BORDER = "A6A6A6"
META_FIRST_ROW = 12  # the hidden sheet's per-criterion rows start here


def _escape_header(text: str) -> str:
    """Text for a page header or footer, where '&' starts a code."""
    return text.replace("&", "&&")


def font(*, size: float = 11, **style: object) -> Font:
    """The workbook's font (Calibri 11, as Excel's default) with a style: a font without a
    name is drawn in a serif fallback by LibreOffice."""
    from openpyxl.styles import Font

    return Font(name="Calibri", size=size, **style)  # type: ignore[arg-type]


# The cell styles every workbook registers once: a style per cell is set by name, which is
# what keeps a province of hundreds of stations fast (openpyxl hashes every style object).
HEADER = "kieumau header"
TEXT = "kieumau text"
WRAP = "kieumau wrap"
EDIT = "kieumau edit"
EDIT_WRAP = "kieumau edit wrap"
LOCKED = "kieumau locked"
LOCKED_WRAP = "kieumau locked wrap"
CENTRE = "kieumau centre"
TOTAL = "kieumau total"


def _add_styles(workbook: Workbook) -> None:
    from openpyxl.styles import Alignment, NamedStyle, PatternFill, Protection

    border = thin_border()
    top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    centre = Alignment(horizontal="center", vertical="center")
    grey = PatternFill("solid", fgColor=LOCKED_FILL)
    unlocked = Protection(locked=False)
    styles: list[tuple[str, dict[str, object]]] = [
        (
            HEADER,
            {
                "font": font(bold=True, color="FFFFFF"),
                "fill": PatternFill("solid", fgColor=HEADER_FILL),
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
            },
        ),
        (TEXT, {"alignment": top}),
        (WRAP, {"alignment": wrap}),
        (EDIT, {"alignment": top, "protection": unlocked}),
        (EDIT_WRAP, {"alignment": wrap, "protection": unlocked}),
        (LOCKED, {"alignment": top, "fill": grey, "font": font(color=LOCKED_FONT)}),
        (LOCKED_WRAP, {"alignment": wrap, "fill": grey, "font": font(color=LOCKED_FONT)}),
        (CENTRE, {"alignment": centre}),
        (TOTAL, {"alignment": centre, "fill": grey, "font": font(bold=True)}),
    ]
    for name, style in styles:
        attributes = {"font": font(), "border": border, **style}
        workbook.add_named_style(NamedStyle(name=name, **attributes))  # type: ignore[arg-type]


def new_workbook(title: str) -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "kieumau"
    workbook.properties.title = title
    _add_styles(workbook)
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def thin_border() -> Border:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color=BORDER)
    return Border(left=side, right=side, top=side, bottom=side)


def style_header(sheet: Worksheet, row: int, count: int) -> None:
    for column in range(1, count + 1):
        sheet.cell(row=row, column=column).style = HEADER


def status_rules(sheet: Worksheet, cells: str, shown: dict[str, str]) -> None:
    """Colour each status as the terminal and the documents do; `shown`: what a cell holds
    for each status (its word, or its symbol in the province's matrix)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for status in STATUS_ORDER:
        fill, colour = STATUS_COLOURS[status.value]
        text = shown[status.value].replace('"', '""')
        sheet.conditional_formatting.add(
            cells,
            CellIsRule(  # type: ignore[no-untyped-call]
                operator="equal",
                formula=[f'"{text}"'],
                fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                font=Font(color=colour),
            ),
        )


def page_setup(sheet: Worksheet, title_rows: str, header: str, lang: str) -> None:
    """A4 landscape, as wide as one page, the header rows on every page."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    sheet.print_title_rows = title_rows
    sheet.page_margins = PageMargins(
        left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3, footer=0.3
    )
    top, bottom = sheet.oddHeader, sheet.oddFooter
    assert top is not None and bottom is not None
    top.center.text = _escape_header(header)
    top.center.size = 10
    bottom.center.text = t(lang, "exchange.page")
    bottom.center.size = 9


def fitted_widths(
    columns: Sequence[tuple[str, tuple[int, int]]], rows: Iterable[Sequence[str]]
) -> list[int]:
    """Each column's width: its longest line (or a header's longest word), within bounds."""
    longest = [max((len(word) for word in header.split()), default=0) for header, _ in columns]
    for row in rows:
        for index, text in enumerate(row):
            for line in text.split("\n"):
                longest[index] = max(longest[index], len(line))
    return [
        min(max(length + 2, low), high)
        for length, (_, (low, high)) in zip(longest, columns, strict=True)
    ]


LINE_HEIGHT = 15.0  # points per line of the default 11-point font


def row_height(cells: Iterable[tuple[str, float]]) -> float:
    """The height a row needs to show every wrapped line of its (text, column width)
    cells: spreadsheets do not size rows to wrapped text in a file they open."""
    import math

    lines = 1
    for text, width in cells:
        per_line = max(1.0, float(width))
        lines = max(
            lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        )
    return LINE_HEIGHT * lines + 2


def _shown(sheet: WardSheet, column: Column, index: int) -> str:
    """The text a cell shows, for sizing its column."""
    row = sheet.rows[index]
    values = row.values
    shown = {
        "id": row.id,
        "group": row.group,
        "title": row.title,
        "status": status_label(values.status, sheet.stamp.lang),
        "owner": values.owner or "",
        "due": "00/00/0000" if values.due else "",
        "note": values.note or "",
        "reason": values.reason or "",
        "evidence": "\n".join(values.evidence),
        "reading": f"{values.reading:g} {row.unit or ''}" if values.reading is not None else "",
        "updated": "00/00/0000" if row.updated else "",
    }
    return shown[column.key]


def ward_workbook(sheet: WardSheet) -> bytes:
    """The workbook `kieumau export WARD --format xlsx` writes."""
    workbook = new_workbook(f"{sheet.unit} — {sheet.stamp.criteria}")
    criteria = workbook.active
    assert criteria is not None
    criteria.title = sheet.stamp.sheet
    _criteria_sheet(criteria, sheet)
    _meta_sheet(workbook.create_sheet(META_SHEET), sheet)
    return workbook_bytes(workbook)


def _criteria_sheet(target: Worksheet, sheet: WardSheet) -> None:
    lang = sheet.stamp.lang
    for index, column in enumerate(COLUMNS, start=1):
        put_text(target.cell(row=HEADER_ROW, column=index), t(lang, column.header))
    style_header(target, HEADER_ROW, len(COLUMNS))  # headers never start like a formula
    for offset, row in enumerate(sheet.rows):
        number = FIRST_ROW + offset
        values = row.values
        cells = {
            column.key: target.cell(row=number, column=i) for i, column in enumerate(COLUMNS, 1)
        }
        for column in COLUMNS:
            editable = column.editable and (column.key != "reading" or row.has_indicator)
            if editable:
                cells[column.key].style = EDIT_WRAP if column.wrap else EDIT
            else:
                cells[column.key].style = LOCKED_WRAP if column.wrap else LOCKED
        put_text(cells["id"], row.id)
        put_text(cells["group"], row.group)
        put_text(cells["title"], row.title)
        put_text(cells["status"], status_label(values.status, lang))
        put_text(cells["owner"], values.owner)
        cells["due"].value = values.due
        put_text(cells["note"], values.note)
        put_text(cells["reason"], values.reason)
        put_text(cells["evidence"], "\n".join(values.evidence) or None)
        cells["reading"].value = values.reading
        cells["updated"].value = row.updated
        cells["due"].number_format = DATE_FORMAT
        cells["updated"].number_format = DATE_FORMAT
        unit = (row.unit or "").replace('"', "").replace("\\", "")
        cells["reading"].number_format = f'General" {unit}"' if unit else "General"
    last = FIRST_ROW + len(sheet.rows) - 1
    widths = fitted_widths(
        [(t(lang, column.header), column.width) for column in COLUMNS],
        ([_shown(sheet, column, i) for column in COLUMNS] for i in range(len(sheet.rows))),
    )
    for index, width in enumerate(widths):
        target.column_dimensions[letter(COLUMNS[index].key)].width = width
    for offset in range(len(sheet.rows)):
        target.row_dimensions[FIRST_ROW + offset].height = row_height(
            (_shown(sheet, column, offset), width)
            for column, width in zip(COLUMNS, widths, strict=True)
            if column.wrap
        )
    target.row_dimensions[HEADER_ROW].height = 32
    target.freeze_panes = f"B{FIRST_ROW}"
    end = letter(COLUMNS[-1].key)
    target.auto_filter.ref = f"A{HEADER_ROW}:{end}{max(last, FIRST_ROW)}"
    _validations(target, lang, last)
    words = {status.value: status_label(status, lang) for status in STATUS_ORDER}
    status_rules(target, f"{letter('status')}{FIRST_ROW}:{letter('status')}{last}", words)
    protection = target.protection
    protection.sheet = True  # locked cells (id, group, title) cannot be typed over
    protection.formatColumns = False  # widening a column stays allowed
    protection.formatRows = False
    protection.autoFilter = False
    header = f"{sheet.unit} — {sheet.set_title} ({sheet.stamp.criteria})"
    page_setup(target, f"{HEADER_ROW}:{HEADER_ROW}", header, lang)


def _validations(target: Worksheet, lang: str, last: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    words = ",".join(status_choices(lang))
    status = DataValidation(
        type="list",
        formula1=f'"{words}"',
        allow_blank=False,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=t(lang, "col.status"),
        error=t(lang, "exchange.status_error", words=", ".join(status_choices(lang))),
    )
    status.add(f"{letter('status')}{FIRST_ROW}:{letter('status')}{last}")
    target.add_data_validation(status)
    due = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 01/01/2000: any real date passes, text does not
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=t(lang, "col.due"),
        error=t(lang, "exchange.date_error"),
    )
    due.add(f"{letter('due')}{FIRST_ROW}:{letter('due')}{last}")
    target.add_data_validation(due)


def _meta_sheet(meta: Worksheet, sheet: WardSheet) -> None:
    """The hidden sheet: the stamp, then one JSON text per criterion."""
    stamp = sheet.stamp
    payloads = [row.payload() for row in sheet.rows]
    header = [
        ("format", SHEET_FORMAT),
        ("ward", stamp.ward),
        ("criteria", stamp.criteria),
        ("file_sha256", stamp.file_sha256),
        ("rows_sha256", rows_digest(payloads)),
        ("lang", stamp.lang),
        ("sheet", stamp.sheet),
        ("exported", stamp.exported.isoformat()),
        ("note", t(stamp.lang, "exchange.meta_note")),
    ]
    for number, (key, value) in enumerate(header, start=1):
        put_text(meta.cell(row=number, column=1), key)
        put_text(meta.cell(row=number, column=2), value)
    for offset, (row, payload) in enumerate(zip(sheet.rows, payloads, strict=True)):
        put_text(meta.cell(row=META_FIRST_ROW + offset, column=1), row.id)
        put_text(meta.cell(row=META_FIRST_ROW + offset, column=2), payload)
    meta.column_dimensions["A"].width = 14
    meta.column_dimensions["B"].width = 80
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
