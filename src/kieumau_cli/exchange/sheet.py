"""The criteria sheet both directions agree on: its columns, the values a row holds, the
hidden sheet that says where the workbook came from, and cell text that is always text.

A ward's workbook has the visible sheet ("Tiêu chí", or "Criteria" with `--lang en`), one
row per criterion of the set, and a hidden sheet `kieumau` (`META_SHEET`) that carries the
ward key, the set@version, the SHA-256 of the ward file's bytes at export and, per
criterion, the values exported (JSON, one cell per criterion, with a digest over them).
`import` compares the edited sheet with those values to tell what the officer changed,
and the current file with them to tell what changed in the file meanwhile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kieumau_cli.errors import UsageError
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.text import LANGS, t
from kieumau_cli.text.format import nfc, slugify
from kieumau_cli.text.unsafe import CONTROL, FORMULA_START

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell

    from kieumau_cli.load.models import CriteriaSet, Evidence, Ward

SHEET_FORMAT = "kieumau-sheet/1"
META_SHEET = "kieumau"  # hidden; its name is the same in every language
HEADER_ROW = 1
FIRST_ROW = 2
MAX_CELL = 32767  # characters a spreadsheet cell holds
DATE_FORMAT = "dd/mm/yyyy"
MAX_BYTES = 16 * 1024 * 1024  # a workbook larger than this is not a criteria sheet


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str  # a text-catalogue key
    width: tuple[int, int]  # fewest and most characters shown
    editable: bool
    wrap: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", "col.id", (6, 10), editable=False),
    Column("group", "col.group", (14, 22), editable=False, wrap=True),
    Column("title", "col.criterion", (30, 50), editable=False, wrap=True),
    Column("status", "col.status", (17, 17), editable=True),
    Column("owner", "col.owner", (14, 24), editable=True, wrap=True),
    Column("due", "col.due", (12, 12), editable=True),
    Column("note", "col.note", (24, 42), editable=True, wrap=True),
    Column("reason", "exchange.col.reason", (14, 26), editable=True, wrap=True),
    Column("evidence", "col.evidence", (24, 42), editable=True, wrap=True),
    Column("reading", "col.latest", (11, 14), editable=True),
    Column("updated", "col.updated", (12, 12), editable=False),
)
COLUMN = {column.key: column for column in COLUMNS}
LOCKED = tuple(column.key for column in COLUMNS if not column.editable)
FIELDS = ("status", "owner", "due", "note", "reason", "evidence", "reading")
STATUS_ORDER = (
    Status.MET,
    Status.NOT_MET,
    Status.IN_PROGRESS,
    Status.NOT_APPLICABLE,
    Status.UNKNOWN,
)


def letter(key: str) -> str:
    """The column letter of a column key ('status' → 'D')."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(COLUMNS.index(COLUMN[key]) + 1)


def cell_ref(sheet: str, key: str, row: int) -> str:
    """'Tiêu chí!D12', as messages name a cell."""
    return f"{sheet}!{letter(key)}{row}"


# --- what a row holds ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Values:
    """The editable fields of one criterion, as the sheet shows them and `set` changes them."""

    status: str
    owner: str | None = None
    due: dt.date | None = None
    note: str | None = None
    reason: str | None = None
    evidence: tuple[str, ...] = ()  # one line per item: 'TITLE' or 'TITLE = REF'
    reading: float | None = None  # the latest reading

    def get(self, name: str) -> Any:
        return getattr(self, name)

    def payload(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "note": self.note,
            "reason": self.reason,
            "evidence": list(self.evidence),
            "reading": self.reading,
        }

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Values:
        """The inverse of `payload`; a value of the wrong kind raises ValueError."""

        def text(key: str) -> str | None:
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise ValueError(key)
            return value

        status = text("status")
        evidence = data.get("evidence", [])
        reading = data.get("reading")
        if status is None or not isinstance(evidence, list):
            raise ValueError("status")
        if not all(isinstance(line, str) for line in evidence):
            raise ValueError("evidence")
        if reading is not None and (
            isinstance(reading, bool) or not isinstance(reading, int | float)
        ):
            raise ValueError("reading")
        due = text("due")
        return cls(
            status=status,
            owner=text("owner"),
            due=dt.date.fromisoformat(due) if due else None,
            note=text("note"),
            reason=text("reason"),
            evidence=tuple(evidence),
            reading=float(reading) if reading is not None else None,
        )


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One criterion as exported: what the locked cells show, and its values."""

    id: str
    group: str
    title: str
    updated: dt.date | None
    values: Values
    unit: str | None  # the indicator's unit; None when the criterion has no indicator

    @property
    def has_indicator(self) -> bool:
        return self.unit is not None

    def locked(self) -> dict[str, str]:
        """The locked cells' text, as the reader compares them."""
        return {
            "id": self.id,
            "group": self.group,
            "title": self.title,
            "updated": self.updated.isoformat() if self.updated else "",
        }

    def payload(self) -> str:
        """This row in the hidden sheet: one JSON text."""
        data = {
            "id": self.id,
            "group": self.group,
            "title": self.title,
            "updated": self.updated.isoformat() if self.updated else None,
            "unit": self.unit,
            "values": self.values.payload(),
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_payload(cls, text: str) -> ExportRow:
        """The inverse of `payload`; anything else raises ValueError."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("row")
        fields = [data.get(key) for key in ("id", "group", "title")]
        unit, updated, values = data.get("unit"), data.get("updated"), data.get("values")
        if not all(isinstance(value, str) for value in fields) or not isinstance(values, dict):
            raise ValueError("row")
        if unit is not None and not isinstance(unit, str):
            raise ValueError("unit")
        if updated is not None and not isinstance(updated, str):
            raise ValueError("updated")
        return cls(
            id=data["id"],
            group=data["group"],
            title=data["title"],
            updated=dt.date.fromisoformat(updated) if updated else None,
            values=Values.from_payload(values),
            unit=unit,
        )


@dataclass(frozen=True, slots=True)
class Stamp:
    """Where a workbook came from: what the hidden sheet's header says."""

    ward: str  # province/ward
    criteria: str  # set@version
    file_sha256: str  # of the ward file's bytes at export
    lang: str
    sheet: str  # the visible sheet's name, in the workbook's language
    exported: dt.date


@dataclass(frozen=True, slots=True)
class WardSheet:
    """Everything the ward's workbook shows."""

    stamp: Stamp
    name: str
    unit: str
    set_title: str
    rows: tuple[ExportRow, ...]


def file_fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def rows_digest(payloads: Sequence[str]) -> str:
    """The digest over the hidden rows: an edit of the hidden sheet is caught."""
    return hashlib.sha256("\n".join(payloads).encode("utf-8")).hexdigest()


def evidence_line(item: Evidence) -> str:
    return f"{item.title} = {item.ref}" if item.ref else item.title


def current_values(ward: Ward, criteria_set: CriteriaSet, today: dt.date) -> dict[str, Values]:
    """Every criterion's values as the ward file holds them now."""
    from kieumau_cli.results.rows import criterion_details

    found = {}
    for detail in criterion_details(ward, criteria_set, today):
        readings = detail.readings
        found[detail.id] = Values(
            status=detail.status.value,
            owner=detail.owner,
            due=detail.due,
            note=detail.note,
            reason=detail.reason,
            evidence=tuple(evidence_line(item) for item in detail.evidence),
            reading=readings[-1].value if readings else None,
        )
    return found


def ward_sheet(
    key: str, ward: Ward, criteria_set: CriteriaSet, *, raw: bytes, today: dt.date, lang: str
) -> WardSheet:
    """The ward's criteria table as exported from the file whose bytes are `raw`."""
    from kieumau_cli.render.common import pick
    from kieumau_cli.results.rows import criterion_rows

    groups = {group.id: pick(group.title, lang) for group in criteria_set.groups}
    values = current_values(ward, criteria_set, today)
    rows = []
    for row, criterion in zip(
        criterion_rows(ward, criteria_set), criteria_set.criteria, strict=True
    ):
        indicator = criterion.indicator
        rows.append(
            ExportRow(
                id=row.id,
                group=groups.get(row.group, row.group),
                title=pick(criterion.title, lang),
                updated=row.last_update,
                values=values[row.id],
                unit=indicator.unit if indicator is not None else None,
            )
        )
    stamp = Stamp(
        ward=key,
        criteria=criteria_set.ref,
        file_sha256=file_fingerprint(raw),
        lang=lang,
        sheet=t(lang, "exchange.sheet.criteria"),
        exported=today,
    )
    return WardSheet(stamp, ward.name, ward.unit, pick(criteria_set.title, lang), tuple(rows))


# --- status words -------------------------------------------------------------------------


def status_label(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")


def status_choices(lang: str) -> list[str]:
    """The drop-down's words, in the sheet's language."""
    return [status_label(status, lang) for status in STATUS_ORDER]


def status_code(text: str) -> str | None:
    """'Đạt', 'đạt', 'dat', 'met', 'Not assessed' → the file's value; None for anything else."""
    from kieumau_cli.edit.ward_edits import parse_status

    code = parse_status(text)
    if code in set(Status):
        return code
    wanted = slugify(text)
    for status in Status:
        if any(slugify(status_label(status, lang)) == wanted for lang in LANGS):
            return status.value
    return None


# --- cell text ----------------------------------------------------------------------------

# What XML 1.0 (and so a workbook) cannot hold, and what a ward file never holds anyway.
_UNWRITABLE = re.compile(f"[{CONTROL}]")


# OOXML writes a character as `_xHHHH_` (a vertical tab pasted from Word is `_x000B_`), and
# a literal `_xHHHH_` as `_x005F_xHHHH_`; openpyxl does neither, so kieumau does both.
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
_LOOKS_ESCAPED = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def stored_text(text: str) -> str:
    """What a spreadsheet's `_xHHHH_` stands for, as Excel and LibreOffice read it."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text) if "_x" in text else text


def cell_text(value: str) -> str:
    """Text a workbook can hold: NFC, LF line ends, no control characters."""
    text = nfc(value).replace("\r\n", "\n")
    return _UNWRITABLE.sub("", text)


def put_text(cell: Cell | MergedCell, value: str | None) -> None:
    """Write `value` as text that a spreadsheet shows and never evaluates: stored as a
    string, and marked with the quote prefix when it starts like a formula."""
    if value is None or value == "":
        cell.value = None
        return
    text = cell_text(value)
    if len(text) > MAX_CELL:
        raise UsageError(
            "error.sheet_cell_too_long", cell=cell.coordinate, length=len(text), limit=MAX_CELL
        )
    cell.value = _LOOKS_ESCAPED.sub("_x005F_", text) if "_x" in text else text
    cell.data_type = "s"  # openpyxl reads a leading '=' as a formula otherwise
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
