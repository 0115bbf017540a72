"""The stage, the verified score and discrepancies: table-driven, on the example set."""

from __future__ import annotations

import functools
from typing import Any

import pytest
import yaml

from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.results.lifecycle import STAGES, stage_of, verified
from tests.support.data import EXAMPLE_SET, VALID_ROOT

ALL_MET = {f"C0{i}": {"status": "met"} for i in range(1, 5)}
THREE_MET = {**ALL_MET, "C04": {"status": "not_met"}}
NOTHING = {f"C0{i}": {"status": "unknown"} for i in range(1, 5)}
SELF = {"kind": "self", "date": "2026-01-10", "by": "Công an phường"}
INSPECTION = {"kind": "inspection", "date": "2026-02-01", "by": "Công an tỉnh"}
RECOGNISED = {
    "kind": "recognised",
    "year": 2026,
    "decision": {"number": "1/QĐ-BCA", "date": "2026-03-01", "issuer": "Bộ Công an"},
}
RE_PASS = {"kind": "re_inspection", "date": "2027-03-01", "by": "Công an tỉnh"}
RE_FAIL = {**RE_PASS, "verdicts": {"C02": "not_met"}}
LOST = {"kind": "lost", "date": "2027-04-01", "reason": "phúc tra không đạt"}


@functools.cache
def _set() -> CriteriaSet:
    return CriteriaSet.model_validate(
        yaml.safe_load((VALID_ROOT / EXAMPLE_SET).read_text(encoding="utf-8"))
    )


def _ward(status: dict[str, Any], **blocks: Any) -> Ward:
    data = {
        "province": "tinh-mau",
        "ward": "phuong-mau",
        "name": "Phường Mẫu",
        "province_name": "Tỉnh Mẫu",
        "unit": "Công an phường Mẫu",
        "criteria": "bo-mau@1",
        "provenance": {"kind": "illustrative", "note": "x"},
        "status": status,
        **blocks,
    }
    return Ward.model_validate(data)


CASES: list[tuple[str, dict[str, Any], dict[str, Any], str, int | None, int | None, bool]] = [
    # name, status, blocks, stage, recognised year, maintained year, at risk
    ("nothing", NOTHING, {}, "not_selected", None, None, False),
    ("selected only", NOTHING, {"selected": {"date": "2026-01-01"}}, "building", None, None, False),
    ("started by plan", NOTHING, {"plan": {"number": "1/KH"}}, "building", None, None, False),
    ("statuses only", THREE_MET, {}, "building", None, None, False),
    ("self, short", THREE_MET, {"assessments": [SELF]}, "self_assessed_short", None, None, False),
    ("self, ready", ALL_MET, {"assessments": [SELF]}, "self_assessed_ready", None, None, False),
    ("inspected", ALL_MET, {"assessments": [SELF, INSPECTION]}, "inspected", None, None, False),
    ("recognised", ALL_MET, {"recognition": [RECOGNISED]}, "recognised", 2026, None, False),
    (
        "recognised, claim fails",
        THREE_MET,
        {"recognition": [RECOGNISED]},
        "recognised",
        2026,
        None,
        True,
    ),
    (
        "recognised, nothing known of the claim: not at risk",
        NOTHING,
        {"recognition": [RECOGNISED]},
        "recognised",
        2026,
        None,
        False,
    ),
    (
        "inspection before recognition is not maintenance",
        ALL_MET,
        {"assessments": [{**RE_PASS, "date": "2026-02-01"}], "recognition": [RECOGNISED]},
        "recognised",
        2026,
        None,
        False,
    ),
    (
        "maintained",
        ALL_MET,
        {"assessments": [RE_PASS], "recognition": [RECOGNISED]},
        "maintained",
        2026,
        2027,
        False,
    ),
    (
        "re-inspection failed, not yet lost",
        ALL_MET,
        {"assessments": [RE_FAIL], "recognition": [RECOGNISED]},
        "recognised",
        2026,
        None,
        True,
    ),
    (
        "lost",
        ALL_MET,
        {"assessments": [RE_FAIL], "recognition": [RECOGNISED, LOST]},
        "lapsed",
        2026,
        None,
        False,
    ),
    (
        "recognised again after a loss",
        ALL_MET,
        {
            "recognition": [
                RECOGNISED,
                LOST,
                {
                    **RECOGNISED,
                    "year": 2028,
                    "decision": {"number": "9/QĐ-BCA", "date": "2029-01-02"},
                },
            ]
        },
        "recognised",
        2028,
        None,
        False,
    ),
    (
        "recognised by a press report: the report's date stands for the decision's",
        ALL_MET,
        {
            "recognition": [
                {
                    "kind": "recognised",
                    "year": 2023,
                    "decision": {"number": None},
                    "number_unknown": "bài báo không nêu",
                    "source": {"kind": "press", "title": "t", "date": "2024-03-14"},
                }
            ],
            "assessments": [{**RE_PASS, "date": "2024-06-01"}],
        },
        "maintained",
        2023,
        2024,
        False,
    ),
]


Case = tuple[str, dict[str, Any], dict[str, Any], str, int | None, int | None, bool]


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_stage(case: Case) -> None:
    _, status, blocks, code, year, maintained, at_risk = case
    stage = stage_of(_ward(status, **blocks), _set())
    assert (stage.code, stage.year, stage.maintained_year, stage.at_risk) == (
        code,
        year,
        maintained,
        at_risk,
    )


def test_every_stage_is_reached_by_a_case() -> None:
    assert {case[3] for case in CASES} == set(STAGES)


def test_no_inspection_no_verified_score() -> None:
    assert verified(_ward(ALL_MET, assessments=[SELF]), _set()) is None


def test_verdicts_apply_over_the_claim_and_name_discrepancies() -> None:
    verdicts = {"C01": "met", "C02": "not_met", "C04": "met"}
    ward = _ward(THREE_MET, assessments=[SELF, {**INSPECTION, "verdicts": verdicts}])
    result = verified(ward, _set())
    assert result is not None
    assert (result.score.met, result.score.total) == (3, 4)  # C01, C03 (claimed), C04
    assert result.differing == ("C02", "C04")
    assert result.discrepancies == ("C02",)  # claimed met, found not met
    assert result.payload()["by"] == "Công an tỉnh"


def test_the_latest_external_assessment_wins() -> None:
    later = {**INSPECTION, "kind": "appraisal", "date": "2026-03-01", "by": "Bộ Công an"}
    ward = _ward(ALL_MET, assessments=[{**INSPECTION, "verdicts": {"C01": "not_met"}}, later])
    result = verified(ward, _set())
    assert result is not None
    assert (result.assessment.by, result.score.met, result.discrepancies) == ("Bộ Công an", 4, ())


@pytest.mark.parametrize(
    ("status", "blocks", "key"),
    [
        (ALL_MET, {"assessments": [SELF]}, "qualifies"),  # ready: ask for inspection
        (THREE_MET, {}, "not_qualified"),
        (ALL_MET, {"assessments": [SELF, INSPECTION]}, "qualifies"),
        (ALL_MET, {"recognition": [RECOGNISED]}, "verdict.keep"),  # holds it: keep the criteria
        (THREE_MET, {"recognition": [RECOGNISED]}, "verdict.restore"),
        (ALL_MET, {"assessments": [RE_PASS], "recognition": [RECOGNISED]}, "verdict.keep"),
        (ALL_MET, {"assessments": [RE_FAIL], "recognition": [RECOGNISED, LOST]}, "qualifies"),
    ],
)
def test_the_line_under_the_score_follows_the_stage(
    status: dict[str, Any], blocks: dict[str, Any], key: str
) -> None:
    """A recognised station is never told it is "ready to ask for recognition"."""
    from kieumau_cli.render.lifecycle import verdict_key
    from kieumau_cli.results.lifecycle import lifecycle_summary
    from kieumau_cli.results.score import score_at

    ward = _ward(status, **blocks)
    qualifies = score_at(ward, _set()).qualifies
    assert verdict_key(qualifies, lifecycle_summary(ward, _set())) == key
