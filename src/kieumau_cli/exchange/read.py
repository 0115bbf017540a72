"""An edited criteria workbook, read back: where it came from (the hidden sheet), what was
exported, and every row of the visible sheet with the cell each value came from.

Whatever program saved the file (kieumau, Excel, LibreOffice) it reads the same: shared or
inline strings, dates as date cells, as serial numbers or as text (dd/mm/yyyy or
yyyy-mm-dd), numbers as numbers or as text ('92,5'). What cannot be read is a `Problem`
naming its cell; nothing here decides what to change (`exchange.plan` does).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli.edit.ward_edits import parse_number
from kieumau_cli.errors import InvalidDataError, UsageError
from kieumau_cli.exchange.export import META_FIRST_ROW
from kieumau_cli.exchange.sheet import (
    COLUMNS,
    FIRST_ROW,
    HEADER_ROW,
    LOCKED,
    MAX_BYTES,
    META_SHEET,
    SHEET_FORMAT,
    ExportRow,
    Stamp,
    Values,
    cell_ref,
    cell_text,
    rows_digest,
    status_choices,
    status_code,
    stored_text,
)
from kieumau_cli.text import LANGS, t
from kieumau_cli.text.format import parse_iso_date

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# Characters an officer can paste into a cell that a ward file must never hold.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a cell (or the sheet) cannot be imported: a text-catalogue key and its values."""

    key: str
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One filled row of the visible sheet."""

    number: int
    id: str
    locked: dict[str, str]  # the locked cells' text (id, group, title, updated)
    values: Values | None  # None when a cell could not be read (see the problems)
    refs: dict[str, str]  # column key → 'Tiêu chí!D12'

    def ref(self, key: str) -> str:
        return self.refs[key]


@dataclass(frozen=True, slots=True)
class Edited:
    """What an edited workbook holds."""

    stamp: Stamp
    exported: tuple[ExportRow, ...]
    rows: tuple[SheetRow, ...]
    problems: list[Problem] = field(default_factory=list)
    columns_ok: bool = True  # False: the headings moved, the rows were not read


def read_workbook(path: Path, display: str) -> Edited:
    """The workbook at `path`; UsageError when it is no workbook kieumau wrote, and
    InvalidDataError when its hidden sheet was tampered with."""
    workbook = _open(path, display)
    stamp, exported = _stamp(workbook, display)
    if stamp.sheet not in workbook.sheetnames:
        raise InvalidDataError("error.sheet_missing", sheet=stamp.sheet, path=display)
    sheet = workbook[stamp.sheet]
    problems = _header_problems(sheet, stamp)
    if problems:  # the columns moved: no cell can be trusted to mean what it says
        return Edited(stamp, exported, (), problems, columns_ok=False)
    rows = []
    for number in range(FIRST_ROW, sheet.max_row + 1):
        row = _row(sheet, number, stamp, workbook.epoch, problems)
        if row is not None:
            rows.append(row)
    return Edited(stamp, exported, tuple(rows), problems)


def _open(path: Path, display: str) -> Workbook:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        if not path.is_file():
            raise UsageError("error.sheet_not_found", path=display)
        if path.stat().st_size > MAX_BYTES:
            raise UsageError("error.sheet_unreadable", path=display)
        data = path.read_bytes()
    except OSError as error:
        raise UsageError("error.sheet_not_found", path=display) from error
    try:
        return load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError):
        raise UsageError("error.sheet_unreadable", path=display) from None


def _stamp(workbook: Workbook, display: str) -> tuple[Stamp, tuple[ExportRow, ...]]:
    if META_SHEET not in workbook.sheetnames:
        raise UsageError("error.sheet_no_stamp", path=display)
    meta = workbook[META_SHEET]
    header: dict[str, str] = {}
    for number in range(1, META_FIRST_ROW):
        key, value = meta.cell(row=number, column=1).value, meta.cell(row=number, column=2).value
        if isinstance(key, str) and isinstance(value, str):
            header[stored_text(key)] = stored_text(value)
    if header.get("format") != SHEET_FORMAT:
        raise UsageError("error.sheet_no_stamp", path=display)
    payloads = []
    number = META_FIRST_ROW
    while isinstance(value := meta.cell(row=number, column=2).value, str):
        payloads.append(stored_text(value))
        number += 1
    try:
        if rows_digest(payloads) != header.get("rows_sha256"):
            raise ValueError("digest")
        exported = tuple(ExportRow.from_payload(payload) for payload in payloads)
        stamp = Stamp(
            ward=header["ward"],
            criteria=header["criteria"],
            file_sha256=header["file_sha256"],
            lang=header["lang"],
            sheet=header["sheet"],
            exported=dt.date.fromisoformat(header["exported"]),
        )
    except (KeyError, ValueError):
        raise InvalidDataError("error.sheet_stamp_broken", path=display) from None
    if stamp.lang not in LANGS:
        raise InvalidDataError("error.sheet_stamp_broken", path=display)
    return stamp, exported


def _header_problems(sheet: Worksheet, stamp: Stamp) -> list[Problem]:
    problems = []
    for index, column in enumerate(COLUMNS, start=1):
        found = _plain(sheet.cell(row=HEADER_ROW, column=index).value)
        expected = t(stamp.lang, column.header)
        if found != expected:
            problems.append(
                Problem(
                    "error.sheet_header",
                    {
                        "cell": cell_ref(stamp.sheet, column.key, HEADER_ROW),
                        "expected": expected,
                        "found": found,
                    },
                )
            )
    extra = sheet.cell(row=HEADER_ROW, column=len(COLUMNS) + 1).value
    if extra not in (None, ""):
        problems.append(
            Problem(
                "error.sheet_extra_column",
                {"cell": f"{stamp.sheet}!{_letter(len(COLUMNS) + 1)}{HEADER_ROW}"},
            )
        )
    return problems


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _row(
    sheet: Worksheet, number: int, stamp: Stamp, epoch: dt.datetime, problems: list[Problem]
) -> SheetRow | None:
    cells = {column.key: sheet.cell(row=number, column=i) for i, column in enumerate(COLUMNS, 1)}
    extra = sheet.cell(row=number, column=len(COLUMNS) + 1)
    if all(_empty(cell) for cell in cells.values()) and _empty(extra):
        return None
    refs = {key: cell_ref(stamp.sheet, key, number) for key in cells}
    found: list[Problem] = []
    reader = _Reader(found, refs, epoch)
    locked = {key: reader.locked(key, cells[key]) for key in LOCKED}
    status_text = reader.text("status", cells["status"])
    status = None
    if status_text is None:
        found.append(Problem("error.sheet_status_empty", {"cell": refs["status"]}))
    else:
        status = status_code(status_text)
        if status is None:
            allowed = ", ".join(word.lower() for word in status_choices(stamp.lang))
            found.append(
                Problem(
                    "error.sheet_not_status",
                    {"cell": refs["status"], "value": status_text, "allowed": allowed},
                )
            )
    values = Values(
        status=status or "",
        owner=reader.text("owner", cells["owner"]),
        due=reader.date("due", cells["due"]),
        note=reader.text("note", cells["note"]),
        reason=reader.text("reason", cells["reason"]),
        evidence=tuple(
            line.strip()
            for line in (reader.text("evidence", cells["evidence"]) or "").split("\n")
            if line.strip()
        ),
        reading=reader.number("reading", cells["reading"]),
    )
    if not _empty(extra):
        found.append(
            Problem("error.sheet_extra_column", {"cell": f"{stamp.sheet}!{extra.coordinate}"})
        )
    problems.extend(found)
    return SheetRow(number, locked["id"], locked, None if found else values, refs)


def _empty(cell: Cell | MergedCell) -> bool:
    return cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def _plain(value: object) -> str:
    """A cell's value as the text it shows, normalised as the writer wrote it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return cell_text(stored_text(str(value))).strip()


@dataclass(slots=True)
class _Reader:
    """Reads cells of one row, collecting what it cannot read."""

    problems: list[Problem]
    refs: dict[str, str]
    epoch: dt.datetime

    def _formula(self, key: str, cell: Cell | MergedCell) -> bool:
        if cell.data_type == "f":
            self.problems.append(Problem("error.sheet_formula", {"cell": self.refs[key]}))
            return True
        return False

    def text(self, key: str, cell: Cell | MergedCell) -> str | None:
        if self._formula(key, cell) or cell.value is None:
            return None
        value = cell.value
        if isinstance(value, dt.datetime | dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            text = day.isoformat()
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = stored_text(str(value))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        bad = _CONTROL.search(text)
        if bad is not None:
            self.problems.append(
                Problem(
                    "error.sheet_control",
                    {"cell": self.refs[key], "char": f"U+{ord(bad.group()):04X}"},
                )
            )
            return None
        text = cell_text(text).strip()
        return text or None

    def locked(self, key: str, cell: Cell | MergedCell) -> str:
        """A locked cell's text; a date shown in it compares as yyyy-mm-dd."""
        if key == "updated":
            day = self.date(key, cell, report=False)
            return day.isoformat() if day is not None else _plain(cell.value)
        return _plain(cell.value)

    def date(self, key: str, cell: Cell | MergedCell, *, report: bool = True) -> dt.date | None:
        if self._formula(key, cell):
            return None
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self._serial(key, value, report)
        text = str(value).strip()
        try:
            return parse_iso_date(text)
        except ValueError:
            if report:
                self.problems.append(
                    Problem("error.sheet_not_date", {"cell": self.refs[key], "value": text})
                )
            return None

    def _serial(self, key: str, value: float, report: bool) -> dt.date | None:
        """A date stored as its serial number (a cell whose date format was lost)."""
        from openpyxl.utils.datetime import from_excel

        try:
            day = from_excel(value, self.epoch)
            if isinstance(day, dt.datetime) and value >= 1 and day.year >= 1900:
                return day.date()
        except (OverflowError, ValueError, TypeError):
            pass
        if report:
            self.problems.append(
                Problem("error.sheet_not_date", {"cell": self.refs[key], "value": f"{value:g}"})
            )
        return None

    def number(self, key: str, cell: Cell | MergedCell) -> float | None:
        if self._formula(key, cell):
            return None
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        number = parse_number(str(value))  # as `set --reading` reads it: '92,5' is 92.5
        if not isinstance(number, str) and math.isfinite(number):
            return float(number)
        self.problems.append(
            Problem("error.sheet_not_number", {"cell": self.refs[key], "value": str(value)})
        )
        return None
