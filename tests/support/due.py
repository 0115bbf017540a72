"""Wards with deadlines, built as models (no files): what `due` and its calendar
feed are tested on. Today is Friday 20/02/2026, a day of the Tết 2026 break
(14/02–22/02)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kieumau_cli.load.models import CriteriaSet, Ward

ILLUSTRATIVE = {"kind": "illustrative", "note": "test"}
TODAY = dt.date(2026, 2, 20)


def make_set(count: int = 6) -> CriteriaSet:
    return CriteriaSet.model_validate(
        {
            "id": "bo",
            "version": "1",
            "title": {"vi": "Bộ"},
            "issuer": "x",
            "applies_to": ["phuong"],
            "pass_rule": {"kind": "all"},
            "provenance": ILLUSTRATIVE,
            "groups": [{"id": "N1", "title": {"vi": "Nhóm"}}],
            "criteria": [
                {
                    "id": f"C{i:02d}",
                    "group": "N1",
                    "title": {"vi": f"Tiêu chí {i}", "en": f"Criterion {i}"},
                    "provenance": ILLUSTRATIVE,
                }
                for i in range(1, count + 1)
            ],
        }
    )


def make_ward(status: dict[str, dict[str, Any]], ward: str = "phuong-a", **extra: Any) -> Ward:
    return Ward.model_validate(
        {
            "province": "tinh",
            "ward": ward,
            "name": f"Phường {ward.removeprefix('phuong-').upper()}",
            "province_name": "Tỉnh Thử",
            "unit": "Công an phường",
            "criteria": "bo@1",
            "provenance": ILLUSTRATIVE,
            "status": status,
            **extra,
        }
    )


def deadlines_ward(ward: str = "phuong-a") -> Ward:
    """Six criteria: met, overdue before Tết, overdue on Mùng một, due next week,
    due after the window, and undated without an owner."""
    return make_ward(
        {
            "C01": {"status": "met", "owner": "Đội trưởng", "due": "2026-01-31"},
            "C02": {"status": "not_met", "owner": "Đội trưởng", "due": "2026-02-10"},
            "C03": {"status": "in_progress", "owner": "đội  Trưởng", "due": "2026-02-17"},
            "C04": {"status": "unknown", "owner": "Tổ tiếp dân", "due": "2026-02-25"},
            "C05": {"status": "in_progress", "owner": "Tổ tiếp dân", "due": "2026-03-31"},
            "C06": {"status": "not_met"},
        },
        ward,
    )
