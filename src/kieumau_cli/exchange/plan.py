"""What an edited sheet asks for: the sheet against what was exported (what the officer
changed) and the ward file against what was exported (what changed in the file since),
as the `Change`s `set` would apply, or the reasons it cannot be imported.

A field changed in the sheet but not in the file is a change; changed in the file only,
the file keeps it; changed in both to different values, a conflict. So a sheet exported
before the file changed imports cleanly on top of the current file unless the two touch
the same field of the same criterion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kieumau_cli.edit.history import DateInput
from kieumau_cli.edit.ward_edits import CLEAR, Change, parse_evidence
from kieumau_cli.errors import InvalidDataError
from kieumau_cli.exchange.read import Edited, Problem, SheetRow
from kieumau_cli.exchange.sheet import FIELDS, LOCKED, ExportRow, Values, cell_ref


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one criterion to change: the file's value now → the sheet's."""

    field: str
    cell: str
    before: Any
    after: Any
    added: tuple[str, ...] = ()  # evidence: the lines to add


@dataclass(frozen=True, slots=True)
class RowChange:
    criterion: str
    fields: tuple[FieldChange, ...]

    def change(self, date: DateInput, by: str | None) -> Change:
        """The `set` this row asks for (an emptied cell clears the field, as `--owner ""`)."""
        options: dict[str, Any] = {}
        for item in self.fields:
            if item.field == "evidence":
                options["evidence"] = tuple(parse_evidence(line) for line in item.added)
            elif item.field == "reading":
                value = float(item.after)
                options["reading"] = int(value) if value.is_integer() else value
            elif item.field == "status":
                options["status"] = item.after
            else:
                options[item.field] = CLEAR if item.after is None else item.after
        return Change(date=date, by=by, **options)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field changed both in the file since export and in the sheet."""

    criterion: str
    field: str
    cell: str
    exported: Any
    file: Any
    sheet: Any


@dataclass(frozen=True, slots=True)
class Plan:
    rows: tuple[RowChange, ...]
    conflicts: tuple[Conflict, ...]
    problems: tuple[Problem, ...]
    stale: bool  # the ward file changed since the export


def check_origin(edited: Edited, ward: str, criteria: str) -> None:
    """A sheet exported from another ward, or under another set version, is refused whole."""
    stamp = edited.stamp
    if stamp.ward != ward:
        raise InvalidDataError("error.sheet_other_ward", sheet_ward=stamp.ward, ward=ward)
    if stamp.criteria != criteria:
        raise InvalidDataError(
            "error.sheet_other_set", sheet_set=stamp.criteria, ward=ward, criteria=criteria
        )


def make_plan(edited: Edited, current: dict[str, Values], file_sha256: str) -> Plan:
    """Compare the sheet, the export and the file (call `check_origin` first)."""
    problems = list(edited.problems)
    if not edited.columns_ok:  # no cell can be trusted to mean what it says
        return Plan((), (), tuple(problems), stale=file_sha256 != edited.stamp.file_sha256)
    matched = _match(edited, problems)
    rows: list[RowChange] = []
    conflicts: list[Conflict] = []
    for exported, row in matched:
        for key in LOCKED:
            if row.locked[key] != _locked_text(exported, key):
                problems.append(
                    Problem(
                        "error.sheet_locked",
                        {
                            "cell": row.ref(key),
                            "expected": _locked_text(exported, key),
                            "found": row.locked[key],
                        },
                    )
                )
        now = current.get(exported.id)
        if now is None:
            problems.append(Problem("error.sheet_unknown_criterion", {"criterion": exported.id}))
            continue
        if row.values is None:
            continue
        changes = _compare(exported, row, now, problems=problems, conflicts=conflicts)
        if changes:
            rows.append(RowChange(exported.id, tuple(changes)))
    return Plan(
        tuple(rows),
        tuple(conflicts),
        tuple(problems),
        stale=file_sha256 != edited.stamp.file_sha256,
    )


def _locked_text(exported: ExportRow, key: str) -> str:
    from kieumau_cli.exchange.sheet import cell_text

    return cell_text(exported.locked()[key]).strip()


def _match(edited: Edited, problems: list[Problem]) -> list[tuple[ExportRow, SheetRow]]:
    """Sheet rows to exported rows by id (a filtered or re-sorted sheet still matches);
    a row whose id is not one exported is an id changed (where that row was exported)
    or a row added; an exported id with no row is a row deleted."""
    from kieumau_cli.exchange.sheet import FIRST_ROW

    sheet = edited.stamp.sheet
    by_id = {row.id: row for row in edited.exported}
    position = {row.id: FIRST_ROW + index for index, row in enumerate(edited.exported)}
    at_row = {FIRST_ROW + index: row for index, row in enumerate(edited.exported)}
    seen_ids = {row.id for row in edited.rows}
    matched: dict[str, tuple[ExportRow, SheetRow]] = {}
    for row in edited.rows:
        exported = by_id.get(row.id)
        if exported is not None and exported.id not in matched:
            matched[exported.id] = (exported, row)
            continue
        original = at_row.get(row.number)
        if original is not None and original.id not in seen_ids:
            # Where a criterion was exported, another id (unknown, or a twin): its id changed.
            problems.append(
                Problem(
                    "error.sheet_locked",
                    {"cell": row.ref("id"), "expected": original.id, "found": row.id},
                )
            )
            seen_ids.add(original.id)  # reported once, as changed, not also as deleted
            continue
        problems.append(Problem("error.sheet_row_added", {"cell": row.ref("id"), "id": row.id}))
    for exported in edited.exported:
        if exported.id not in seen_ids:
            problems.append(
                Problem(
                    "error.sheet_row_deleted",
                    {
                        "cell": cell_ref(sheet, "id", position[exported.id]),
                        "id": exported.id,
                        "title": exported.title,
                    },
                )
            )
    return [matched[row.id] for row in edited.exported if row.id in matched]


def _compare(
    exported: ExportRow,
    row: SheetRow,
    now: Values,
    *,
    problems: list[Problem],
    conflicts: list[Conflict],
) -> list[FieldChange]:
    sheet = row.values
    assert sheet is not None
    changes = []
    for name in FIELDS:
        was, wanted, current = exported.values.get(name), sheet.get(name), now.get(name)
        cell = row.ref(name)
        if name == "evidence":
            change = _evidence(
                exported.id, cell, (was, wanted, current), problems=problems, conflicts=conflicts
            )
            if change is not None:
                changes.append(change)
            continue
        if _same(name, wanted, was):
            continue
        if name == "reading" and not _reading_ok(exported, cell, wanted, problems):
            continue
        if _same(name, wanted, current):
            continue  # the file already says what the sheet says
        if not _same(name, current, was):
            conflicts.append(Conflict(exported.id, name, cell, was, current, wanted))
            continue
        changes.append(FieldChange(name, cell, current, wanted))
    return changes


def _same(name: str, left: Any, right: Any) -> bool:
    if name == "reading" and left is not None and right is not None:
        return abs(float(left) - float(right)) <= 1e-9 * max(1.0, abs(float(right)))
    return bool(left == right)


def _reading_ok(
    exported: ExportRow, cell: str, wanted: float | None, problems: list[Problem]
) -> bool:
    if wanted is None:  # readings are history: an emptied cell cannot remove one
        problems.append(Problem("error.sheet_reading_removed", {"cell": cell}))
        return False
    if not exported.has_indicator:
        problems.append(Problem("error.sheet_no_indicator", {"cell": cell}))
        return False
    return True


def _evidence(
    criterion: str,
    cell: str,
    lines: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    *,
    problems: list[Problem],
    conflicts: list[Conflict],
) -> FieldChange | None:
    """Evidence is only ever added (as `set --evidence` does): a line that is no longer in
    the cell is refused, a new line is an item to add. `lines`: exported, in the sheet, in
    the file now."""
    was, wanted, current = lines
    removed = [line for line in was if line not in wanted]
    for line in removed:
        problems.append(Problem("error.sheet_evidence_removed", {"cell": cell, "item": line}))
    added = tuple(line for line in dict.fromkeys(wanted) if line not in was)
    if removed or not added:
        return None
    missing = tuple(line for line in added if line not in current)
    if not missing:
        return None
    if current != was:
        conflicts.append(Conflict(criterion, "evidence", cell, was, current, wanted))
        return None
    return FieldChange("evidence", cell, current, wanted, added=missing)


def display_value(name: str, value: Any, lang: str) -> str:
    """A field's value as messages show it."""
    from kieumau_cli.exchange.sheet import status_label
    from kieumau_cli.text import t
    from kieumau_cli.text.format import format_date

    if value is None or value in ((), ""):
        return t(lang, "exchange.empty")
    if name == "status":
        return status_label(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, float):
        number = f"{value:g}"
        return number.replace(".", ",") if lang == "vi" else number
    if isinstance(value, tuple):
        return " | ".join(value)
    text = str(value).replace("\n", " ")
    return f"«{text[:57]}…»" if len(text) > 60 else f"«{text}»"
