"""The province or national summary as a Word document."""

from __future__ import annotations

from kieumau_cli.render.common import unit_name
from kieumau_cli.render.docx.primitives import Cell, Row, bold
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.official import IssuerChoice, Signature, summary_issuer, with_signature
from kieumau_cli.results.summary import Summary
from kieumau_cli.text.format import format_percent
from kieumau_cli.text.places import lower_first, province_phrase


def _summary(w: Writer, r: Summary) -> None:
    programme = w.t("doc.programme.phuong")
    if r.province:
        subject = w.t(
            "docx.subject.summary.province",
            programme=programme,
            # "trên địa bàn tỉnh Thanh Hóa"; in English the name stays as the data has it.
            province=province_phrase(r.province) if w.lang == "vi" else r.province,
        )
    else:
        subject = w.t("docx.subject.summary.country", programme=programme)
    body = r.paperwork.issuer
    choice = IssuerChoice(
        body.unit, body.superior, body.place, r.paperwork.symbol, body.signer_title
    )
    issuer = summary_issuer(r.province, r.superior, choice)
    signer = r.paperwork.signer
    if signer.given:
        signature = Signature(signer.sign_as, signer.title, signer.rank, signer.name)
        issuer = with_signature(issuer, signature, None)
    w.tool = r.paperwork.tool_line(r.version, r.generated)
    w.begin(issuer, r.generated, subject)
    if issuer.unit:
        w.intro(None, issuer.unit, lower_first(subject))
    w.paragraph(
        [
            f"{w.t('as_of')}: {w.date(r.generated)}; "
            f"{w.t('summary.stations', count=len(r.rows))}; "
            f"{w.t('summary.qualified_count', count=len(r.ready))}."
        ]
    )

    w.numbered(w.t("summary.ranking"))
    if r.scored:
        _ranking(w, r)
    else:
        w.paragraph([w.t("no_wards")])

    w.numbered(w.t("summary.counts"))
    count_rows: list[Row] = [
        [w.status(status), w.number(count), format_percent(count, r.criteria_total, w.lang)]
        for status, count in r.counts.items()
    ]
    count_rows.append([[[bold(w.t("summary.total"))]], [[bold(w.number(r.criteria_total))]], ""])
    w.table(
        w.cols("col.status", "col.count", "col.percent"),
        (70.0, 30.0, 30.0),
        count_rows,
        "lrr",
    )

    w.numbered(w.t("summary.sets"))
    w.table(
        [w.t(f"col.{k}") for k in ("set", "count", "pass_rule", "stations")]
        + [w.t("col.qualifies")],
        (74.0, 20.0, 34.0, 18.0, 18.0),
        [
            [
                w.pick(use.criteria_set.title),
                str(len(use.criteria_set.criteria)),
                w.t(
                    f"pass_rule.{use.criteria_set.pass_rule.kind}",
                    min=getattr(use.criteria_set.pass_rule, "min", 0),
                ),
                str(use.stations),
                str(use.qualified),
            ]
            for use in r.sets
        ],
        "lclcc",
    )

    _ready(w, r)

    w.numbered(f"{w.t('summary.stale', days=r.stale_days)} ({len(r.stale)})")
    for row in r.stale:
        when = (
            w.t(
                "summary.last_update",
                date=w.date(row.last_update),
                days=w.number(r.age(row) or 0),
            )
            if row.last_update
            else w.t("summary.never")
        )
        w.item([bold(unit_name(row, w.lang)), f": {when}."])
    if not r.stale:
        w.paragraph([w.t("summary.stale_none", days=r.stale_days)])
    if r.broken:
        w.numbered(f"{w.t('summary.broken')} ({len(r.broken)})")
        for row in r.broken:
            w.item([f"{row.key}: {w.t('problem.' + str(row.problem))}."])
    if r.roadmap is not None:
        from kieumau_cli.render.docx.roadmap import roadmap_section

        roadmap_section(w, r.roadmap)
    if r.paperwork.appendix:
        w.heading(w.t("appendix.title"))
        w.item([f"{w.t('appendix.tool')}: kieumau {r.version}."])
        if r.paperwork.data_commit:
            w.item([f"{w.t('appendix.commit')}: {r.paperwork.data_commit}."])
        for row in r.rows:
            w.item([f"{row.name}: {row.key}, {row.criteria_set}."])


def _ranking(w: Writer, r: Summary) -> None:
    """One row per station; a one-province summary has no province column, and the date
    column is wide enough for 'dd/mm/yyyy' on one line (A4, 10,5 pt)."""
    several = r.province is None
    rows: list[Row] = []
    for index, row in enumerate(r.scored, start=1):
        assert row.score is not None
        score = f"{row.score.met}/{row.score.total}"
        if row.score.unknown:
            score += f" ({row.score.unknown} {w.t('count.unknown')})"
        used = r.criteria_set_of(row)
        cells: list[Cell] = [str(index), unit_name(row, w.lang)]
        if several:
            cells.append(row.province_name)
        cells += [
            w.pick(used.title) if used else "",
            score,
            format_percent(row.score.met, row.score.total, w.lang),
            w.t("doc.yes" if row.score.qualifies else "doc.no"),
            w.date(row.last_update),
        ]
        rows.append(cells)
    keys = ["docx.col.no", "col.name", *(["col.province"] if several else []), "col.set"]
    keys += ["col.score", "col.percent", "col.qualifies", "col.last_update"]
    widths = (9.0, 26.0, *((20.0,) if several else ()), 44.0 if several else 62.0)
    widths += (17.0, 14.0, 14.0, 22.0)
    w.table(w.cols(*keys), widths, rows, "cl" + ("l" if several else "") + "lcccc")


def render(result: Summary, lang: str) -> bytes:
    writer = Writer(lang)
    _summary(writer, result)
    return writer.finish()


def _ready(w: Writer, r: Summary) -> None:
    """The stations that may ask for inspection and recognition, and how many that
    meet every criterion are left out because they hold a recognition already."""
    w.numbered(f"{w.t('summary.qualified')} ({len(r.ready)})")
    for row in r.ready:
        assert row.score is not None
        w.item(
            [
                bold(unit_name(row, w.lang)),
                f", {row.province_name}: {row.score.met}/{row.score.total}.",
            ]
        )
    if not r.ready:
        w.paragraph([w.t("summary.qualified_none")])
    if r.holding:
        w.paragraph([w.t("summary.holding", count=len(r.holding))])
