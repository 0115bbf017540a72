"""The full report of one ward as a Word document."""

from __future__ import annotations

from typing import Any

from kieumau_cli.render.common import (
    criterion_number,
    group_name,
    reading_text,
    target_text,
    unit_name,
)
from kieumau_cli.render.docx.pieces import (
    cited,
    issuer_of,
    plan_text,
    score_text,
    set_line,
    technical,
)
from kieumau_cli.render.docx.primitives import Cell, Line, Row, bold, italic
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.lifecycle import stage_phrase, verdict_key, verified_phrase
from kieumau_cli.results.report import Report
from kieumau_cli.results.rows import CriterionDetail
from kieumau_cli.results.timeline import StatusChange
from kieumau_cli.text.format import format_percent
from kieumau_cli.text.places import lower_first, place_phrase


def _report(w: Writer, r: Report) -> None:
    ward = r.ward
    programme = w.t(f"doc.programme.{ward.kind}")
    subject = w.t("docx.subject.report", programme=programme, date=w.date(r.generated))
    w.begin(issuer_of(r), r.generated, subject)
    w.intro(plan_text(w, r), ward.unit, lower_first(subject))
    _report_overview(w, r)
    _report_criteria(w, r)
    _report_over_time(w, r)
    # A station's own report cites its legal bases, never a newspaper about itself.
    official = [source for source in r.sources if source.kind == "official"]
    if official:
        w.numbered(w.t("report.sources"))
        for source in official:
            w.item([f"{w.t('report.source.' + source.kind)}: {cited(w, source)}"])
    technical(w, r)
    if r.paperwork.appendix:
        for source in r.sources:
            if source.kind != "official":
                w.item([f"{w.t('report.source.' + source.kind)}: {cited(w, source)}"])
    w.annex(w.t("annex.details"), lambda: _details_table(w, r))
    if r.history:
        w.annex(f"{w.t('annex.history')} ({len(r.history)})", lambda: _history_table(w, r))


def _report_overview(w: Writer, r: Report) -> None:
    """The unit, its set and plan, and the score."""
    ward, score = r.ward, r.score
    w.numbered(w.t("report.score"))
    w.item([f"{w.t('unit')}: {ward.unit}."])
    w.item([f"{w.t('ward')}: {place_phrase(unit_name(ward, w.lang), ward.province_name)}."])
    for f in ward.former:
        text = f.name + (f", {f.province}" if f.province else "")
        if f.until:
            text += f" ({w.t('report.until', date=w.date(f.until))})"
        w.item([f"{w.t('former')}: {text}."])
    w.item(set_line(w, r))
    start = f"{w.t('report.start')}: {w.date(ward.start, ward.start_precision)}"
    w.item([f"{start}; {w.t('report.target')}: {w.date(ward.target)}."])
    if r.lifecycle:
        w.item([f"{w.t('lifecycle.stage')}: {stage_phrase(r.lifecycle, w.lang)}."])
        checked = verified_phrase(r.lifecycle, w.lang)
        if checked:
            w.item([checked.rstrip(".") + "."])
    counts = [
        f"{score.in_progress} {w.t('count.in_progress')}",
        f"{score.not_met} {w.t('count.not_met')}",
        f"{score.unknown} {w.t('count.unknown')}",
    ]
    if score.not_applicable:
        counts.append(f"{score.not_applicable} {w.t('count.not_applicable')}")
    w.item([f"{w.t('brief.result')}: ", bold(score_text(w, score)), "; " + "; ".join(counts) + "."])
    w.item([w.t(verdict_key(score.qualifies, r.lifecycle)) + "."])


def _report_criteria(w: Writer, r: Report) -> None:
    """By group, what is missing, each criterion with its evidence, the indicators."""
    w.numbered(w.t("report.groups"))
    w.table(
        w.cols("col.group", "col.met", "col.percent"),
        (112.0, 26.0, 26.0),
        [
            [
                f"{group_name(g.id, w.lang)}. {w.pick(g.title)}",
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
            w.cols("col.no", "col.criterion", "col.status", "col.owner", "col.due"),
            (14.0, 58.0, 30.0, 38.0, 24.0),
            [
                [
                    criterion_number(row.id),
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
    annexes = [w.annex_name(0)] + ([w.annex_name(1)] if r.history else [])
    w.paragraph([w.t("docx.annex_see", annex=", ".join(annexes))])
    w.numbered(w.t("report.indicators"))
    if r.indicators:
        w.table(
            w.cols(
                "col.no", "indicator", "col.target", "col.latest", "col.assessment", "col.trend"
            ),
            (14.0, 42.0, 28.0, 38.0, 22.0, 20.0),
            [_indicator_row(w, i) for i in r.indicators],
            "clllll",
        )
    else:
        w.paragraph([w.t("report.no_indicators")])


def _report_over_time(w: Writer, r: Report) -> None:
    """Progress over time (as a table); the details and the history are annexes."""
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


def _details_table(w: Writer, r: Report) -> None:
    rows: list[Row] = []
    for g in r.groups:
        rows.append(f"{group_name(g.id, w.lang)}. {w.pick(g.title)} ({g.met}/{g.total})")
        rows += [_detail_row(w, row) for row in g.criteria]
    w.table(
        w.cols("col.no", "col.criterion", "col.status", "col.owner", "col.evidence"),
        (14.0, 48.0, 32.0, 26.0, 44.0),
        rows,
        "cllll",
    )


def _history_table(w: Writer, r: Report) -> None:
    w.table(
        w.cols(*(f"col.{k}" for k in ("date", "no", "from", "to", "note", "by"))),
        (23.0, 16.0, 27.0, 27.0, 43.0, 28.0),
        [_history_row(w, c, r.paperwork.appendix) for c in r.history],
        "ccllll",
    )


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
    return [criterion_number(row.id), title, status, row.owner or "", evidence or ""]


def _indicator_row(w: Writer, i: Any) -> Row:
    target = target_text(i.indicator, w.lang)
    if i.latest:
        latest = f"{reading_text(i.latest.value, i.indicator, w.lang)} ({w.date(i.latest.date)})"
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
    return [
        criterion_number(i.criterion.id),
        w.pick(i.indicator.name),
        target,
        latest,
        meets,
        trend,
    ]


def _history_row(w: Writer, c: StatusChange, technical: bool) -> Row:
    if c.source == "history":
        note = c.note or ""
    else:  # a change only git knows: its commit is for the technical appendix only
        note = w.t(f"change.{c.source}", sha=c.commit, subject=c.subject) if technical else ""
    return [
        w.date(c.date),
        criterion_number(c.criterion.id),
        w.status(c.before),
        w.status(c.after),
        note,
        c.by or "",
    ]


def render(result: Report, lang: str) -> bytes:
    writer = Writer(lang)
    _report(writer, result)
    return writer.finish()
