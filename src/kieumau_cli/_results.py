"""Results: what a command computed, kept apart from how it is rendered.

`status_payload` is the JSON contract of `status --format json` (and of every
other place that publishes a ward's state); it is documented in the README
and pinned by tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ._models import CriteriaSet, Group, Status, Ward
from ._scoring import CriterionView, Score, criterion_views, last_update, score
from ._text import percent

JSON_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class WardStatus:
    ward: Ward
    criteria_set: CriteriaSet
    as_of: dt.date | None
    today: dt.date
    score: Score
    views: list[CriterionView]
    last_update: dt.date | None

    @classmethod
    def build(
        cls, ward: Ward, criteria_set: CriteriaSet, today: dt.date, as_of: dt.date | None = None
    ) -> WardStatus:
        views = criterion_views(ward, criteria_set, as_of)
        statuses = {view.criterion.id: view.status for view in views}
        if as_of is None:
            updated = last_update(ward)
        else:
            updated = max((v.last_update for v in views if v.last_update), default=None)
        return cls(ward, criteria_set, as_of, today, score(criteria_set, statuses), views, updated)

    @property
    def reference_date(self) -> dt.date:
        """The date overdue is judged against: --as-of if given, else today."""
        return self.as_of or self.today

    def by_group(self) -> list[tuple[Group, list[CriterionView]]]:
        return [
            (group, [view for view in self.views if view.criterion.group == group.id])
            for group in self.criteria_set.groups
        ]

    def missing(self) -> list[CriterionView]:
        """Applicable criteria not yet met: overdue first, then by due date, then by id."""
        pending = [v for v in self.views if v.status not in (Status.MET, Status.NOT_APPLICABLE)]
        far = dt.date.max

        def order(view: CriterionView) -> tuple[bool, dt.date, str]:
            due = view.entry.due if view.entry and view.entry.due else far
            return (not view.overdue(self.reference_date), due, view.criterion.id)

        return sorted(pending, key=order)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def status_payload(result: WardStatus) -> dict[str, Any]:
    ward, current = result.ward, result.score
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "ward": ward.key,
        "province": ward.province,
        "slug": ward.ward,
        "name": ward.name,
        "province_name": ward.province_name,
        "unit": ward.unit,
        "kind": ward.kind,
        "criteria_set": result.criteria_set.ref,
        "criteria_set_title": result.criteria_set.title.vi,
        "as_of": _iso(result.as_of),
        "met": current.met,
        "total": current.total,
        "in_progress": current.in_progress,
        "not_met": current.not_met,
        "not_applicable": current.not_applicable,
        "unknown": current.unknown,
        "criteria_count": current.criteria,
        "percent": percent(current.met, current.total),
        "qualifies": current.qualifies,
        "last_update": _iso(result.last_update),
        "reported": [
            {
                "date": r.date.isoformat(),
                "met": r.met,
                "total": r.total,
                "source": r.source.model_dump(mode="json"),
            }
            for r in ward.reported
        ],
        "criteria": [
            {
                "id": view.criterion.id,
                "group": view.criterion.group,
                "title": view.criterion.title.vi,
                "title_en": view.criterion.title.en,
                "status": view.status.value,
                "owner": view.entry.owner if view.entry else None,
                "due": _iso(view.entry.due) if view.entry else None,
                "overdue": view.overdue(result.reference_date),
                "last_update": _iso(view.last_update),
                "note": view.entry.note if view.entry else None,
                "evidence": len(view.entry.evidence) if view.entry else 0,
                "provenance": view.criterion.provenance.kind,
            }
            for view in result.views
        ],
    }


@dataclass(frozen=True, slots=True)
class WardRow:
    """One line of `kieumau list`; `problem` is set when the ward could not be scored."""

    key: str
    name: str
    unit: str
    province_name: str
    criteria_set: str
    score: Score | None
    last_update: dt.date | None
    problem: str | None = None


def row_payload(row: WardRow) -> dict[str, Any]:
    current = row.score
    return {
        "ward": row.key,
        "name": row.name,
        "unit": row.unit,
        "province_name": row.province_name,
        "criteria_set": row.criteria_set,
        "met": current.met if current else None,
        "total": current.total if current else None,
        "in_progress": current.in_progress if current else None,
        "not_applicable": current.not_applicable if current else None,
        "unknown": current.unknown if current else None,
        "percent": percent(current.met, current.total) if current else None,
        "qualifies": current.qualifies if current else None,
        "last_update": _iso(row.last_update),
        "problem": row.problem,
    }
