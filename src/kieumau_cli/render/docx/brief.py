"""The weekly briefing note (giao ban) as a Word document."""

from __future__ import annotations

from kieumau_cli.render.common import COMPARATOR_SIGNS
from kieumau_cli.render.docx.pieces import (
    change,
    criterion,
    owner_due,
    plan_text,
    quantity,
    score_text,
    set_line,
    with_status,
)
from kieumau_cli.render.docx.primitives import Line, bold
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.official import lower_first, ward_issuer
from kieumau_cli.render.templates import sentence
from kieumau_cli.results.brief import Brief, OwnerTasks, StalledRow
from kieumau_cli.results.timeline import NewEvidence, NewReading, StatusChange


def _brief(w: Writer, r: Brief) -> None:
    ward, p = r.ward, r.period
    programme = w.t(f"doc.programme.{ward.kind}")
    if p.week:
        subject = w.t(
            "docx.subject.brief.week",
            programme=programme,
            week=f"{p.week[1]:02d}",
            year=p.week[0],
            label=p.week_label,
        )
        span = w.t("docx.period", start=w.date(p.start), end=w.date(p.end))
        what = f"{lower_first(subject)} {span}"
    else:
        subject = w.t(
            "docx.subject.brief.range",
            programme=programme,
            start=w.date(p.start),
            end=w.date(p.end),
        )
        what = lower_first(subject)
    # Dated the last day the note covers, or today while that day is still to come.
    w.begin(ward_issuer(ward), r.reference, subject)
    w.intro(plan_text(w, r), ward.unit, what)
    kind = "week" if p.week else "range"
    _brief_overview(w, r, kind)
    _brief_results(w, r, kind)
    _brief_problems(w, r)
    _brief_next(w, r, kind)
    w.heading(w.t("brief.s5"))
    for index, q in enumerate(r.requests, start=1):
        who = q.criterion.id + (f", {q.owner}" if q.owner else "")
        w.paragraph([f"{index}. ", bold(w.t(f"request.{q.kind}")), f" ({who}): {sentence(q.text)}"])
    if not r.requests:
        w.paragraph([w.t("brief.requests_none")])
    history = sum(1 for c in r.changes if c.source == "history")
    git = w.t(f"git.{r.git_state}", commits=r.commits)
    w.note(w.t("brief.sources", history=history, git=git))
    w.note(w.t("doc.generated", date=w.date(r.generated), version=r.version))


def _brief_overview(w: Writer, r: Brief, kind: str) -> None:
    """1. Tình hình chung."""
    w.heading(w.t("brief.s1"))
    w.item(set_line(w, r))
    after = r.after
    delta = (
        w.t(f"brief.delta.{kind}", delta=f"{r.delta:+d}", date=w.date(r.baseline))
        if r.delta
        else w.t(f"brief.same.{kind}", date=w.date(r.baseline))
    )
    w.item([f"{w.t('brief.result')}: ", bold(score_text(w, after)), f" ({delta})."])
    breakdown = w.t(
        "brief.breakdown",
        in_progress=after.in_progress,
        not_met=after.not_met,
        unknown=after.unknown,
    )
    if after.not_applicable:
        breakdown += "; " + w.t("brief.not_applicable", count=after.not_applicable)
    w.item([breakdown + "."])
    for reported in r.reported:
        source = reported.source
        name = (source.outlet or source.title) if source.kind == "press" else source.document
        text = w.t(
            "brief.reported",
            met=reported.met,
            total=reported.total,
            source=name,
            date=w.date(reported.date),
        )
        w.item([text + "."])
    if after.qualifies:
        w.item([w.t("qualifies") + "."])
    if r.days_left is not None:
        w.item([w.t("brief.target", date=w.date(r.ward.target), days=r.days_left) + "."])


def _brief_results(w: Writer, r: Brief, kind: str) -> None:
    """2. Kết quả trong tuần: status changes, new evidence, indicator readings."""
    w.heading(w.t(f"brief.s2.{kind}"))
    w.letters()

    def newly_met(c: StatusChange) -> Line:
        pieces = change(w, c)
        row = r.criteria[c.criterion.id]
        if row.evidence:
            titles = "; ".join(e.title for e in row.evidence)
            pieces.append(f" {w.t('col.evidence')}: {titles}.")
        return pieces

    w.block(w.t("brief.newly_met"), r.newly_met, newly_met)
    w.block(w.t("brief.regressions"), r.regressions, lambda c: change(w, c))
    w.block(w.t("brief.other_changes"), r.other_changes, lambda c: change(w, c))

    def evidence(e: NewEvidence) -> Line:
        text = e.title + (f" ({e.ref})" if e.ref else "")
        text += (f", {w.date(e.date)}" if e.date else "") + (f", {e.by}" if e.by else "")
        return [*criterion(w, e.criterion.id, e.criterion.title), f": {text}."]

    w.block(w.t("brief.new_evidence"), r.evidence, evidence)
    w.block(w.t("brief.readings"), r.readings, lambda x: _reading(w, x))


def _reading(w: Writer, x: NewReading) -> Line:
    pieces = criterion(w, x.criterion.id, x.criterion.title)
    indicator = x.criterion.indicator
    if indicator:
        target = f"{COMPARATOR_SIGNS[indicator.comparator]} "
        target += quantity(w, indicator.target, indicator.unit)
        pieces += [
            f": {w.pick(indicator.name)} ",
            bold(quantity(w, x.value, indicator.unit)),
            f" ({w.t('col.target').lower()} {target})",
        ]
    else:
        pieces += [": ", bold(w.number(x.value))]
    pieces.append(f", {w.date(x.date)}" + (f": {x.note}" if x.note else "") + ".")
    return pieces


def _brief_problems(w: Writer, r: Brief) -> None:
    """3. Tồn tại, hạn chế: overdue, not started, stalled, unassessed, unassigned."""
    w.heading(w.t("brief.s3"))
    w.letters()
    w.block(w.t("brief.overdue"), r.overdue, lambda row: with_status(w, row))
    w.block(
        w.t("brief.not_started"),
        r.not_started,
        lambda row: [*criterion(w, row.id, row.title), " — ", *owner_due(w, row), "."],
    )

    def stalled(s: StalledRow) -> Line:
        row = s.criterion
        last = (
            w.t("brief.last_change", date=w.date(row.last_update), weeks=s.weeks)
            if row.last_update
            else w.t("brief.never_changed")
        )
        return [*criterion(w, row.id, row.title), " — ", *owner_due(w, row), f"; {last}."]

    w.block(w.t("brief.stalled", weeks=r.stalled_weeks), r.stalled, stalled)
    for key, rows in (("brief.unassessed", r.unassessed), ("brief.unassigned", r.unassigned)):
        if rows:
            ids = ", ".join(row.id for row in rows)
            w.paragraph([bold(f"{w.t(key)} ({len(rows)}):"), f" {ids}."])


def _brief_next(w: Writer, r: Brief, kind: str) -> None:
    """4. Nhiệm vụ tuần tới: what falls due, overdue work, work by owner."""
    span = w.t("brief.span", start=w.date(r.next_period.start), end=w.date(r.next_period.end))
    w.heading(f"{w.t(f'brief.s4.{kind}')} ({span})")
    w.letters()
    w.block(w.t("brief.due_next"), r.due_next, lambda row: with_status(w, row))
    if r.overdue:
        ids = ", ".join(row.id for row in r.overdue)
        w.paragraph([w.t("brief.finish_overdue", ids=ids)])

    def tasks(task: OwnerTasks) -> Line:
        parts = [
            row.id + (f" ({w.t('doc.due', date=w.date(row.due))})" if row.due else "")
            for row in task.criteria
        ]
        return [f"{task.owner or w.t('doc.owner_none')}: {', '.join(parts)}."]

    w.block(w.t("brief.continuing"), r.continuing, tasks)


def render(result: Brief, lang: str) -> bytes:
    writer = Writer(lang)
    _brief(writer, result)
    return writer.finish()
