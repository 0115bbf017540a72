"""The roadmap in `summary`: its terminal section (Rich) and `summary --format json`.

The Markdown and HTML sections are the template partials `_roadmap.md.j2` and
`_roadmap.html.j2`; the Word section is `render/docx/roadmap.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from kieumau_cli.render.common import styled, write_json
from kieumau_cli.results.roadmap import Area, Roadmap
from kieumau_cli.results.summary import Summary
from kieumau_cli.text import t
from kieumau_cli.text.format import format_number

if TYPE_CHECKING:
    from rich.console import Console

HOLDING_SHOWN = 5  # criteria listed per set as holding stations back


def share_text(area: Area, year: int, lang: str) -> str:
    """'3/687 (0,4%) — mục tiêu 30%: chưa đạt', or '— (chưa rõ số đơn vị)'."""
    target = next(x for x in area.targets if x.year == year)
    goal = t(lang, "roadmap.goal", share=format_number(target.share, lang))
    if target.actual is None or area.units is None:
        return f"{goal}: {t(lang, 'roadmap.units_unknown')}"
    verdict = t(lang, "roadmap.reached" if target.reached else "roadmap.not_reached")
    actual = format_number(target.actual, lang)
    return f"{area.recognised}/{area.units.count} ({actual}%) — {goal}: {verdict}"


def area_line(area: Area, lang: str) -> str:
    not_started = (
        str(area.not_started) if area.not_started is not None else t(lang, "roadmap.unknown")
    )
    return t(
        lang,
        "roadmap.counts",
        recognised=area.recognised,
        in_progress=area.in_progress,
        not_started=not_started,
    )


def render_text_section(con: Console, roadmap: Roadmap, lang: str) -> None:
    from rich.table import Table

    con.print()
    con.print(styled(t(lang, "roadmap.title"), style="bold"))
    table = Table(box=None, show_header=True, padding=(0, 1))
    table.add_column(t(lang, "roadmap.col.area"))
    table.add_column(t(lang, "roadmap.col.counts"))
    years = [target.year for target in roadmap.national.targets]
    for year in years:
        table.add_column(t(lang, "roadmap.col.year", year=year))
    for name, area in roadmap.areas():
        label = name if name is not None else t(lang, "summary.country")
        table.add_row(label, area_line(area, lang), *(share_text(area, y, lang) for y in years))
    con.print(table)
    if roadmap.national.lapsed:
        con.print(t(lang, "roadmap.lapsed", keys=", ".join(roadmap.national.lapsed)))
    for matrix in roadmap.matrices:
        if not matrix.holding:
            continue
        con.print(t(lang, "roadmap.holding", ref=matrix.criteria_set, count=len(matrix.stations)))
        for holding in matrix.holding[:HOLDING_SHOWN]:
            con.print(
                f"  {holding.criterion} {holding.title}: "
                + t(lang, "roadmap.stations", count=len(holding.stations))
            )


def summary_payload(result: Summary) -> dict[str, Any]:
    """The JSON contract of `summary --format json`."""
    return {
        "schema_version": 1,
        "province": result.province,
        "generated": result.generated.isoformat(),
        "stations": len(result.rows),
        "qualified": len(result.qualified),
        "counts": {status.value: count for status, count in result.counts.items()},
        "sets": [
            {
                "criteria_set": use.criteria_set.ref,
                "stations": use.stations,
                "qualified": use.qualified,
            }
            for use in result.sets
        ],
        "wards": [row.payload() for row in result.rows],
        "roadmap": result.roadmap.payload() if result.roadmap is not None else None,
    }


def render_json(result: Summary, lang: str, out: TextIO) -> None:
    write_json(summary_payload(result), out)
