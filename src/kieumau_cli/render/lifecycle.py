"""The life-cycle phrases every output shares: the stage line and the inspection line.

They read the plain summary of `results.lifecycle.lifecycle_summary` (what `status`
caches), so a cached status renders them without the models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from kieumau_cli.text import t
from kieumau_cli.text.format import Lang, format_date
from kieumau_cli.text.unsafe import visible


def _date(value: Any, lang: Lang) -> str:
    return format_date(dt.date.fromisoformat(value), lang) if isinstance(value, str) else "—"


def verdict_key(qualifies: bool, summary: Mapping[str, Any]) -> str:
    """The catalogue key of the line under a score. "Ready to ask for inspection and
    recognition" is only true before recognition: a station that holds one keeps the
    criteria, or has to restore them to keep it."""
    from kieumau_cli.results.lifecycle import HOLDS_RECOGNITION

    if summary.get("stage") in HOLDS_RECOGNITION:
        return "verdict.keep" if qualifies else "verdict.restore"
    return "qualifies" if qualifies else "not_qualified"


def stage_phrase(summary: Mapping[str, Any], lang: Lang) -> str:
    """'đã được công nhận năm 2024 — Quyết định số 2878/QĐ-BCA ngày 22/04/2025', …"""
    code = summary["stage"]
    text = t(lang, f"stage.{code}")
    if code == "maintained" and summary.get("maintained_year") is not None:
        text += t(lang, "lifecycle.maintained_year", year=summary["maintained_year"])
    recognition = summary.get("recognition")
    if not isinstance(recognition, Mapping):
        return text
    lost = summary.get("lost")
    year = recognition["year"]
    if code in ("recognised", "maintained"):
        if year is not None:
            text = t(lang, "lifecycle.recognised_year", stage=text, year=year)
        else:
            text += t(lang, "lifecycle.year_unknown")
    else:
        if isinstance(lost, Mapping):
            text += t(lang, "lifecycle.lost_on", date=_date(lost.get("date"), lang))
        text += t(lang, "lifecycle.last_recognised", year=year if year is not None else "?")
    number = recognition.get("number")
    if isinstance(number, str):
        if recognition.get("date") is not None:
            date = _date(recognition["date"], lang)
            text += t(lang, "lifecycle.decision_dated", number=visible(number), date=date)
        else:
            text += t(lang, "lifecycle.decision", number=visible(number))
    else:
        text += t(lang, "lifecycle.decision_unknown")
    if summary.get("maintenance_at_risk"):
        text += t(lang, "lifecycle.at_risk")
    return text


def verified_phrase(summary: Mapping[str, Any], lang: Lang) -> str | None:
    """'Kết quả kiểm tra: 20/22 đạt (2 tiêu chí khác tự đánh giá)', or None."""
    checked = summary.get("verified")
    if not isinstance(checked, Mapping):
        return None
    return t(
        lang,
        "lifecycle.verified_line",
        met=checked["met"],
        total=checked["total"],
        differing=len(checked.get("differing", [])),
    )
