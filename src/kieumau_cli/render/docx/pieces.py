"""Pieces of text the three Word documents share: a criterion, owner and due date, a
status change, a quantity, the plan, a cited source."""

from __future__ import annotations

from kieumau_cli.render.common import Bilingual, criterion_name, press_citation, quantity_text
from kieumau_cli.render.docx.primitives import Line, Piece, bold, italic
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.official import Issuer, Signature, ward_issuer, with_signature
from kieumau_cli.render.templates import sentence
from kieumau_cli.results.brief import Brief
from kieumau_cli.results.report import Report
from kieumau_cli.results.rows import CriterionDetail
from kieumau_cli.results.score import Score
from kieumau_cli.results.sources import SourceRow
from kieumau_cli.results.timeline import StatusChange
from kieumau_cli.text.format import format_percent


def criterion(w: Writer, criterion_id: str, title: Bilingual) -> list[Piece]:
    """'Tiêu chí số 3 (title)'."""
    return [bold(criterion_name(criterion_id, w.lang)), f" ({w.pick(title)})"]


def owner_due(w: Writer, row: CriterionDetail) -> list[Piece]:
    pieces: list[Piece] = [row.owner or w.t("doc.owner_none")]
    if row.due:
        pieces.append("; " + w.t("doc.due", date=w.date(row.due)))
    if row.overdue:
        pieces += [" (", bold(w.t("doc.overdue_days", days=row.days_overdue)), ")"]
    return pieces


def quantity(w: Writer, value: float, unit: str) -> str:
    return quantity_text(value, unit, w.lang)


def change(w: Writer, c: StatusChange, technical: bool = False) -> list[Piece]:
    by = f", {c.by}" if c.by else ""
    pieces = [
        *criterion(w, c.criterion.id, c.criterion.title),
        f": {w.status(c.before)} → {w.status(c.after)} ({w.date(c.date)}{by}).",
    ]
    if c.note:
        pieces.append(" " + sentence(c.note))
    if c.source != "history" and technical:
        git = w.t(f"change.{c.source}", sha=c.commit, subject=c.subject)
        pieces.append(italic(f" ({git})"))
    return pieces


def plan_text(w: Writer, r: Brief | Report) -> str | None:
    plan = r.ward.plan
    if plan is None:
        return None
    text = plan.number
    if plan.date:
        text += f" {w.t('plan_dated')} {w.date(plan.date)}"
    if plan.issuer:
        text += " " + w.t("docx.plan_issuer", issuer=plan.issuer)
    return text


def cited(w: Writer, s: SourceRow) -> str:
    if s.kind == "press":
        text = press_citation(s, w.lang)
        return f"{text} <{s.url}>" if s.url else text
    text = s.document or s.title or ""
    if s.date:
        text += f" {w.t('plan_dated')} {w.date(s.date)}"
    if s.clause:
        text += f", {s.clause}"
    if s.title and s.title != s.document:
        text += f" — {s.title}"
    return f"{text} <{s.url}>" if s.url else text


def set_line(w: Writer, r: Brief | Report) -> list[Piece]:
    """The set by its title (its id is for the technical appendix)."""
    return [f"{w.t('criteria_set')}: {w.pick(r.criteria_set.title)}."]


def issuer_of(r: Brief | Report) -> Issuer:
    """The ward's issuer with the signer and symbol the command was given."""
    paperwork = r.paperwork
    signer = paperwork.signer
    signature = (
        Signature(signer.sign_as, signer.title, signer.rank, signer.name) if signer.given else None
    )
    return with_signature(ward_issuer(r.ward), signature, paperwork.symbol)


def technical(w: Writer, r: Brief | Report) -> None:
    """The technical appendix (`--appendix`) and, always, the document properties."""
    w.tool = r.paperwork.tool_line(r.version, r.generated)
    if not r.paperwork.appendix:
        return
    w.heading(w.t("appendix.title"))
    w.item([f"{w.t('appendix.tool')}: kieumau {r.version}."])
    if r.paperwork.data_commit:
        w.item([f"{w.t('appendix.commit')}: {r.paperwork.data_commit}."])
    w.item([f"{w.t('appendix.ward')}: {r.ward.key}; {w.t('appendix.set')}: {r.criteria_set.ref}."])
    w.item([f"{w.t('appendix.set_provenance')}: {w.provenance(r.criteria_set.provenance)}"])
    w.item([f"{w.t('appendix.data_provenance')}: {w.provenance(r.ward.provenance)}"])


def with_status(w: Writer, row: CriterionDetail) -> Line:
    """'Tiêu chí số 8 (title) — Đang thực hiện; owner; hạn …'."""
    status = f" — {w.status(row.status)}; "
    return [*criterion(w, row.id, row.title), status, *owner_due(w, row), "."]


def score_text(w: Writer, score: Score) -> str:
    """'11/22 tiêu chí đạt (50%)'."""
    percent = format_percent(score.met, score.total, w.lang)
    return f"{score.met}/{score.total} {w.t('criteria_met')} ({percent})"
