"""Deadlines as an iCalendar feed (RFC 5545): one all-day event per open criterion
with a due date.

What keeps a subscribed calendar right:
- the UID is the station key and the criterion id, never a counter or a hash of the
  text, so a changed due date or note updates the event instead of adding one;
- a criterion that is met (or not applicable) is no task, so its event leaves the
  feed and the calendar drops it on the next refresh;
- DTSTAMP is the day the data last changed for that criterion (else for its ward,
  else the ward's start, else the due date itself), never the clock, so building
  twice from the same files gives the same bytes.

The lines are written here, not by the `icalendar` library: the national site writes
about 3,400 feeds and the library's object model took a quarter of a full build. The
writer produces what `icalendar` 7 writes for the same calendar, byte for byte (its
property order, TEXT escaping and folding at 75 octets); tests/render/test_ics.py
holds the library as the oracle over hostile texts, and parses every feed back with it.

Text from the ward files goes through `text.unsafe.visible` first; `_text` escapes
backslashes, semicolons, commas and line breaks. `calendar_bytes` is what other
outputs (the site's per-station and per-province feeds) call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from kieumau_cli.render.common import pick, status_label
from kieumau_cli.results.due import Agenda, Task
from kieumau_cli.results.weeks import ONE_DAY
from kieumau_cli.text import t
from kieumau_cli.text.places import place_text
from kieumau_cli.text.unsafe import visible

PRODUCT = "-//kieumau//due//VI"
FOLD_OCTETS = 75
UID_DOMAIN = "kieumau"

LinkFor = Callable[[Task], str | None]


def event_uid(task: Task) -> str:
    """'thanh-hoa/phuong-dong-son/C05@kieumau': the same task, the same event, forever.
    Slugs hold no '/', so the parts cannot run into each other."""
    station, criterion = task.uid_parts
    return f"{station}/{criterion}@{UID_DOMAIN}"


def _description(task: Task, lang: str, link: str | None, one_station: bool) -> str:
    lines = (
        []
        if one_station
        else [
            t(
                lang,
                "calendar.station",
                place=place_text(task.station_name, task.province_name, lang),
            )
        ]
    )
    lines += [
        t(lang, "calendar.owner", owner=task.owner or t(lang, "due.unassigned")),
        t(lang, "calendar.status", status=status_label(task.status, lang)),
    ]
    if task.note:
        lines.append(t(lang, "calendar.note", note=task.note))
    if link:
        lines.append(t(lang, "calendar.link", url=link))
    return visible("\n".join(lines))


def calendar_bytes(
    tasks: Iterable[Task],
    name: str,
    link_for: LinkFor | None = None,
    lang: str = "vi",
    *,
    one_station: bool = False,
) -> bytes:
    """The feed of `tasks` (those without a due date are left out), events in date,
    station and criterion order, named `name` in calendar apps. `one_station`: the
    calendar is that station's own (its name is the calendar's and every event's
    title), so the description does not name it again (the national site's size)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        _property("PRODID", _text(PRODUCT)),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # icalendar writes this non-standard name unescaped, line breaks too (a name
        # could then add properties): as it is, but on one line.
        _property("X-WR-CALNAME", _one_line(visible(name))),
    ]
    dated = sorted(
        (task for task in tasks if task.due is not None),
        key=lambda task: (task.due, task.station, task.criterion),
    )
    for task in dated:
        assert task.due is not None
        link = link_for(task) if link_for is not None else None
        summary = t(
            lang,
            "calendar.summary",
            criterion=task.criterion,
            title=pick(task.title, lang),
            station=task.station_name,
        )
        stamp = task.changed or task.due
        # icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, then by name.
        lines += [
            "BEGIN:VEVENT",
            _property("SUMMARY", _text(visible(summary))),
            f"DTSTART;VALUE=DATE:{_date(task.due)}",  # a date: an all-day event
            # The day after; none after 31/12/9999 (there is no such date), and RFC 5545
            # (3.6.1) reads a date DTSTART without DTEND as that one day.
            *([f"DTEND;VALUE=DATE:{_date(task.due + ONE_DAY)}"] if task.due < dt.date.max else []),
            f"DTSTAMP:{_date(stamp)}T000000Z",
            _property("UID", _text(event_uid(task))),
            _property("DESCRIPTION", _text(_description(task, lang, link, one_station))),
            "TRANSP:TRANSPARENT",  # a deadline blocks no one's time
        ]
        if link:
            lines.append(_property("URL", link))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _date(day: dt.date) -> str:
    """'20260210': four digits of year always (strftime's %Y writes year 1 as '1')."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11), escaped in icalendar's order: a written '\\N'
    is a line break, then backslash, semicolon and comma, then every line ending."""
    escaped = value.replace("\\N", "\n").replace("\\", "\\\\")
    return _one_line(escaped.replace(";", "\\;").replace(",", "\\,"))


def _one_line(value: str) -> str:
    """Every line ending as the TEXT escape `\\n`."""
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _property(name: str, value: str) -> str:
    """`NAME:value`, folded (RFC 5545 3.1) as icalendar folds: each part at most 74
    octets, never cut inside a character, and never ending on a backslash or caret
    (which moves to the next part with what it escapes) unless it is the part's only
    character."""
    line = f"{name}:{value}"
    data = line.encode("utf-8")
    if len(data) < FOLD_OCTETS:  # nearly every line: no folding
        return line
    parts: list[bytes] = []
    start = 0
    while len(data) - start >= FOLD_OCTETS:
        end = start + FOLD_OCTETS - 1
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: not a character's start
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def render_agenda(agenda: Agenda, lang: str) -> bytes:
    """`due --format ics`: every dated task of the agenda, whatever the window (a
    calendar is where far deadlines belong), linked when a base URL was given."""
    scope = agenda.scope or t(lang, "due.country")
    return calendar_bytes(agenda.dated, t(lang, "calendar.name", scope=scope), _links(agenda), lang)


def _links(agenda: Agenda) -> LinkFor:
    return lambda task: agenda.links.get(task.station)
