"""Collecting what the site shows: each ward of the scope once, with its criteria set
and git log, and the one date the site is "as of" (`site_date`)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.git_log import FileLog, file_log
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.repository import Repository
from kieumau_cli.results.rows import WardSummary, summarise
from kieumau_cli.results.score import Score, score_at
from kieumau_cli.results.status import StatusData
from kieumau_cli.results.timeline import Timeline
from kieumau_cli.results.weeks import EVERYTHING, Period, iso_week, week_period
from kieumau_cli.site.model import Site, SiteRequest, Station, WeekLink, history_path, provinces


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


def _station(file_ward: Ward, timeline: Timeline, date: dt.date, root: str, source: str) -> Station:
    """A station as of `date`, with a briefing for each ISO week up to then that has a
    status change, new evidence or an indicator reading."""
    ward, criteria_set = timeline.ward, timeline.criteria_set
    changes = [c for c in timeline.changes(EVERYTHING) if c.date <= date]
    days = [change.date for change in changes] + _evidence_days(timeline)
    days += [reading.date for reading in timeline.readings(EVERYTHING)]
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
            before = score_at(ward, criteria_set, start)
        as_of = None if period.end >= date else period.end
        after = score_at(ward, criteria_set, as_of)
        weeks.append(
            WeekLink(
                period,
                per_week.get(iso_week(period.start), 0),
                after,
                after.met - before.met,
                f"{history_path(ward)}#{period.week_label or period.start.isoformat()}",
            )
        )
        before = after
    # `status` reads the file alone: so do the lists and data.json.
    status = StatusData.build(file_ward, criteria_set)
    return Station(file_ward, status, timeline, tuple(weeks), tuple(changes), root, source)


def _start(period: Period) -> dt.date:
    return period.start


@dataclass(slots=True)
class _Share:
    """What one process loaded: the usable wards (their set by ref: the sets are the
    parent's, never copied), and the others as a summary with their diagnostics."""

    usable: list[tuple[Path, Ward, str]]
    broken: list[WardSummary]
    diagnostics: list[Diagnostic]


_LOADING: list[tuple[Repository, str | None, int]] = []  # read by forked workers


def _load_share(index: int) -> _Share:
    repository, province, count = _LOADING[0]
    share = _Share([], [], [])
    for load in repository.each_ward_in_scope(province, shard=(index, count)):
        if load.usable:
            assert load.ward is not None and load.criteria_set is not None
            share.usable.append((load.path, load.ward, load.criteria_set.ref))
        else:
            share.broken.append(summarise(load))
            share.diagnostics += load.diagnostics
    return share


def _load(
    repository: Repository, province: str | None
) -> tuple[list[tuple[Path, Ward, CriteriaSet]], list[WardSummary], list[Diagnostic]]:
    """Every ward in scope, through the one loading path, in forked workers on a
    multi-core Linux machine (as `check` does): parsing is most of a site's cost."""
    from kieumau_cli.check.run import jobs_for

    repository.resolve_province(province) if province is not None else None  # errors first
    sets = {s.model.ref: s.model for s in repository.all_sets() if s.model is not None}
    jobs = jobs_for(len(repository.ward_paths()))
    _LOADING[:] = [(repository, province, jobs)]
    try:
        if jobs == 1:
            shares = [_load_share(0)]
        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(jobs - 1, mp_context=context) as pool:
                futures = [pool.submit(_load_share, index) for index in range(1, jobs)]
                shares = [_load_share(0)] + [future.result() for future in futures]
    finally:
        _LOADING.clear()
    usable = sorted(
        ((path, ward, sets[ref]) for share in shares for path, ward, ref in share.usable),
        key=lambda item: item[0],
    )
    broken = sorted((b for share in shares for b in share.broken), key=lambda b: b.key)
    return usable, broken, [d for share in shares for d in share.diagnostics]


@dataclass(frozen=True, slots=True)
class Collected:
    site: Site
    diagnostics: list[Diagnostic]  # of the wards that cannot be scored, and their sets
    skipped: list[str]  # git commits that could not be read, over every ward


def _source(path: Path, root: Path) -> tuple[str, str]:
    """The root's label and the file relative to it (what every page says of a station)."""
    try:
        return root.name or root.as_posix(), path.relative_to(root).as_posix()
    except ValueError:
        return root.name, path.name


def collect(
    repository: Repository,
    request: SiteRequest,
    today: dt.date,
    lang: str,
    stamp: dt.datetime | None,
) -> Collected:
    """Every ward in scope, loaded once and kept as its model only (3,321 parsed files
    would not fit the memory budget); the ones that cannot be scored are listed apart
    (the command reports their diagnostics)."""
    usable, broken, diagnostics = _load(repository, request.province)
    logs = _logs([path for path, _, _ in usable], repository.root.wards_dir, request.use_git)
    filed: list[tuple[Ward, Timeline, Path]] = []
    skipped: list[str] = []
    for (path, ward, criteria_set), log in zip(usable, logs, strict=True):
        skipped += log.skipped
        filed.append((ward, Timeline.build(ward, criteria_set, log, today), path))
    date = today if stamp else site_date((data_date(t) for _, t, _ in filed), today)
    root = repository.root.path
    stations = sorted(
        (_station(ward, t, date, *_source(path, root)) for ward, t, path in filed),
        key=lambda station: station.key,
    )
    sets = sorted(
        (s.model for s in repository.all_sets() if s.model is not None and s.ok),
        key=lambda s: s.ref,
    )
    scope = stations[0].ward.province_name if request.province and stations else None
    site = Site(
        lang=lang,
        scope=scope
        or (repository.resolve_province(request.province) if request.province else None),
        stations=tuple(stations),
        broken=tuple(broken),
        sets=tuple(sets),
        date=date,
        built=stamp.isoformat(timespec="seconds") if stamp else None,
        base_url=request.base_url,
        provinces=provinces(stations),
    )
    return Collected(site, diagnostics, skipped)
