"""The site's machine-readable files: `data/index.json` (the provinces, their counts and
files), `data/<tỉnh>.json` (what `status --format json` prints for each station of the
province) and the Atom feed of criterion status changes. DATA_SCHEMA_VERSION counts
incompatible changes of the data files (docs/site.md describes them)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from kieumau_cli.render.common import pick, status_label
from kieumau_cli.results.status import StatusView
from kieumau_cli.results.timeline import StatusChange
from kieumau_cli.site.model import STATES, Province, ProvinceSummary, Site, Station
from kieumau_cli.text import t
from kieumau_cli.text.format import slugify

FEED_LIMIT = 500
ATOM = "http://www.w3.org/2005/Atom"
# Files store local (Vietnam) dates; the feed needs instants.
FEED_TIME = "T00:00:00+07:00"


DATA_SCHEMA_VERSION = 1


def province_data_path(province: Province | ProvinceSummary) -> str:
    return f"data/{province.key}.json"


def _dumps(payload: object) -> str:
    """Compact (no indentation: the national data is about a third smaller)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def data_index(site: Site) -> str:
    """`data/index.json`: the provinces with their counts and the files that list them."""
    payload = {
        "schema_version": DATA_SCHEMA_VERSION,
        "date": site.date.isoformat(),
        "stations": site.station_count,
        "qualified": site.qualified,
        "provinces": [
            {
                "province": province.key,
                "name": province.name,
                "stations": province.size,
                **{state: province.count(state) for state in STATES},  # type: ignore[arg-type]
                "roots": province.roots,
                "data": province_data_path(province),
                "page": province.path(),
            }
            for province in site.summaries
        ],
        "broken": [{"ward": b.key, "problem": b.problem} for b in site.broken],
    }
    return _dumps(payload)


def province_data(site: Site, province: Province) -> str:
    """`data/<tỉnh>.json`: each station as `status --format json` prints it, plus the
    root and file it came from."""
    stations = [
        {
            **StatusView(station.status, None, site.date).payload(),
            "root": station.root,
            "source": station.source,
        }
        for station in sorted(province.stations, key=lambda station: station.key)
    ]
    payload = {
        "schema_version": DATA_SCHEMA_VERSION,
        "date": site.date.isoformat(),
        "province": province.key,
        "name": province.name,
        "stations": stations,
    }
    return _dumps(payload)


def _uuid(text: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"kieumau:{text}").urn


def _tag(name: str, text: str | None = None, /, **attributes: str) -> str:
    """One XML element on one line; text and attribute values are escaped."""
    attrs = "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
    return f"<{name}{attrs}/>" if text is None else f"<{name}{attrs}>{escape(text)}</{name}>"


# An entry of the feed, rendered, with what orders it: newest first, then by its key.
FeedEntry = tuple[tuple[int, str], str]


def feed_entries(site: Site, stations: Iterable[Station]) -> list[FeedEntry]:
    """The feed's entries for these stations, in feed order, at most FEED_LIMIT (the
    feed of the whole site is the first FEED_LIMIT of every share's, merged)."""
    lang = site.lang
    found: list[tuple[StatusChange, Station, str]] = []
    seen: dict[str, int] = {}
    for station in stations:
        for change in station.changes:
            key = (
                f"change:{station.key}:{change.date.isoformat()}:{change.criterion.id}:"
                f"{change.before.value}:{change.after.value}"
            )
            seen[key] = seen.get(key, 0) + 1
            found.append((change, station, f"{key}:{seen[key]}"))
    found.sort(key=lambda item: (-item[0].date.toordinal(), item[2]))
    entries = []
    for change, station, key in found[:FEED_LIMIT]:
        before, after = status_label(change.before, lang), status_label(change.after, lang)
        week = next((w for w in station.weeks if w.period.contains(change.date)), None)
        link = _href(site, (week or station).path)
        criterion = pick(change.criterion.title, lang)
        summary = [f"{criterion} ({station.status.criteria_set})."]
        summary += [change.note] if change.note else []
        summary += [f"git {change.commit}: {change.subject}"] if change.commit else []
        text = t(
            lang,
            "site.feed.entry",
            name=station.ward.name,
            id=change.criterion.id,
            before=before,
            after=after,
        )
        lines = [
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
        entries.append(((-change.date.toordinal(), key), "\n".join(lines)))
    return entries


def feed_xml(site: Site, entries: Iterable[FeedEntry]) -> str:
    """An Atom feed of criterion status changes, newest first (at most FEED_LIMIT)."""
    lang = site.lang
    chosen = sorted(entries)[:FEED_LIMIT]
    title = t(lang, "site.title") + (f" — {site.scope}" if site.scope else "")
    newest = dt.date.fromordinal(-chosen[0][0][0]) if chosen else site.date
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang="{lang}">',
        _tag("title", t(lang, "site.feed.title", title=title)),
        _tag("id", _uuid(f"feed:{slugify(site.scope or '')}:{lang}")),
        _tag("updated", newest.isoformat() + FEED_TIME),
        "<author>" + _tag("name", "kieumau") + "</author>",
        _tag("generator", "kieumau", version=site.version),
        _tag("link", rel="self", type="application/atom+xml", href=_href(site, "feed.xml")),
        _tag("link", rel="alternate", type="text/html", href=_href(site, "index.html")),
        *(entry for _, entry in chosen),
        "</feed>",
    ]
    return "\n".join(lines) + "\n"


def _href(site: Site, path: str) -> str:
    return site.absolute(path) or path
