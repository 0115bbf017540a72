"""Where the score is computed: pure functions of a ward, its criteria set and a date.

Score = met / applicable: `not_applicable` leaves the denominator, `unknown`
(not yet assessed) stays in it and is never read as `not_met`. The set's
pass rule, not a hard-coded count, decides whether a ward qualifies.

Importable without Pydantic: a cached `status` builds `Score`s from plain JSON.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kieumau_cli.load.vocabulary import Status
from kieumau_cli.text.format import percent

if TYPE_CHECKING:
    from kieumau_cli.load.models import CriteriaSet, HistoryEntry, Ward


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
    def percent(self) -> float:
        """One decimal, never 100 before every applicable criterion is met."""
        return percent(self.met, self.total)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.met == self.total

    def payload(self) -> dict[str, Any]:
        """The score's fields in every JSON output (status, list, data.json, the cache)."""
        return {
            "met": self.met,
            "total": self.total,
            "in_progress": self.in_progress,
            "not_met": self.not_met,
            "not_applicable": self.not_applicable,
            "unknown": self.unknown,
            "percent": self.percent,
            "qualifies": self.qualifies,
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> Score:
        """The inverse of `payload`; wrong types raise TypeError (a corrupt cache entry)."""
        counts = [data[key] for key in ("met", "in_progress", "not_met", "not_applicable")]
        counts.append(data["unknown"])
        if not all(type(count) is int and count >= 0 for count in counts):
            raise TypeError("a score count must be a whole number")
        if type(data["qualifies"]) is not bool:
            raise TypeError("qualifies must be true or false")
        met, in_progress, not_met, not_applicable, unknown = counts
        return cls(met, in_progress, not_met, not_applicable, unknown, data["qualifies"])


def epoch_start(history: Sequence[HistoryEntry]) -> int:
    """Index of the first history entry written under the ward's current set: the first
    entry of its last migration (0 if it never migrated). Earlier entries name criteria
    of a former set and are not to be read against the current one."""
    marks = [index for index, entry in enumerate(history) if entry.migrated_from]
    if not marks:
        return 0
    start = marks[-1]
    source = history[start].migrated_from
    while start > 0 and history[start - 1].migrated_from == source:
        start -= 1
    return start


def current_history(ward: Ward) -> Sequence[HistoryEntry]:
    """History written under the ward's current criteria set."""
    return ward.history[epoch_start(ward.history) :]


def history_by_criterion(ward: Ward) -> dict[str, list[HistoryEntry]]:
    grouped: dict[str, list[HistoryEntry]] = {}
    for entry in current_history(ward):
        grouped.setdefault(entry.criterion, []).append(entry)
    for entries in grouped.values():
        entries.sort(key=lambda entry: entry.date)  # stable: keeps file order within a day
    return grouped


def statuses_as_of(
    ward: Ward, criteria_set: CriteriaSet, as_of: dt.date | None = None
) -> dict[str, Status]:
    """Status of every criterion of the set, now or rebuilt from history at `as_of`.

    At a date, a criterion has the `to` of its last history entry on or before
    that date; before its first entry, that entry's `from`; with no history,
    its current status. A criterion with no entry in the file is `unknown`.
    """
    if as_of is None:
        return _current(ward, criteria_set)
    return Replay(ward, criteria_set).statuses(as_of)


def _current(ward: Ward, criteria_set: CriteriaSet) -> dict[str, Status]:
    """The status the file gives each criterion of the set (`unknown` if none)."""
    result: dict[str, Status] = {}
    for criterion in criteria_set.criteria:
        entry = ward.status.get(criterion.id)
        result[criterion.id] = entry.status if entry is not None else Status.UNKNOWN
    return result


class Replay:
    """A ward's statuses at any number of dates from one reading of its history (the
    site asks for every week of a year; regrouping the history per date was a fifth
    of a national build). `statuses(day)` is `statuses_as_of(ward, set, day)`."""

    __slots__ = ("_criteria_set", "_current", "_history")

    def __init__(self, ward: Ward, criteria_set: CriteriaSet) -> None:
        self._criteria_set = criteria_set
        self._current = _current(ward, criteria_set)
        grouped = history_by_criterion(ward)
        # Per criterion of the set with history: its entries' dates (ascending), entries.
        self._history: dict[str, tuple[list[dt.date], list[HistoryEntry]]] = {
            criterion_id: ([item.date for item in entries], entries)
            for criterion_id, entries in grouped.items()
            if criterion_id in self._current
        }

    def statuses(self, as_of: dt.date | None = None) -> dict[str, Status]:
        result = dict(self._current)
        if as_of is None:
            return result
        for criterion_id, (dates, entries) in self._history.items():
            reached = bisect_right(dates, as_of)  # entries on or before the day
            result[criterion_id] = entries[reached - 1].to if reached else entries[0].from_
        return result

    def score(self, as_of: dt.date | None = None) -> Score:
        return score(self._criteria_set, self.statuses(as_of))


def score(criteria_set: CriteriaSet, statuses: Mapping[str, Status]) -> Score:
    counts = Counter(
        statuses.get(criterion.id, Status.UNKNOWN) for criterion in criteria_set.criteria
    )
    met = counts[Status.MET]
    applicable = len(criteria_set.criteria) - counts[Status.NOT_APPLICABLE]
    rule = criteria_set.pass_rule
    qualifies = (applicable > 0 and met == applicable) if rule.kind == "all" else met >= rule.min
    return Score(
        met=met,
        in_progress=counts[Status.IN_PROGRESS],
        not_met=counts[Status.NOT_MET],
        not_applicable=counts[Status.NOT_APPLICABLE],
        unknown=counts[Status.UNKNOWN],
        qualifies=qualifies,
    )


def score_at(ward: Ward, criteria_set: CriteriaSet, as_of: dt.date | None = None) -> Score:
    """The ward's score now, or rebuilt from its history at `as_of`."""
    return score(criteria_set, statuses_as_of(ward, criteria_set, as_of))


def last_update(ward: Ward) -> dt.date | None:
    dates = [entry.date for entry in ward.history]
    dates += [item.updated for item in ward.status.values() if item.updated is not None]
    return max(dates, default=None)
