"""What the static site shows, as data: stations, their provinces (each a list split
into pages of PAGE_SIZE stations), the criteria sets, and the sort orders the inline
script uses inside a page.

Layout for national scale: the entry page lists provinces only; a province's pages
list its stations; each station has one report page and one history page (a section
per ISO week with changes). Nothing on a province's pages depends on another
province, which is what lets an incremental build re-render one province alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kieumau_cli import __version__
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.results.roadmap import Roadmap
from kieumau_cli.results.roadmap import Station as RoadmapStation
from kieumau_cli.results.rows import WardSummary
from kieumau_cli.results.score import Score
from kieumau_cli.results.status import StatusData
from kieumau_cli.results.timeline import StatusChange, Timeline
from kieumau_cli.results.weeks import Period
from kieumau_cli.text.format import slugify

SORTS = ("name", "progress", "updated")  # a province's pages come sorted by name
STATES = ("qualified", "in-progress", "not-started")
PAGE_SIZE = 100  # stations per province page: ~100 KB of HTML

State = Literal["qualified", "in-progress", "not-started"]


@dataclass(frozen=True, slots=True)
class SiteRequest:
    output: Path
    province: str | None = None
    base_url: str | None = None
    stamp: bool = False
    templates: Path | None = None
    use_git: bool = True


@dataclass(frozen=True, slots=True)
class WeekLink:
    """One ISO week of a station that has changes: its section of the history page."""

    period: Period
    changes: int
    after: Score
    delta: int
    path: str  # the history page and the week's anchor

    @property
    def year(self) -> int:
        return self.period.week[0] if self.period.week else self.period.start.year

    @property
    def number(self) -> str:
        return f"{self.period.week[1]:02d}" if self.period.week else ""

    @property
    def anchor(self) -> str:
        return self.period.week_label or self.period.start.isoformat()


@dataclass(frozen=True, slots=True)
class Station:
    ward: Ward  # as its file has it
    status: StatusData  # from the file alone, exactly as `status` computes it
    timeline: Timeline  # the file's history merged with its git log, as `report` uses it
    weeks: tuple[WeekLink, ...]  # oldest first
    changes: tuple[StatusChange, ...]  # up to the site's date, oldest first
    root: str = ""  # the label of the data root the file came from
    source: str = ""  # the file, relative to its root (`wards/<tỉnh>/<phường>.yaml`)

    @property
    def key(self) -> str:
        return self.ward.key

    @property
    def path(self) -> str:
        return f"{station_folder(self.ward)}/index.html"

    @property
    def history_path(self) -> str:
        return history_path(self.ward)

    @property
    def state(self) -> State:
        current = self.status.score
        if current.qualifies:
            return "qualified"
        return "in-progress" if current.met or current.in_progress else "not-started"

    @property
    def roadmap_station(self) -> RoadmapStation:
        """The station as the roadmap counts it: its stage and its statuses (for the
        stations × criteria matrix of what holds stations back)."""
        ward = self.ward
        return RoadmapStation(
            key=ward.key,
            name=ward.name,
            province=ward.province,
            province_name=ward.province_name,
            kind=ward.kind,
            stage=str(self.status.lifecycle["stage"]),
            criteria_set=self.status.criteria_set,
            statuses={row.id: row.status for row in self.status.criteria},
        )

    @property
    def search(self) -> str:
        """What the inline script matches a typed name against (no accents, lower case)."""
        ward = self.ward
        names = [ward.name, ward.unit, ward.province_name, *(f.name for f in ward.former)]
        return " ".join(slugify(name).replace("-", " ") for name in names)


@dataclass(frozen=True, slots=True)
class Province:
    """A province of the site: its stations (by name) and the pages listing them."""

    key: str
    name: str
    stations: tuple[Station, ...]  # sorted by name
    orders: Mapping[str, Mapping[str, int]]  # sort -> station key -> rank, in the province

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.stations) // PAGE_SIZE))

    def path(self, page: int = 1) -> str:
        return province_path(self.key, page)

    def page_stations(self, page: int) -> tuple[Station, ...]:
        return self.stations[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]

    def count(self, state: State) -> int:
        return sum(station.state == state for station in self.stations)

    @property
    def size(self) -> int:
        return len(self.stations)

    @property
    def qualified(self) -> int:
        return self.count("qualified")

    @property
    def roots(self) -> list[str]:
        return sorted({station.root for station in self.stations})

    @property
    def search(self) -> str:
        return slugify(self.name).replace("-", " ")

    def set_count(self, ref: str) -> int:
        return sum(station.status.criteria_set == ref for station in self.stations)

    def summary(self) -> ProvinceSummary:
        sets: dict[str, int] = {}
        for station in self.stations:
            sets[station.status.criteria_set] = sets.get(station.status.criteria_set, 0) + 1
        return ProvinceSummary(
            self.key,
            self.name,
            self.size,
            {state: self.count(state) for state in STATES},  # type: ignore[arg-type]
            tuple(self.roots),
            self.pages,
            sets,
            tuple(station.roadmap_station for station in self.stations),
        )


@dataclass(frozen=True, slots=True)
class ProvinceSummary:
    """A province as the entry page, the set pages and data/index.json see it: numbers
    only (what a worker process that built the province sends back)."""

    key: str
    name: str
    size: int
    counts: Mapping[str, int]
    roots_found: tuple[str, ...]
    pages: int
    sets: Mapping[str, int]
    # each station reduced to its life-cycle stage, for the roadmap of the entry page
    stages: tuple[RoadmapStation, ...] = ()

    def path(self, page: int = 1) -> str:
        return province_path(self.key, page)

    def count(self, state: State) -> int:
        return self.counts.get(state, 0)

    @property
    def qualified(self) -> int:
        return self.count("qualified")

    @property
    def roots(self) -> list[str]:
        return list(self.roots_found)

    @property
    def search(self) -> str:
        return slugify(self.name).replace("-", " ")

    def set_count(self, ref: str) -> int:
        return self.sets.get(ref, 0)


@dataclass(frozen=True, slots=True)
class SetUse:
    """How many stations of one province use a criteria set."""

    province: ProvinceSummary
    count: int


@dataclass(frozen=True, slots=True)
class Site:
    lang: str
    scope: str | None  # the province's name, or None for the whole country
    stations: tuple[Station, ...]  # by key
    broken: tuple[WardSummary, ...]  # wards that could not be scored, with the problem
    sets: tuple[CriteriaSet, ...]  # every valid set of the data roots, by ref
    date: dt.date  # what the site is "as of"
    built: str | None  # --stamp: when it was built
    base_url: str | None
    version: str = __version__
    # By key: the full provinces where their pages are built, summaries elsewhere.
    provinces: tuple[Province, ...] = ()
    summaries: tuple[ProvinceSummary, ...] = ()  # every province of the site, by key
    # Templates (under templates/) added at the end of the entry page, in order: the
    # place for another team's national section.
    sections: tuple[str, ...] = ()
    roadmap: Roadmap | None = None  # against the programme's targets (needs programme.yaml)
    notices: tuple[str, ...] = field(default=())  # shown on the entry page (git skipped, …)

    @property
    def station_count(self) -> int:
        return sum(province.size for province in self.summaries)

    @property
    def qualified(self) -> int:
        return sum(province.qualified for province in self.summaries)

    def set_users(self, ref: str) -> list[SetUse]:
        found = []
        for province in self.summaries:
            count = province.set_count(ref)
            if count:
                found.append(SetUse(province, count))
        return found

    def superseded_by(self, criteria_set: CriteriaSet) -> list[CriteriaSet]:
        """Sets that name this one in `supersedes` (its newer versions)."""
        return [s for s in self.sets if s.supersedes == criteria_set.ref]

    def set_path(self, ref: str) -> str | None:
        known = any(s.ref == ref for s in self.sets)
        return f"set/{ref}.html" if known else None

    def province_path(self, slug: str, page: int = 1) -> str:
        return province_path(slug, page)

    def absolute(self, path: str) -> str | None:
        return self.base_url + path if self.base_url else None


def provinces(stations: Iterable[Station]) -> tuple[Province, ...]:
    found: dict[str, list[Station]] = {}
    for station in stations:
        found.setdefault(station.ward.province, []).append(station)
    return tuple(
        Province(
            slug,
            members[0].ward.province_name,
            tuple(sorted(members, key=_by_name)),
            orders(members),
        )
        for slug, members in sorted(found.items())
    )


def _by_name(s: Station) -> tuple[Any, ...]:
    return (slugify(s.ward.name), s.key)


def orders(stations: list[Station]) -> dict[str, dict[str, int]]:
    """Each sort order as a rank per station, shared by the pages and the inline script."""

    def by_progress(s: Station) -> tuple[Any, ...]:
        return (-s.status.score.ratio, -s.status.score.met, *_by_name(s))

    def by_update(s: Station) -> tuple[Any, ...]:
        updated = s.status.last_update
        return (updated is None, -(updated.toordinal() if updated else 0), *_by_name(s))

    keys = {"progress": by_progress, "name": _by_name, "updated": by_update}
    return {
        sort: {s.key: rank for rank, s in enumerate(sorted(stations, key=keys[sort]))}
        for sort in SORTS
    }


def station_folder(ward: Ward) -> str:
    return f"station/{ward.province}/{ward.ward}"


def history_path(ward: Ward) -> str:
    return f"{station_folder(ward)}/history.html"


def province_path(slug: str, page: int = 1) -> str:
    """Page 1 keeps the URL of the single-page lists: `province/<tỉnh>.html`."""
    return f"province/{slug}.html" if page == 1 else f"province/{slug}.page-{page}.html"
