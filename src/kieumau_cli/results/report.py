"""What `report` shows of one ward, as plain data: the templates under `templates/`
and the Word writer (`render/docx`) receive a `Report` and decide the layout."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from kieumau_cli import __version__
from kieumau_cli.load.models import CriteriaSet, Indicator, Reading, Ward
from kieumau_cli.results.lifecycle import lifecycle_summary
from kieumau_cli.results.paperwork import Paperwork
from kieumau_cli.results.rows import (
    CriterionDetail,
    GroupRow,
    criterion_details,
    group_rows,
    pending,
)
from kieumau_cli.results.score import Replay, Score, score
from kieumau_cli.results.sources import SourceRow, source_rows
from kieumau_cli.results.timeline import StatusChange, Timeline
from kieumau_cli.results.weeks import EVERYTHING, ONE_DAY

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    ">": operator.gt,
    "<": operator.lt,
}


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    criterion: CriterionDetail
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


def progress_points(ward: Ward, criteria_set: CriteriaSet, until: dt.date) -> list[ProgressPoint]:
    """Criteria met at the start, at each history date, and at `until`."""
    dates = sorted({entry.date for entry in ward.history if entry.date <= until})
    if not dates:
        return []
    origin = min(ward.start, dates[0]) if ward.start else dates[0]
    points: list[ProgressPoint] = []
    replay = Replay(ward, criteria_set)
    for day, as_of in [(origin, dates[0] - ONE_DAY), *((d, d) for d in dates), (until, until)]:
        current = replay.score(as_of)
        if points and points[-1].date == day:
            points.pop()
        points.append(ProgressPoint(day, current.met, current.total))
    return points


@dataclass(frozen=True, slots=True)
class Report:
    """Everything about one ward today: by group, each criterion with its evidence,
    indicators against targets, progress over time, the history, the sources."""

    ward: Ward  # its history merged with the changes only git knows (see `Timeline`)
    criteria_set: CriteriaSet
    score: Score
    groups: list[GroupRow[CriterionDetail]]
    missing: list[CriterionDetail]
    indicators: list[IndicatorRow]
    history: list[StatusChange]  # oldest first
    progress: list[ProgressPoint]
    sources: list[SourceRow]
    git_state: str
    generated: dt.date
    version: str
    paperwork: Paperwork = field(default_factory=Paperwork)
    # Where the station is in the recognition life cycle (`lifecycle_summary`), as
    # `status` says it: selected, self-assessed, inspected, recognised, lapsed…
    lifecycle: dict[str, Any] = field(default_factory=dict)

    @property
    def criteria(self) -> list[CriterionDetail]:
        return [row for group in self.groups for row in group.criteria]

    @classmethod
    def build(cls, timeline: Timeline, today: dt.date) -> Report:
        ward, criteria_set = timeline.ward, timeline.criteria_set
        rows = criterion_details(ward, criteria_set, today)
        indicators = [
            IndicatorRow(row, row.criterion.indicator, row.readings)
            for row in rows
            if row.criterion.indicator is not None
        ]
        return cls(
            ward=ward,
            criteria_set=criteria_set,
            score=score(criteria_set, {row.id: row.status for row in rows}),
            groups=group_rows(criteria_set.groups, rows),
            missing=pending(rows, today),
            indicators=indicators,
            history=timeline.changes(EVERYTHING),
            progress=progress_points(ward, criteria_set, today),
            sources=source_rows(ward, criteria_set),
            git_state=timeline.log.state,
            generated=today,
            version=__version__,
            lifecycle=lifecycle_summary(ward, criteria_set, today),
        )
