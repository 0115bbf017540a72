"""What `init` and `set` change in a ward file, as operations on a round-trip tree.

They only change the tree; checking the result and writing it is `_editing`'s
job. Values that cannot be parsed (a date like 2026-02-30, a status like
'mett') are put into the tree as given, so that the loader and models report
them exactly as `kieumau check` would report them in a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from kieumau_cli.edit.history import WARD_KEYS, DateInput, append_history
from kieumau_cli.edit.tree import (
    Tree,
    field_order,
    mapping_like,
    new_tree,
    put,
    remove,
    sequence_at,
)
from kieumau_cli.load.models import (
    SLUG_PATTERN,
    CriteriaSet,
    CriterionStatus,
    Evidence,
    Reading,
)
from kieumau_cli.load.vocabulary import Status, status_of
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date, nfc, parse_iso_date, slugify

SCHEMA_MODELINE = "yaml-language-server: $schema=../../schemas/ward.schema.json"
# Ward files are Vietnamese documents: what kieumau writes into them is, whatever --lang says.
DATA_LANG = "vi"

STATUS_KEYS = field_order(CriterionStatus)
EVIDENCE_KEYS = field_order(Evidence)
READING_KEYS = field_order(Reading)


def parse_date_input(value: str | None, default: dt.date) -> DateInput:
    if value is None:
        return default
    try:
        return parse_iso_date(value)
    except ValueError:
        return nfc(value.strip())


def parse_status(value: str) -> str:
    """'met', 'not-met', 'Đạt', 'chua-dat' → the file's value; anything else as given."""
    found = status_of(value)
    return found.value if found is not None else nfc(value.strip())


def parse_number(value: str) -> float | int | str:
    """'92.5' and '92,5' (Vietnamese decimal comma) are numbers; other text stays text."""
    text = value.strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return nfc(value.strip())
    return int(number) if number.is_integer() and "." not in text else number


# --- init -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewWard:
    province: str
    ward: str
    name: str
    province_name: str
    unit: str
    kind: str
    criteria: str  # set@version
    date: DateInput
    by: str | None = None


def is_slug(value: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, value) is not None


def default_unit(name: str) -> str:
    """'Phường Đông Sơn' → 'Công an phường Đông Sơn'."""
    first, _, rest = nfc(name).strip().partition(" ")
    return t(DATA_LANG, "data.default_unit", kind=first.lower(), name=rest).strip()


def default_kind(name: str) -> str:
    first = slugify(name).split("-", 1)[0]
    return {"xa": "xa", "dac": "dac_khu"}.get(first, "phuong")


def init_tree(new: NewWard, criteria_set: CriteriaSet | None) -> Tree:
    """A ward with every criterion of the set `not_met`, each with an `init` history entry
    (unknown → not_met): the history starts the day the ward starts being tracked."""
    tree = new_tree(CommentedMap())
    data = tree.data
    when = format_date(new.date, "vi") if isinstance(new.date, dt.date) else new.date
    items: list[tuple[str, Any]] = [
        ("province", new.province),
        ("ward", new.ward),
        ("name", tree.text(new.name)),
        ("province_name", tree.text(new.province_name)),
        ("unit", tree.text(new.unit)),
        ("kind", new.kind),
        ("criteria", new.criteria),
        (
            "provenance",
            CommentedMap(
                [
                    ("kind", "illustrative"),
                    (
                        "note",
                        tree.text(t(DATA_LANG, "data.init_provenance", date=when)),
                    ),
                ]
            ),
        ),
    ]
    for key, value in items:
        data[key] = value
    ids = [criterion.id for criterion in criteria_set.criteria] if criteria_set else []
    status = CommentedMap((cid, CommentedMap([("status", Status.NOT_MET.value)])) for cid in ids)
    data["status"] = status
    for cid in ids:  # one line per criterion
        append_history(
            tree,
            new.date,
            cid,
            Status.UNKNOWN,
            Status.NOT_MET,
            note=t(DATA_LANG, "data.init_note"),
            by=new.by,
            flow=True,
        )
    data.yaml_set_start_comment(_header(new))
    return tree


def _header(new: NewWard) -> str:
    heading = t(
        DATA_LANG, "data.init_header", unit=new.unit, province=new.province_name, ref=new.criteria
    )
    return "\n".join([SCHEMA_MODELINE, heading])


# --- set ------------------------------------------------------------------------------------

KEEP = None  # an option that was not given
CLEAR = ""  # an option given as "" removes the field


@dataclass(frozen=True, slots=True)
class Change:
    """What `kieumau set` was asked to change; None leaves a field as it is."""

    date: DateInput
    status: str | None = None
    owner: str | None = None
    due: DateInput | None = None
    note: str | None = None
    reason: str | None = None
    evidence: tuple[tuple[str, str | None], ...] = ()
    reading: float | int | str | None = None
    by: str | None = None

    def is_empty(self) -> bool:
        return (
            all(
                value is None
                for value in (
                    self.status,
                    self.owner,
                    self.due,
                    self.note,
                    self.reason,
                    self.reading,
                )
            )
            and not self.evidence
        )


@dataclass(slots=True)
class Applied:
    """What changed for one criterion."""

    criterion: str
    old_status: str
    new_status: str | None = None  # set when the status changed
    fields: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.new_status is not None or bool(self.fields)


def parse_evidence(value: str) -> tuple[str, str | None]:
    """'TITLE=REF' (split at the first '=', so links keep their query strings) or 'TITLE'."""
    title, separator, ref = value.partition("=")
    return nfc(title.strip()), (nfc(ref.strip()) or None) if separator else None


def apply_set(
    tree: Tree, criteria_set: CriteriaSet, ids: Sequence[str], change: Change
) -> list[Applied]:
    """Apply `change` to each criterion in `ids`; one history entry per status change."""
    data = tree.data
    statuses = data.get("status")
    if not isinstance(statuses, CommentedMap):
        statuses = CommentedMap()
        put(data, "status", statuses, WARD_KEYS)
    order = [criterion.id for criterion in criteria_set.criteria]
    results = []
    for cid in ids:
        entry = statuses.get(cid)
        if not isinstance(entry, CommentedMap):
            entry = CommentedMap([("status", Status.UNKNOWN.value)])
            put(statuses, cid, entry, order)
        applied = _apply_one(tree, entry, cid, change)
        if applied.changed:
            _stamp(entry, change.date)
        results.append(applied)
    return results


def _apply_one(tree: Tree, entry: CommentedMap, cid: str, change: Change) -> Applied:
    applied = Applied(cid, str(entry.get("status", Status.UNKNOWN.value)))
    if change.status is not None and change.status != applied.old_status:
        put(entry, "status", change.status, STATUS_KEYS)
        applied.new_status = change.status
        append_history(
            tree,
            change.date,
            cid,
            applied.old_status,
            change.status,
            note=change.note,
            by=change.by,
        )
    for key, value in (
        ("owner", change.owner),
        ("due", change.due),
        ("note", change.note),
        ("reason", change.reason),
    ):
        if value is KEEP:
            continue
        if value == CLEAR:
            changed = remove(entry, key)
        else:
            changed = put(
                entry, key, tree.text(value) if isinstance(value, str) else value, STATUS_KEYS
            )
        if changed:
            applied.fields.append(key)
    for title, ref in change.evidence:
        if _add_evidence(tree, entry, title, ref, change.date):
            applied.fields.append("evidence")
    if change.reading is not None and _add_reading(entry, change.reading, change.date):
        applied.fields.append("readings")
    return applied


def _stamp(entry: CommentedMap, date: DateInput) -> None:
    """`updated` is the last change: a back-dated edit does not move it back."""
    current = entry.get("updated")
    if isinstance(current, dt.date) and isinstance(date, dt.date) and current > date:
        return
    put(entry, "updated", date, STATUS_KEYS)


def _add_evidence(
    tree: Tree, entry: CommentedMap, title: str, ref: str | None, date: DateInput
) -> bool:
    items = sequence_at(entry, "evidence", STATUS_KEYS)
    for item in items:
        if isinstance(item, dict) and (_text_of(item.get("title")), _text_of(item.get("ref"))) == (
            title,
            ref,
        ):
            return False
    fields: list[tuple[str, Any]] = [("title", tree.text(title))]
    if ref is not None:
        fields.append(("ref", tree.text(ref)))
    fields.append(("date", date))
    items.append(mapping_like(items[-1] if items else None, fields))
    return True


def _text_of(value: Any) -> str | None:
    return None if value is None else nfc(str(value))


def _add_reading(entry: CommentedMap, value: float | int | str, date: DateInput) -> bool:
    items = sequence_at(entry, "readings", STATUS_KEYS)
    for item in items:
        if isinstance(item, dict) and item.get("value") == value and item.get("date") == date:
            return False
    items.append(mapping_like(items[-1] if items else None, [("value", value), ("date", date)]))
    return True
