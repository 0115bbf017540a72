"""What the site shows of each ward: its git log, its station (the weeks with changes
up to the site's date), the latest date in its data, and the one date the site is
"as of" (`site_date`). The loading itself is done by share (`site.shard`)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kieumau_cli.load.files import DataRoot
from kieumau_cli.load.git_log import FileLog, file_log
from kieumau_cli.load.models import Ward
from kieumau_cli.load.repository import Repository
from kieumau_cli.results.score import Replay, Score
from kieumau_cli.results.status import StatusData
from kieumau_cli.results.timeline import Timeline
from kieumau_cli.results.weeks import EVERYTHING, Period, iso_week, week_period
from kieumau_cli.site.model import Station, WeekLink, history_path


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


def git_logs_of(paths: list[Path], repository: Repository, use_git: bool) -> list[FileLog]:
    """`git_logs` for files of one or more data roots: each root is its own repository."""
    if len(repository.roots) == 1:
        return git_logs(paths, repository.root.wards_dir, use_git)
    found: dict[Path, FileLog] = {}
    for root in repository.roots:
        mine = [path for path in paths if repository.root_of(path) == root]
        found.update(zip(mine, git_logs(mine, root.wards_dir, use_git), strict=True))
    return [found[path] for path in paths]


def git_logs(paths: list[Path], folder: Path, use_git: bool) -> list[FileLog]:
    if not use_git or not paths:
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


def station(file_ward: Ward, timeline: Timeline, date: dt.date, root: str, source: str) -> Station:
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
    replay = Replay(ward, criteria_set)
    before: Score | None = None
    for period in sorted({week_period(*iso_week(d)) for d in days if d <= date}, key=_start):
        if before is None:  # later weeks start where the previous one ended: every
            # status change is in a listed week, so nothing moves in between.
            start = period.start - dt.timedelta(days=1)
            before = replay.score(start)
        as_of = None if period.end >= date else period.end
        after = replay.score(as_of)
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


def source_of(path: Path, root: DataRoot) -> tuple[str, str]:
    """The root's label and the file relative to it (what every page says of a station)."""
    try:
        return root.name, path.relative_to(root.path).as_posix()
    except ValueError:
        return root.name, path.name
