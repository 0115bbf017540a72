"""The recognition dossier (hồ sơ đề nghị kiểm tra, công nhận) as Word documents: the
self-assessment report, the submission (tờ trình) and the evidence index, each in the
state format of Nghị định 30/2020/NĐ-CP (`render/official.py`)."""

from __future__ import annotations

from dataclasses import replace

from kieumau_cli.render.docx.pieces import score_text
from kieumau_cli.render.docx.primitives import Line, Row, bold, italic
from kieumau_cli.render.docx.writer import Writer
from kieumau_cli.render.lifecycle import stage_phrase, verdict_key
from kieumau_cli.render.official import Issuer, ward_issuer
from kieumau_cli.results.dossier import Dossier
from kieumau_cli.results.rows import bilingual
from kieumau_cli.text.places import lower_first

SUBMISSION_SYMBOL = "TTr"


def _issuer(d: Dossier, prefix: str | None = None) -> Issuer:
    issuer = ward_issuer(d.ward)
    if prefix is None:
        return issuer
    kind = issuer.symbol.split("-", 1)[1] if "-" in issuer.symbol else issuer.symbol
    return replace(issuer, symbol=f"{prefix}-{kind}")


def _plan(w: Writer, d: Dossier) -> str | None:
    plan = d.ward.plan
    if plan is None:
        return None
    text = plan.number
    if plan.date is not None:
        text += f" {w.t('plan_dated')} {w.date(plan.date)}"
    if plan.issuer:
        text += f" {w.t('dossier.of')} {plan.issuer}"
    return text


def _set_name(w: Writer, d: Dossier) -> str:
    # Named by its title, as officials name it: the `id@version` is the tool's key.
    return w.pick(bilingual(d.criteria_set.title))


def _evidence_lines(w: Writer, d: Dossier, criterion_id: str) -> list[Line]:
    rows = [row for row in d.evidence if row.criterion == criterion_id]
    dash = "- " if len(rows) > 1 else ""
    lines: list[Line] = []
    for row in rows:
        e = row.evidence
        text = dash + e.title + (f" ({e.ref})" if e.ref else "")
        text += f", {w.date(e.date)}" if e.date else ""
        lines.append([text])
        if e.file:
            lines.append([italic(w.t("dossier.file", file=e.file))])
    return lines


def self_assessment(w: Writer, d: Dossier) -> None:
    ward = d.ward
    programme = w.t(f"doc.programme.{ward.kind}")
    subject = w.t("dossier.subject.self", programme=programme, year=d.year)
    w.begin(_issuer(d), d.generated, subject)
    plan = _plan(w, d)
    w.intro(plan, ward.unit, lower_first(subject))
    w.numbered(w.t("dossier.general"))
    w.item([f"{w.t('unit')}: {ward.unit}."])
    w.item([f"{w.t('ward')}: {ward.name}, {ward.province_name}."])
    if ward.selected is not None:
        w.item([w.t("dossier.selected", date=w.date(ward.selected.date))])
    w.item([f"{w.t('criteria_set')}: {_set_name(w, d)}."])
    w.item([f"{w.t('lifecycle.stage')}: {stage_phrase(d.lifecycle, w.lang)}."])
    w.numbered(w.t("dossier.result"))
    if d.self_assessment is not None:
        a = d.self_assessment
        w.item([w.t("dossier.assessed_on", date=w.date(a.date), by=a.by)])
    w.item([f"{w.t('brief.result')}: ", bold(score_text(w, d.score)), "."])
    w.item([w.t(verdict_key(d.score.qualifies, d.lifecycle)) + "."])
    if d.without_evidence:
        w.item([italic(w.t("dossier.without_evidence", ids=", ".join(d.without_evidence)))])
    w.numbered(w.t("dossier.per_criterion"))
    rows: list[Row] = []
    for group in d.groups:
        rows.append(f"{group.id}. {w.pick(group.title)}")
        for row in group.criteria:
            title: list[Line] = [[w.pick(row.title)]]
            if row.note:
                title.append([italic(row.note)])
            evidence = _evidence_lines(w, d, row.id)
            rows.append([row.id, title, w.status(row.status), evidence or "—"])
    w.table(
        w.cols("col.id", "col.criterion", "dossier.col.self", "col.evidence"),
        (12.0, 74.0, 28.0, 50.0),
        rows,
        "llcl",
    )
    w.numbered(w.t("dossier.proposal"))
    key = "dossier.propose" if d.score.qualifies else "dossier.continue"
    w.paragraph([w.t(key, unit=ward.unit, year=d.year)])
    w.note(w.t("dossier.provenance", provenance=w.provenance(ward.provenance)))
    w.note(w.t("doc.generated", date=w.date(d.generated), version=d.version))


def submission(w: Writer, d: Dossier) -> None:
    ward = d.ward
    programme = w.t(f"doc.programme.{ward.kind}")
    subject = w.t("dossier.subject.submission", programme=programme, year=d.year)
    issuer = _issuer(d, SUBMISSION_SYMBOL)
    w.begin(issuer, d.generated, subject, doc_type=w.t("dossier.type.submission"))
    superior = issuer.superior or w.t("dossier.superior_unknown")
    w.paragraph([w.t("dossier.to", body=superior)], align="c", indent=False)
    w.numbered(w.t("dossier.basis"))
    plan = _plan(w, d)
    if plan:
        w.item([w.t("dossier.basis.plan", plan=plan)])
    basis = d.criteria_set.legal_basis
    plan_number = d.ward.plan.number if d.ward.plan is not None else None
    if basis is not None and basis.number != plan_number:  # the plan is cited once
        w.item([w.t("dossier.basis.set", number=basis.number, title=basis.title or "")])
    w.item([w.t("dossier.basis.set_name", name=_set_name(w, d))])
    w.numbered(w.t("dossier.result"))
    w.paragraph(
        [w.t("dossier.submission.result", unit=ward.unit), bold(score_text(w, d.score)), "."]
    )
    if d.verified is not None:
        v = d.verified
        w.item(
            [
                w.t(
                    "dossier.verified",
                    by=v.assessment.by,
                    date=w.date(v.assessment.date),
                    met=v.score.met,
                    total=v.score.total,
                )
            ]
        )
    w.numbered(w.t("dossier.proposal"))
    key = "dossier.submission.ask" if d.score.qualifies else "dossier.submission.not_ready"
    w.paragraph([w.t(key, body=superior, unit=ward.unit, year=d.year)])
    w.numbered(w.t("dossier.attached"))
    for name in ("dossier.attached.self", "dossier.attached.index"):
        w.item([w.t(name)])
    w.paragraph([w.t("dossier.closing", body=superior)])


def evidence_index(w: Writer, d: Dossier) -> None:
    subject = w.t("dossier.subject.index", unit=d.ward.unit)
    w.begin(_issuer(d), d.generated, subject, doc_type=w.t("dossier.type.index"))
    rows: list[Row] = []
    for number, row in enumerate(d.evidence, start=1):
        e = row.evidence
        rows.append(
            [
                str(number),
                row.criterion,
                e.title,
                e.ref or "",
                w.date(e.date) if e.date else "",
                e.file or "",
            ]
        )
    if rows:
        w.table(
            w.cols(
                "dossier.col.no",
                "col.id",
                "dossier.col.title",
                "dossier.col.number",
                "col.date",
                "dossier.col.file",
            ),
            (12.0, 12.0, 60.0, 28.0, 22.0, 30.0),
            rows,
            "ccllcl",
        )
    else:
        w.paragraph([w.t("doc.none")])
    w.note(w.t("doc.generated", date=w.date(d.generated), version=d.version))


def render_all(d: Dossier, lang: str) -> dict[str, bytes]:
    """File name → document, in the order the dossier lists them."""
    documents = {}
    for name, build in (
        (SELF_ASSESSMENT_FILE, self_assessment),
        (SUBMISSION_FILE, submission),
        (INDEX_FILE, evidence_index),
    ):
        writer = Writer(lang)
        build(writer, d)
        documents[name] = writer.finish()
    return documents


SELF_ASSESSMENT_FILE = "01-bao-cao-tu-danh-gia.docx"
SUBMISSION_FILE = "02-to-trinh-de-nghi-kiem-tra-cong-nhan.docx"
INDEX_FILE = "03-danh-muc-minh-chung.docx"
