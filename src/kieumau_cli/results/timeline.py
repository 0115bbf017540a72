"""What changed in a ward, from two sources (pure functions, no I/O).

1. The ward file's own `history` (date, criterion, from, to, note, by).
2. Its git log (see `_git_log`): each commit's file before and after. A status
   a commit changed without adding a matching history entry becomes a change
   dated by the commit and attributed to its author and message; a history
   entry without `by` is attributed to the commit that added it.

`Timeline.ward` is the ward with those git-only changes merged into its
history, so the scoring functions rebuild statuses at any date from both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from kieumau_cli.load.git_log import FileLog, FileRevision
from kieumau_cli.load.models import CriteriaSet, Criterion, HistoryEntry, Ward
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.load.yaml import LoadFailed, load_bytes
from kieumau_cli.results.weeks import Period
from kieumau_cli.text.format import nfc

HistoryKey = tuple[dt.date, str, Status, Status]
# A history entry written up to this long before or after a commit that changed
# the status explains that commit (people often add the entry a few days late).
MATCH_WINDOW = dt.timedelta(days=14)
_REQUEST_RE = re.compile(r"^\s*(đề\s+xuất|kiến\s+nghị|đề\s+nghị)\s*:\s*(.+)$", re.I | re.S)
RequestKind = Literal["proposal", "recommendation", "request"]
_REQUEST_KINDS: dict[str, RequestKind] = {
    "đề xuất": "proposal",
    "kiến nghị": "recommendation",
    "đề nghị": "request",
}
EvidenceItem = tuple[str, str | None, dt.date | None]  # title, ref, date


@dataclass(frozen=True, slots=True)
class StatusChange:
    date: dt.date
    criterion: Criterion
    before: Status
    after: Status
    note: str | None
    by: str | None
    source: Literal["history", "git", "worktree"]
    commit: str | None = None  # short sha, for changes found in git only
    subject: str | None = None  # the commit message

    @property
    def kind(self) -> Literal["met", "regression", "other"]:
        if self.after is Status.MET:
            return "met"
        if self.before is Status.MET:
            return "regression"
        return "other"


@dataclass(frozen=True, slots=True)
class NewEvidence:
    criterion: Criterion
    title: str
    ref: str | None
    date: dt.date | None
    by: str | None = None


@dataclass(frozen=True, slots=True)
class NewReading:
    criterion: Criterion
    value: float
    date: dt.date
    note: str | None


@dataclass(frozen=True, slots=True)
class Request:
    """A note marked 'Đề xuất:', 'Kiến nghị:' or 'Đề nghị:' (any case)."""

    kind: RequestKind
    text: str
    criterion: Criterion
    owner: str | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """The parts of one version of a ward file that changes are read from."""

    statuses: dict[str, Status]
    history: list[HistoryKey]
    evidence: dict[str, list[EvidenceItem]]

    @classmethod
    def parse(cls, text: str | None) -> _Snapshot | None:
        if text is None:
            return None
        try:
            data = load_bytes(text.encode("utf-8"), "<git>").data
        except LoadFailed:
            return None  # an old broken version: nothing can be read from it
        statuses: dict[str, Status] = {}
        evidence: dict[str, list[EvidenceItem]] = {}
        for key, raw_entry in _mapping(data.get("status")).items():
            entry = _mapping(raw_entry)
            status = _status(entry.get("status"))
            if status is not None:
                statuses[str(key)] = status
            items = entry.get("evidence")
            evidence[str(key)] = [
                (str(item["title"]), _str(item.get("ref")), _date(item.get("date")))
                for item in (items if isinstance(items, list) else [])
                if isinstance(item, dict) and item.get("title")
            ]
        history = []
        raw_history = data.get("history")
        for raw_item in raw_history if isinstance(raw_history, list) else []:
            item = _mapping(raw_item)
            date, before = _date(item.get("date")), _status(item.get("from"))
            after = _status(item.get("to"))
            if date is not None and before is not None and after is not None:
                history.append((date, str(item.get("criterion")), before, after))
        return cls(statuses, history, evidence)


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _status(value: Any) -> Status | None:
    try:
        return Status(value)
    except ValueError:
        return None


def _date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class WeekItems:
    """What one week of a ward holds (the sections of its brief)."""

    changes: list[StatusChange]
    evidence: list[NewEvidence]
    readings: list[NewReading]


_OUTSIDE = object()  # a date a bucket leaves out
# Where a date goes: a key shared by the items of one group, or _OUTSIDE.
Bucket = Callable[[dt.date], Any]


def _within(period: Period) -> Bucket:
    return lambda day: None if period.contains(day) else _OUTSIDE


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _history_key(entry: HistoryEntry) -> HistoryKey:
    return (entry.date, entry.criterion, entry.from_, entry.to)


@dataclass(slots=True)
class Timeline:
    """A ward's changes from its history and its git log together."""

    ward: Ward  # history includes the git-only changes, sorted by date
    criteria_set: CriteriaSet
    log: FileLog
    history: list[HistoryEntry]  # the file's own history
    git_only: list[StatusChange] = field(default_factory=list)
    added_by: dict[HistoryKey, FileRevision] = field(default_factory=dict)
    git_evidence: list[tuple[FileRevision, NewEvidence]] = field(default_factory=list)
    _weeks: dict[dt.date, WeekItems] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, ward: Ward, criteria_set: CriteriaSet, log: FileLog, today: dt.date) -> Timeline:
        """`today` dates what the working file changed since its last commit."""
        timeline = cls(ward, criteria_set, log, list(ward.history))
        for revision in log.revisions:
            timeline._read(revision)
        if log.revisions:
            timeline._read_worktree(log.revisions[-1], today)
        if timeline.git_only:
            merged = [*ward.history, *(_as_entry(change) for change in timeline.git_only)]
            merged.sort(key=lambda entry: entry.date)
            timeline.ward = ward.model_copy(update={"history": merged})
        return timeline

    def _read(self, revision: FileRevision) -> None:
        before, after = _Snapshot.parse(revision.before), _Snapshot.parse(revision.after)
        if after is None:
            return
        added = [key for key in after.history if key not in (before.history if before else [])]
        for key in added:
            self.added_by.setdefault(key, revision)
        if before is None:
            return  # the file was created (or unreadable before): nothing "changed"
        for criterion, old, status in self._unrecorded(
            before, after.statuses, added, revision.date
        ):
            self.git_only.append(
                StatusChange(
                    revision.date,
                    criterion,
                    old,
                    status,
                    None,
                    revision.author,
                    "git",
                    revision.short,
                    revision.subject,
                )
            )
        for criterion_id, items in after.evidence.items():
            target = self.criteria_set.criterion(criterion_id)
            known = {item[0] for item in before.evidence.get(criterion_id, [])}
            for title, ref, date in items:
                if target is not None and title not in known:
                    evidence = NewEvidence(target, title, ref, date, revision.author)
                    self.git_evidence.append((revision, evidence))

    def _read_worktree(self, last: FileRevision, today: dt.date) -> None:
        """Statuses edited in the file since its last commit, without a history entry."""
        committed = _Snapshot.parse(last.after)
        if committed is None:
            return
        current = {key: entry.status for key, entry in self.ward.status.items()}
        added = [_history_key(e) for e in self.history if _history_key(e) not in committed.history]
        for criterion, old, status in self._unrecorded(committed, current, added, today):
            self.git_only.append(
                StatusChange(today, criterion, old, status, None, None, "worktree")
            )

    def _unrecorded(
        self,
        before: _Snapshot,
        statuses: dict[str, Status],
        added: list[HistoryKey],
        day: dt.date,
    ) -> list[tuple[Criterion, Status, Status]]:
        """Status changes from `before` to `statuses` that no history entry records."""
        found = []
        for criterion_id, status in statuses.items():
            criterion = self.criteria_set.criterion(criterion_id)
            old = before.statuses.get(criterion_id)
            if criterion is None or old is None or old == status:
                continue
            if any(key[1] == criterion_id and key[3] == status for key in added):
                continue
            if not self._explained(criterion_id, old, status, day):
                found.append((criterion, old, status))
        return found

    def _explained(self, criterion_id: str, old: Status, new: Status, day: dt.date) -> bool:
        """A history entry in the file (perhaps added later) records this change."""
        return any(
            entry.criterion == criterion_id
            and entry.from_ == old
            and entry.to == new
            and abs(entry.date - day) <= MATCH_WINDOW
            for entry in self.history
        )

    # --- one period, or every week at once ---------------------------------------
    def changes(self, period: Period) -> list[StatusChange]:
        return self._changes(_within(period)).get(None, [])

    def evidence(self, period: Period) -> list[NewEvidence]:
        """Evidence dated in the period, or added to the file by a commit in it."""
        return self._evidence(_within(period)).get(None, [])

    def readings(self, period: Period) -> list[NewReading]:
        return self._readings(_within(period)).get(None, [])

    def week(self, period: Period) -> WeekItems:
        """`changes`, `evidence` and `readings` of one ISO week, from one pass over the
        ward for all its weeks (the site's history page asks for every week of a
        year; a pass per week was a quarter of a national build)."""
        if period.week is None:  # not an ISO week: the period's own reading
            return WeekItems(self.changes(period), self.evidence(period), self.readings(period))
        if self._weeks is None:
            changes = self._changes(_monday)
            evidence = self._evidence(_monday)
            readings = self._readings(_monday)
            self._weeks = {
                day: WeekItems(changes.get(day, []), evidence.get(day, []), readings.get(day, []))
                for day in {*changes, *evidence, *readings}
            }
        found = self._weeks.get(period.start)
        return found if found is not None else WeekItems([], [], [])  # lists of its own

    def _changes(self, bucket: Bucket) -> dict[Any, list[StatusChange]]:
        found: dict[Any, list[StatusChange]] = {}
        for change in self.git_only:
            if (key := bucket(change.date)) is not _OUTSIDE:
                found.setdefault(key, []).append(change)
        for entry in self.history:
            criterion = self.criteria_set.criterion(entry.criterion)
            if criterion is None or (key := bucket(entry.date)) is _OUTSIDE:
                continue
            revision = self.added_by.get(_history_key(entry))
            by = entry.by or (revision.author if revision else None)
            found.setdefault(key, []).append(
                StatusChange(
                    entry.date, criterion, entry.from_, entry.to, entry.note, by, "history"
                )
            )
        for changes in found.values():
            changes.sort(key=lambda change: (change.date, change.criterion.id))
        return found

    def _evidence(self, bucket: Bucket) -> dict[Any, list[NewEvidence]]:
        found: dict[Any, dict[tuple[str, str], NewEvidence]] = {}
        for criterion in self.criteria_set.criteria:
            entry = self.ward.status.get(criterion.id)
            for item in entry.evidence if entry else []:
                if item.date is not None and (key := bucket(item.date)) is not _OUTSIDE:
                    found.setdefault(key, {})[(criterion.id, item.title)] = NewEvidence(
                        criterion, item.title, item.ref, item.date
                    )
        for revision, evidence in self.git_evidence:
            if (key := bucket(revision.date)) is _OUTSIDE:
                continue
            mine = found.setdefault(key, {})
            mine.setdefault((evidence.criterion.id, evidence.title), evidence)
        return {
            key: sorted(items.values(), key=lambda e: (e.date or dt.date.min, e.criterion.id))
            for key, items in found.items()
        }

    def _readings(self, bucket: Bucket) -> dict[Any, list[NewReading]]:
        found: dict[Any, list[NewReading]] = {}
        for criterion in self.criteria_set.criteria:
            entry = self.ward.status.get(criterion.id)
            for reading in entry.readings if entry else []:
                if (key := bucket(reading.date)) is not _OUTSIDE:
                    found.setdefault(key, []).append(
                        NewReading(criterion, reading.value, reading.date, reading.note)
                    )
        for readings in found.values():
            readings.sort(key=lambda r: (r.date, r.criterion.id))
        return found

    def commits(self, period: Period) -> list[FileRevision]:
        return [revision for revision in self.log.revisions if period.contains(revision.date)]


def _as_entry(change: StatusChange) -> HistoryEntry:
    return HistoryEntry.model_validate(
        {
            "date": change.date,
            "criterion": change.criterion.id,
            "from": change.before,
            "to": change.after,
            "note": change.subject,
            "by": change.by,
        }
    )


def is_request(note: str | None) -> bool:
    """Whether a note is a proposal or recommendation to superiors (not a task)."""
    return _REQUEST_RE.match(nfc(note or "")) is not None


def requests(ward: Ward, criteria_set: CriteriaSet, period: Period) -> list[Request]:
    """Notes marked as proposals or recommendations: current notes of each criterion,
    and notes of history entries dated in the period."""
    found: list[Request] = []
    seen: set[str] = set()

    def add(note: str | None, criterion: Criterion, owner: str | None, day: dt.date | None) -> None:
        match = _REQUEST_RE.match(nfc(note or ""))
        if match is None:
            return
        text = match.group(2).strip()
        if text in seen:
            return
        seen.add(text)
        kind = _REQUEST_KINDS[" ".join(match.group(1).lower().split())]
        found.append(Request(kind, text, criterion, owner, day))

    for criterion in criteria_set.criteria:
        entry = ward.status.get(criterion.id)
        if entry is not None:
            add(entry.note, criterion, entry.owner, entry.updated)
    for item in ward.history:
        noted = criteria_set.criterion(item.criterion)
        if noted is not None and period.contains(item.date):
            add(item.note, noted, item.by, item.date)
    return found
