"""Who does what by when: the open criteria of one or many wards as tasks, grouped by
owner, judged on one day (pure functions, no I/O).

An open criterion is one not yet done (neither `met` nor `not_applicable`). A task is
`overdue` when its due date is before today, `soon` when it falls within the window
(today to today + `within` days, both included), `later` after it, `undated` without a
due date. Days overdue are counted twice, as an officer and a deadline see them:
calendar days, and working days (weekends and Vietnamese public holidays left out,
`results.workdays`). A due date that falls on a day off is marked: nobody hands in
anything on Mùng một.

Groups: one per owner, owners matched loosely ("Tổ tiếp dân" and "tổ Tiếp dân" are one
group), the unassigned last. Within a group: overdue (oldest first), soon (earliest
first), undated; ties by station, then criterion. `later` tasks are counted in the
lists and kept for the calendar feed, which holds every due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kieumau_cli import __version__
from kieumau_cli.load.vocabulary import DONE, Status
from kieumau_cli.results.rows import Bilingual, criterion_rows
from kieumau_cli.results.score import last_update
from kieumau_cli.results.workdays import Holiday, holiday, is_working_day, working_days_between
from kieumau_cli.text.match import folded, loosely_contains

if TYPE_CHECKING:
    from kieumau_cli.load.models import CriteriaSet, Ward

Bucket = Literal["overdue", "soon", "later", "undated"]
BUCKETS: tuple[Bucket, ...] = ("overdue", "soon", "undated", "later")  # the order shown
DEFAULT_WITHIN = 14
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Task:
    """One open criterion of one station, judged on `today`."""

    station: str  # 'province/ward'
    station_name: str
    province: str
    province_name: str
    criterion: str
    title: Bilingual
    owner: str | None
    due: dt.date | None
    status: Status
    note: str | None
    last_update: dt.date | None
    bucket: Bucket
    days_overdue: int  # calendar days; 0 unless overdue
    working_days_overdue: int  # working days after the due date up to today; 0 unless overdue
    days_left: int | None  # calendar days from today to the due date (soon, later)
    working_days_left: int | None
    due_holiday: Holiday | None  # the public holiday the due date falls on
    due_on_working_day: bool | None  # None when undated
    # The last change the data records: the criterion's, else the ward's, else its start.
    changed: dt.date | None

    @property
    def overdue(self) -> bool:
        return self.bucket == "overdue"

    @property
    def uid_parts(self) -> tuple[str, str]:
        """What identifies the task across runs: the station and the criterion."""
        return self.station, self.criterion

    def sort_key(self) -> tuple[int, dt.date, str, str]:
        return (BUCKETS.index(self.bucket), self.due or dt.date.max, self.station, self.criterion)

    def payload(self) -> dict[str, Any]:
        """One task of `due --format json` (see docs/deadlines.md)."""
        return {
            "station": self.station,
            "station_name": self.station_name,
            "province": self.province,
            "province_name": self.province_name,
            "criterion": self.criterion,
            "title": self.title.vi,
            "title_en": self.title.en,
            "owner": self.owner,
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "bucket": self.bucket,
            "days_overdue": self.days_overdue,
            "working_days_overdue": self.working_days_overdue,
            "days_left": self.days_left,
            "working_days_left": self.working_days_left,
            "due_on_working_day": self.due_on_working_day,
            "due_holiday": self.due_holiday.name_vi if self.due_holiday else None,
            "due_holiday_en": self.due_holiday.name_en if self.due_holiday else None,
            "note": self.note,
            "last_update": self.last_update.isoformat() if self.last_update else None,
        }


@dataclass(frozen=True, slots=True)
class OwnerGroup:
    """The tasks of one owner (None: nobody is assigned), in the order they are shown."""

    owner: str | None
    tasks: tuple[Task, ...]

    def of(self, bucket: Bucket) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if task.bucket == bucket)

    @property
    def shown(self) -> tuple[Task, ...]:
        """What the lists show: everything but the tasks due after the window."""
        return tuple(task for task in self.tasks if task.bucket != "later")

    def payload(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "overdue": len(self.of("overdue")),
            "soon": len(self.of("soon")),
            "undated": len(self.of("undated")),
            "later": len(self.of("later")),
            "tasks": [task.payload() for task in self.shown],
        }


@dataclass(frozen=True, slots=True)
class Agenda:
    """Every open task in scope, grouped by owner."""

    today: dt.date
    within: int
    owner_filter: str | None
    stations: tuple[str, ...]  # the station keys looked at, sorted
    groups: tuple[OwnerGroup, ...]
    scope: str | None = None  # the ward's or the province's name; None: the whole country
    links: Mapping[str, str] = field(default_factory=dict)  # station key -> its page's URL
    version: str = ""  # of kieumau, for the documents' last line

    @property
    def window_end(self) -> dt.date:
        return self.today + dt.timedelta(days=self.within)

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(task for group in self.groups for task in group.tasks)

    def count(self, bucket: Bucket) -> int:
        return sum(task.bucket == bucket for task in self.tasks)

    @property
    def any_overdue(self) -> bool:
        return self.count("overdue") > 0

    @property
    def dated(self) -> tuple[Task, ...]:
        """Every task with a due date, by date, station and criterion (the calendar)."""
        found = [task for task in self.tasks if task.due is not None]
        return tuple(sorted(found, key=lambda task: (task.due, task.station, task.criterion)))

    def payload(self) -> dict[str, Any]:
        """`due --format json` (see docs/deadlines.md)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "today": self.today.isoformat(),
            "within_days": self.within,
            "window_end": self.window_end.isoformat(),
            "scope": self.scope,
            "owner_filter": self.owner_filter,
            "stations": list(self.stations),
            **{bucket: self.count(bucket) for bucket in ("overdue", "soon", "undated", "later")},
            "owners": [group.payload() for group in self.groups],
        }


def _bucket(due: dt.date | None, today: dt.date, window_end: dt.date) -> Bucket:
    if due is None:
        return "undated"
    if due < today:
        return "overdue"
    return "soon" if due <= window_end else "later"


def ward_tasks(
    ward: Ward, criteria_set: CriteriaSet, today: dt.date, within: int = DEFAULT_WITHIN
) -> list[Task]:
    """The open criteria of one ward as tasks, in the set's order."""
    window_end = today + dt.timedelta(days=within)
    ward_changed = last_update(ward) or ward.start
    tasks = []
    for row in criterion_rows(ward, criteria_set):
        if row.status in DONE:
            continue
        bucket = _bucket(row.due, today, window_end)
        due = row.due
        overdue = bucket == "overdue"
        ahead = bucket in ("soon", "later")
        tasks.append(
            Task(
                station=ward.key,
                station_name=ward.name,
                province=ward.province,
                province_name=ward.province_name,
                criterion=row.id,
                title=row.title,
                owner=row.owner.strip() if row.owner and row.owner.strip() else None,
                due=due,
                status=row.status,
                note=row.note,
                last_update=row.last_update,
                bucket=bucket,
                days_overdue=(today - due).days if overdue and due else 0,
                working_days_overdue=working_days_between(due, today) if overdue and due else 0,
                days_left=(due - today).days if ahead and due else None,
                working_days_left=working_days_between(today, due) if ahead and due else None,
                due_holiday=holiday(due) if due else None,
                due_on_working_day=is_working_day(due) if due else None,
                changed=row.last_update or ward_changed,
            )
        )
    return tasks


def group_by_owner(tasks: Iterable[Task]) -> tuple[OwnerGroup, ...]:
    """One group per owner, spellings that differ only in case, accents or spacing
    together (named by the spelling that sorts first); the unassigned last."""
    by_owner: dict[str, list[Task]] = {}
    for task in tasks:
        key = (folded(task.owner) or task.owner) if task.owner else ""  # "?" folds to ""
        by_owner.setdefault(key, []).append(task)
    groups = []
    for key in sorted(by_owner, key=lambda key: (key == "", key)):
        members = sorted(by_owner[key], key=Task.sort_key)
        names = sorted({task.owner for task in members if task.owner})
        groups.append(OwnerGroup(names[0] if names else None, tuple(members)))
    return tuple(groups)


def build_agenda(
    wards: Iterable[tuple[Ward, CriteriaSet]],
    today: dt.date,
    within: int = DEFAULT_WITHIN,
    owner: str | None = None,
    *,
    scope: str | None = None,
    links: Mapping[str, str] | None = None,
) -> Agenda:
    """The agenda of these wards on `today`; `owner`: only the tasks whose owner contains
    it, loosely (case and accents aside: 'doi truong' finds 'Đội trưởng'). `wards` are
    read once, so a stream of them is never held whole."""
    tasks: list[Task] = []
    keys: list[str] = []
    for ward, rules in wards:  # once, one ward at a time: only its tasks are kept
        keys.append(ward.key)
        tasks.extend(
            task
            for task in ward_tasks(ward, rules, today, within)
            if owner is None or (task.owner and loosely_contains(task.owner, owner))
        )
    stations = tuple(sorted(keys))
    groups = group_by_owner(tasks)
    return Agenda(today, within, owner, stations, groups, scope, dict(links or {}), __version__)
