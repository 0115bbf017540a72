"""The province or national summary as a Word document."""

from __future__ import annotations

from kieumau_cli.render.docx.primitives import Row, bold
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.official import lower_first, province_phrase, summary_issuer
from kieumau_cli.results.summary import Summary
from kieumau_cli.text.format import format_percent


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
    issuer = summary_issuer(r.province, r.superior)
    w.begin(issuer, r.generated, subject)
    w.intro(None, issuer.unit, lower_first(subject))
    w.paragraph(
        [
            f"{w.t('as_of')}: {w.date(r.generated)}; "
            f"{w.t('summary.stations', count=len(r.rows))}; "
            f"{w.t('summary.qualified_count', count=len(r.qualified))}."
        ]
    )

    w.numbered(w.t("summary.ranking"))
    if r.scored:
        rows: list[Row] = []
        for index, row in enumerate(r.scored, start=1):
            assert row.score is not None
            score = f"{row.score.met}/{row.score.total}"
            if row.score.unknown:
                score += f" ({row.score.unknown} {w.t('count.unknown')})"
            rows.append(
                [
                    str(index),
                    row.name,
                    row.province_name,
                    row.criteria_set,
                    score,
                    format_percent(row.score.met, row.score.total, w.lang),
                    w.t("doc.yes" if row.score.qualifies else "doc.no"),
                    w.date(row.last_update),
                ]
            )
        w.table(
            w.cols("docx.col.no", "col.name", "col.province", "col.set", "col.score")
            + w.cols("col.percent", "col.qualifies", "col.last_update"),
            (9.0, 30.0, 24.0, 35.0, 17.0, 14.0, 14.0, 21.0),
            rows,
            "clllcccc",
        )
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
        [w.t(f"col.{k}") for k in ("set", "criterion", "count", "pass_rule", "stations")]
        + [w.t("col.qualifies")],
        (34.0, 50.0, 18.0, 28.0, 17.0, 17.0),
        [
            [
                use.criteria_set.ref,
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
        "llclcc",
    )

    w.numbered(f"{w.t('summary.qualified')} ({len(r.qualified)})")
    for row in r.qualified:
        assert row.score is not None
        w.item(
            [
                bold(row.name),
                f" ({row.key}), {row.province_name}: {row.score.met}/{row.score.total}, "
                f"{row.criteria_set}.",
            ]
        )
    if not r.qualified:
        w.paragraph([w.t("summary.qualified_none")])

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
        w.item([bold(row.name), f" ({row.key}): {when}."])
    if not r.stale:
        w.paragraph([w.t("summary.stale_none", days=r.stale_days)])
    if r.broken:
        w.numbered(f"{w.t('summary.broken')} ({len(r.broken)})")
        for row in r.broken:
            w.item([f"{row.key}: {w.t('problem.' + str(row.problem))}."])
    if r.roadmap is not None:
        from kieumau_cli.render.docx.roadmap import roadmap_section

        roadmap_section(w, r.roadmap)
    w.note(w.t("doc.generated", date=w.date(r.generated), version=r.version))


def render(result: Summary, lang: str) -> bytes:
    writer = Writer(lang)
    _summary(writer, result)
    return writer.finish()
