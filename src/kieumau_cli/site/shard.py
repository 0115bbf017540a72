"""One share of a site build — whole provinces — done in one process, in two steps:
`load` reads the share's wards (through the one loading path) and reports the latest
date in them; once the parent knows the site's date from every share, `build` makes
the stations and writes their pages and their provinces' pages and data files into
the new site folder. What goes back to the parent is small (numbers per province,
feed entries, the files written), so no process ever holds the whole country.

With several cores on Linux the shares run in forked processes driven over a pipe
(`run_shares`); elsewhere, and for small data, one share does everything in-process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import multiprocessing.connection
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.repository import Repository
from kieumau_cli.results.rows import WardSummary, summarise
from kieumau_cli.results.timeline import Timeline
from kieumau_cli.site.calendars import (
    province_calendar_path,
    province_feed,
    station_calendar_path,
    station_feed,
)
from kieumau_cli.site.collect import data_date, git_logs_of, source_of, station
from kieumau_cli.site.feed import (
    FEED_LIMIT,
    FeedEntry,
    feed_entries,
    province_data,
    province_data_path,
)
from kieumau_cli.site.model import ProvinceSummary, Site, SiteRequest, provinces
from kieumau_cli.site.pages import Page, Renderer, plan_share
from kieumau_cli.site.records import ProvinceRecord, write_record
from kieumau_cli.site.state import State, Written


@dataclass(frozen=True, slots=True)
class Loaded:
    latest: dt.date | None  # the latest date in the share's data
    broken: list[WardSummary]
    diagnostics: list[Diagnostic]
    skipped: list[str]  # git commits that could not be read
    province_name: str | None  # of the first usable ward (the scope's name)


@dataclass(frozen=True, slots=True)
class Common:
    """What every share needs from the parent to build: the site's date and what every
    page depends on."""

    date: dt.date
    scope: str | None
    fingerprint: str
    same_site: bool  # the previous build had the same fingerprint: its pages may be reused


@dataclass(slots=True)
class Done:
    provinces: list[ProvinceSummary] = field(default_factory=list)
    feed: list[FeedEntry] = field(default_factory=list)
    files: dict[str, Written] = field(default_factory=dict)  # every file of the share
    inputs: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    rendered: int = 0


# Links or copies the previous build's file into the new folder; False when it cannot.
Reuse = Callable[[str], bool]


@dataclass(slots=True)
class Job:
    """What a share is given before it starts (inherited by a forked worker)."""

    repository: Repository
    request: SiteRequest
    today: dt.date
    lang: str
    built: str | None
    work: Path  # the new site folder
    user_dir: Path | None
    old_state: State | None
    reuse: Callable[[str, State | None], bool]
    write: Callable[[Path, str, str], Written]
    fingerprints: Callable[[Site], dict[str, str]]
    # Provinces left out (their record from the last build stands for them), and the
    # digest of each province's inputs, for the records this build leaves.
    skip: frozenset[str] = frozenset()
    digests: dict[str, str] = field(default_factory=dict)


class Share:
    def __init__(self, job: Job, index: int, count: int) -> None:
        self.job, self.index, self.count = job, index, count
        self._filed: list[tuple[Ward, Timeline, Path]] = []
        self._unrecorded: set[str] = set()  # provinces with broken wards or unread commits

    def load(self) -> Loaded:
        job = self.job
        usable: list[tuple[Path, Ward, CriteriaSet]] = []
        broken: list[WardSummary] = []
        diagnostics: list[Diagnostic] = []
        for load in job.repository.each_ward_in_scope(
            job.request.province, shard=(self.index, self.count), skip=job.skip
        ):
            if load.usable:
                assert load.ward is not None and load.criteria_set is not None
                usable.append((load.path, load.ward, load.criteria_set))
            else:
                broken.append(summarise(load))
                diagnostics += load.diagnostics
                self._unrecorded.add(load.path.parent.name)
        paths = [path for path, _, _ in usable]
        logs = git_logs_of(paths, job.repository, job.request.use_git)
        skipped: list[str] = []
        for (path, ward, criteria_set), log in zip(usable, logs, strict=True):
            skipped += log.skipped
            if log.skipped:
                self._unrecorded.add(path.parent.name)
            self._filed.append((ward, Timeline.build(ward, criteria_set, log, job.today), path))
        dates = [day for _, t, _ in self._filed if (day := data_date(t)) is not None]
        name = min(((w.key, w.province_name) for w, _, _ in self._filed), default=(None, None))
        return Loaded(max(dates, default=None), broken, diagnostics, skipped, name[1])

    def site(self, common: Common) -> Site:
        job = self.job
        root_of = job.repository.root_of
        stations = sorted(
            (
                station(w, t, common.date, *source_of(path, root_of(path)))
                for w, t, path in self._filed
            ),
            key=lambda found: found.key,
        )
        self._filed = []  # the stations hold what is still needed
        share = provinces(stations)
        return Site(
            lang=job.lang,
            scope=common.scope,
            stations=tuple(stations),
            broken=(),
            sets=site_sets(job.repository),
            date=common.date,
            built=job.built,
            base_url=job.request.base_url,
            provinces=share,
            summaries=tuple(province.summary() for province in share),
        )

    def build(self, common: Common) -> Done:
        job = self.job
        latest = self._latest_by_province()
        site = self.site(common)
        feeds = {p.key: feed_entries(site, p.stations) for p in site.provinces}
        done = Done(list(site.summaries), sorted(e for f in feeds.values() for e in f)[:FEED_LIMIT])
        done.inputs = job.fingerprints(site)
        groups: dict[str, str] = {}
        old = job.old_state

        def unchanged(group: str) -> bool:
            return (
                common.same_site
                and old is not None
                and old.inputs.get(group) == done.inputs.get(group)
            )

        def put(path: str, group: str, text: Callable[[], str]) -> None:
            groups[path] = group
            if unchanged(group) and job.reuse(path, old):
                assert old is not None
                done.files[path] = old.files[path]
            else:
                done.files[path] = job.write(job.work, path, text())
                done.rendered += 1

        renderer = Renderer(site, job.user_dir)
        pages: list[Page] = plan_share(site)
        done.pages = len(pages)
        for page in pages:
            put(page.path, page.depends, _renderer_of(renderer, page))
        for province in site.provinces:
            put(
                province_data_path(province),
                f"province:{province.key}",
                _data_of(site, province),
            )
            put(
                province_calendar_path(province),
                f"province:{province.key}",
                province_feed(site, province),
            )
        for one in site.stations:
            put(station_calendar_path(one), f"station:{one.key}", station_feed(site, one))
        for province, summary in zip(site.provinces, site.summaries, strict=True):
            key = province.key
            if key in self._unrecorded or key not in job.digests:
                continue
            mine = [path for path, group in groups.items() if _province_of(group) == key]
            record = ProvinceRecord(
                job.digests[key],
                latest.get(key),
                min(((s.key, s.ward.province_name) for s in province.stations), default=("", None))[
                    1
                ],
                summary,
                feeds[key],
                {path: done.files[path] for path in mine},
                {g: fp for g, fp in done.inputs.items() if _province_of(g) == key},
            )
            path, written = write_record(job.work, record)
            done.files[path] = written
        return done

    def _latest_by_province(self) -> dict[str, dt.date]:
        found: dict[str, dt.date] = {}
        for ward, timeline, _ in self._filed:
            day = data_date(timeline)
            if day is not None and (ward.province not in found or day > found[ward.province]):
                found[ward.province] = day
        return found


def _province_of(group: str) -> str:
    """'station:thanh-hoa/phuong-dong-son' or 'province:thanh-hoa' → 'thanh-hoa'."""
    return group.partition(":")[2].split("/", 1)[0]


def _renderer_of(renderer: Renderer, page: Page) -> Callable[[], str]:
    return lambda: renderer.render(page.template, page.path, page.values())


def _data_of(site: Site, province: Any) -> Callable[[], str]:
    return lambda: province_data(site, province)


def site_sets(repository: Repository) -> tuple[CriteriaSet, ...]:
    return tuple(
        sorted(
            (s.model for s in repository.all_sets() if s.model is not None and s.ok),
            key=lambda s: s.ref,
        )
    )


# --- running the shares ------------------------------------------------------------


def _serve(share: Share, conn: multiprocessing.connection.Connection) -> None:
    """A forked worker: load, wait for the common values, build; any error goes back."""
    try:
        conn.send(("ok", share.load()))
        common = conn.recv()
        if common is not None:
            conn.send(("ok", share.build(common)))
    except BaseException as error:
        try:
            conn.send(("error", error))
        except Exception:
            conn.send(("error", RuntimeError(repr(error))))
    finally:
        conn.close()


def _receive(conn: multiprocessing.connection.Connection) -> Any:
    status, value = conn.recv()
    if status == "error":
        raise value
    return value


def run_shares(
    job: Job, jobs: int, decide: Callable[[list[Loaded]], Common]
) -> tuple[list[Loaded], list[Done]]:
    """Every share loaded, then (with what `decide` makes of their loads) built: share 0
    in this process, the others in forked workers (forked before anything is loaded)."""
    shares = [Share(job, index, jobs) for index in range(jobs)]
    if jobs == 1:
        loaded = [shares[0].load()]
        return loaded, [shares[0].build(decide(loaded))]
    context = multiprocessing.get_context("fork")
    workers = []
    for share in shares[1:]:
        mine, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(share, theirs), daemon=True)
        process.start()
        theirs.close()
        workers.append((process, mine))
    sent = False
    try:
        loaded = [shares[0].load()] + [_receive(conn) for _, conn in workers]
        common = decide(loaded)
        for _, conn in workers:
            conn.send(common)
        sent = True
        done = [shares[0].build(common)] + [_receive(conn) for _, conn in workers]
        return loaded, done
    finally:
        for process, conn in workers:
            if not sent:
                with contextlib.suppress(OSError):
                    conn.send(None)
            conn.close()
            process.join(timeout=60)
            if process.is_alive():
                process.terminate()
