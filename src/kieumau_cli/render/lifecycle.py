"""The life-cycle phrases every output shares: the stage line and the inspection line."""

from __future__ import annotations

from kieumau_cli.results.lifecycle import Stage, Verified
from kieumau_cli.text import t
from kieumau_cli.text.format import Lang, format_date
from kieumau_cli.text.unsafe import visible


def stage_phrase(stage: Stage, lang: Lang) -> str:
    """'đã được công nhận năm 2024 — Quyết định số 2878/QĐ-BCA ngày 22/04/2025', …"""
    text = t(lang, f"stage.{stage.code}")
    recognition = stage.recognition
    if stage.code == "maintained" and stage.maintained_year is not None:
        text += t(lang, "lifecycle.maintained_year", year=stage.maintained_year)
    if recognition is None:
        return text
    if stage.code in ("recognised", "maintained"):
        text = t(lang, "lifecycle.recognised_year", stage=text, year=recognition.year)
    decision = recognition.decision
    if decision is not None and decision.number is not None:
        number = visible(decision.number)
        if decision.date is not None:
            text += t(
                lang,
                "lifecycle.decision_dated",
                number=number,
                date=format_date(decision.date, lang),
            )
        else:
            text += t(lang, "lifecycle.decision", number=number)
    else:
        text += t(lang, "lifecycle.decision_unknown")
    if stage.code == "lapsed" and stage.lost is not None:
        text += t(lang, "lifecycle.lost_on", date=format_date(stage.lost.date, lang))
    if stage.at_risk:
        text += t(lang, "lifecycle.at_risk")
    return text


def verified_phrase(verified: Verified, lang: Lang) -> str:
    return t(
        lang,
        "lifecycle.verified_line",
        met=verified.score.met,
        total=verified.score.total,
        differing=len(verified.differing),
    )
