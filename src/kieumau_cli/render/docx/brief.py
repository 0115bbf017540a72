"""The weekly briefing note (giao ban) as a Word document."""

from __future__ import annotations

from kieumau_cli.load.notes import NoteSection
from kieumau_cli.render.common import (
    criteria_names,
    criterion_name,
    note_heading,
    reading_text,
    target_text,
)
from kieumau_cli.render.docx.pieces import (
    change,
    criterion,
    issuer_of,
    owner_due,
    plan_text,
    score_text,
    set_line,
    technical,
    with_status,
)
from kieumau_cli.render.docx.primitives import Line, Span, bold
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.lifecycle import verdict_key
from kieumau_cli.render.templates import delta_text, sentence
from kieumau_cli.results.brief import Brief, StalledRow, Task
from kieumau_cli.results.timeline import NewEvidence, NewReading, StatusChange
from kieumau_cli.results.workdays import Break
from kieumau_cli.text.places import lower_first


def _brief(w: Writer, r: Brief) -> None:
    ward, p = r.ward, r.period
    programme = w.t(f"doc.programme.{ward.kind}")
    if p.week:
        subject = w.t(
            "brief.title.week",
            programme=programme,
            week=f"{p.week[1]:02d}",
            year=p.week[0],
            start=w.date(p.start, "day_month"),
            end=w.date(p.end),
        )
        what = lower_first(subject)
    else:
        subject = w.t(
            "docx.subject.brief.range",
            programme=programme,
            start=w.date(p.start),
            end=w.date(p.end),
        )
        what = lower_first(subject)
    # Dated the last working day the note covers (a Friday, or the day before a break),
    # or today while that day is still to come.
    notes = r.notes
    if notes is not None and p.week:
        subject = w.t(
            "weekly.title",
            week=f"{p.week[1]:02d}",
            year=p.week[0],
            start=w.date(p.start, "day_month"),
            end=w.date(p.end),
        )
        w.begin(issuer_of(r), r.document_day, subject)
        _note(w, notes.get("I"))
        second = notes.get("II")
        w.heading(note_heading(second, w.lang) if second else w.t("weekly.II"))
        if second:
            _note_blocks(w, second)
        w.paragraph([Span(w.t("weekly.model", programme=programme), bold=True, italic=True)])
    else:
        w.begin(issuer_of(r), r.document_day, subject)
        w.intro(plan_text(w, r), ward.unit, what)
    kind = "week" if p.week else "range"
    _brief_overview(w, r, kind)
    _brief_results(w, r, kind)
    _brief_problems(w, r)
    _brief_next(w, r, kind)
    w.heading(w.t("brief.s5"))
    for index, q in enumerate(r.requests, start=1):
        who = criterion_name(q.criterion.id, w.lang) + (f", {q.owner}" if q.owner else "")
        w.paragraph([f"{index}. ", bold(w.t(f"request.{q.kind}")), f" ({who}): {sentence(q.text)}"])
    if not r.requests:
        w.paragraph([w.t("brief.requests_none")])
    if notes is not None:
        for number in ("III", "IV", "V", "VI"):
            _note(w, notes.get(number))
    technical(w, r)
    if r.paperwork.appendix:
        history = sum(1 for c in r.changes if c.source == "history")
        git = w.t(f"git.{r.git_state}", commits=r.commits)
        w.item([w.t("brief.sources", history=history, git=git)])


def _note(w: Writer, section: NoteSection | None) -> None:
    """An officer-written section, as written (plain text; nothing added when absent)."""
    if section is None:
        return
    w.heading(note_heading(section, w.lang))
    _note_blocks(w, section)


def _note_blocks(w: Writer, section: NoteSection) -> None:
    for block in section.blocks:
        if block.kind == "item":
            w.item([block.text])
        else:
            w.paragraph([block.text])


def _brief_overview(w: Writer, r: Brief, kind: str) -> None:
    """1. Tình hình chung."""
    w.heading(w.t("brief.s1"))
    w.item(set_line(w, r))
    after = r.after
    delta = delta_text(r, kind, w.lang)
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
    # Published figures (a newspaper about the station) are for the province's summary,
    # never cited in the station's own note.
    if after.qualifies:
        w.item([w.t(verdict_key(True, r.lifecycle)) + "."])
    if r.days_left is not None:
        w.item([w.t("brief.target", date=w.date(r.ward.target), days=r.days_left) + "."])
    for one in r.breaks:
        w.item([_break(w, "brief.breaks", one) + "."])


def _break(w: Writer, key: str, one: Break) -> str:
    name = one.name_vi if w.lang == "vi" else one.name_en
    return w.t(key, holiday=name, start=w.date(one.start), end=w.date(one.end))


def _brief_results(w: Writer, r: Brief, kind: str) -> None:
    """2. Kết quả trong tuần: status changes, new evidence, indicator readings."""
    w.heading(w.t(f"brief.s2.{kind}"))
    w.letters()

    def newly_met(c: StatusChange) -> Line:
        pieces = change(w, c, r.paperwork.appendix)
        row = r.criteria[c.criterion.id]
        if row.evidence:
            titles = "; ".join(e.title for e in row.evidence)
            pieces.append(f" {w.t('col.evidence')}: {titles}.")
        return pieces

    technical = r.paperwork.appendix
    w.block(w.t("brief.newly_met"), r.newly_met, newly_met)
    w.block(w.t("brief.regressions"), r.regressions, lambda c: change(w, c, technical))
    w.block(w.t("brief.other_changes"), r.other_changes, lambda c: change(w, c, technical))

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
        pieces += [
            f": {w.pick(indicator.name)} ",
            bold(reading_text(x.value, indicator, w.lang)),
            f" ({w.t('col.target').lower()}: {target_text(indicator, w.lang)})",
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
            ids = criteria_names([row.id for row in rows], w.lang)
            w.paragraph([bold(f"{w.t(key)} ({len(rows)}):"), f" {ids}."])


def _brief_next(w: Writer, r: Brief, kind: str) -> None:
    """4. Nhiệm vụ tuần tới: what falls due, overdue work, work by owner."""
    span = w.t("brief.span", start=w.date(r.next_period.start), end=w.date(r.next_period.end))
    w.heading(f"{w.t(f'brief.s4.{kind}')} ({span})")
    w.letters()
    for one in r.next_breaks:
        w.paragraph([_break(w, "brief.breaks_next", one) + "."])
    w.block(w.t("brief.due_next"), r.due_next, lambda row: with_status(w, row))
    if r.overdue:
        ids = criteria_names([row.id for row in r.overdue], w.lang)
        w.paragraph([w.t("brief.finish_overdue", ids=ids)])
    w.block(w.t("brief.tasks"), r.tasks, lambda task: [task_text(w, task)])


def task_text(w: Writer, task: Task) -> str:
    """'Tiêu chí số 19: <what the note says>; phụ trách: …; hạn: …'."""
    title = lower_first(w.pick(task.criterion.title))
    what = task.action.rstrip().rstrip(".") if task.action else None
    action = what or w.t("brief.action_default", title=title)
    name = criterion_name(task.criterion.id, w.lang)
    owner = task.owner or w.t("doc.owner_none")
    if task.due:
        return (
            w.t("brief.task", criterion=name, action=action, owner=owner, due=w.date(task.due))
            + "."
        )
    return w.t("brief.task_undated", criterion=name, action=action, owner=owner) + "."


def render(result: Brief, lang: str) -> bytes:
    writer = Writer(lang)
    _brief(writer, result)
    return writer.finish()
