"""The full report of one ward as a Word document."""

from __future__ import annotations

from typing import Any

from kieumau_cli.render.common import COMPARATOR_SIGNS
from kieumau_cli.render.docx.pieces import (
    cited,
    plan_text,
    quantity,
    score_text,
    set_line,
)
from kieumau_cli.render.docx.primitives import Cell, Line, Row, bold, italic
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.official import lower_first, ward_issuer
from kieumau_cli.results.report import Report
from kieumau_cli.results.rows import CriterionDetail
from kieumau_cli.results.timeline import StatusChange
from kieumau_cli.results.weeks import format_week, iso_week
from kieumau_cli.text.format import format_percent


def _report(w: Writer, r: Report) -> None:
    ward = r.ward
    programme = w.t(f"doc.programme.{ward.kind}")
    subject = w.t("docx.subject.report", programme=programme, date=w.date(r.generated))
    w.begin(ward_issuer(ward), r.generated, subject)
    w.intro(plan_text(w, r), ward.unit, lower_first(subject))
    _report_overview(w, r)
    _report_criteria(w, r)
    _report_over_time(w, r)
    w.numbered(w.t("report.sources"))
    for source in r.sources:
        w.item([f"{w.t('report.source.' + source.kind)}: {cited(w, source)}"])
    if not r.sources:
        w.item([w.t("doc.none")])
    w.note(w.t("doc.generated", date=w.date(r.generated), version=r.version))


def _report_overview(w: Writer, r: Report) -> None:
    """The unit, its set and plan, and the score."""
    ward, s, score = r.ward, r.criteria_set, r.score
    w.numbered(w.t("report.score"))
    w.item([f"{w.t('unit')}: {ward.unit}."])
    w.item([f"{w.t('ward')}: {ward.name}, {ward.province_name} ({ward.key})."])
    for f in ward.former:
        text = f.name + (f", {f.province}" if f.province else "")
        if f.until:
            text += f" ({w.t('report.until', date=w.date(f.until))})"
        w.item([f"{w.t('former')}: {text}."])
    w.item(set_line(w, r))
    w.item([f"{w.t('report.set_provenance')}: {w.provenance(s.provenance)}"])
    start = f"{w.t('report.start')}: {w.date(ward.start)}"
    w.item([f"{start}; {w.t('report.target')}: {w.date(ward.target)}."])
    counts = [
        f"{score.in_progress} {w.t('count.in_progress')}",
        f"{score.not_met} {w.t('count.not_met')}",
        f"{score.unknown} {w.t('count.unknown')}",
    ]
    if score.not_applicable:
        counts.append(f"{score.not_applicable} {w.t('count.not_applicable')}")
    w.item([f"{w.t('brief.result')}: ", bold(score_text(w, score)), "; " + "; ".join(counts) + "."])
    w.item([w.t("qualifies" if score.qualifies else "not_qualified") + "."])
    w.item([italic(f"{w.t('report.data_provenance')}: {w.provenance(ward.provenance)}")])


def _report_criteria(w: Writer, r: Report) -> None:
    """By group, what is missing, each criterion with its evidence, the indicators."""
    w.numbered(w.t("report.groups"))
    w.table(
        w.cols("col.group", "col.met", "col.percent"),
        (112.0, 26.0, 26.0),
        [
            [
                f"{g.id}. {w.pick(g.title)}",
                f"{g.met}/{g.total}",
                format_percent(g.met, g.total, w.lang),
            ]
            for g in r.groups
        ],
        "lcc",
    )
    w.numbered(w.t("report.missing", count=len(r.missing)))
    if r.missing:
        w.table(
            w.cols("col.id", "col.criterion", "col.status", "col.owner", "col.due"),
            (12.0, 60.0, 30.0, 38.0, 24.0),
            [
                [
                    row.id,
                    w.pick(row.title),
                    w.status(row.status),
                    row.owner or w.t("doc.owner_none"),
                    _due_cell(w, row),
                ]
                for row in r.missing
            ],
            "llllc",
        )
    else:
        w.paragraph([w.t("nothing_missing")])
    w.numbered(w.t("report.details"))
    kinds = {k: sum(row.provenance.kind == k for row in r.criteria) for k in _KINDS}
    w.paragraph([w.t("report.criteria_provenance", **kinds)])
    rows: list[Row] = []
    for g in r.groups:
        rows.append(f"{g.id}. {w.pick(g.title)} ({g.met}/{g.total})")
        rows += [_detail_row(w, row) for row in g.criteria]
    w.table(
        w.cols("col.id", "col.criterion", "col.status", "col.owner", "col.evidence"),
        (12.0, 48.0, 32.0, 26.0, 46.0),
        rows,
        "lllll",
    )
    w.numbered(w.t("report.indicators"))
    if r.indicators:
        w.table(
            w.cols(
                "col.id", "indicator", "col.target", "col.latest", "col.assessment", "col.trend"
            ),
            (12.0, 46.0, 20.0, 40.0, 24.0, 22.0),
            [_indicator_row(w, i) for i in r.indicators],
            "llclll",
        )
    else:
        w.paragraph([w.t("report.no_indicators")])


def _report_over_time(w: Writer, r: Report) -> None:
    """Published figures, progress over time (as a table) and the history."""
    if r.ward.reported:
        w.numbered(w.t("reported"))
        for item in r.ward.reported:
            met = bold(f"{item.met}/{item.total}")
            w.item([f"{w.date(item.date)}: ", met, f" — {w.provenance(item.source)}"])
    w.numbered(w.t("report.chart"))
    if len(r.progress) > 1:
        w.table(
            w.cols("col.date", "col.met"),
            (40.0, 30.0),
            [[w.date(p.date), f"{p.met}/{p.total}"] for p in r.progress],
            "cc",
        )
    else:
        w.paragraph([w.t("report.chart_none")])
    w.numbered(f"{w.t('report.history')} ({len(r.history)})")
    if r.history:
        w.table(
            w.cols(*(f"col.{k}" for k in ("date", "week", "id", "from", "to", "note", "by"))),
            (23.0, 21.0, 12.0, 23.0, 23.0, 36.0, 26.0),
            [_history_row(w, c) for c in r.history],
            "cclllll",
        )
    else:
        w.paragraph([w.t("report.no_history")])


_KINDS = ("official", "press", "illustrative")


def _due_cell(w: Writer, row: CriterionDetail) -> Cell:
    if row.due is None:
        return ""
    if row.overdue:
        return [[bold(w.date(row.due))], [bold(w.t("doc.overdue_days", days=row.days_overdue))]]
    return w.date(row.due)


def _detail_row(w: Writer, row: CriterionDetail) -> Row:
    title: list[Line] = [[w.pick(row.title)]]
    if row.note or row.reason:
        title.append([italic(f"{w.t('col.note')}: {row.note or row.reason}")])
    # The status cell carries its dates: updated, and due (bold when overdue).
    status: list[Line] = [[w.status(row.status)]]
    if row.last_update:
        status.append([italic(w.t("docx.updated", date=w.date(row.last_update)))])
    if row.due:
        due = w.t("doc.due", date=w.date(row.due))
        if row.overdue:
            overdue = w.t("doc.overdue_days", days=row.days_overdue)
            status.append([bold(f"{due} ({overdue})")])
        else:
            status.append([due])
    dash = "- " if len(row.evidence) > 1 else ""
    evidence: list[Line] = [
        [
            dash
            + e.title
            + (f" ({e.ref})" if e.ref else "")
            + (f", {w.date(e.date)}" if e.date else "")
        ]
        for e in row.evidence
    ]
    return [row.id, title, status, row.owner or "", evidence or ""]


def _indicator_row(w: Writer, i: Any) -> Row:
    unit = i.indicator.unit
    target = f"{COMPARATOR_SIGNS[i.indicator.comparator]} {quantity(w, i.indicator.target, unit)}"
    if i.latest:
        latest = f"{quantity(w, i.latest.value, unit)} ({w.date(i.latest.date)})"
        latest += f": {i.latest.note}" if i.latest.note else ""
    else:
        latest = w.t("report.no_reading")
    if i.meets is None:
        meets: Cell = "—"
    else:
        meets = w.t("report.meets") if i.meets else [[bold(w.t("report.misses"))]]
    trend = "—"
    if i.trend:
        trend = w.t(f"trend.{i.trend}")
        if i.improving is not None:
            trend += f" ({w.t('trend.better' if i.improving else 'trend.worse')})"
    return [i.criterion.id, w.pick(i.indicator.name), target, latest, meets, trend]


def _history_row(w: Writer, c: StatusChange) -> Row:
    if c.source != "history":
        note = w.t(f"change.{c.source}", sha=c.commit, subject=c.subject)
    else:
        note = c.note or ""
    return [
        w.date(c.date),
        format_week(*iso_week(c.date)),
        c.criterion.id,
        w.status(c.before),
        w.status(c.after),
        note,
        c.by or "",
    ]


def render(result: Report, lang: str) -> bytes:
    writer = Writer(lang)
    _report(writer, result)
    return writer.finish()
