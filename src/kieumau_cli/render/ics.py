"""Deadlines as an iCalendar feed (RFC 5545), written by the maintained `icalendar`
library: one all-day event per open criterion with a due date.

What keeps a subscribed calendar right:
- the UID is the station key and the criterion id, never a counter or a hash of the
  text, so a changed due date or note updates the event instead of adding one;
- a criterion that is met (or not applicable) is no task, so its event leaves the
  feed and the calendar drops it on the next refresh;
- DTSTAMP is the day the data last changed for that criterion (else for its ward,
  else the ward's start, else the due date itself), never the clock, so building
  twice from the same files gives the same bytes.

Text from the ward files goes through `text.unsafe.visible` (the library escapes
commas, semicolons and line breaks itself). `calendar_bytes` is what other outputs
(the site's per-station and per-province feeds) call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from kieumau_cli.render.common import pick, status_label
from kieumau_cli.results.due import Agenda, Task
from kieumau_cli.text import t
from kieumau_cli.text.unsafe import visible

PRODUCT = "-//kieumau//due//VI"
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
        else [t(lang, "calendar.station", station=task.station_name, province=task.province_name)]
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
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", visible(name))
    dated = sorted(
        (task for task in tasks if task.due is not None),
        key=lambda task: (task.due, task.station, task.criterion),
    )
    for task in dated:
        assert task.due is not None
        link = link_for(task) if link_for is not None else None
        event = Event()
        event.add("uid", event_uid(task))
        stamp = task.changed or task.due
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
        event.add("dtstart", task.due)  # a date: an all-day event
        event.add("dtend", task.due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a deadline blocks no one's time
        summary = t(
            lang,
            "calendar.summary",
            criterion=task.criterion,
            title=pick(task.title, lang),
            station=task.station_name,
        )
        event.add("summary", visible(summary))
        event.add("description", _description(task, lang, link, one_station))
        if link:
            event.add("url", link)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def render_agenda(agenda: Agenda, lang: str) -> bytes:
    """`due --format ics`: every dated task of the agenda, whatever the window (a
    calendar is where far deadlines belong), linked when a base URL was given."""
    scope = agenda.scope or t(lang, "due.country")
    return calendar_bytes(agenda.dated, t(lang, "calendar.name", scope=scope), _links(agenda), lang)


def _links(agenda: Agenda) -> LinkFor:
    return lambda task: agenda.links.get(task.station)
