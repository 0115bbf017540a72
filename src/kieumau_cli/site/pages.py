"""The site's pages as data — a path inside the site, a template under `templates/site/`,
and a function returning that template's variables, run only when the page is
rendered (so 3,321 reports never sit in memory at once) — and the renderer that
turns them into HTML with the documents' Jinja environment."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli.errors import UsageError
from kieumau_cli.load.models import CriteriaSet
from kieumau_cli.results.report import Report
from kieumau_cli.site.model import Province, Site, Station

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site: where it goes, which template, its variables, and what it
    depends on (`station:<key>`, `province:<slug>`, or `site` for the pages every
    change touches) — an incremental build re-renders a page only when that changed."""

    path: str
    template: str
    values: Callable[[], Mapping[str, Any]]
    depends: str = "site"


def relative_root(path: str) -> str:
    """'' for a page at the top, '../' one folder down, and so on."""
    return "../" * path.count("/")


# Extra pages another part of kieumau may add (a station's or a province's calendar,
# say): each planner is given the site and returns its pages.
Planner = Callable[[Site], Iterable[Page]]


def plan_site(site: Site) -> list[Page]:
    """The pages of the whole site: the entry page and one page per criteria set."""
    pages = [Page("index.html", "site/index.html.j2", dict)]
    for criteria_set in site.sets:
        pages.append(
            Page(f"set/{criteria_set.ref}.html", "site/set.html.j2", _set_values(criteria_set))
        )
    return _no_clash(pages)


def plan_share(site: Site, extras: Iterable[Planner] = ()) -> list[Page]:
    """The pages of the provinces in `site.provinces`: their lists, their stations'
    report and history pages, and what `extras` adds, in a fixed order."""
    pages = []
    for province in site.provinces:
        for number in range(1, province.pages + 1):
            pages.append(
                Page(
                    province.path(number),
                    "site/province.html.j2",
                    _province_values(province, number),
                    f"province:{province.key}",
                )
            )
    for station in site.stations:
        depends = f"station:{station.key}"
        values = _station_values(site, station)
        pages.append(Page(station.path, "site/station.html.j2", values, depends))
        if station.weeks:  # nothing to show (and no link to it) without a week
            history = _history_values(station)
            pages.append(Page(station.history_path, "site/history.html.j2", history, depends))
    for planner in extras:
        pages += planner(site)
    return _no_clash(pages)


def _no_clash(pages: list[Page]) -> list[Page]:
    paths = [page.path for page in pages]
    if len(set(paths)) != len(paths):  # a set version named like a page, say
        clashes = sorted({p for p in paths if paths.count(p) > 1})
        raise UsageError("error.site_page_clash", path=clashes[0])
    return pages


def _province_values(province: Province, number: int) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        return {
            "province": province,
            "number": number,
            "stations": province.page_stations(number),
        }

    return values


def _set_values(criteria_set: CriteriaSet) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        return {"cs": criteria_set}

    return values


def _station_values(site: Site, station: Station) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        return {"r": Report.build(station.timeline, site.date), "station": station}

    return values


def _history_values(station: Station) -> Callable[[], Mapping[str, Any]]:
    def values() -> Mapping[str, Any]:
        return {"station": station}

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
        self.env.globals["row"] = self.row

    def row(self, station: Station, root: str, province: Province) -> Any:
        """A station's line in its province's list."""
        macros = self.template("site/_macros.html.j2").module
        return macros.row(station, root, province.orders)  # type: ignore[attr-defined]

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
