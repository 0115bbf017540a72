"""The roadmap section of the summary as Word: one table of the areas against the targets,
the lapsed recognitions, and the criteria holding most stations back."""

from __future__ import annotations

from kieumau_cli.render.common import criterion_name
from kieumau_cli.render.docx.primitives import Row, bold
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.roadmap import HOLDING_SHOWN, area_line, share_text
from kieumau_cli.results.roadmap import Roadmap


def roadmap_section(w: Writer, roadmap: Roadmap) -> None:
    w.numbered(w.t("roadmap.title"))
    years = [target.year for target in roadmap.national.targets]
    rows: list[Row] = [
        [name if name is not None else w.t("summary.country"), area_line(area, w.lang)]
        + [share_text(area, year, w.lang) for year in years]
        for name, area in roadmap.areas()
    ]
    share_mm = (164.0 - 40.0 - 34.0) / max(len(years), 1)
    w.table(
        [w.t("roadmap.col.area"), w.t("roadmap.col.counts")]
        + [w.t("roadmap.col.year", year=year) for year in years],
        (40.0, 34.0, *([share_mm] * len(years))),
        rows,
        "lc" + "l" * len(years),
    )
    lapsed = roadmap.lapsed_names()
    w.paragraph(
        [w.t("roadmap.lapsed", keys=", ".join(lapsed)) if lapsed else w.t("roadmap.lapsed_none")]
    )
    for matrix in roadmap.matrices:
        if not matrix.holding:
            continue
        w.paragraph(
            [
                bold(
                    w.t(
                        "roadmap.holding",
                        ref=matrix.title_in(w.lang),
                        count=len(matrix.stations),
                    )
                )
            ],
            keep_next=True,
        )
        for holding in matrix.holding[:HOLDING_SHOWN]:
            w.item(
                [
                    bold(criterion_name(holding.criterion, w.lang)),
                    f" {holding.title_in(w.lang)}: "
                    f"{w.t('roadmap.stations', count=len(holding.stations))}",
                ]
            )
