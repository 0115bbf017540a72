"""Where a station is in the recognition life cycle, and what the inspectors confirmed.

Pure functions of a ward and its criteria set. The stage is derived, never typed:

    not_selected → building → self_assessed_short | self_assessed_ready → inspected
    → recognised (năm Y) → maintained (phúc tra đạt năm Z) → lapsed

The codes are a contract (`status --format json` → `stage.code`, docs/lifecycle.md).
The statuses in the ward file are the station's own claim (self-assessed); the verified
score applies the latest inspection's (appraisal's, re-inspection's) verdicts over them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from kieumau_cli.load.lifecycle_models import Assessment, Lost, Recognised
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.score import Score, score, statuses_as_of

StageCode = Literal[
    "not_selected",
    "building",
    "self_assessed_short",
    "self_assessed_ready",
    "inspected",
    "recognised",
    "maintained",
    "lapsed",
]
STAGES: tuple[StageCode, ...] = get_args(StageCode)  # in the order a station moves
# Assessments by someone other than the station: their verdicts outrank its claim.
EXTERNAL = frozenset({"inspection", "appraisal", "re_inspection"})
# Stages that count as "in progress" on the roadmap (selected, not recognised).
IN_PROGRESS: frozenset[StageCode] = frozenset(
    {"building", "self_assessed_short", "self_assessed_ready", "inspected"}
)
HOLDS_RECOGNITION: frozenset[StageCode] = frozenset({"recognised", "maintained"})


@dataclass(frozen=True, slots=True)
class Verified:
    """The latest external assessment applied over the self-assessed statuses."""

    score: Score
    assessment: Assessment
    differing: tuple[str, ...]  # criteria whose verdict differs from the station's claim
    discrepancies: tuple[str, ...]  # the station says met, the inspection did not

    def payload(self) -> dict[str, Any]:
        return {
            "met": self.score.met,
            "total": self.score.total,
            "qualifies": self.score.qualifies,
            "date": self.assessment.date.isoformat(),
            "by": self.assessment.by,
            "kind": self.assessment.kind,
            "differing": list(self.differing),
        }


@dataclass(frozen=True, slots=True)
class Stage:
    code: StageCode
    recognition: Recognised | None = None  # the decision held (or last held, when lapsed)
    lost: Lost | None = None
    maintained_year: int | None = None  # the year of the passing re-inspection
    at_risk: bool = False  # recognised, but the current claim (or a re-inspection) fails

    @property
    def year(self) -> int | None:
        return self.recognition.year if self.recognition is not None else None


def recognition_date(entry: Recognised) -> dt.date:
    """When a recognition took effect, as far as the file says: the decision's date, else
    its source's date, else the last day of the year it is for."""
    if entry.decision is not None and entry.decision.date is not None:
        return entry.decision.date
    source_date = getattr(entry.source, "date", None)
    if isinstance(source_date, dt.date):
        return source_date
    return dt.date(entry.year, 12, 31) if entry.year is not None else dt.date.min


def entry_date(entry: Recognised | Lost) -> dt.date:
    return recognition_date(entry) if isinstance(entry, Recognised) else entry.date


def latest_recognition(ward: Ward) -> Recognised | None:
    """The latest recognition decision in the file (a later loss does not erase it)."""
    decisions = [entry for entry in ward.recognition if isinstance(entry, Recognised)]
    return max(decisions, key=recognition_date, default=None)


def last_entry(ward: Ward) -> Recognised | Lost | None:
    """The latest entry of `recognition` (a decision or a loss), by its date."""
    entries = sorted(ward.recognition, key=entry_date)
    return entries[-1] if entries else None


def holds_recognition(ward: Ward) -> bool:
    """Whether the station holds a recognition (stage `recognised` or `maintained`), read
    from `recognition` alone: no scoring, so a list of every station can ask it."""
    last = last_entry(ward)
    return last is not None and not isinstance(last, Lost)


def _by_date(assessments: Sequence[Assessment]) -> list[Assessment]:
    return sorted(assessments, key=lambda item: item.date)  # stable: file order within a day


def latest_external(ward: Ward, since: dt.date | None = None) -> Assessment | None:
    found = [
        item
        for item in _by_date(ward.assessments)
        if item.kind in EXTERNAL and (since is None or item.date >= since)
    ]
    return found[-1] if found else None


def verified(ward: Ward, criteria_set: CriteriaSet) -> Verified | None:
    """The latest inspection's verdicts over the station's own statuses, or None when no
    one has inspected it."""
    latest = latest_external(ward)
    if latest is None:
        return None
    claimed = statuses_as_of(ward, criteria_set)
    return verified_by(latest, claimed, criteria_set)


def verified_by(
    assessment: Assessment, claimed: Mapping[str, Status], criteria_set: CriteriaSet
) -> Verified:
    known = [criterion.id for criterion in criteria_set.criteria]
    merged = {cid: assessment.verdicts.get(cid, claimed.get(cid, Status.UNKNOWN)) for cid in known}
    differing = tuple(
        cid
        for cid in known
        if cid in assessment.verdicts and assessment.verdicts[cid] != claimed.get(cid)
    )
    discrepancies = tuple(
        cid
        for cid in differing
        if claimed.get(cid) is Status.MET and assessment.verdicts[cid] is not Status.UNKNOWN
    )
    return Verified(score(criteria_set, merged), assessment, differing, discrepancies)


def claim_fails(claim: Score) -> bool:
    """The station's own statuses no longer pass its set: some criterion is known not to be
    met (criteria never assessed, as for a station known only from a decision, are not
    evidence either way)."""
    return not claim.qualifies and claim.not_met + claim.in_progress > 0


def stage_of(ward: Ward, criteria_set: CriteriaSet) -> Stage:
    """The station's stage, from its file alone (see the module's docstring)."""
    claimed = statuses_as_of(ward, criteria_set)
    claim = score(criteria_set, claimed)
    last = last_entry(ward)
    if last is not None:
        held = latest_recognition(ward)
        if isinstance(last, Lost):
            return Stage("lapsed", recognition=held, lost=last)
        since = recognition_date(last)
        check = latest_external(ward, since=since)
        re_inspected = check is not None and check.kind == "re_inspection" and check.date > since
        passed = (
            re_inspected
            and check is not None
            and verified_by(check, claimed, criteria_set).score.qualifies
        )
        at_risk = claim_fails(claim) or (re_inspected and not passed)
        if passed and check is not None:
            return Stage(
                "maintained", recognition=last, maintained_year=check.date.year, at_risk=at_risk
            )
        return Stage("recognised", recognition=last, at_risk=at_risk)
    if any(item.kind in EXTERNAL for item in ward.assessments):
        return Stage("inspected")
    if any(item.kind == "self" for item in ward.assessments):
        return Stage("self_assessed_ready" if claim.qualifies else "self_assessed_short")
    started = (
        ward.selected is not None
        or ward.plan is not None
        or ward.start is not None
        or any(status is not Status.UNKNOWN for status in claimed.values())
    )
    return Stage("building" if started else "not_selected")


def _decision_json(entry: Recognised) -> dict[str, Any]:
    decision = entry.decision
    return {
        "year": entry.year,
        "number": decision.number if decision is not None else None,
        "date": decision.date.isoformat() if decision and decision.date else None,
        "issuer": decision.issuer if decision is not None else None,
        "number_unknown": entry.number_unknown,
        "year_unknown": entry.year_unknown,
    }


def as_of_date(ward: Ward, as_of: dt.date) -> Ward:
    """The ward's life cycle as it stood at `as_of`: later records left out."""
    return ward.model_copy(
        update={
            "assessments": [item for item in ward.assessments if item.date <= as_of],
            "recognition": [item for item in ward.recognition if entry_date(item) <= as_of],
        }
    )


def lifecycle_summary(
    ward: Ward, criteria_set: CriteriaSet, as_of: dt.date | None = None
) -> dict[str, Any]:
    """The life cycle as plain JSON data (what `status` caches, prints and emits)."""
    if as_of is not None:
        ward = as_of_date(ward, as_of)
    stage = stage_of(ward, criteria_set)
    checked = verified(ward, criteria_set)
    lost = stage.lost
    return {
        "stage": stage.code,
        "maintained_year": stage.maintained_year,
        "maintenance_at_risk": stage.at_risk,
        "recognition": _decision_json(stage.recognition) if stage.recognition else None,
        "lost": (
            {
                "date": lost.date.isoformat(),
                "document": lost.document.number if lost.document else None,
                "reason": lost.reason,
            }
            if lost is not None
            else None
        ),
        "verified": checked.payload() if checked is not None else None,
        "discrepancies": list(checked.discrepancies) if checked is not None else [],
    }
