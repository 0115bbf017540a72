"""Results: what a command computed, kept apart from how it is rendered.

`status_payload` is the JSON contract of `status --format json` (and of every
other place that publishes a ward's state); it is documented in the README
and pinned by tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.results.score import CriterionView, Score, criterion_views, last_update, score
from kieumau_cli.results.status import StatusData, StatusView, iso
from kieumau_cli.text.format import percent


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


def status_payload(result: WardStatus) -> dict[str, Any]:
    return StatusView(StatusData.from_result(result), result.as_of, result.today).payload()


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
        "last_update": iso(row.last_update),
        "problem": row.problem,
    }
