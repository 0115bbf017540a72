"""What the weekly briefing note (giao ban) shows, computed as plain data: the score at
the end of the week and the week before, what changed, what is behind, next week's
tasks and the requests to superiors. The templates and the Word writer lay it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kieumau_cli import __version__
from kieumau_cli.load.models import CriteriaSet, Reported, Ward
from kieumau_cli.load.notes import WeeklyNotes
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.lifecycle import lifecycle_summary
from kieumau_cli.results.paperwork import Paperwork
from kieumau_cli.results.rows import CriterionDetail, criterion_details, pending
from kieumau_cli.results.score import Score, score_at
from kieumau_cli.results.timeline import (
    NewEvidence,
    NewReading,
    Request,
    StatusChange,
    Timeline,
    is_request,
    requests,
)
from kieumau_cli.results.weeks import ONE_DAY, Period
from kieumau_cli.results.workdays import Break, breaks_between, last_working_day

DEFAULT_STALLED_WEEKS = 4


@dataclass(frozen=True, slots=True)
class StalledRow:
    criterion: CriterionDetail
    weeks: int  # whole weeks without a change, up to the reference date


@dataclass(frozen=True, slots=True)
class OwnerTasks:
    owner: str | None
    criteria: tuple[CriterionDetail, ...]


@dataclass(frozen=True, slots=True)
class Task:
    """One line of 'Nhiệm vụ tuần tới': the criterion, what to do (the officer's note on
    it, when there is one), who, by when."""

    criterion: CriterionDetail
    action: str | None  # None: no note says what to do; the document says "continue"
    owner: str | None
    due: dt.date | None


@dataclass(frozen=True, slots=True)
class Brief:
    ward: Ward
    criteria_set: CriteriaSet
    period: Period
    reference: dt.date  # statuses and deadlines are judged on this day
    before: Score  # at the end of the day before the period
    after: Score
    criteria: dict[str, CriterionDetail]
    changes: list[StatusChange]
    evidence: list[NewEvidence]
    readings: list[NewReading]
    overdue: list[CriterionDetail]
    not_started: list[CriterionDetail]
    stalled: list[StalledRow]
    unassessed: list[CriterionDetail]
    unassigned: list[CriterionDetail]
    stalled_weeks: int
    next_period: Period
    due_next: list[CriterionDetail]
    continuing: list[OwnerTasks]
    tasks: list[Task]
    breaks: list[Break]  # days off in the period (Tết, 30/4–1/5, …)
    next_breaks: list[Break]  # and in the period after it
    document_day: dt.date  # the last working day the note covers (not a Sunday)
    requests: list[Request]
    reported: list[Reported]
    git_state: str
    commits: int
    generated: dt.date
    version: str
    paperwork: Paperwork = field(default_factory=Paperwork)
    notes: WeeklyNotes | None = None  # `brief --full`: the officer-written sections I–VI
    # Where the station is in the recognition life cycle on `reference` (lifecycle_summary):
    # a station holding a recognition is told to keep the criteria, not to apply.
    lifecycle: dict[str, Any] = field(default_factory=dict)

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
        rows = criterion_details(ward, criteria_set, reference, as_of)
        before = score_at(ward, criteria_set, period.start - ONE_DAY)
        after = score_at(ward, criteria_set, as_of)
        undone = pending(rows, reference)
        overdue = [row for row in undone if row.overdue]
        late = [row for row in undone if not row.overdue]
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
            unassigned=[row for row in undone if not row.owner],
            stalled_weeks=stalled_weeks,
            next_period=following,
            due_next=[row for row in late if row.due and following.contains(row.due)],
            continuing=_by_owner(late),
            tasks=_tasks(late),
            breaks=breaks_between(period.start, period.end),
            next_breaks=breaks_between(following.start, following.end),
            document_day=last_working_day(period.start, reference),
            requests=requests(ward, criteria_set, period),
            reported=[item for item in ward.reported if period.contains(item.date)],
            git_state=timeline.log.state,
            commits=len(timeline.commits(period)),
            generated=today,
            version=__version__,
            lifecycle=lifecycle_summary(ward, criteria_set, reference),
        )


def _tasks(rows: list[CriterionDetail]) -> list[Task]:
    """Work still open, nearest deadline first."""
    open_rows = [r for r in rows if r.status in (Status.IN_PROGRESS, Status.NOT_MET)]
    ordered = sorted(open_rows, key=lambda r: (r.due or dt.date.max, r.id))
    return [
        Task(row, None if is_request(row.note) else row.note, row.owner, row.due) for row in ordered
    ]


def _by_owner(rows: list[CriterionDetail]) -> list[OwnerTasks]:
    owners: dict[str | None, list[CriterionDetail]] = {}
    for row in rows:
        if row.status is Status.IN_PROGRESS or row.status is Status.NOT_MET:
            owners.setdefault(row.owner, []).append(row)
    tasks = [OwnerTasks(owner, tuple(items)) for owner, items in owners.items()]
    # The owner with the nearest deadline first; unassigned work last.
    return sorted(
        tasks, key=lambda t: (t.owner is None, min(r.due or dt.date.max for r in t.criteria))
    )
