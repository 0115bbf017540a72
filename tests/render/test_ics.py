"""The iCalendar feed, parsed back with the library that wrote it."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar, Component

from kieumau_cli.render.ics import calendar_bytes, render_agenda
from kieumau_cli.results.due import Task, build_agenda, ward_tasks
from tests.support.due import TODAY, deadlines_ward, make_set, make_ward


def _events(data: bytes) -> list[Component]:
    events: list[Component] = Calendar.from_ical(data).walk("VEVENT")
    return events


def test_one_all_day_event_per_dated_open_task() -> None:
    data = calendar_bytes(ward_tasks(deadlines_ward(), make_set(), TODAY), "Hạn")
    events = _events(data)
    assert [str(event["uid"]) for event in events] == [
        f"tinh/phuong-a/{criterion}@kieumau" for criterion in ("C02", "C03", "C04", "C05")
    ]  # C01 is met, C06 has no due date
    first = events[0]
    assert first.decoded("dtstart") == dt.date(2026, 2, 10)
    assert not isinstance(first.decoded("dtstart"), dt.datetime)  # all day, no time zone
    assert first.decoded("dtend") == dt.date(2026, 2, 11)
    assert b"DTSTART;VALUE=DATE:20260210" in data
    assert str(first["summary"]) == "C02 Tiêu chí 2 — Phường A"
    assert Calendar.from_ical(data)["x-wr-calname"] == "Hạn"


def test_uids_are_stable_and_rebuilds_byte_identical() -> None:
    tasks = ward_tasks(deadlines_ward(), make_set(), TODAY)
    later = ward_tasks(deadlines_ward(), make_set(), TODAY + dt.timedelta(days=30))
    assert calendar_bytes(tasks, "Hạn") == calendar_bytes(list(reversed(tasks)), "Hạn")
    assert calendar_bytes(tasks, "Hạn") == calendar_bytes(later, "Hạn")  # no clock inside
    moved = make_ward({"C02": {"status": "not_met", "owner": "Đội trưởng", "due": "2026-03-10"}})
    (event,) = _events(calendar_bytes(ward_tasks(moved, make_set(2), TODAY), "Hạn"))
    assert str(event["uid"]) == "tinh/phuong-a/C02@kieumau"  # the same event, a new date
    assert event.decoded("dtstart") == dt.date(2026, 3, 10)


def test_an_event_is_gone_once_its_criterion_is_met() -> None:
    before = make_ward({"C01": {"status": "in_progress", "due": "2026-03-01"}})
    after = make_ward({"C01": {"status": "met", "due": "2026-03-01", "updated": "2026-02-25"}})
    assert len(_events(calendar_bytes(ward_tasks(before, make_set(1), TODAY), "x"))) == 1
    assert _events(calendar_bytes(ward_tasks(after, make_set(1), TODAY), "x")) == []


def test_dtstamp_is_the_data_s_last_change() -> None:
    ward = make_ward(
        {
            "C01": {"status": "not_met", "due": "2026-03-01", "updated": "2026-01-15"},
            "C02": {"status": "not_met", "due": "2026-03-02"},
        }
    )
    stamps = [
        event.decoded("dtstamp")
        for event in _events(calendar_bytes(ward_tasks(ward, make_set(2), TODAY), "x"))
    ]
    midnight = dt.time(tzinfo=dt.UTC)
    assert stamps == [dt.datetime.combine(dt.date(2026, 1, 15), midnight)] * 2  # C02: the ward's
    undated = make_ward({"C01": {"status": "not_met", "due": "2026-03-01"}})
    (event,) = _events(calendar_bytes(ward_tasks(undated, make_set(1), TODAY), "x"))
    assert event.decoded("dtstamp") == dt.datetime.combine(dt.date(2026, 3, 1), midnight)


def test_text_is_escaped_and_unsafe_characters_shown() -> None:
    note = "Kiến nghị: máy tính, bàn; ghế\ndòng hai \x1b]52;x"
    ward = make_ward(
        {"C01": {"status": "not_met", "owner": "Tổ A, B", "due": "2026-03-01", "note": note}}
    )
    data = calendar_bytes(ward_tasks(ward, make_set(1), TODAY), "Lịch; một, hai")
    unfolded = data.decode().replace("\r\n ", "")  # RFC 5545 folds lines at 75 octets
    assert "tính\\, bàn\\; ghế\\ndòng hai" in unfolded
    assert b"\x1b" not in data
    (event,) = _events(data)
    description = str(event["description"])
    assert "Ghi chú: Kiến nghị: máy tính, bàn; ghế\ndòng hai \\x1b]52;x" in description
    assert "Phụ trách: Tổ A, B" in description
    assert str(Calendar.from_ical(data)["x-wr-calname"]) == "Lịch; một, hai"


def test_links_and_the_english_feed() -> None:
    agenda = build_agenda(
        [(deadlines_ward(), make_set())],
        TODAY,
        scope="Phường A",
        links={"tinh/phuong-a": "https://example.org/station/tinh/phuong-a/index.html"},
    )
    events = _events(render_agenda(agenda, "en"))
    assert len(events) == 4  # the window leaves C05 out of the lists, not out of the calendar
    assert str(events[0]["url"]) == "https://example.org/station/tinh/phuong-a/index.html"
    assert "Station page: https://example.org/" in str(events[0]["description"])
    assert str(events[0]["summary"]) == "C02 Criterion 2 — Phường A"
    assert "Owner: Đội trưởng" in str(events[0]["description"])


def test_a_task_without_a_link_has_no_url() -> None:
    tasks: list[Task] = ward_tasks(deadlines_ward(), make_set(), TODAY)
    events = _events(calendar_bytes(tasks, "x", lambda task: None))
    assert all("url" not in event for event in events)


def _by_icalendar(tasks: list[Task], name: str, link: str | None, one_station: bool) -> bytes:
    """The feed as the `icalendar` library writes it (what `calendar_bytes` wrote before it
    wrote its own lines): the oracle the writer is held to, byte for byte."""
    from icalendar import Event

    from kieumau_cli.render.common import pick
    from kieumau_cli.render.ics import PRODUCT, _description, event_uid
    from kieumau_cli.text import t
    from kieumau_cli.text.unsafe import visible

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", visible(name))
    dated = [task for task in tasks if task.due is not None]
    for task in sorted(dated, key=lambda task: (task.due, task.station, task.criterion)):
        assert task.due is not None
        event = Event()
        event.add("uid", event_uid(task))
        stamp = task.changed or task.due
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
        event.add("dtstart", task.due)
        event.add("dtend", task.due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        title = pick(task.title, "vi")
        station = task.station_name
        criterion = task.criterion
        summary = t("vi", "calendar.summary", criterion=criterion, title=title, station=station)
        event.add("summary", visible(summary))
        event.add("description", _description(task, "vi", link, one_station))
        if link:
            event.add("url", link)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


HOSTILE_NOTES = [
    "",
    "a" * 60,
    "ế" * 80,  # three octets each: folds must not split a character
    "x" * 49 + "\\" + "y" * 40,  # a backslash where a fold falls
    "\\N is a line break; \\n is not, C:\\thư mục\\",
    "^ caret " * 12 + "^",
    "dấu phẩy, chấm phẩy; hai chấm: xuống dòng\r\nCR\rLF\n" * 3,
    "😀 bốn octet " * 10,
    "tab\tvà \x1b[31m mã thoát \x7f \u202e đảo chiều",
]


@pytest.mark.parametrize(
    ("link", "one_station"), [(None, False), ("https://example.org/s/tinh/phuong-a/", True)]
)
@pytest.mark.parametrize("shift", range(0, 8))
@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_the_writer_writes_what_icalendar_writes(
    note: str, shift: int, link: str | None, one_station: bool
) -> None:
    """Every hostile text at every position a fold can fall (owner names of growing
    length move the folds by one octet each), with and without a link and the station
    line: the same bytes as the library, and the library reads them back."""
    owner = "Tổ " + "b" * shift
    ward = make_ward(
        {
            "C01": {"status": "not_met", "owner": owner, "due": "2026-03-01", "note": note},
            "C02": {"status": "in_progress", "due": "2026-02-01", "updated": "2026-01-15"},
            "C03": {"status": "not_met"},  # no due date: no event
        }
    )
    tasks = ward_tasks(ward, make_set(3), TODAY)
    name = "Hạn; " + note[:40]
    mine = calendar_bytes(tasks, name, lambda task: link, one_station=one_station)
    assert mine == _by_icalendar(tasks, name, link, one_station)
    assert len(_events(mine)) == 2
    assert all(len(line) <= 75 for line in mine.split(b"\r\n"))


def test_a_calendar_name_with_line_breaks_adds_no_property() -> None:
    tasks = ward_tasks(deadlines_ward(), make_set(), TODAY)
    data = calendar_bytes(tasks, "Phuong\nMETHOD:CANCEL\nX", None)
    assert b"X-WR-CALNAME:Phuong\\nMETHOD:CANCEL\\nX\r\n" in data
    assert data.count(b"\r\nMETHOD:") == 1
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("due", ["9999-12-31", "9999-12-30", "0001-01-01"])
def test_a_due_date_at_the_calendar_s_edge_is_an_event(due: str) -> None:
    """Every date the schema accepts makes an event: on 31/12/9999 there is no next day
    for DTEND, so the event has DTSTART alone (one day, RFC 5545 3.6.1)."""
    ward = make_ward({"C01": {"status": "in_progress", "due": due}})
    (event,) = _events(calendar_bytes(ward_tasks(ward, make_set(1), TODAY), "x"))
    day = dt.date.fromisoformat(due)
    assert event.decoded("dtstart") == day
    if day < dt.date.max:
        assert event.decoded("dtend") == day + dt.timedelta(days=1)
    else:
        assert "dtend" not in event
