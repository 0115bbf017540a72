"""The site's calendar feeds: one `.ics` per station (`station/<tỉnh>/<phường>/lich.ics`)
and per province (`province/<tỉnh>.ics`), one all-day event per open criterion with a
due date, built by `render.ics` as `kieumau due --format ics` builds them — the same
stable UIDs, so a phone subscribed to a feed updates events instead of duplicating
them, and an event disappears once its criterion is met."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kieumau_cli.results.due import Task, ward_tasks
from kieumau_cli.site.model import Province, Site, Station, station_folder
from kieumau_cli.text import t

CALENDAR_NAME = "lich.ics"


def station_calendar_path(station: Station) -> str:
    return f"{station_folder(station.ward)}/{CALENDAR_NAME}"


def province_calendar_path(province: Province) -> str:
    return f"province/{province.key}.ics"


def station_tasks(site: Site, station: Station) -> list[Task]:
    """The station's open criteria as tasks on the site's date (none when its set is
    not among the site's valid sets)."""
    sets = {criteria_set.ref: criteria_set for criteria_set in site.sets}
    criteria_set = sets.get(station.status.criteria_set)
    if criteria_set is None:
        return []
    return ward_tasks(station.ward, criteria_set, site.date)


# The station paths of the last site seen. Building this map per feed made the
# feeds cost stations x feeds (~11 million entries at national scale); the site is
# frozen, so one map per site object is right, and keeping one keeps memory flat.
_paths: list[tuple[Site, dict[str, str]]] = []


def _station_paths(site: Site) -> dict[str, str]:
    if _paths and _paths[0][0] is site:
        return _paths[0][1]
    paths = {station.key: station.path for station in site.stations}
    _paths[:] = [(site, paths)]
    return paths


def _feed(
    site: Site, tasks: Iterable[Task], scope: str, *, one_station: bool = False
) -> Callable[[], str]:
    def text() -> str:
        from kieumau_cli.render.ics import calendar_bytes

        paths = _station_paths(site)
        name = t(site.lang, "calendar.name", scope=scope)

        def link_for(task: Task) -> str | None:
            path = paths.get(task.station)
            return site.absolute(path) if path else None

        data = calendar_bytes(tasks, name, link_for, site.lang, one_station=one_station)
        return data.decode("utf-8")

    return text


def station_feed(site: Site, station: Station) -> Callable[[], str]:
    return _feed(site, station_tasks(site, station), station.ward.name, one_station=True)


def province_feed(site: Site, province: Province) -> Callable[[], str]:
    tasks = [task for station in province.stations for task in station_tasks(site, station)]
    return _feed(site, tasks, province.name)
