"""The roadmap: how many ward police units are recognised against the programme's targets
(≥ 30 % by 2025, 100 % by 2030), per province and nationally, which recognitions lapsed,
and which criteria hold most stations back. Pure: stations and the programme in, numbers
out. A share needs the number of units; where no source gives it, it stays unknown (None).

`payload()` is the JSON contract (`summary --format json` → `roadmap`; docs/lifecycle.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.programme import Programme, UnitCount
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.lifecycle import HOLDS_RECOGNITION, IN_PROGRESS, stage_of
from kieumau_cli.results.score import statuses_as_of
from kieumau_cli.text.format import percent

# What holds a station back: a criterion known not to be met yet (not one never assessed).
HOLDS_BACK = frozenset({Status.NOT_MET, Status.IN_PROGRESS})


@dataclass(frozen=True, slots=True)
class Station:
    key: str
    name: str
    province: str
    province_name: str
    kind: str  # phuong, xa, dac_khu: the roadmap counts the programme's kind of unit
    stage: str
    criteria_set: str
    statuses: dict[str, Status]


@dataclass(frozen=True, slots=True)
class TargetShare:
    year: int
    share: float  # the target, %
    actual: float | None  # recognised / units, %; None when the number of units is unknown
    reached: bool | None


@dataclass(frozen=True, slots=True)
class Area:
    """A province, or the whole country."""

    name: str  # the province's display name; "" for the country
    province: str | None  # the folder; None for the country
    units: UnitCount | None  # how many units there are, when a source says
    recognised: int
    in_progress: int
    tracked_not_started: int  # files of stations not yet selected
    lapsed: tuple[str, ...]  # station keys
    targets: tuple[TargetShare, ...]

    @property
    def not_started(self) -> int | None:
        """Units neither recognised nor in progress: known only with the unit count."""
        if self.units is None:
            return None
        return max(self.units.count - self.recognised - self.in_progress, 0)

    def payload(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "name": self.name or None,
            "units": self.units.count if self.units is not None else None,
            "units_as_of": self.units.as_of.isoformat() if self.units is not None else None,
            "recognised": self.recognised,
            "in_progress": self.in_progress,
            "not_started": self.not_started,
            "lapsed": list(self.lapsed),
            "targets": [
                {
                    "year": target.year,
                    "share": target.share,
                    "actual": target.actual,
                    "reached": target.reached,
                }
                for target in self.targets
            ],
        }


@dataclass(frozen=True, slots=True)
class Holding:
    """One criterion of a set and the stations it holds back (in progress or not met;
    a criterion never assessed is not counted)."""

    criterion: str
    title: str  # Vietnamese (the JSON's `title`)
    stations: tuple[str, ...]
    title_en: str = ""

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title


@dataclass(frozen=True, slots=True)
class SetMatrix:
    """Stations × criteria of one set: each not-yet-recognised station's status per
    criterion, and the criteria ordered by how many stations they hold back."""

    criteria_set: str
    criteria: tuple[str, ...]
    stations: tuple[Station, ...]
    holding: tuple[Holding, ...]
    title_vi: str = ""  # the set's title: documents name a set by it, never by its ref
    title_en: str = ""

    def title_in(self, lang: str) -> str:
        return (self.title_en if lang == "en" else self.title_vi) or self.criteria_set

    def payload(self) -> dict[str, Any]:
        return {
            "criteria_set": self.criteria_set,
            "criteria": list(self.criteria),
            "stations": [
                {"ward": s.key, "statuses": [s.statuses[c].value for c in self.criteria]}
                for s in self.stations
            ],
            "holding": [
                {"criterion": h.criterion, "title": h.title, "stations": list(h.stations)}
                for h in self.holding
            ],
        }


@dataclass(frozen=True, slots=True)
class Roadmap:
    national: Area  # every station in scope (with --province: that province's, no units)
    provinces: tuple[Area, ...]
    matrices: tuple[SetMatrix, ...]
    stations: tuple[Station, ...] = field(default=())
    scope: str | None = None  # the province folder a summary is limited to

    def areas(self) -> list[tuple[str | None, Area]]:
        """What a table shows: the country (None) unless the scope is one province, then
        each province."""
        country: list[tuple[str | None, Area]] = (
            [(None, self.national)] if self.scope is None else []
        )
        return country + [(area.name, area) for area in self.provinces]

    def lapsed_names(self) -> list[str]:
        """The stations whose recognition lapsed, by name (documents never show keys)."""
        names = {station.key: station.name for station in self.stations}
        return [names.get(key, key) for key in self.national.lapsed]

    def payload(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "national": self.national.payload(),
            "provinces": [area.payload() for area in self.provinces],
            "matrix": [matrix.payload() for matrix in self.matrices],
        }


def station_of(ward: Ward, criteria_set: CriteriaSet) -> Station:
    return Station(
        key=ward.key,
        name=ward.name,
        province=ward.province,
        province_name=ward.province_name,
        kind=ward.kind,
        stage=stage_of(ward, criteria_set).code,
        criteria_set=criteria_set.ref,
        statuses=statuses_as_of(ward, criteria_set),
    )


def _area(
    name: str,
    province: str | None,
    members: Sequence[Station],
    units: UnitCount | None,
    programme: Programme | None,
) -> Area:
    kind = units.of if units is not None else "phuong"
    members = [s for s in members if s.kind == kind]
    recognised = sum(s.stage in HOLDS_RECOGNITION for s in members)
    targets = []
    for target in programme.targets if programme is not None else ():
        if units is None or units.count == 0:
            actual, reached = None, None
        else:
            actual = percent(recognised, units.count)
            reached = recognised * 100 >= target.share * units.count
        targets.append(TargetShare(target.year, target.share, actual, reached))
    return Area(
        name=name,
        province=province,
        units=units,
        recognised=recognised,
        in_progress=sum(s.stage in IN_PROGRESS for s in members),
        tracked_not_started=sum(s.stage == "not_selected" for s in members),
        lapsed=tuple(s.key for s in members if s.stage == "lapsed"),
        targets=tuple(targets),
    )


def build_roadmap(
    pairs: Sequence[tuple[Ward, CriteriaSet]],
    programme: Programme | None,
    *,
    province: str | None = None,
) -> Roadmap:
    """The roadmap of the stations given (one province's, or every one). `province`: the
    folder the summary is about; the national line then counts only its stations, but
    keeps the national unit count out (its share would mean nothing)."""
    stations = tuple(station_of(ward, criteria_set) for ward, criteria_set in pairs)
    sets = {criteria_set.ref: criteria_set for _, criteria_set in pairs}
    return roadmap_of(stations, programme, sets, province=province)


def roadmap_of(
    stations: Sequence[Station],
    programme: Programme | None,
    sets: dict[str, CriteriaSet] | None = None,
    *,
    province: str | None = None,
) -> Roadmap:
    """The roadmap of stations already reduced to their stage (the site's workers send
    these back); without `sets`, no stations × criteria matrix."""
    stations = tuple(stations)
    national_units = programme.national if programme is not None and province is None else None
    national = _area("", None, stations, national_units, programme)
    by_province: dict[str, list[Station]] = {}
    for station in stations:
        by_province.setdefault(station.province, []).append(station)
    provinces = tuple(
        _area(
            members[0].province_name,
            slug,
            members,
            programme.units_of(slug) if programme is not None else None,
            programme,
        )
        for slug, members in sorted(by_province.items())
    )
    matrices = _matrices(stations, sets) if sets else ()
    return Roadmap(national, provinces, matrices, stations, province)


def _matrices(stations: Sequence[Station], sets: dict[str, CriteriaSet]) -> tuple[SetMatrix, ...]:
    matrices = []
    for ref, criteria_set in sorted(sets.items()):
        members = tuple(
            s for s in stations if s.criteria_set == ref and s.stage not in HOLDS_RECOGNITION
        )
        if not members:
            continue
        ids = tuple(criterion.id for criterion in criteria_set.criteria)
        holding = [
            Holding(
                criterion.id,
                criterion.title.vi,
                tuple(s.key for s in members if s.statuses[criterion.id] in HOLDS_BACK),
                criterion.title.en or "",
            )
            for criterion in criteria_set.criteria
        ]
        holding = [h for h in holding if h.stations]
        holding.sort(key=lambda h: (-len(h.stations), ids.index(h.criterion)))
        title = criteria_set.title
        matrices.append(SetMatrix(ref, ids, members, tuple(holding), title.vi, title.en or ""))
    return tuple(matrices)
