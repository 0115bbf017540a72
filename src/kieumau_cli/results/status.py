"""What `status` shows, as plain data: no Pydantic, so a cached result (`cache`)
renders without importing the models.

`StatusData` is what follows from the ward file and its criteria set alone; the
date of the run (today, --as-of) is applied when rendering (`StatusView`), so
"overdue" is always judged afresh. `StatusView.payload` is the JSON contract of
`status --format json` (and of every element of the site's data files).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.contract import JSON_SCHEMA_VERSION
from kieumau_cli.results.rows import (
    Bilingual,
    CriterionRow,
    GroupRow,
    bilingual,
    criterion_rows,
    group_rows,
    pending,
)
from kieumau_cli.results.score import Score, last_update, score

if TYPE_CHECKING:
    from kieumau_cli.load.models import CriteriaSet, Ward


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


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
    groups: list[GroupRow[CriterionRow]]
    # results.lifecycle.lifecycle_summary: stage, recognition, verified, discrepancies
    lifecycle: dict[str, Any]
    # the year of the source naming the unit, when the name is unverified after 1/7/2025
    name_source_year: int | None = None
    former: list[str] = field(default_factory=list)  # former names, oldest first

    @property
    def criteria(self) -> list[CriterionRow]:
        return [row for group in self.groups for row in group.criteria]

    @classmethod
    def build(
        cls, ward: Ward, criteria_set: CriteriaSet, as_of: dt.date | None = None
    ) -> StatusData:
        """The ward now, or rebuilt from its history at `as_of`."""
        from kieumau_cli.results.lifecycle import lifecycle_summary

        rows = criterion_rows(ward, criteria_set, as_of)
        statuses = {row.id: row.status for row in rows}
        if as_of is None:
            updated = last_update(ward)
        else:
            updated = max((row.last_update for row in rows if row.last_update), default=None)
        return cls(
            key=ward.key,
            province=ward.province,
            slug=ward.ward,
            name=ward.name,
            province_name=ward.province_name,
            unit=ward.unit,
            kind=ward.kind,
            criteria_set=criteria_set.ref,
            criteria_set_title=bilingual(criteria_set.title),
            plan_number=ward.plan.number if ward.plan is not None else None,
            plan_date=ward.plan.date if ward.plan is not None else None,
            score=score(criteria_set, statuses),
            last_update=updated,
            reported=[
                {
                    "date": r.date.isoformat(),
                    "met": r.met,
                    "total": r.total,
                    "source": r.source.model_dump(mode="json"),
                }
                for r in ward.reported
            ],
            groups=group_rows(criteria_set.groups, rows),
            lifecycle=lifecycle_summary(ward, criteria_set, as_of),
            name_source_year=ward.name_source_year,
            former=[former.name for former in ward.former],
        )

    # --- the cache's JSON form ------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
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
            "score": self.score.payload(),
            "last_update": iso(self.last_update),
            "reported": self.reported,
            "groups": [
                [group.id, group.title.vi, group.title.en, [_row_json(r) for r in group.criteria]]
                for group in self.groups
            ],
            "lifecycle": self.lifecycle,
            "name_source_year": self.name_source_year,
            "former": self.former,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StatusData:
        """The inverse of `to_json`; any malformed input raises (the cache then recomputes)."""
        return cls(
            key=_str(data["key"]),
            province=_str(data["province"]),
            slug=_str(data["slug"]),
            name=_str(data["name"]),
            province_name=_str(data["province_name"]),
            unit=_str(data["unit"]),
            kind=_str(data["kind"]),
            criteria_set=_str(data["criteria_set"]),
            criteria_set_title=_bilingual(data["criteria_set_title"]),
            plan_number=_opt_str(data["plan_number"]),
            plan_date=_date(data["plan_date"]),
            score=Score.from_payload(data["score"]),
            last_update=_date(data["last_update"]),
            reported=_list_of_dicts(data["reported"]),
            groups=[
                GroupRow(_str(gid), _bilingual([vi, en]), tuple(_row_from_json(r) for r in rows))
                for gid, vi, en, rows in data["groups"]
            ],
            lifecycle=_lifecycle(data["lifecycle"]),
            name_source_year=_opt_int(data["name_source_year"]),
            former=[_str(name) for name in data["former"]],
        )


def _row_json(row: CriterionRow) -> list[Any]:
    return [
        row.id,
        row.group,
        row.title.vi,
        row.title.en,
        row.status.value,
        row.owner,
        iso(row.due),
        iso(row.last_update),
        row.note,
        row.evidence,
        row.provenance,
    ]


def _row_from_json(value: Any) -> CriterionRow:
    cid, group, vi, en, status, owner, due, updated, note, evidence, provenance = value
    if provenance not in ("official", "press", "illustrative"):
        raise ValueError(f"unknown provenance {provenance!r}")
    if type(evidence) is not int or evidence < 0:
        raise TypeError("evidence must be a count")
    return CriterionRow(
        id=_str(cid),
        group=_str(group),
        title=_bilingual([vi, en]),
        status=Status(status),  # ValueError for a status kieumau does not know
        owner=_opt_str(owner),
        due=_date(due),
        last_update=_date(updated),
        note=_opt_str(note),
        evidence=evidence,
        provenance=provenance,
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

    def missing(self) -> list[CriterionRow]:
        """Applicable criteria not yet met: overdue first, then by due date, then by id."""
        return pending(self.data.criteria, self.reference_date)

    def payload(self) -> dict[str, Any]:
        """The JSON contract of `status --format json`."""
        data = self.data
        reference = self.reference_date
        counts = data.score.payload()
        shares = {key: counts.pop(key) for key in ("percent", "qualifies")}
        return {
            "schema_version": JSON_SCHEMA_VERSION,
            "ward": data.key,
            "province": data.province,
            "slug": data.slug,
            "name": data.name,
            "name_source_year": data.name_source_year,
            "former": data.former,
            "province_name": data.province_name,
            "unit": data.unit,
            "kind": data.kind,
            "criteria_set": data.criteria_set,
            "criteria_set_title": data.criteria_set_title.vi,
            "as_of": iso(self.as_of),
            **counts,
            "criteria_count": data.score.criteria,
            **shares,
            "last_update": iso(data.last_update),
            "reported": data.reported,
            "stage": data.lifecycle["stage"],
            "maintenance_at_risk": data.lifecycle["maintenance_at_risk"],
            "recognition": _recognition_payload(data.lifecycle),
            "verified": _verified_payload(data.lifecycle),
            "discrepancies": data.lifecycle["discrepancies"],
            "criteria": [
                {
                    "id": row.id,
                    "group": row.group,
                    "title": row.title.vi,
                    "title_en": row.title.en,
                    "status": row.status.value,
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


def _opt_int(value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError("expected an integer")
    return value


def _bilingual(value: Any) -> Bilingual:
    vi, en = value
    return Bilingual(_str(vi), _opt_str(en))


def _list_of_dicts(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise TypeError("expected a list of objects")
    return value


_LIFECYCLE_KEYS = (
    "stage",
    "maintained_year",
    "maintenance_at_risk",
    "recognition",
    "lost",
    "verified",
    "discrepancies",
)


def _lifecycle(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != set(_LIFECYCLE_KEYS):
        raise TypeError("expected the life-cycle summary")
    if not isinstance(value["stage"], str) or not isinstance(value["discrepancies"], list):
        raise TypeError("malformed life-cycle summary")
    return value


def _recognition_payload(lifecycle: dict[str, Any]) -> dict[str, Any] | None:
    """The latest decision (year, number, date, issuer), or null."""
    recognition = lifecycle["recognition"]
    if recognition is None:
        return None
    return {key: recognition[key] for key in ("year", "number", "date", "issuer")}


def _verified_payload(lifecycle: dict[str, Any]) -> dict[str, Any] | None:
    """The latest inspection's score (met, total, date, by), or null."""
    verified = lifecycle["verified"]
    if verified is None:
        return None
    return {key: verified[key] for key in ("met", "total", "date", "by", "kind")}
