"""The roadmap (results/roadmap.py): the shipped data computed, shares only where the
number of units is sourced, lapsed stations, the criteria holding stations back; and
`summary --format json` carrying the same numbers."""

from __future__ import annotations

import json
from pathlib import Path

from kieumau_cli.load.files import DataRoot
from kieumau_cli.load.programme import Programme, UnitCount
from kieumau_cli.load.repository import Repository
from kieumau_cli.results.roadmap import Roadmap, build_roadmap
from tests.support.cli import invoke_on
from tests.support.data import REPO, copy_shipped


def _shipped(province: str | None = None) -> Roadmap:
    repository = Repository(DataRoot(REPO, "option"), REPO)
    loads = repository.wards_in_scope(province)
    pairs = [(w.ward, w.criteria_set) for w in loads if w.ward and w.criteria_set]
    return build_roadmap(pairs, repository.programme(), province=province)


def test_the_shipped_roadmap() -> None:
    roadmap = _shipped()
    national = roadmap.national
    # Recognised: Thắng Lợi (press report) and the three wards of Quyết định 2878.
    assert (national.recognised, national.in_progress, national.not_started) == (4, 4, 679)
    assert national.units is not None and national.units.count == 687
    assert [(t.year, t.share, t.actual, t.reached) for t in national.targets] == [
        (2025, 30, 0.6, False),
        (2030, 100, 0.6, False),
    ]
    assert national.lapsed == ()
    by_province = {area.province: area for area in roadmap.provinces}
    assert by_province["quang-nam"].recognised == 3
    assert by_province["thai-nguyen"].recognised == 1
    # No province count is sourced: no province share is computed.
    assert all(target.actual is None for area in roadmap.provinces for target in area.targets)
    assert all(area.not_started is None for area in roadmap.provinces)


def test_the_matrix_names_what_holds_stations_back() -> None:
    matrices = {m.criteria_set: m for m in _shipped().matrices}
    cds = matrices["thanh-hoa-antt-cds@2026"]
    assert [s.key for s in cds.stations] == ["thanh-hoa/phuong-dong-son"]
    assert len(cds.holding) == 11  # 11 of 22 still in progress
    assert "C08" in [h.criterion for h in cds.holding]  # trụ sở
    # recognised stations are not in any matrix
    keys = {s.key for m in matrices.values() for s in m.stations}
    assert "quang-nam/phuong-dien-an" not in keys


def test_one_province_has_no_national_share() -> None:
    roadmap = _shipped("quang-nam")
    assert roadmap.national.units is None
    assert roadmap.national.recognised == 3
    assert all(target.actual is None for target in roadmap.national.targets)
    assert [name for name, _ in roadmap.areas()] == ["Tỉnh Quảng Nam"]  # no country row


def test_a_province_summary_has_no_country_row(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data", programme=True)
    result = invoke_on(root, "summary", "--province", "Quảng Nam", "--format", "md")
    assert result.exit_code == 0, result.stderr
    section = result.stdout.split("## Lộ trình công nhận", 1)[1]
    assert "| Tỉnh Quảng Nam | 3 / 0 / chưa rõ |" in section
    assert "toàn quốc" not in section
    scoped = invoke_on(root, "summary", "--province", "quang-nam", "--format", "json")
    data = json.loads(scoped.stdout)
    assert data["roadmap"]["scope"] == "quang-nam"


def test_a_province_count_gives_a_share_and_a_loss_is_listed() -> None:
    repository = Repository(DataRoot(REPO, "option"), REPO)
    programme = repository.programme()
    assert programme is not None
    base = programme.national
    assert base is not None
    with_count = Programme.model_validate(
        {
            **programme.model_dump(mode="json", exclude_none=True),
            "provinces": {
                "quang-nam": {
                    "units": {**base.model_dump(mode="json", exclude_none=True), "count": 10}
                }
            },
        }
    )
    assert isinstance(with_count.units_of("quang-nam"), UnitCount)
    pairs = []
    for load in repository.wards_in_scope("quang-nam"):
        assert load.ward is not None and load.criteria_set is not None
        ward = load.ward
        if ward.ward == "phuong-dien-an":
            lost = {"kind": "lost", "date": "2026-01-10", "reason": "phúc tra không đạt"}
            data = ward.model_dump(mode="json", by_alias=True, exclude_none=True)
            data["recognition"] = [*data["recognition"], lost]
            ward = type(ward).model_validate(data)
        pairs.append((ward, load.criteria_set))
    area = build_roadmap(pairs, with_count).provinces[0]
    assert (area.recognised, area.not_started, area.lapsed) == (
        2,
        8,
        ("quang-nam/phuong-dien-an",),
    )
    assert [(t.actual, t.reached) for t in area.targets] == [(20.0, False), (20.0, False)]


def test_summary_json_carries_the_roadmap(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data", programme=True)
    result = invoke_on(root, "summary", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["stations"] == 11
    assert data["roadmap"]["national"] == _shipped().national.payload()
    assert data["roadmap"] == _shipped().payload()
