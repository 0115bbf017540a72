"""Scoring rules, tested on models directly (no files, no CLI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kieumau_cli.load.models import CriteriaSet, HistoryEntry, Ward
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.score import epoch_start, score, statuses_as_of

ILLUSTRATIVE = {"kind": "illustrative", "note": "test"}


def make_set(count: int, pass_rule: dict[str, Any] | None = None) -> CriteriaSet:
    return CriteriaSet.model_validate(
        {
            "id": "bo",
            "version": "1",
            "title": {"vi": "Bộ"},
            "issuer": "x",
            "applies_to": ["phuong"],
            "pass_rule": pass_rule or {"kind": "all"},
            "provenance": ILLUSTRATIVE,
            "groups": [{"id": "N1", "title": {"vi": "Nhóm"}}],
            "criteria": [
                {
                    "id": f"C{i:02d}",
                    "group": "N1",
                    "title": {"vi": f"Tiêu chí {i}"},
                    "provenance": ILLUSTRATIVE,
                }
                for i in range(1, count + 1)
            ],
        }
    )


def make_ward(statuses: dict[str, str], history: list[dict[str, Any]] | None = None) -> Ward:
    return Ward.model_validate(
        {
            "province": "tinh",
            "ward": "phuong",
            "name": "Phường",
            "province_name": "Tỉnh",
            "unit": "Công an phường",
            "criteria": "bo@1",
            "provenance": ILLUSTRATIVE,
            "status": {cid: {"status": value} for cid, value in statuses.items()},
            "history": history or [],
        }
    )


def test_score_counts_each_status_and_keeps_unknown_in_the_denominator() -> None:
    criteria_set = make_set(5)
    ward = make_ward(
        {"C01": "met", "C02": "in_progress", "C03": "not_met", "C04": "unknown", "C05": "met"}
    )
    result = score(criteria_set, statuses_as_of(ward, criteria_set))
    assert (result.met, result.total, result.in_progress, result.not_met, result.unknown) == (
        2,
        5,
        1,
        1,
        1,
    )
    assert not result.qualifies


def test_not_applicable_leaves_the_denominator_and_all_met_qualifies() -> None:
    criteria_set = make_set(3)
    ward = make_ward({"C01": "met", "C02": "not_applicable", "C03": "met"})
    result = score(criteria_set, statuses_as_of(ward, criteria_set))
    assert (result.met, result.total, result.not_applicable) == (2, 2, 1)
    assert result.complete and result.qualifies and result.ratio == 1.0


def test_a_criterion_missing_from_the_ward_is_unknown_not_not_met() -> None:
    criteria_set = make_set(2)
    result = score(criteria_set, statuses_as_of(make_ward({"C01": "met"}), criteria_set))
    assert (result.unknown, result.not_met, result.total) == (1, 0, 2)


@pytest.mark.parametrize(("met", "qualifies"), [(2, False), (3, True), (4, True)])
def test_min_count_pass_rule(met: int, qualifies: bool) -> None:
    criteria_set = make_set(4, {"kind": "min_count", "min": 3})
    statuses = {f"C{i:02d}": ("met" if i <= met else "not_met") for i in range(1, 5)}
    result = score(criteria_set, statuses_as_of(make_ward(statuses), criteria_set))
    assert result.qualifies is qualifies


def test_nothing_applicable_never_qualifies_under_all() -> None:
    criteria_set = make_set(1)
    result = score(criteria_set, statuses_as_of(make_ward({"C01": "not_applicable"}), criteria_set))
    assert (result.total, result.qualifies, result.ratio) == (0, False, 0.0)


def test_as_of_rebuilds_state_from_history() -> None:
    criteria_set = make_set(3)
    history = [
        {"date": "2026-01-10", "criterion": "C01", "from": "not_met", "to": "in_progress"},
        {"date": "2026-02-01", "criterion": "C01", "from": "in_progress", "to": "met"},
        {"date": "2026-02-05", "criterion": "C02", "from": "unknown", "to": "met"},
    ]
    ward = make_ward({"C01": "met", "C02": "met", "C03": "not_met"}, history)

    def at(day: str) -> dict[str, Status]:
        return statuses_as_of(ward, criteria_set, dt.date.fromisoformat(day))

    assert at("2026-01-01") == {"C01": Status.NOT_MET, "C02": Status.UNKNOWN, "C03": Status.NOT_MET}
    assert at("2026-01-10")["C01"] is Status.IN_PROGRESS  # an entry counts on its own day
    assert at("2026-02-04") == {"C01": Status.MET, "C02": Status.UNKNOWN, "C03": Status.NOT_MET}
    assert at("2026-03-01") == statuses_as_of(ward, criteria_set)


def test_epoch_start() -> None:
    def entry(criterion: str, migrated: str | None = None) -> HistoryEntry:
        return HistoryEntry.model_validate(
            {"date": "2026-01-01", "criterion": criterion, "from": "unknown", "to": "met",
             "migrated_from": migrated}
        )  # fmt: skip

    assert epoch_start([entry("C01"), entry("C02")]) == 0
    old = [entry("C01"), entry("C09")]
    first = [entry("C01", "x@1"), entry("C02", "x@1")]
    second = [entry("T1", "x@2")]
    assert epoch_start([*old, *first, entry("C01")]) == 2
    assert epoch_start([*old, *first, entry("C01"), *second, entry("T1")]) == 5
