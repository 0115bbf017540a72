"""The sources a ward's report cites: press articles and legal documents, once each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from kieumau_cli.load.models import CriteriaSet, OfficialSource, PressSource, Provenance, Ward


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A press article or legal document cited somewhere in the ward or its set."""

    kind: Literal["press", "official"]
    title: str | None  # None: an article without a headline
    date: dt.date | None
    precision: str = "day"
    outlet: str | None = None
    document: str | None = None
    clause: str | None = None
    url: str | None = None
    title_from: str = "headline"  # "url": rebuilt from the article's address


def source_rows(ward: Ward, criteria_set: CriteriaSet) -> list[SourceRow]:
    cited: list[Provenance] = [*ward.sources, ward.provenance, criteria_set.provenance]
    if ward.plan and ward.plan.source:
        cited.append(ward.plan.source)
    cited += [reported.source for reported in ward.reported]
    cited += [item.provenance for item in criteria_set.criteria]
    cited += [r.source for s in ward.status.values() for r in s.readings if r.source]
    flat: list[OfficialSource | PressSource] = []
    for item in cited:
        if isinstance(item, OfficialSource | PressSource):
            flat.append(item)
        else:
            flat += item.based_on
    rows: dict[tuple[str, ...], SourceRow] = {}
    if criteria_set.legal_basis is not None:
        basis = criteria_set.legal_basis
        rows[("official", basis.number)] = SourceRow(
            "official", basis.title or basis.number, basis.date, document=basis.number
        )
    for source in flat:
        if isinstance(source, OfficialSource):
            key: tuple[str, ...] = ("official", source.document)
            row = SourceRow(
                "official",
                source.title or source.document,
                source.date,
                document=source.document,
                clause=source.clause,
                url=source.url,
            )
        else:
            key = ("press", source.title or source.url or "", source.date.isoformat())
            row = SourceRow(
                "press",
                source.title,
                source.date,
                source.date_precision,
                outlet=source.outlet,
                url=source.url,
                title_from=source.title_from,
            )
        if key not in rows or (row.url and not rows[key].url):
            rows[key] = row
    return sorted(rows.values(), key=lambda r: (r.kind, r.date or dt.date.min, r.title or ""))
