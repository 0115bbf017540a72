"""The shipped criteria/ and wards/: valid, honest, and reproducing the press figures."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from kieumau_cli.load.models import CriteriaSet, IllustrativeSource, OfficialSource, Ward
from kieumau_cli.results.score import score, statuses_as_of
from tests.support.cli import Invoke
from tests.support.data import REPO

SETS = sorted((REPO / "criteria").glob("*/*.yaml"))
WARDS = sorted((REPO / "wards").glob("*/*.yaml"))

# Aggregates published in the press reports (../shared/articles), per station.
PRESS_FIGURES = {
    "thanh-hoa/phuong-dong-son": ("2026-02-11", 11, 22),
    "thai-nguyen/phuong-thang-loi": ("2024-03-14", 20, 20),
    "thanh-hoa/phuong-tao-xuyen": (None, 20, 20),
    "thai-nguyen/phuong-duc-xuan": ("2024-01-29", 21, 22),
}
STATIONS_IN_THE_PRESS = {
    "thanh-hoa/phuong-dong-son",
    "thai-nguyen/phuong-thang-loi",
    "thanh-hoa/phuong-tao-xuyen",
    "da-nang/phuong-hai-chau-1",
    "da-nang/xa-hoa-phong",
    "thai-nguyen/phuong-duc-xuan",
    "thai-nguyen/phuong-xuat-hoa",
    "thai-nguyen/phuong-song-cau",
    # recognised "năm 2024" by Quyết định 2878 of 22/4/2025 (Báo Quảng Nam, 5/2025)
    "quang-nam/phuong-dien-an",
    "quang-nam/phuong-dien-nam-dong",
    "quang-nam/phuong-dien-nam-trung",
}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_shipped_data_checks_clean_even_strictly(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_TODAY", dt.date.today().isoformat())
    monkeypatch.chdir(REPO)
    result = invoke("check", "--strict")
    assert (result.exit_code, result.stdout) == (0, "")


def test_every_station_from_the_press_has_a_ward_file() -> None:
    assert {f"{p.parent.name}/{p.stem}" for p in WARDS} == STATIONS_IN_THE_PRESS


@pytest.mark.parametrize("key", sorted(PRESS_FIGURES))
def test_reported_aggregates_are_reproduced(key: str) -> None:
    ward = Ward.model_validate(_load(REPO / "wards" / f"{key}.yaml"))
    set_id, version = ward.criteria.split("@")
    criteria_set = CriteriaSet.model_validate(_load(REPO / "criteria" / set_id / f"{version}.yaml"))
    day, met, total = PRESS_FIGURES[key]
    (reported,) = ward.reported
    assert (reported.met, reported.total) == (met, total)
    if day is not None:
        assert reported.date.isoformat() == day
    at_report = score(criteria_set, statuses_as_of(ward, criteria_set, reported.date))
    assert (at_report.met, at_report.total) == (met, total)
    assert reported.source.kind == "press"


@pytest.mark.parametrize("path", SETS + WARDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_is_nfc(path: Path) -> None:
    assert all(unicodedata.is_normalized("NFC", s) for s in _strings(_load(path)))


@pytest.mark.parametrize("path", SETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_official_provenance_only_where_a_document_is_cited(path: Path) -> None:
    criteria_set = CriteriaSet.model_validate(_load(path))
    for criterion in criteria_set.criteria:
        provenance = criterion.provenance
        if isinstance(provenance, OfficialSource):
            assert provenance.clause, f"{criterion.id}: an official text names its article/clause"
        if isinstance(provenance, IllustrativeSource):
            assert provenance.note.strip()
    if criteria_set.id.startswith("cap-kieu-mau") or criteria_set.id == "thanh-hoa-antt-cds":
        # The official texts of the model-station sets are not public: nothing may pass as official.
        assert not any(isinstance(c.provenance, OfficialSource) for c in criteria_set.criteria)


def test_counts_come_from_the_set_not_from_code() -> None:
    counts = {f"{p.parent.name}@{p.stem}": len(_load(p)["criteria"]) for p in SETS}
    assert counts["cap-kieu-mau@2021"] == 22
    assert counts["cap-kieu-mau@2023"] == 20
    assert counts["thanh-hoa-antt-cds@2026"] == 22
    assert counts["an-toan-antt-xa-phuong@2021"] == 4


def test_recognitions_are_sourced_and_unknowns_stay_unknown() -> None:
    """Thắng Lợi's decision is unknown (the press report gives none) and says so; the three
    wards of Quyết định 2878 carry its number and date, and no invented statuses."""
    thang_loi = Ward.model_validate(_load(REPO / "wards" / "thai-nguyen/phuong-thang-loi.yaml"))
    (entry,) = thang_loi.recognition
    assert entry.kind == "recognised" and entry.decision is not None
    assert entry.decision.number is None and entry.number_unknown
    assert entry.year is None and entry.year_unknown
    assert entry.source is not None and entry.source.kind == "press"
    for slug in ("phuong-dien-an", "phuong-dien-nam-dong", "phuong-dien-nam-trung"):
        ward = Ward.model_validate(_load(REPO / "wards" / "quang-nam" / f"{slug}.yaml"))
        (decision,) = ward.recognition
        assert decision.kind == "recognised" and decision.year == 2024
        assert decision.decision is not None
        assert (decision.decision.number, str(decision.decision.date)) == ("2878", "2025-04-22")
        assert {entry.status.value for entry in ward.status.values()} == {"unknown"}
        assert "CHƯA XÁC MINH" in (ward.former[0].note or "")
