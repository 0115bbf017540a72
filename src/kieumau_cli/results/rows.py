"""The rows every output is made of, as plain data.

- `CriterionRow`: one criterion of a ward at a date — what `status`, `list`, the
  JSON outputs, the status cache and the site's lists show. No Pydantic inside, so
  a cached status renders without loading the models.
- `CriterionDetail`: the same row judged on a reference date, with what documents
  add (evidence items, readings, the reason, the criterion's provenance and indicator).
- `GroupRow`: a group of the set with its rows (either kind).
- `WardSummary`: one ward in a list of many (`list`, `summary`, the site), or the
  problem that kept it from being scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from kieumau_cli.load.vocabulary import DONE, ProvenanceKind, Status
from kieumau_cli.results.score import Score, history_by_criterion, statuses_as_of

if TYPE_CHECKING:
    from kieumau_cli.load.models import (
        CriteriaSet,
        Criterion,
        CriterionStatus,
        Evidence,
        Group,
        Provenance,
        Reading,
        Ward,
    )
    from kieumau_cli.load.repository import Problem, WardLoad


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A text in Vietnamese (always) and English (when the data has it)."""

    vi: str
    en: str | None = None


@dataclass(frozen=True, slots=True)
class CriterionRow:
    id: str
    group: str
    title: Bilingual
    status: Status
    owner: str | None
    due: dt.date | None
    last_update: dt.date | None
    note: str | None
    evidence: int  # how many items
    provenance: ProvenanceKind

    def overdue(self, on: dt.date) -> bool:
        return self.due is not None and self.due < on and self.status not in DONE

    def days_overdue(self, on: dt.date) -> int:
        return (on - self.due).days if self.due is not None and self.overdue(on) else 0


class _Pending(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def status(self) -> Status: ...


P = TypeVar("P", bound=_Pending)


def pending(rows: Iterable[P], on: dt.date) -> list[P]:
    """Criteria not yet done, as they are listed everywhere: overdue first, then by due
    date, then by id."""
    undone = [row for row in rows if row.status not in DONE]
    return sorted(undone, key=lambda row: _pending_key(row, on))


def _pending_key(row: _Pending, on: dt.date) -> tuple[bool, dt.date, str]:
    due = row.due
    overdue = due is not None and due < on
    return (not overdue, due or dt.date.max, row.id)


@dataclass(frozen=True, slots=True)
class CriterionDetail:
    """A criterion as documents show it, judged on `reference` (today, or the end of a
    briefing's week)."""

    row: CriterionRow
    criterion: Criterion
    entry: CriterionStatus | None
    reference: dt.date

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def group(self) -> str:
        return self.row.group

    @property
    def title(self) -> Bilingual:
        return self.row.title

    @property
    def status(self) -> Status:
        return self.row.status

    @property
    def owner(self) -> str | None:
        return self.row.owner

    @property
    def due(self) -> dt.date | None:
        return self.row.due

    @property
    def last_update(self) -> dt.date | None:
        return self.row.last_update

    @property
    def note(self) -> str | None:
        return self.row.note

    @property
    def overdue(self) -> bool:
        return self.row.overdue(self.reference)

    @property
    def days_overdue(self) -> int:
        return self.row.days_overdue(self.reference)

    @property
    def reason(self) -> str | None:
        return self.entry.reason if self.entry else None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(self.entry.evidence) if self.entry else ()

    @property
    def readings(self) -> tuple[Reading, ...]:
        """Oldest first."""
        return tuple(sorted(self.entry.readings, key=lambda r: r.date)) if self.entry else ()

    @property
    def provenance(self) -> Provenance:
        return self.criterion.provenance


R = TypeVar("R", CriterionRow, CriterionDetail)


@dataclass(frozen=True, slots=True)
class GroupRow(Generic[R]):
    id: str
    title: Bilingual
    criteria: tuple[R, ...]

    @property
    def met(self) -> int:
        return sum(row.status is Status.MET for row in self.criteria)

    @property
    def total(self) -> int:
        """Applicable criteria of the group."""
        return sum(row.status is not Status.NOT_APPLICABLE for row in self.criteria)

    @property
    def ratio(self) -> float:
        return self.met / self.total if self.total else 0.0


def bilingual(text: Any) -> Bilingual:
    """A model's `Text` as plain data."""
    return Bilingual(text.vi, text.en)


def criterion_rows(
    ward: Ward, criteria_set: CriteriaSet, as_of: dt.date | None = None
) -> list[CriterionRow]:
    """Every criterion of the set for this ward, now or rebuilt from history at `as_of`.
    A criterion's last update is its last history entry or `updated` date up to then."""
    statuses = statuses_as_of(ward, criteria_set, as_of)
    history = history_by_criterion(ward)
    rows = []
    for criterion in criteria_set.criteria:
        entry = ward.status.get(criterion.id)
        dates = [
            item.date
            for item in history.get(criterion.id, [])
            if as_of is None or item.date <= as_of
        ]
        if entry and entry.updated is not None and (as_of is None or entry.updated <= as_of):
            dates.append(entry.updated)
        rows.append(
            CriterionRow(
                id=criterion.id,
                group=criterion.group,
                title=bilingual(criterion.title),
                status=statuses[criterion.id],
                owner=entry.owner if entry else None,
                due=entry.due if entry else None,
                last_update=max(dates, default=None),
                note=entry.note if entry else None,
                evidence=len(entry.evidence) if entry else 0,
                provenance=criterion.provenance.kind,
            )
        )
    return rows


def criterion_details(
    ward: Ward, criteria_set: CriteriaSet, reference: dt.date, as_of: dt.date | None = None
) -> list[CriterionDetail]:
    rows = criterion_rows(ward, criteria_set, as_of)
    return [
        CriterionDetail(row, criterion, ward.status.get(criterion.id), reference)
        for row, criterion in zip(rows, criteria_set.criteria, strict=True)
    ]


def group_rows(groups: Sequence[Group], rows: Sequence[R]) -> list[GroupRow[R]]:
    return [
        GroupRow(group.id, bilingual(group.title), tuple(r for r in rows if r.group == group.id))
        for group in groups
    ]


@dataclass(frozen=True, slots=True)
class WardSummary:
    """One ward among many; `score` is None when `problem` kept it from being scored."""

    key: str
    province: str
    name: str
    unit: str
    province_name: str
    criteria_set: str
    score: Score | None
    last_update: dt.date | None
    problem: Problem | None = None
    name_source_year: int | None = None  # the name is unverified after 1/7/2025
    # Holds a recognition (`results.lifecycle.holds_recognition`): meeting every criterion,
    # it keeps the recognition rather than asks for one. Not a field of `list`'s output.
    holds_recognition: bool = False

    @property
    def ratio(self) -> float:
        return self.score.ratio if self.score else 0.0

    def payload(self) -> dict[str, Any]:
        """One element of `list --format json` (and a row of its CSV)."""
        scored = self.score.payload() if self.score else dict.fromkeys(_SCORE_FIELDS)
        return {
            "ward": self.key,
            "name": self.name,
            "unit": self.unit,
            "province_name": self.province_name,
            "criteria_set": self.criteria_set,
            **{field: scored[field] for field in _SCORE_FIELDS},
            "last_update": self.last_update.isoformat() if self.last_update else None,
            "problem": self.problem,
        }


_SCORE_FIELDS = (
    "met",
    "total",
    "in_progress",
    "not_met",
    "not_applicable",
    "unknown",
    "percent",
    "qualifies",
)
LIST_FIELDS: tuple[str, ...] = (
    "ward",
    "name",
    "unit",
    "province_name",
    "criteria_set",
    *_SCORE_FIELDS,
    "last_update",
    "problem",
)


def summarise(load: WardLoad) -> WardSummary:
    """A ward of `Repository.wards_in_scope` as one row of a list."""
    from kieumau_cli.results.lifecycle import holds_recognition
    from kieumau_cli.results.score import last_update, score_at

    ward = load.file.model
    if load.problem == "invalid" or ward is None:
        province, slug = load.key.split("/", 1)
        return WardSummary(load.key, province, slug, "", province, "?", None, None, "invalid")
    criteria_set = load.criteria_set
    current = score_at(ward, criteria_set) if criteria_set is not None else None
    return WardSummary(
        key=ward.key,
        province=ward.province,
        name=ward.name,
        unit=ward.unit,
        province_name=ward.province_name,
        criteria_set=ward.criteria,
        score=current,
        last_update=last_update(ward),
        problem=load.problem,
        name_source_year=ward.name_source_year,
        holds_recognition=holds_recognition(ward),
    )
