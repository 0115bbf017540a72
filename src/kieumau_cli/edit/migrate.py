"""`kieumau migrate`: move a ward to a newer version of its criteria set.

The new set says, for each of its criteria, which criteria of the set it
supersedes it `replaces`; sets several versions apart are bridged by following
`supersedes` and composing the mappings. A new criterion's status is derived
from the statuses of the criteria it replaces (`combine`):

- none (a criterion new in this version): `not_met`, as a new requirement starts;
- `not_applicable` parts are left out; if every part is `not_applicable`, so is it;
- otherwise it is the *least done* of the rest, in the order
  not_met < in_progress < unknown < met: `met` only if every part was met, and a
  part never assessed (`unknown`) keeps the whole from being `met`, but does not
  hide that another part is known to be `not_met` or `in_progress`.

What a replaced criterion recorded moves with it: owner, due date, note,
evidence (needed where the new set requires evidence for `met`) and, when the
indicator's unit is the same, its readings. Criteria of the old set that
nothing replaces are dropped and listed.

History is append-only: each new criterion whose status is known gets an entry
`unknown → status` carrying `migrated_from: <old set>`; entries before the
first of them were written under the old set (`epoch_start`). Aggregates in
`reported` are tagged with the set they were counted under.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kieumau_cli.edit.ward_edits import DATA_LANG
from kieumau_cli.errors import UsageError
from kieumau_cli.load.models import CriteriaSet, Criterion, Reported, Ward
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.text import t

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

    from kieumau_cli.edit.tree import Tree
    from kieumau_cli.load.repository import Repository

_LEAST_DONE = (Status.NOT_MET, Status.IN_PROGRESS, Status.UNKNOWN)


def combine(parts: Sequence[Status]) -> Status:
    """The status of a criterion replacing criteria with these statuses (see module doc)."""
    if not parts:
        return Status.NOT_MET
    applicable = [status for status in parts if status is not Status.NOT_APPLICABLE]
    if not applicable:
        return Status.NOT_APPLICABLE
    for status in _LEAST_DONE:
        if status in applicable:
            return status
    return Status.MET


def supersedes_chain(
    repository: Repository, current: str, target: CriteriaSet
) -> list[CriteriaSet]:
    """[target, …]: each set supersedes the next; the last supersedes `current`."""
    chain = [target]
    while chain[-1].supersedes != current:
        ref = chain[-1].supersedes
        loaded = repository.criteria_set(ref) if ref else None
        if ref is None or loaded is None or loaded.model is None or len(chain) > 50:
            raise UsageError("error.not_superseding", target=target.ref, current=current)
        chain.append(loaded.model)
    return chain


def compose(chain: Sequence[CriteriaSet]) -> dict[str, tuple[str, ...]]:
    """New criterion id → ids in the ward's current set it replaces, across every version."""
    mapping = {criterion.id: tuple(criterion.replaces) for criterion in chain[0].criteria}
    for older in chain[1:]:
        step = {criterion.id: criterion.replaces for criterion in older.criteria}
        mapping = {
            new_id: tuple(dict.fromkeys(old for mid in mids for old in step.get(mid, ())))
            for new_id, mids in mapping.items()
        }
    return mapping


@dataclass(frozen=True, slots=True)
class Row:
    """One criterion of the new set."""

    criterion: Criterion
    replaces: tuple[str, ...]  # ids in the ward's current set
    before: tuple[Status, ...]  # their statuses in the ward
    status: Status  # combine(before)


@dataclass(frozen=True, slots=True)
class Plan:
    old: CriteriaSet
    new: CriteriaSet
    rows: tuple[Row, ...]
    dropped: tuple[tuple[str, Status], ...]  # old criteria nothing replaces

    def row(self, criterion_id: str) -> Row:
        return next(row for row in self.rows if row.criterion.id == criterion_id)


def plan_migration(ward: Ward, old: CriteriaSet, chain: Sequence[CriteriaSet]) -> Plan:
    current = {cid: entry.status for cid, entry in ward.status.items()}
    rows = []
    for criterion, replaces in zip(chain[0].criteria, compose(chain).values(), strict=True):
        before = tuple(current.get(old_id, Status.UNKNOWN) for old_id in replaces)
        rows.append(Row(criterion, replaces, before, combine(before)))
    used = {old_id for row in rows for old_id in row.replaces}
    dropped = tuple(
        (criterion.id, current.get(criterion.id, Status.UNKNOWN))
        for criterion in old.criteria
        if criterion.id not in used
    )
    return Plan(old, chain[0], tuple(rows), dropped)


# --- applying a plan to a file --------------------------------------------------------------


def _unit(criterion: Criterion | None) -> str | None:
    return criterion.indicator.unit if criterion and criterion.indicator else None


def apply_migration(tree: Tree, plan: Plan, date: dt.date | str, by: str | None) -> list[str]:
    """Rewrite status for the new set, tag `reported`, append history.
    Returns the new criteria whose readings were left behind (indicator unit changed)."""
    from ruamel.yaml.comments import CommentedMap

    from kieumau_cli.edit.history import WARD_KEYS
    from kieumau_cli.edit.tree import put
    from kieumau_cli.edit.ward_edits import STATUS_KEYS

    data = tree.data
    old_status = data.get("status")
    if not isinstance(old_status, CommentedMap):
        old_status = CommentedMap()
    old_criteria = {criterion.id: criterion for criterion in plan.old.criteria}
    new_status = CommentedMap()
    left_behind = []
    for row in plan.rows:
        parts = [
            (old_id, old_status[old_id])
            for old_id in row.replaces
            if isinstance(old_status.get(old_id), CommentedMap)
        ]
        same_unit = [
            old_id for old_id, _ in parts if _unit(old_criteria.get(old_id)) == _unit(row.criterion)
        ]
        if len(row.replaces) == 1 and parts:
            old_id, node = parts[0]
            if old_id not in same_unit and node.pop("readings", None) is not None:
                left_behind.append(row.criterion.id)
        else:
            node = _merged(tree, parts, row.status, same_unit)
            if any(old_id not in same_unit and part.get("readings") for old_id, part in parts):
                left_behind.append(row.criterion.id)
        put(node, "status", row.status.value, STATUS_KEYS)
        new_status[row.criterion.id] = node
        if parts and parts[0][0] in old_status.ca.items:  # a comment on the old key moves too
            new_status.ca.items[row.criterion.id] = old_status.ca.items[parts[0][0]]
    if "status" in data:
        data["status"] = new_status
    else:
        put(data, "status", new_status, WARD_KEYS)
    put(data, "criteria", plan.new.ref, WARD_KEYS)
    _tag_reported(data, plan.old.ref)
    _append_history(tree, plan, date, by)
    return left_behind


def _merged(
    tree: Tree, parts: list[tuple[str, CommentedMap]], status: Status, same_unit: list[str]
) -> CommentedMap:
    """One status entry from several: owners and notes joined, latest dates, all evidence."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = CommentedMap([("status", status.value)])
    owners = list(dict.fromkeys(str(part["owner"]) for _, part in parts if part.get("owner")))
    if owners:
        node["owner"] = owners[0] if len(owners) == 1 else tree.text("; ".join(owners))
    for key in ("due", "updated"):
        dates = [part[key] for _, part in parts if isinstance(part.get(key), dt.date)]
        if dates:
            node[key] = max(dates)
    text_keys = ["note", "reason"] if status is Status.NOT_APPLICABLE else ["note"]
    for key in text_keys:
        texts = [(old_id, part[key]) for old_id, part in parts if part.get(key)]
        if len(texts) == 1:
            node[key] = texts[0][1]
        elif texts:
            node[key] = tree.text(" | ".join(f"{old_id}: {text}" for old_id, text in texts))
    for key, wanted in (("evidence", [old_id for old_id, _ in parts]), ("readings", same_unit)):
        items: list[Any] = []
        for old_id, part in parts:
            for item in part.get(key) or []:
                if old_id in wanted and item not in items:
                    items.append(item)
        if items:
            node[key] = CommentedSeq(items)
    return node


def _tag_reported(data: CommentedMap, old_ref: str) -> None:
    from ruamel.yaml.comments import CommentedMap

    from kieumau_cli.edit.tree import field_order, put

    order = field_order(Reported)
    for item in data.get("reported") or []:
        if isinstance(item, CommentedMap) and "criteria" not in item:
            put(item, "criteria", old_ref, order)


def _append_history(tree: Tree, plan: Plan, date: dt.date | str, by: str | None) -> None:
    from kieumau_cli.edit.history import append_history

    first = None
    for row in plan.rows:
        if row.status is Status.UNKNOWN:
            continue  # nothing is known under the new set either: no transition to record
        index = append_history(
            tree,
            date,
            row.criterion.id,
            Status.UNKNOWN,
            row.status,
            note=_note(plan, row),
            by=by,
            migrated_from=plan.old.ref,
        )
        first = index if first is None else first
    if first is not None:
        heading = t(DATA_LANG, "data.migrate_heading", old=plan.old.ref, new=plan.new.ref)
        if plan.dropped:
            dropped = ", ".join(old_id for old_id, _ in plan.dropped)
            heading += t(DATA_LANG, "data.migrate_dropped", ids=dropped)
        tree.data["history"].yaml_set_comment_before_after_key(
            first, before=heading, indent=tree.engine.sequence_dash_offset
        )


def _note(plan: Plan, row: Row) -> str:
    if not row.replaces:
        return t(DATA_LANG, "data.migrate_new", old=plan.old.ref)
    parts = ", ".join(
        f"{old_id} ({status.value})"
        for old_id, status in zip(row.replaces, row.before, strict=True)
    )
    return t(DATA_LANG, "data.migrate_replaces", old=plan.old.ref, parts=parts)
