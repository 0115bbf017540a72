"""`kieumau site`: every station of the data root (or of one province) as a static
website — no server, no database, readable from a file:// path or under a sub-path.

1. `collect` loads each ward of the scope once, with its criteria set and git log,
   and fixes the one date the site is "as of" (`site_date`).
2. `plan` lists the pages as data: a path inside the site, a template under
   `templates/site/`, and a function returning that template's variables (run only
   when the page is rendered, so 100,000 weekly briefings never sit in memory).
3. `build` renders the plan with the documents' Jinja environment into a temporary
   folder beside the output, then swaps it in (`_swap`): a failed build leaves the
   old site as it was.

Determinism: every list is sorted and the only date printed is the data's own
(`site_date`), unless `--stamp` asks for today's date and the build time. Nothing
here knows about Typer.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape, quoteattr

from kieumau_cli import __version__
from kieumau_cli.commands.core import Context
from kieumau_cli.commands.documents import _province_filter, _templates_option
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from kieumau_cli.load.git_log import FileLog, file_log
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.render.common import pick, status_label
from kieumau_cli.results.report import DEFAULT_STALLED_WEEKS, Brief, Report
from kieumau_cli.results.score import Score, score, statuses_as_of
from kieumau_cli.results.timeline import StatusChange, Timeline
from kieumau_cli.results.ward_status import WardStatus, status_payload
from kieumau_cli.results.weeks import Period, iso_week, week_period
from kieumau_cli.text.format import format_number, slugify
from kieumau_cli.text.labels import label

if TYPE_CHECKING:
    import jinja2

MARKER = ".kieumau-site"
MARKER_HEAD = "kieumau site\n"
SORTS = ("progress", "name", "updated")
SORT_SUFFIX = {"progress": "", "name": ".by-name", "updated": ".by-update"}
STATES = ("qualified", "in-progress", "not-started")
FEED_LIMIT = 500
ATOM = "http://www.w3.org/2005/Atom"
# Files store local (Vietnam) dates; the feed needs instants.
FEED_TIME = "T00:00:00+07:00"
_EVERYTHING = Period(dt.date.min, dt.date.max)
_BASE_URL = re.compile(r"https?://[^\s<>\"'`#?]+")

State = Literal["qualified", "in-progress", "not-started"]
ViewKind = Literal["all", "province", "set", "state"]


@dataclass(frozen=True, slots=True)
class SiteRequest:
    output: Path
    province: str | None = None
    lang: str = "vi"
    base_url: str | None = None
    stamp: bool = False
    templates: Path | None = None
    use_git: bool = True


# --- what the site shows ------------------------------------------------------------


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
    timeline: Timeline  # the file's history merged with its git log, as `report` uses it
    status: WardStatus  # from the file alone, exactly as `status` computes it
    weeks: tuple[WeekLink, ...]  # oldest first
    changes: tuple[StatusChange, ...]  # up to the site's date, oldest first

    @property
    def ward(self) -> Ward:
        return self.status.ward

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
class BrokenWard:
    key: str
    problem: str  # "invalid" or "unknown-set", labelled by `problem.*`


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
    broken: tuple[BrokenWard, ...]
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
            members = [s for s in everything.stations if s.status.criteria_set.ref == used.ref]
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
                name = label(self.lang, f"site.state.{view.key}")
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


def _orders(stations: list[Station]) -> dict[str, dict[str, int]]:
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


# --- collecting the data -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Loaded:
    ward: Ward
    criteria_set: CriteriaSet
    path: Path


def _git_state(folder: Path) -> FileLog | None:
    """A log every ward can share when git cannot help at all (one process, not one
    per ward); None when the data is in a git work tree."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except FileNotFoundError:
        return FileLog("no-git")
    except (OSError, subprocess.TimeoutExpired) as error:
        return FileLog("error", detail=str(error))
    return None if done.stdout.strip() == b"true" else FileLog("not-repo")


def _logs(paths: list[Path], folder: Path, use_git: bool) -> list[FileLog]:
    if not use_git:
        return [FileLog("disabled")] * len(paths)
    shared = _git_state(folder)
    if shared is not None:
        return [shared] * len(paths)
    with ThreadPoolExecutor(max_workers=min(8, 2 * (os.cpu_count() or 1))) as pool:
        return list(pool.map(file_log, paths))


def _evidence_days(timeline: Timeline) -> list[dt.date]:
    """Dates of evidence: written on the item, or of the commit that added it."""
    days = [
        item.date
        for entry in timeline.ward.status.values()
        for item in entry.evidence
        if item.date is not None
    ]
    return days + [revision.date for revision, _ in timeline.git_evidence]


def data_date(timeline: Timeline) -> dt.date | None:
    """The latest date in a ward's data: its file, and the changes its git log reveals
    (a commit that changed no status, evidence or reading does not count)."""
    ward = timeline.ward  # history merged with the git-only changes
    days = [entry.date for entry in ward.history] + [item.date for item in ward.reported]
    for entry in ward.status.values():
        days += [entry.updated] if entry.updated else []
        days += [reading.date for reading in entry.readings]
    return max([*days, *_evidence_days(timeline)], default=None)


def site_date(found: Iterable[dt.date | None], today: dt.date) -> dt.date:
    """The data's own latest date, never after today (today when the data has none)."""
    return min(max((day for day in found if day), default=today), today)


def station_folder(ward: Ward) -> str:
    return f"station/{ward.province}/{ward.ward}"


def _station(file_ward: Ward, timeline: Timeline, date: dt.date) -> Station:
    """A station as of `date`, with a briefing for each ISO week up to then that has a
    status change, new evidence or an indicator reading."""
    ward, criteria_set = timeline.ward, timeline.criteria_set
    changes = [c for c in timeline.changes(_EVERYTHING) if c.date <= date]
    days = [change.date for change in changes] + _evidence_days(timeline)
    days += [reading.date for reading in timeline.readings(_EVERYTHING)]
    per_week: dict[tuple[int, int], int] = {}
    for change in changes:
        week = iso_week(change.date)
        per_week[week] = per_week.get(week, 0) + 1
    weeks = []
    before: Score | None = None
    for period in sorted({week_period(*iso_week(d)) for d in days if d <= date}, key=_start):
        if before is None:  # later weeks start where the previous one ended: every
            # status change is in a listed week, so nothing moves in between.
            start = period.start - dt.timedelta(days=1)
            before = score(criteria_set, statuses_as_of(ward, criteria_set, start))
        as_of = None if period.end >= date else period.end
        after = score(criteria_set, statuses_as_of(ward, criteria_set, as_of))
        weeks.append(
            WeekLink(
                period,
                per_week.get(iso_week(period.start), 0),
                after,
                after.met - before.met,
                f"{station_folder(ward)}/{period.week_label}.html",
            )
        )
        before = after
    # `status` reads the file alone: so do the lists and data.json.
    status = WardStatus.build(file_ward, criteria_set, date)
    return Station(timeline, status, tuple(weeks), tuple(changes))


def _start(period: Period) -> dt.date:
    return period.start


def collect(context: Context, request: SiteRequest, stamp: dt.datetime | None) -> Site:
    """Every ward in scope, loaded once; broken ones are reported and listed apart."""
    repository = context.repository
    wanted = _province_filter(context, request.province)
    paths = [p for p in repository.ward_paths() if wanted is None or p.parent.name == wanted]
    loaded: list[_Loaded] = []
    broken: list[BrokenWard] = []
    for path in paths:
        ward_file = repository.load_ward(path)
        ward = ward_file.model
        if ward is None or not ward_file.ok:
            context.report(ward_file.diagnostics, request.lang)
            broken.append(BrokenWard(f"{path.parent.name}/{path.stem}", "invalid"))
            continue
        set_file = repository.criteria_set(ward.criteria)
        if set_file is None or set_file.model is None or not set_file.ok:
            if set_file is not None:
                context.report(set_file.diagnostics, request.lang)
            broken.append(BrokenWard(ward.key, "unknown-set"))
            continue
        loaded.append(_Loaded(ward, set_file.model, path))
    logs = _logs([item.path for item in loaded], repository.root.wards_dir, request.use_git)
    today = context.today
    timelines = [
        Timeline.build(item.ward, item.criteria_set, log, today)
        for item, log in zip(loaded, logs, strict=True)
    ]
    date = today if stamp else site_date(map(data_date, timelines), today)
    stations = sorted(
        (_station(item.ward, t, date) for item, t in zip(loaded, timelines, strict=True)),
        key=lambda station: station.key,
    )
    sets = sorted(
        (s.model for s in repository.all_sets() if s.model is not None and s.ok),
        key=lambda s: s.ref,
    )
    scope = stations[0].ward.province_name if wanted and stations else wanted
    return Site(
        lang=request.lang,
        scope=scope,
        stations=tuple(stations),
        broken=tuple(broken),
        sets=tuple(sets),
        date=date,
        built=stamp.isoformat(timespec="seconds") if stamp else None,
        base_url=request.base_url,
        orders=_orders(stations),
    )


# --- the plan -------------------------------------------------------------------


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
        raise UsageError(f"hai trang trùng đường dẫn (two pages share a path): {clashes[0]}")
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


# --- rendering ---------------------------------------------------------------------


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

        from kieumau_cli.render.templates import _template_error, _template_frame

        try:
            return self.template(name).render(
                values, page=path, root=relative_root(path), canonical=self.site.absolute(path)
            )
        except jinja2.TemplateSyntaxError as error:
            where = error.filename or error.name or name
            raise _template_error(error, where, error.lineno) from None
        except jinja2.TemplateError as error:
            where, line = _template_frame(error, name)
            raise _template_error(error, where, line) from None


def data_json(site: Site) -> str:
    """`data.json`: what `status --format json` prints for each station, in a list."""
    payload = [status_payload(station.status) for station in site.stations]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _uuid(text: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"kieumau:{text}").urn


def _tag(name: str, text: str | None = None, /, **attributes: str) -> str:
    """One XML element on one line; text and attribute values are escaped."""
    attrs = "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
    return f"<{name}{attrs}/>" if text is None else f"<{name}{attrs}>{escape(text)}</{name}>"


def feed_xml(site: Site) -> str:
    """An Atom feed of criterion status changes, newest first (at most FEED_LIMIT)."""
    lang = site.lang
    found: list[tuple[StatusChange, Station, str]] = []
    seen: dict[str, int] = {}
    for station in site.stations:
        for change in station.changes:
            key = (
                f"change:{station.key}:{change.date.isoformat()}:{change.criterion.id}:"
                f"{change.before.value}:{change.after.value}"
            )
            seen[key] = seen.get(key, 0) + 1
            found.append((change, station, f"{key}:{seen[key]}"))
    found.sort(key=lambda item: (-item[0].date.toordinal(), item[2]))
    title = label(lang, "site.title") + (f" — {site.scope}" if site.scope else "")
    newest = found[0][0].date if found else site.date
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang="{lang}">',
        _tag("title", label(lang, "site.feed.title", title=title)),
        _tag("id", _uuid(f"feed:{slugify(site.scope or '')}:{lang}")),
        _tag("updated", newest.isoformat() + FEED_TIME),
        "<author>" + _tag("name", "kieumau") + "</author>",
        _tag("generator", "kieumau", version=site.version),
        _tag("link", rel="self", type="application/atom+xml", href=_href(site, "feed.xml")),
        _tag("link", rel="alternate", type="text/html", href=_href(site, "index.html")),
    ]
    for change, station, key in found[:FEED_LIMIT]:
        before, after = status_label(change.before, lang), status_label(change.after, lang)
        week = next((w for w in station.weeks if w.period.contains(change.date)), None)
        link = _href(site, (week or station).path)
        criterion = pick(change.criterion.title, lang)
        summary = [f"{criterion} ({station.status.criteria_set.ref})."]
        summary += [change.note] if change.note else []
        summary += [f"git {change.commit}: {change.subject}"] if change.commit else []
        text = label(
            lang,
            "site.feed.entry",
            name=station.ward.name,
            id=change.criterion.id,
            before=before,
            after=after,
        )
        lines += [
            "<entry>",
            "  " + _tag("title", text),
            "  " + _tag("id", _uuid(key)),
            "  " + _tag("updated", change.date.isoformat() + FEED_TIME),
            "  " + _tag("link", rel="alternate", type="text/html", href=link),
        ]
        if change.by:
            lines.append("  <author>" + _tag("name", change.by) + "</author>")
        lines += [
            "  " + _tag("category", term=change.after.value, label=after),
            "  " + _tag("summary", " ".join(summary), type="text"),
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _href(site: Site, path: str) -> str:
    return site.absolute(path) or path


# --- writing -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Built:
    pages: int  # HTML pages
    seconds: float


def _write(folder: Path, path: str, text: str) -> None:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


# Rendering in worker processes pays off from this many pages (a province's site is
# rendered in one process; the country's 100,000 weekly briefings are not).
PARALLEL_FROM = 2000
LEFTOVER_SECONDS = 3600
_CHUNK = 250
_JOB: tuple[Renderer, list[Page], Path] | None = None


def _render_range(bounds: tuple[int, int]) -> list[str]:
    """Render pages[start:end] into the folder (in a worker, or in this process)."""
    assert _JOB is not None
    renderer, pages, folder = _JOB
    done = []
    for page in pages[bounds[0] : bounds[1]]:
        _write(folder, page.path, renderer.render(page.template, page.path, page.values()))
        done.append(page.path)
    return done


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_pages(renderer: Renderer, pages: list[Page], folder: Path) -> list[str]:
    """Every page into `folder`. Lists first, here (they share the rendered rows); the
    stations and their briefings in forked workers when there are many of them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _JOB  # noqa: PLW0603 - read by forked workers, which inherit it
    lists = sum(page.template == "site/listing.html.j2" for page in pages)
    _JOB = (renderer, pages, folder)
    try:
        done = _render_range((0, lists))
        ranges = [(i, min(i + _CHUNK, len(pages))) for i in range(lists, len(pages), _CHUNK)]
        workers = min(_workers(), 8)
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        if len(pages) < PARALLEL_FROM or workers < 2 or not can_fork:
            for bounds in ranges:
                done += _render_range(bounds)
            return done
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for paths in pool.map(_render_range, ranges):
                done += paths
        return done
    finally:
        _JOB = None


def _manifest(written: list[str]) -> str:
    return MARKER_HEAD + "".join(f"{path}\n" for path in sorted(written))


def _site_files(folder: Path) -> set[str]:
    found = set()
    for parent, _, files in os.walk(folder):
        for name in files:
            found.add(Path(parent, name).relative_to(folder).as_posix())
    return found


def check_output(output: Path, data_root: Path, cwd: Path) -> None:
    """Refuse an output folder whose replacement could delete anything but an old site."""
    target = output.resolve()
    root = data_root.resolve()
    if output.is_symlink():
        raise UsageError(f"-o {output}: là liên kết tượng trưng (is a symbolic link)")
    if target == root or root.is_relative_to(target):
        raise UsageError(
            f"-o {output}: trùng hoặc chứa thư mục dữ liệu {data_root} "
            "(is or contains the data root)"
        )
    for folder in (root / "criteria", root / "wards"):
        if target.is_relative_to(folder):
            raise UsageError(f"-o {output}: nằm trong {folder} (is inside the data folders)")
    if cwd.resolve().is_relative_to(target):
        raise UsageError(
            f"-o {output}: là hoặc chứa thư mục hiện tại (is or contains the working directory)"
        )
    if not output.exists():
        return
    if not output.is_dir():
        raise UsageError(f"-o {output}: không phải thư mục (not a folder)")
    if not any(output.iterdir()):
        return
    marker = output / MARKER
    if not marker.is_file():
        raise UsageError(
            f"-o {output}: thư mục không rỗng và không phải trang do kieumau dựng "
            f"(not empty, and not a site built by kieumau: no {MARKER} file)",
            hint="chọn thư mục khác hoặc thư mục rỗng (choose another or an empty folder)",
        )
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    if not lines or lines[0] != MARKER_HEAD.strip():
        raise UsageError(f"-o {output}: tệp {MARKER} lạ (unexpected {MARKER} file)")
    extra = sorted(_site_files(output) - set(lines[1:]) - {MARKER})
    if extra:
        raise UsageError(
            f"-o {output}: có {len(extra)} tệp không do kieumau ghi, ví dụ {extra[0]} "
            f"({len(extra)} files kieumau did not write; they would be deleted)",
            hint="chuyển các tệp đó đi trước khi dựng lại (move them away first)",
        )


def _swap(built: Path, output: Path) -> None:
    """Put the new site in place: two renames in the same folder, the old one deleted after."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.kieumau-old-", dir=output.parent))
        old.rmdir()
        output.rename(old)
    try:
        built.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _clean_leftovers(output: Path) -> None:
    """Temporary folders of an earlier build that was killed: they carry the marker and
    are more than an hour old (a younger one may be another build's, still running)."""
    prefix = f".{output.name}.kieumau-"
    for leftover in output.parent.iterdir():
        if (
            leftover.name.startswith(prefix)
            and leftover.is_dir()
            and not leftover.is_symlink()
            and (leftover / MARKER).is_file()
            and time.time() - leftover.stat().st_mtime > LEFTOVER_SECONDS
        ):
            shutil.rmtree(leftover, ignore_errors=True)


def build(site: Site, output: Path, user_dir: Path | None) -> Built:
    """Render every page into a temporary folder beside `output`, then swap it in."""
    started = time.perf_counter()
    renderer = Renderer(site, user_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(output)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.kieumau-new-", dir=output.parent))
    try:
        (work / MARKER).write_text(MARKER_HEAD, encoding="utf-8")
        written: list[str] = []

        def put(path: str, text: str) -> None:
            _write(work, path, text)
            written.append(path)

        pages = plan(site)
        written += render_pages(renderer, pages, work)
        put("assets/style.css", renderer.render("site/style.css.j2", "assets/style.css", {}))
        put("data.json", data_json(site))
        put("feed.xml", feed_xml(site))
        (work / MARKER).write_text(_manifest(written), encoding="utf-8", newline="\n")
        work.chmod(0o755)  # mkdtemp made it private; a site is meant to be read
        _swap(work, output)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Built(len(pages), time.perf_counter() - started)


# --- the command ---------------------------------------------------------------------


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    if not _BASE_URL.fullmatch(value):
        raise UsageError(
            f"--base-url {value}: cần địa chỉ http(s) không có ? hay # "
            "(needs an http(s) URL without ? or #)"
        )
    return value if value.endswith("/") else value + "/"


def _stamp_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds), in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def cmd_site(context: Context, request: SiteRequest) -> int:
    user_dir = _templates_option(request.templates)
    wanted = SiteRequest(
        request.output,
        request.province,
        request.lang,
        _base_url(request.base_url),
        request.stamp,
        user_dir,
        request.use_git,
    )
    check_output(request.output, context.repository.root.path, Path.cwd())
    site = collect(context, wanted, _stamp_time() if request.stamp else None)
    try:
        done = build(site, request.output, user_dir)
    except OSError as error:
        raise UsageError(
            f"-o {request.output}: không ghi được (cannot write): {error.strerror or error}"
        ) from None
    seconds = format_number(done.seconds, request.lang, decimals=1)
    written = label(
        request.lang, "site.written", pages=done.pages, path=request.output, seconds=seconds
    )
    context.err.write(written + "\n")
    return EXIT_FINDINGS if site.broken else EXIT_OK
