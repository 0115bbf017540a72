"""What `status` shows, as plain data: no Pydantic, so a cached result (`_cache`)
renders without importing the models.

`StatusData` is what follows from the ward file and its criteria set alone; the
date of the run (today, --as-of) is applied when rendering (`StatusView`), so
"overdue" is always judged afresh. `Score` lives here for the same reason and
is re-exported by `_scoring`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kieumau_cli.text.format import percent

if TYPE_CHECKING:
    from kieumau_cli.results.ward_status import WardStatus

JSON_SCHEMA_VERSION = 1
# Statuses that need no more work; `Status` is a StrEnum, so its members match too.
DONE = ("met", "not_applicable")


def pending_order(
    overdue: bool, due: dt.date | None, criterion_id: str
) -> tuple[bool, dt.date, str]:
    """How unfinished criteria are listed everywhere: overdue first, then by due date, then id."""
    return (not overdue, due or dt.date.max, criterion_id)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class Score:
    met: int
    in_progress: int
    not_met: int
    not_applicable: int
    unknown: int
    qualifies: bool

    @property
    def criteria(self) -> int:
        return self.met + self.in_progress + self.not_met + self.not_applicable + self.unknown

    @property
    def total(self) -> int:
        """Applicable criteria: the denominator of the score."""
        return self.criteria - self.not_applicable

    @property
    def ratio(self) -> float:
        return self.met / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.met == self.total


@dataclass(frozen=True, slots=True)
class Bilingual:
    vi: str
    en: str | None = None


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: str
    title: Bilingual


@dataclass(frozen=True, slots=True)
class CriterionRow:
    """One criterion of the ward at the status date (`CriterionView` as plain data)."""

    id: str
    group: str
    title: Bilingual
    status: str
    owner: str | None
    due: dt.date | None
    last_update: dt.date | None
    note: str | None
    evidence: int
    provenance: str

    def overdue(self, reference: dt.date) -> bool:
        return self.due is not None and self.due < reference and self.status not in DONE


@dataclass(frozen=True, slots=True)
class StatusData:
    key: str
    province: str
    slug: str
    name: str
    province_name: str
    unit: str
    kind: str
    criteria_set: str
    criteria_set_title: Bilingual
    plan_number: str | None
    plan_date: dt.date | None
    score: Score
    last_update: dt.date | None
    reported: list[dict[str, Any]]
    groups: list[GroupRow]
    criteria: list[CriterionRow]

    @classmethod
    def from_result(cls, result: WardStatus) -> StatusData:
        ward, criteria_set = result.ward, result.criteria_set
        return cls(
            key=ward.key,
            province=ward.province,
            slug=ward.ward,
            name=ward.name,
            province_name=ward.province_name,
            unit=ward.unit,
            kind=ward.kind,
            criteria_set=criteria_set.ref,
            criteria_set_title=Bilingual(criteria_set.title.vi, criteria_set.title.en),
            plan_number=ward.plan.number if ward.plan is not None else None,
            plan_date=ward.plan.date if ward.plan is not None else None,
            score=result.score,
            last_update=result.last_update,
            reported=[
                {
                    "date": r.date.isoformat(),
                    "met": r.met,
                    "total": r.total,
                    "source": r.source.model_dump(mode="json"),
                }
                for r in ward.reported
            ],
            groups=[
                GroupRow(group.id, Bilingual(group.title.vi, group.title.en))
                for group in criteria_set.groups
            ],
            criteria=[
                CriterionRow(
                    id=view.criterion.id,
                    group=view.criterion.group,
                    title=Bilingual(view.criterion.title.vi, view.criterion.title.en),
                    status=view.status.value,
                    owner=view.entry.owner if view.entry else None,
                    due=view.entry.due if view.entry else None,
                    last_update=view.last_update,
                    note=view.entry.note if view.entry else None,
                    evidence=len(view.entry.evidence) if view.entry else 0,
                    provenance=view.criterion.provenance.kind,
                )
                for view in result.views
            ],
        )

    # --- the cache's JSON form ------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        score = self.score
        return {
            "key": self.key,
            "province": self.province,
            "slug": self.slug,
            "name": self.name,
            "province_name": self.province_name,
            "unit": self.unit,
            "kind": self.kind,
            "criteria_set": self.criteria_set,
            "criteria_set_title": [self.criteria_set_title.vi, self.criteria_set_title.en],
            "plan_number": self.plan_number,
            "plan_date": iso(self.plan_date),
            "score": [
                score.met,
                score.in_progress,
                score.not_met,
                score.not_applicable,
                score.unknown,
                score.qualifies,
            ],
            "last_update": iso(self.last_update),
            "reported": self.reported,
            "groups": [[g.id, g.title.vi, g.title.en] for g in self.groups],
            "criteria": [
                [
                    c.id,
                    c.group,
                    c.title.vi,
                    c.title.en,
                    c.status,
                    c.owner,
                    iso(c.due),
                    iso(c.last_update),
                    c.note,
                    c.evidence,
                    c.provenance,
                ]
                for c in self.criteria
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StatusData:
        """The inverse of `to_json`; any malformed input raises (the cache then recomputes)."""
        met, in_progress, not_met, not_applicable, unknown, qualifies = data["score"]
        return cls(
            key=_str(data["key"]),
            province=_str(data["province"]),
            slug=_str(data["slug"]),
            name=_str(data["name"]),
            province_name=_str(data["province_name"]),
            unit=_str(data["unit"]),
            kind=_str(data["kind"]),
            criteria_set=_str(data["criteria_set"]),
            criteria_set_title=Bilingual(*_texts(data["criteria_set_title"])),
            plan_number=_opt_str(data["plan_number"]),
            plan_date=_date(data["plan_date"]),
            score=Score(
                _int(met),
                _int(in_progress),
                _int(not_met),
                _int(not_applicable),
                _int(unknown),
                _bool(qualifies),
            ),
            last_update=_date(data["last_update"]),
            reported=_list_of_dicts(data["reported"]),
            groups=[
                GroupRow(_str(gid), Bilingual(*_texts([vi, en]))) for gid, vi, en in data["groups"]
            ],
            criteria=[
                CriterionRow(
                    id=_str(cid),
                    group=_str(group),
                    title=Bilingual(*_texts([vi, en])),
                    status=_str(status),
                    owner=_opt_str(owner),
                    due=_date(due),
                    last_update=_date(updated),
                    note=_opt_str(note),
                    evidence=_int(evidence),
                    provenance=_str(provenance),
                )
                for (
                    cid,
                    group,
                    vi,
                    en,
                    status,
                    owner,
                    due,
                    updated,
                    note,
                    evidence,
                    provenance,
                ) in data["criteria"]
            ],
        )


@dataclass(frozen=True, slots=True)
class StatusView:
    """`StatusData` at the date of the run: what the status reporters render."""

    data: StatusData
    as_of: dt.date | None
    today: dt.date

    @property
    def reference_date(self) -> dt.date:
        """The date overdue is judged against: --as-of if given, else today."""
        return self.as_of or self.today

    def by_group(self) -> list[tuple[GroupRow, list[CriterionRow]]]:
        return [
            (group, [row for row in self.data.criteria if row.group == group.id])
            for group in self.data.groups
        ]

    def missing(self) -> list[CriterionRow]:
        """Applicable criteria not yet met: overdue first, then by due date, then by id."""
        pending = [row for row in self.data.criteria if row.status not in DONE]
        reference = self.reference_date
        return sorted(
            pending, key=lambda row: pending_order(row.overdue(reference), row.due, row.id)
        )

    def payload(self) -> dict[str, Any]:
        """The JSON contract of `status --format json`."""
        data, current = self.data, self.data.score
        reference = self.reference_date
        return {
            "schema_version": JSON_SCHEMA_VERSION,
            "ward": data.key,
            "province": data.province,
            "slug": data.slug,
            "name": data.name,
            "province_name": data.province_name,
            "unit": data.unit,
            "kind": data.kind,
            "criteria_set": data.criteria_set,
            "criteria_set_title": data.criteria_set_title.vi,
            "as_of": iso(self.as_of),
            "met": current.met,
            "total": current.total,
            "in_progress": current.in_progress,
            "not_met": current.not_met,
            "not_applicable": current.not_applicable,
            "unknown": current.unknown,
            "criteria_count": current.criteria,
            "percent": percent(current.met, current.total),
            "qualifies": current.qualifies,
            "last_update": iso(data.last_update),
            "reported": data.reported,
            "criteria": [
                {
                    "id": row.id,
                    "group": row.group,
                    "title": row.title.vi,
                    "title_en": row.title.en,
                    "status": row.status,
                    "owner": row.owner,
                    "due": iso(row.due),
                    "overdue": row.overdue(reference),
                    "last_update": iso(row.last_update),
                    "note": row.note,
                    "evidence": row.evidence,
                    "provenance": row.provenance,
                }
                for row in data.criteria
            ],
        }


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(_str(value))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected a boolean")
    return value


def _texts(value: Any) -> tuple[str, str | None]:
    vi, en = value
    return _str(vi), _opt_str(en)


def _list_of_dicts(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise TypeError("expected a list of objects")
    return value
