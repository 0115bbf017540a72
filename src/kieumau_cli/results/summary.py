"""What `summary` shows of many wards (a province, or the whole country), as plain data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kieumau_cli import __version__
from kieumau_cli.load.models import CriteriaSet
from kieumau_cli.load.repository import WardLoad
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.paperwork import Paperwork
from kieumau_cli.results.rows import WardSummary, summarise
from kieumau_cli.results.score import statuses_as_of
from kieumau_cli.text.format import slugify

if TYPE_CHECKING:
    from kieumau_cli.results.roadmap import Roadmap

COUNT_ORDER = (
    Status.MET,
    Status.IN_PROGRESS,
    Status.NOT_MET,
    Status.UNKNOWN,
    Status.NOT_APPLICABLE,
)
STALE_DAYS = 30


@dataclass(frozen=True, slots=True)
class SetUse:
    criteria_set: CriteriaSet
    stations: int
    qualified: int


@dataclass(frozen=True, slots=True)
class Summary:
    province: str | None  # display name; None for the whole country
    rows: list[WardSummary]  # scored rows sorted by progress, then the broken ones
    counts: dict[Status, int]  # criteria of every scored station, by status
    sets: list[SetUse]
    superior: str | None  # the wards' superior body, when a ward file names it
    stale_days: int
    generated: dt.date
    version: str
    roadmap: Roadmap | None = None  # results.roadmap, added by `summary`
    paperwork: Paperwork = field(default_factory=Paperwork)

    @property
    def scored(self) -> list[WardSummary]:
        return [row for row in self.rows if row.score is not None]

    @property
    def broken(self) -> list[WardSummary]:
        return [row for row in self.rows if row.score is None]

    @property
    def qualified(self) -> list[WardSummary]:
        """Every station that meets its set's pass rule."""
        return [row for row in self.scored if row.score and row.score.qualifies]

    @property
    def ready(self) -> list[WardSummary]:
        """The qualified stations that may now ask for inspection and recognition: not
        those that hold one already (`holding`), which keep it instead."""
        return [row for row in self.qualified if not row.holds_recognition]

    @property
    def holding(self) -> list[WardSummary]:
        """The qualified stations that hold a recognition."""
        return [row for row in self.qualified if row.holds_recognition]

    def criteria_set_of(self, row: WardSummary) -> CriteriaSet | None:
        """The set a row is scored against (a document names it by title, not by id)."""
        return next(
            (u.criteria_set for u in self.sets if u.criteria_set.ref == row.criteria_set), None
        )

    def age(self, row: WardSummary) -> int | None:
        """Days since the ward's last update, on the summary's date."""
        return (self.generated - row.last_update).days if row.last_update else None

    @property
    def stale(self) -> list[WardSummary]:
        return [
            row for row in self.scored if (days := self.age(row)) is None or days >= self.stale_days
        ]

    @property
    def criteria_total(self) -> int:
        return sum(self.counts.values())

    @classmethod
    def build(cls, province: str | None, loads: Iterable[WardLoad], today: dt.date) -> Summary:
        """`loads` are read once, one at a time: only each ward's row is kept."""
        rows = []
        counts = dict.fromkeys(COUNT_ORDER, 0)
        uses: dict[str, list[WardSummary]] = {}
        sets: dict[str, CriteriaSet] = {}
        superior = None
        for load in loads:
            row = summarise(load)
            rows.append(row)
            ward, criteria_set = load.ward, load.criteria_set
            if ward is None or criteria_set is None:
                continue
            for status in statuses_as_of(ward, criteria_set).values():
                counts[status] += 1
            sets[criteria_set.ref] = criteria_set
            uses.setdefault(criteria_set.ref, []).append(row)
            if superior is None and ward.document and ward.document.superior:
                superior = ward.document.superior
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
            superior=superior,
            stale_days=STALE_DAYS,
            generated=today,
            version=__version__,
        )
