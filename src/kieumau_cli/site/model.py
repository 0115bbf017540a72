"""What the static site shows, as data: stations, the lists they appear in (all, per
province, per criteria set, per state) and their sort orders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kieumau_cli import __version__
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.results.rows import WardSummary
from kieumau_cli.results.score import Score
from kieumau_cli.results.status import StatusData
from kieumau_cli.results.timeline import StatusChange, Timeline
from kieumau_cli.results.weeks import Period
from kieumau_cli.text import t
from kieumau_cli.text.format import slugify

SORTS = ("progress", "name", "updated")
SORT_SUFFIX = {"progress": "", "name": ".by-name", "updated": ".by-update"}
STATES = ("qualified", "in-progress", "not-started")

State = Literal["qualified", "in-progress", "not-started"]
ViewKind = Literal["all", "province", "set", "state"]


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
    """One ISO week of a station that has changes: its briefing page."""

    period: Period
    changes: int
    after: Score
    delta: int
    path: str

    @property
    def year(self) -> int:
        return self.period.week[0] if self.period.week else self.period.start.year

    @property
    def number(self) -> str:
        return f"{self.period.week[1]:02d}" if self.period.week else ""


@dataclass(frozen=True, slots=True)
class Station:
    ward: Ward  # as its file has it
    status: StatusData  # from the file alone, exactly as `status` computes it
    timeline: Timeline  # the file's history merged with its git log, as `report` uses it
    weeks: tuple[WeekLink, ...]  # oldest first
    changes: tuple[StatusChange, ...]  # up to the site's date, oldest first

    @property
    def key(self) -> str:
        return self.ward.key

    @property
    def path(self) -> str:
        return f"{station_folder(self.ward)}/index.html"

    @property
    def state(self) -> State:
        current = self.status.score
        if current.qualifies:
            return "qualified"
        return "in-progress" if current.met or current.in_progress else "not-started"

    @property
    def search(self) -> str:
        """What the inline script matches a typed name against (no accents, lower case)."""
        ward = self.ward
        names = [ward.name, ward.unit, ward.province_name, *(f.name for f in ward.former)]
        return " ".join(slugify(name).replace("-", " ") for name in names)


@dataclass(frozen=True, slots=True)
class Choice:
    """One value a list can be filtered by, with the page that shows it."""

    kind: ViewKind
    key: str
    name: str
    count: int
    path: str


@dataclass(frozen=True, slots=True)
class View:
    """A list of stations with its own pages (one per sort order)."""

    kind: ViewKind
    key: str
    stations: tuple[Station, ...]
    criteria_set: CriteriaSet | None = None  # for a criteria set's own page

    def path(self, sort: str = "progress") -> str:
        suffix = SORT_SUFFIX[sort]
        if self.kind == "all":
            return f"index{suffix}.html"
        folder = {"province": "province", "set": "set", "state": "status"}[self.kind]
        return f"{folder}/{self.key}{suffix}.html"

    @property
    def qualified(self) -> int:
        return sum(station.status.score.qualifies for station in self.stations)


@dataclass(frozen=True, slots=True)
class Site:
    lang: str
    scope: str | None  # the province's name, or None for the whole country
    stations: tuple[Station, ...]  # by key
    broken: tuple[WardSummary, ...]  # wards that could not be scored, with the problem
    sets: tuple[CriteriaSet, ...]  # every valid set of the data root, by ref
    date: dt.date  # what the site is "as of"
    built: str | None  # --stamp: when it was built
    base_url: str | None
    version: str = __version__
    orders: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # sort -> key -> rank

    @property
    def provinces(self) -> list[Choice]:
        found: dict[str, list[Station]] = {}
        for station in self.stations:
            found.setdefault(station.ward.province, []).append(station)
        return [
            Choice(
                "province",
                slug,
                members[0].ward.province_name,
                len(members),
                self.province_path(slug),
            )
            for slug, members in sorted(found.items())
        ]

    def views(self) -> list[View]:
        everything = View("all", "", self.sorted(self.stations, "progress"))
        views = [everything]
        for choice in self.provinces:
            members = [s for s in everything.stations if s.ward.province == choice.key]
            views.append(View("province", choice.key, tuple(members)))
        for used in self.sets:
            members = [s for s in everything.stations if s.status.criteria_set == used.ref]
            views.append(View("set", used.ref, tuple(members), used))
        for state in STATES:
            members = [s for s in everything.stations if s.state == state]
            views.append(View("state", state, tuple(members)))
        return views

    def choices(self, views: list[View]) -> dict[str, list[Choice]]:
        """The filter links every list page shows: provinces, criteria sets, statuses."""
        names = {c.key: c.name for c in self.provinces}
        found: dict[str, list[Choice]] = {"province": [], "set": [], "state": []}
        for view in views:
            if view.kind == "province":
                name = names[view.key]
            elif view.kind == "set" and view.stations:
                name = view.key
            elif view.kind == "state":
                name = t(self.lang, f"site.state.{view.key}")
            else:
                continue
            found[view.kind].append(
                Choice(view.kind, view.key, name, len(view.stations), view.path())
            )
        return found

    def sorted(self, stations: Iterable[Station], sort: str) -> tuple[Station, ...]:
        ranks = self.orders[sort]
        return tuple(sorted(stations, key=lambda station: ranks[station.key]))

    def superseded_by(self, criteria_set: CriteriaSet) -> list[CriteriaSet]:
        """Sets that name this one in `supersedes` (its newer versions)."""
        return [s for s in self.sets if s.supersedes == criteria_set.ref]

    def set_path(self, ref: str) -> str | None:
        known = any(s.ref == ref for s in self.sets)
        return View("set", ref, ()).path() if known else None

    def province_path(self, slug: str) -> str:
        return View("province", slug, ()).path()

    def absolute(self, path: str) -> str | None:
        return self.base_url + path if self.base_url else None


def orders(stations: list[Station]) -> dict[str, dict[str, int]]:
    """Each sort order as a rank per station, shared by the pages and the inline script."""

    def by_progress(s: Station) -> tuple[Any, ...]:
        return (-s.status.score.ratio, -s.status.score.met, slugify(s.ward.name), s.key)

    def by_name(s: Station) -> tuple[Any, ...]:
        return (slugify(s.ward.name), s.key)

    def by_update(s: Station) -> tuple[Any, ...]:
        updated = s.status.last_update
        return (updated is None, -(updated.toordinal() if updated else 0), *by_name(s))

    keys = {"progress": by_progress, "name": by_name, "updated": by_update}
    return {
        sort: {s.key: rank for rank, s in enumerate(sorted(stations, key=keys[sort]))}
        for sort in SORTS
    }


def station_folder(ward: Ward) -> str:
    return f"station/{ward.province}/{ward.ward}"
