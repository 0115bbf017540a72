"""programme.yaml: loaded through the repository, validated with positioned findings,
and checked by `check` with the rest of the root."""

from __future__ import annotations

import json
from pathlib import Path

from kieumau_cli.load.files import DataRoot
from kieumau_cli.load.repository import Repository
from tests.support.cli import invoke_on
from tests.support.data import REPO, copy_shipped, edit


def _repository(root: Path) -> Repository:
    return Repository(DataRoot(root, "option"), root)


def test_the_shipped_programme_is_valid_and_sourced() -> None:
    programme = _repository(REPO).programme()
    assert programme is not None
    assert [(t.year, t.share, t.of) for t in programme.targets] == [
        (2025, 30, "phuong"),
        (2030, 100, "phuong"),
    ]
    assert programme.national is not None
    assert (programme.national.count, programme.national.as_of.isoformat()) == (687, "2025-07-01")
    assert programme.national.source.kind == "press"
    # No province count has a source yet: none is guessed.
    assert all(entry.units is None for entry in programme.provinces.values())


def test_a_root_without_programme_has_none(example_root: Path) -> None:
    assert _repository(example_root).programme_file() is None


def test_a_bad_programme_is_a_positioned_finding(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "root", "thanh-hoa/phuong-dong-son", programme=True)
    edit(root / "programme.yaml", "    share: 30\n", "    share: 130\n")
    result = invoke_on(root, "check", "--format", "json")
    assert result.exit_code == 1
    found = [d for d in json.loads(result.stdout) if d["path"].endswith("programme.yaml")]
    assert [(d["code"], d["line"]) for d in found] == [("invalid-value", 12)]


def test_a_repeated_target_year_is_refused(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "root", "thanh-hoa/phuong-dong-son", programme=True)
    edit(root / "programme.yaml", "  - year: 2030\n", "  - year: 2025\n")
    found = _repository(root).programme_file()
    assert found is not None
    assert [d.code for d in found.diagnostics] == ["duplicate-id"]


def test_optional_blocks_for_later_work_are_validated(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "root", "thanh-hoa/phuong-dong-son", programme=True)
    edit(
        root / "programme.yaml",
        "provinces: {}\n",
        "provinces:\n"
        "  thanh-hoa:\n"
        "    approvers:\n"
        "      - name: Trưởng phòng PV01\n"
        "        emails: [pv01@example.vn]\n"
        "    reviewers: ['@ca-thanh-hoa/pv01']\n"
        "document:\n"
        "  issuer: Phòng PV01\n"
        "  parent: Công an tỉnh Thanh Hóa\n"
        "  place: Thanh Hóa\n",
    )
    programme = _repository(root).programme()
    assert programme is not None
    entry = programme.provinces["thanh-hoa"]
    assert entry.approvers[0].emails == ["pv01@example.vn"]
    assert entry.reviewers == ["@ca-thanh-hoa/pv01"]
    assert programme.units_of("thanh-hoa") is None
    edit(root / "programme.yaml", "['@ca-thanh-hoa/pv01']", "['ca-thanh-hoa']")
    loaded = _repository(root).programme_file()
    assert loaded is not None and not loaded.ok


def test_check_given_the_programme_file_checks_it(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "root", "thanh-hoa/phuong-dong-son", programme=True)
    edit(root / "programme.yaml", "  count: 687\n", "  count: -1\n")
    result = invoke_on(root, "check", str(root / "programme.yaml"), "--format", "json")
    assert result.exit_code == 1
    assert {d["code"] for d in json.loads(result.stdout)} == {"invalid-value"}


def test_schema_and_model_agree_on_the_programme() -> None:
    import copy
    import datetime as dt
    from typing import Any

    import jsonschema
    import yaml

    from kieumau_cli.load.programme import Programme
    from tests.support.data import committed_schema

    def as_json(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): as_json(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_json(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    schema = json.loads(committed_schema("programme").read_text(encoding="utf-8"))
    checker = jsonschema.validators.validator_for(schema)
    base = yaml.safe_load((REPO / "programme.yaml").read_text(encoding="utf-8"))
    cases: list[tuple[str, Any, bool]] = [
        ("share", 130, False),
        ("share", 30, True),
        ("year", "2025", False),
        ("of", "quan", False),
    ]
    for key, value, valid in cases:
        data = copy.deepcopy(base)
        data["targets"][0][key] = value
        model_ok = True
        try:
            Programme.model_validate(data)
        except ValueError:
            model_ok = False
        schema_ok = checker(schema, format_checker=checker.FORMAT_CHECKER).is_valid(as_json(data))
        assert (model_ok, schema_ok) == (valid, valid), (key, value)
