"""The one-pass readings of a ward's history against their per-date definitions.

`Timeline.week` (every week's changes, evidence and readings at once) must give for
each ISO week what `changes`, `evidence` and `readings` give for that week, and
`Replay` (statuses at many dates) what `statuses_as_of` defines at each date: on
random wards with same-day entries, criteria outside the set, undated and repeated
evidence, and git-only changes and evidence.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from kieumau_cli.load.git_log import FileLog, FileRevision
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.score import Replay, history_by_criterion, score, statuses_as_of
from kieumau_cli.results.timeline import NewEvidence, StatusChange, Timeline
from kieumau_cli.results.weeks import EVERYTHING, iso_week, week_period
from tests.support.due import make_set, make_ward

START = dt.date(2025, 12, 1)
STATUSES = list(Status)


def _day(rng: random.Random) -> dt.date:
    return START + dt.timedelta(days=rng.randrange(0, 200))


def _random_timeline(seed: int) -> Timeline:
    rng = random.Random(seed)
    criteria_set = make_set(6)
    ids = [f"C{i:02d}" for i in range(1, 9)]  # C07, C08: not in the set
    status: dict[str, dict[str, Any]] = {}
    for criterion in ids[:6]:
        if rng.random() < 0.15:
            continue  # no entry: unknown
        titles = ["Biên bản", "Kế hoạch", "Báo cáo"]
        status[criterion] = {
            "status": rng.choice(STATUSES).value,
            "evidence": [
                {
                    "title": rng.choice(titles),
                    **({"date": str(_day(rng))} if rng.random() < 0.7 else {}),
                }
                for _ in range(rng.randrange(0, 4))
            ],
            "readings": [
                {"value": rng.randrange(0, 100), "date": str(_day(rng))}
                for _ in range(rng.randrange(0, 4))
            ],
        }
    history = [
        {
            "date": str(_day(rng)),
            "criterion": rng.choice(ids),
            "from": rng.choice(STATUSES).value,
            "to": rng.choice(STATUSES).value,
        }
        for _ in range(rng.randrange(0, 40))
    ]
    ward = make_ward(status, history=history)
    timeline = Timeline.build(ward, criteria_set, FileLog("disabled"), START)
    for index in range(rng.randrange(0, 5)):
        day = _day(rng)
        target = criteria_set.criteria[rng.randrange(0, 6)]
        revision = FileRevision(f"{index:040d}", day, "An", "sửa", None, None)
        timeline.git_only.append(
            StatusChange(day, target, Status.NOT_MET, Status.MET, None, "An", "git")
        )
        timeline.git_evidence.append(
            (revision, NewEvidence(target, rng.choice(["Biên bản", "Ảnh"]), None, None, "An"))
        )
    return timeline


@pytest.mark.parametrize("seed", range(40))
def test_every_week_at_once_is_each_week_alone(seed: int) -> None:
    timeline = _random_timeline(seed)
    weeks = {week_period(*iso_week(START + dt.timedelta(days=n))) for n in range(-7, 215)}
    changes = 0
    for period in sorted(weeks, key=lambda period: period.start):
        items = timeline.week(period)
        assert items.changes == timeline.changes(period)
        assert items.evidence == timeline.evidence(period)
        assert items.readings == timeline.readings(period)
        changes += len(items.changes)
    assert changes == len(timeline.changes(EVERYTHING))  # every change is in one week


def _by_definition(timeline: Timeline, day: dt.date) -> dict[str, Status]:
    """The rule written out: the `to` of the last entry on or before the day, else the
    first entry's `from`, else the file's status; `unknown` without an entry."""
    grouped = history_by_criterion(timeline.ward)
    result = {}
    for criterion in timeline.criteria_set.criteria:
        entry = timeline.ward.status.get(criterion.id)
        entries = grouped.get(criterion.id, [])
        reached = [item for item in entries if item.date <= day]
        if reached:
            result[criterion.id] = reached[-1].to
        elif entries:
            result[criterion.id] = entries[0].from_
        else:
            result[criterion.id] = entry.status if entry else Status.UNKNOWN
    return result


@pytest.mark.parametrize("seed", range(40))
def test_replay_is_the_status_at_each_date(seed: int) -> None:
    timeline = _random_timeline(seed)
    ward, criteria_set = timeline.ward, timeline.criteria_set
    replay = Replay(ward, criteria_set)
    for offset in range(-3, 205, 2):
        day = START + dt.timedelta(days=offset)
        expected = _by_definition(timeline, day)
        assert replay.statuses(day) == expected == statuses_as_of(ward, criteria_set, day)
        assert replay.score(day) == score(criteria_set, expected)
    assert replay.statuses() == statuses_as_of(ward, criteria_set)


@pytest.mark.parametrize("seed", range(10))
def test_a_period_that_is_not_a_week_is_read_as_itself(seed: int) -> None:
    """`week` of a custom range (no ISO week) is that range's own reading, not the ISO
    week its first day falls in; and its lists are the caller's own."""
    from kieumau_cli.results.weeks import Period

    timeline = _random_timeline(seed)
    span = Period(START + dt.timedelta(days=3), START + dt.timedelta(days=60))
    items = timeline.week(span)
    assert items.changes == timeline.changes(span)
    assert items.evidence == timeline.evidence(span)
    assert items.readings == timeline.readings(span)
    empty = week_period(2000, 1)  # a week with nothing in it
    criterion = timeline.criteria_set.criteria[0]
    change = StatusChange(START, criterion, Status.NOT_MET, Status.MET, None, None, "git")
    timeline.week(empty).changes.append(change)  # a caller's edit of its own list…
    assert timeline.week(empty).changes == []  # …reaches no other caller
