"""What `report`, `brief` and `summary` show, computed as plain dataclasses.

No printing, no Typer, no Jinja: the templates under `templates/` receive these
objects and decide the layout; labels come from `_i18n`.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from kieumau_cli import __version__
from kieumau_cli.load.models import (
    CriteriaSet,
    Evidence,
    Group,
    Indicator,
    OfficialSource,
    PressSource,
    Provenance,
    Reading,
    Reported,
    Status,
    Text,
    Ward,
)
from kieumau_cli.results.score import (
    CriterionView,
    Score,
    criterion_views,
    last_update,
    score,
    statuses_as_of,
)
from kieumau_cli.results.status import DONE, pending_order
from kieumau_cli.results.timeline import (
    NewEvidence,
    NewReading,
    Request,
    StatusChange,
    Timeline,
    requests,
)
from kieumau_cli.results.ward_status import WardStatus
from kieumau_cli.results.weeks import ONE_DAY, Period
from kieumau_cli.text.format import slugify

COUNT_ORDER = (
    Status.MET,
    Status.IN_PROGRESS,
    Status.NOT_MET,
    Status.UNKNOWN,
    Status.NOT_APPLICABLE,
)
STALE_DAYS = 30
DEFAULT_STALLED_WEEKS = 4
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    ">": operator.gt,
    "<": operator.lt,
}


@dataclass(frozen=True, slots=True)
class CriterionRow:
    """One criterion of a ward at the reference date, flattened for templates."""

    id: str
    group: str
    title: Text
    status: Status
    owner: str | None
    due: dt.date | None
    overdue: bool
    days_overdue: int
    last_update: dt.date | None
    note: str | None
    reason: str | None
    evidence: tuple[Evidence, ...]
    provenance: Provenance

    @classmethod
    def of(cls, view: CriterionView, reference: dt.date) -> CriterionRow:
        entry = view.entry
        due = entry.due if entry else None
        overdue = view.overdue(reference)
        return cls(
            id=view.criterion.id,
            group=view.criterion.group,
            title=view.criterion.title,
            status=view.status,
            owner=entry.owner if entry else None,
            due=due,
            overdue=overdue,
            days_overdue=(reference - due).days if overdue and due else 0,
            last_update=view.last_update,
            note=entry.note if entry else None,
            reason=entry.reason if entry else None,
            evidence=tuple(entry.evidence) if entry else (),
            provenance=view.criterion.provenance,
        )


@dataclass(frozen=True, slots=True)
class GroupRow:
    group: Group
    met: int
    total: int  # applicable criteria
    criteria: tuple[CriterionRow, ...]

    @property
    def ratio(self) -> float:
        return self.met / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    criterion: CriterionRow
    indicator: Indicator
    readings: tuple[Reading, ...]  # oldest first

    @property
    def latest(self) -> Reading | None:
        return self.readings[-1] if self.readings else None

    @property
    def previous(self) -> Reading | None:
        return self.readings[-2] if len(self.readings) > 1 else None

    @property
    def meets(self) -> bool | None:
        if self.latest is None:
            return None
        return _COMPARE[self.indicator.comparator](self.latest.value, self.indicator.target)

    @property
    def trend(self) -> Literal["up", "down", "flat"] | None:
        if self.latest is None or self.previous is None:
            return None
        if self.latest.value == self.previous.value:
            return "flat"
        return "up" if self.latest.value > self.previous.value else "down"

    @property
    def improving(self) -> bool | None:
        """Whether the trend moves toward the target (down is better for '<=')."""
        if self.trend is None or self.trend == "flat":
            return None
        lower_is_better = self.indicator.comparator in ("<=", "<")
        return (self.trend == "down") == lower_is_better


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    date: dt.date
    met: int
    total: int


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A press article or legal document cited somewhere in the ward or its set."""

    kind: Literal["press", "official"]
    title: str
    date: dt.date | None
    precision: str = "day"
    outlet: str | None = None
    document: str | None = None
    clause: str | None = None
    url: str | None = None


def _rows(views: list[CriterionView], reference: dt.date) -> list[CriterionRow]:
    return [CriterionRow.of(view, reference) for view in views]


def _group_rows(criteria_set: CriteriaSet, rows: list[CriterionRow]) -> list[GroupRow]:
    groups = []
    for group in criteria_set.groups:
        members = tuple(row for row in rows if row.group == group.id)
        met = sum(row.status is Status.MET for row in members)
        total = sum(row.status is not Status.NOT_APPLICABLE for row in members)
        groups.append(GroupRow(group, met, total, members))
    return groups


def _pending_order(row: CriterionRow) -> tuple[bool, dt.date, str]:
    return pending_order(row.overdue, row.due, row.id)


def progress_points(ward: Ward, criteria_set: CriteriaSet, until: dt.date) -> list[ProgressPoint]:
    """Criteria met at the start, at each history date, and at `until`."""
    dates = sorted({entry.date for entry in ward.history if entry.date <= until})
    if not dates:
        return []
    origin = min(ward.start, dates[0]) if ward.start else dates[0]
    points: list[ProgressPoint] = []
    for day, as_of in [(origin, dates[0] - ONE_DAY), *((d, d) for d in dates), (until, until)]:
        current = score(criteria_set, statuses_as_of(ward, criteria_set, as_of))
        if points and points[-1].date == day:
            points.pop()
        points.append(ProgressPoint(day, current.met, current.total))
    return points


def _source_rows(ward: Ward, criteria_set: CriteriaSet) -> list[SourceRow]:
    cited: list[Provenance] = [*ward.sources, ward.provenance, criteria_set.provenance]
    if ward.plan and ward.plan.source:
        cited.append(ward.plan.source)
    cited += [reported.source for reported in ward.reported]
    cited += [item.provenance for item in criteria_set.criteria]
    cited += [r.source for s in ward.status.values() for r in s.readings if r.source]
    flat: list[OfficialSource | PressSource] = []
    for item in cited:
        if isinstance(item, OfficialSource | PressSource):
            flat.append(item)
        else:
            flat += item.based_on
    rows: dict[tuple[str, ...], SourceRow] = {}
    if criteria_set.legal_basis is not None:
        basis = criteria_set.legal_basis
        rows[("official", basis.number)] = SourceRow(
            "official", basis.title or basis.number, basis.date, document=basis.number
        )
    for source in flat:
        if isinstance(source, OfficialSource):
            key: tuple[str, ...] = ("official", source.document)
            row = SourceRow(
                "official",
                source.title or source.document,
                source.date,
                document=source.document,
                clause=source.clause,
                url=source.url,
            )
        else:
            key = ("press", source.title, source.date.isoformat())
            row = SourceRow(
                "press",
                source.title,
                source.date,
                source.date_precision,
                outlet=source.outlet,
                url=source.url,
            )
        if key not in rows or (row.url and not rows[key].url):
            rows[key] = row
    return sorted(rows.values(), key=lambda r: (r.kind, r.date or dt.date.min, r.title))


# --- report -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    status: WardStatus
    groups: list[GroupRow]
    missing: list[CriterionRow]
    indicators: list[IndicatorRow]
    history: list[StatusChange]  # oldest first
    progress: list[ProgressPoint]
    sources: list[SourceRow]
    git_state: str
    generated: dt.date
    version: str

    @property
    def ward(self) -> Ward:
        return self.status.ward

    @property
    def criteria_set(self) -> CriteriaSet:
        return self.status.criteria_set

    @property
    def score(self) -> Score:
        return self.status.score

    @property
    def criteria(self) -> list[CriterionRow]:
        return [row for group in self.groups for row in group.criteria]

    @classmethod
    def build(cls, timeline: Timeline, today: dt.date) -> Report:
        ward, criteria_set = timeline.ward, timeline.criteria_set
        status = WardStatus.build(ward, criteria_set, today)
        rows = _rows(status.views, today)
        by_id = {row.id: row for row in rows}
        indicators = [
            IndicatorRow(
                by_id[criterion.id],
                criterion.indicator,
                tuple(
                    sorted(ward.status[criterion.id].readings, key=lambda r: r.date)
                    if criterion.id in ward.status
                    else ()
                ),
            )
            for criterion in criteria_set.criteria
            if criterion.indicator is not None
        ]
        everything = Period(dt.date.min, dt.date.max)
        return cls(
            status=status,
            groups=_group_rows(criteria_set, rows),
            missing=sorted((row for row in rows if row.status not in DONE), key=_pending_order),
            indicators=indicators,
            history=timeline.changes(everything),
            progress=progress_points(ward, criteria_set, today),
            sources=_source_rows(ward, criteria_set),
            git_state=timeline.log.state,
            generated=today,
            version=__version__,
        )


# --- brief --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StalledRow:
    criterion: CriterionRow
    weeks: int  # whole weeks without a change, up to the reference date


@dataclass(frozen=True, slots=True)
class OwnerTasks:
    owner: str | None
    criteria: tuple[CriterionRow, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    ward: Ward
    criteria_set: CriteriaSet
    period: Period
    reference: dt.date  # statuses and deadlines are judged on this day
    before: Score  # at the end of the day before the period
    after: Score
    criteria: dict[str, CriterionRow]
    changes: list[StatusChange]
    evidence: list[NewEvidence]
    readings: list[NewReading]
    overdue: list[CriterionRow]
    not_started: list[CriterionRow]
    stalled: list[StalledRow]
    unassessed: list[CriterionRow]
    unassigned: list[CriterionRow]
    stalled_weeks: int
    next_period: Period
    due_next: list[CriterionRow]
    continuing: list[OwnerTasks]
    requests: list[Request]
    reported: list[Reported]
    git_state: str
    commits: int
    generated: dt.date
    version: str

    @property
    def baseline(self) -> dt.date:
        """The day `before` is measured on."""
        return self.period.start - ONE_DAY

    @property
    def delta(self) -> int:
        return self.after.met - self.before.met

    @property
    def newly_met(self) -> list[StatusChange]:
        return [change for change in self.changes if change.kind == "met"]

    @property
    def regressions(self) -> list[StatusChange]:
        return [change for change in self.changes if change.kind == "regression"]

    @property
    def other_changes(self) -> list[StatusChange]:
        return [change for change in self.changes if change.kind == "other"]

    @property
    def days_left(self) -> int | None:
        target = self.ward.target
        return (target - self.reference).days if target and target >= self.reference else None

    @classmethod
    def build(cls, timeline: Timeline, period: Period, today: dt.date, stalled_weeks: int) -> Brief:
        ward, criteria_set = timeline.ward, timeline.criteria_set
        # A week still running is judged on today's file; a past one is rebuilt from history.
        as_of = None if period.end >= today else period.end
        reference = min(today, period.end)
        rows = _rows(criterion_views(ward, criteria_set, as_of), reference)
        before = score(criteria_set, statuses_as_of(ward, criteria_set, period.start - ONE_DAY))
        after = score(criteria_set, statuses_as_of(ward, criteria_set, as_of))
        pending = sorted((row for row in rows if row.status not in DONE), key=_pending_order)
        overdue = [row for row in pending if row.overdue]
        late = [row for row in pending if not row.overdue]
        limit = dt.timedelta(weeks=stalled_weeks)
        stalled = [
            StalledRow(row, (reference - row.last_update).days // 7 if row.last_update else -1)
            for row in late
            if row.status is Status.IN_PROGRESS
            and (row.last_update is None or reference - row.last_update >= limit)
        ]
        following = period.following()
        return cls(
            ward=ward,
            criteria_set=criteria_set,
            period=period,
            reference=reference,
            before=before,
            after=after,
            criteria={row.id: row for row in rows},
            changes=timeline.changes(period),
            evidence=timeline.evidence(period),
            readings=timeline.readings(period),
            overdue=overdue,
            not_started=[row for row in late if row.status is Status.NOT_MET],
            stalled=sorted(stalled, key=lambda s: (-s.weeks, s.criterion.id)),
            unassessed=[row for row in late if row.status is Status.UNKNOWN],
            unassigned=[row for row in pending if not row.owner],
            stalled_weeks=stalled_weeks,
            next_period=following,
            due_next=[row for row in late if row.due and following.contains(row.due)],
            continuing=_by_owner(late),
            requests=requests(ward, criteria_set, period),
            reported=[item for item in ward.reported if period.contains(item.date)],
            git_state=timeline.log.state,
            commits=len(timeline.commits(period)),
            generated=today,
            version=__version__,
        )


def _by_owner(rows: list[CriterionRow]) -> list[OwnerTasks]:
    owners: dict[str | None, list[CriterionRow]] = {}
    for row in rows:
        if row.status is Status.IN_PROGRESS or row.status is Status.NOT_MET:
            owners.setdefault(row.owner, []).append(row)
    tasks = [OwnerTasks(owner, tuple(items)) for owner, items in owners.items()]
    # The owner with the nearest deadline first; unassigned work last.
    return sorted(
        tasks, key=lambda t: (t.owner is None, min(r.due or dt.date.max for r in t.criteria))
    )


# --- summary ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SummaryRow:
    key: str
    ward: Ward | None
    criteria_set: CriteriaSet | None
    score: Score | None
    last_update: dt.date | None
    days_since_update: int | None
    problem: str | None = None  # "invalid" or "unknown-set"

    @property
    def name(self) -> str:
        return self.ward.name if self.ward else self.key

    @property
    def ratio(self) -> float:
        return self.score.ratio if self.score else 0.0


@dataclass(frozen=True, slots=True)
class SetUse:
    criteria_set: CriteriaSet
    stations: int
    qualified: int


@dataclass(frozen=True, slots=True)
class Summary:
    province: str | None  # display name; None for the whole country
    rows: list[SummaryRow]  # scored rows sorted by progress, then the broken ones
    counts: dict[Status, int]  # criteria of every scored station, by status
    sets: list[SetUse]
    stale_days: int
    generated: dt.date
    version: str

    @property
    def scored(self) -> list[SummaryRow]:
        return [row for row in self.rows if row.score is not None]

    @property
    def broken(self) -> list[SummaryRow]:
        return [row for row in self.rows if row.score is None]

    @property
    def qualified(self) -> list[SummaryRow]:
        return [row for row in self.scored if row.score and row.score.qualifies]

    @property
    def stale(self) -> list[SummaryRow]:
        return [
            row
            for row in self.scored
            if row.days_since_update is None or row.days_since_update >= self.stale_days
        ]

    @property
    def criteria_total(self) -> int:
        return sum(self.counts.values())

    @classmethod
    def build(
        cls,
        province: str | None,
        wards: list[tuple[str, Ward | None, CriteriaSet | None]],
        today: dt.date,
    ) -> Summary:
        rows = []
        counts = dict.fromkeys(COUNT_ORDER, 0)
        uses: dict[str, list[SummaryRow]] = {}
        sets: dict[str, CriteriaSet] = {}
        for key, ward, criteria_set in wards:
            updated = last_update(ward) if ward else None
            days = (today - updated).days if updated else None
            if ward is None or criteria_set is None:
                problem = "invalid" if ward is None else "unknown-set"
                rows.append(SummaryRow(key, ward, None, None, updated, days, problem))
                continue
            statuses = statuses_as_of(ward, criteria_set)
            for status in statuses.values():
                counts[status] += 1
            row = SummaryRow(key, ward, criteria_set, score(criteria_set, statuses), updated, days)
            rows.append(row)
            sets[criteria_set.ref] = criteria_set
            uses.setdefault(criteria_set.ref, []).append(row)
        rows.sort(
            key=lambda r: (
                r.score is None,
                -r.ratio,
                -(r.score.met if r.score else 0),
                slugify(r.name),
                r.key,
            )
        )
        return cls(
            province=province,
            rows=rows,
            counts=counts,
            sets=[
                SetUse(
                    sets[ref],
                    len(members),
                    sum(bool(m.score and m.score.qualifies) for m in members),
                )
                for ref, members in sorted(uses.items())
            ],
            stale_days=STALE_DAYS,
            generated=today,
            version=__version__,
        )
