"""The site's pages as data — a path inside the site, a template under `templates/site/`,
and a function returning that template's variables, run only when the page is
rendered (so 100,000 weekly briefings never sit in memory) — and the renderer that
turns them into HTML with the documents' Jinja environment."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli.errors import UsageError
from kieumau_cli.results.brief import DEFAULT_STALLED_WEEKS, Brief
from kieumau_cli.results.report import Report
from kieumau_cli.site.model import SORTS, Choice, Site, Station, View

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site: where it goes, which template, and its variables."""

    path: str
    template: str
    values: Callable[[], Mapping[str, Any]]


def relative_root(path: str) -> str:
    """'' for a page at the top, '../' one folder down, and so on."""
    return "../" * path.count("/")


def plan(site: Site) -> list[Page]:
    """Every HTML page, in a fixed order (the assets, data and feed are written apart)."""
    views = site.views()
    choices = site.choices(views)
    pages: list[Page] = []
    for view in views:
        for sort in SORTS if view.stations else SORTS[:1]:  # nothing to sort: one page
            pages.append(
                Page(
                    view.path(sort),
                    "site/listing.html.j2",
                    _listing_values(site, view, sort, choices),
                )
            )
    for station in site.stations:
        pages.append(Page(station.path, "site/station.html.j2", _station_values(site, station)))
        for index, week in enumerate(station.weeks):
            pages.append(Page(week.path, "site/brief.html.j2", _brief_values(site, station, index)))
    paths = [page.path for page in pages]
    if len(set(paths)) != len(paths):  # a set version named like a sort order, say
        clashes = sorted({p for p in paths if paths.count(p) > 1})
        raise UsageError("error.site_page_clash", path=clashes[0])
    return pages


def _listing_values(
    site: Site, view: View, sort: str, choices: dict[str, list[Choice]]
) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        return {
            "view": view,
            "sort": sort,
            "stations": site.sorted(view.stations, sort),
            "choices": choices,
        }

    return values


def _station_values(site: Site, station: Station) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        return {"r": Report.build(station.timeline, site.date), "station": station}

    return values


def _brief_values(site: Site, station: Station, index: int) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        week = station.weeks[index]
        brief = Brief.build(station.timeline, week.period, site.date, DEFAULT_STALLED_WEEKS)
        return {
            "r": brief,
            "station": station,
            "week": week,
            "previous": station.weeks[index - 1] if index else None,
            "next": station.weeks[index + 1] if index + 1 < len(station.weeks) else None,
        }

    return values


class Renderer:
    """The documents' Jinja environment plus what every site page shares, built once."""

    def __init__(self, site: Site, user_dir: Path | None) -> None:
        from kieumau_cli.render.templates import environment

        self.site = site
        self.env = environment(site.lang, user_dir)
        # Templates do not change during a build: skip the file check on every
        # extends/import/include of every page.
        self.env.auto_reload = False
        script, _, _ = self.env.loader.get_source(self.env, "site/filter.js")  # type: ignore[union-attr]
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        self.env.globals.update(
            site=site,
            script=script,
            script_hash=f"sha256-{digest}",
        )
        self._templates: dict[str, jinja2.Template] = {}
        self._rows: dict[tuple[str, str], Any] = {}
        self.env.globals["row"] = self.row

    def row(self, station: Station, root: str) -> Any:
        """A station's line in a list, rendered once per page depth and reused."""
        key = (station.key, root)
        if key not in self._rows:
            self._rows[key] = self.template("site/_macros.html.j2").module.row(station, root)  # type: ignore[attr-defined]
        return self._rows[key]

    def template(self, name: str) -> jinja2.Template:
        if name not in self._templates:
            self._templates[name] = self.env.get_template(name)
        return self._templates[name]

    def render(self, name: str, path: str, values: Mapping[str, Any]) -> str:
        import jinja2

        from kieumau_cli.render.templates import template_error

        try:
            return self.template(name).render(
                values, page=path, root=relative_root(path), canonical=self.site.absolute(path)
            )
        except jinja2.TemplateError as error:
            raise template_error(error, name) from None
