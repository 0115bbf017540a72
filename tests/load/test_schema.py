"""The exported JSON Schema (load/schema.py): bilingual, the committed copies accept every
shipped file and refuse what check refuses, and every shipped file's modeline resolves."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kieumau_cli.load.schema import KINDS, MODELINE, json_schema
from tests.support.data import REPO, VALID_ROOT, committed_schema

FOLDERS = {"criteria": "criteria", "ward": "wards"}
SHIPPED = [
    (kind, path)
    for kind, folder in FOLDERS.items()
    for path in sorted((REPO / folder).glob("*/*.yaml"))
]
IDS = [path.relative_to(REPO).as_posix() for _, path in SHIPPED]


def _as_json(value: Any) -> Any:
    """YAML data as JSON would hold it: dates become ISO strings, keys become strings."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads(committed_schema(kind).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_titles_and_descriptions_are_bilingual(kind: str) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for name, definition in [("(root)", schema), *schema["$defs"].items()]:
        assert " / " in definition.get("title", ""), name
        for field, prop in definition.get("properties", {}).items():
            assert " / " in prop.get("description", ""), f"{name}.{field}"
            assert "title" not in prop, f"{name}.{field}"


@pytest.mark.parametrize(("kind", "path"), SHIPPED, ids=IDS)
def test_shipped_file_starts_with_a_modeline_that_resolves(kind: str, path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE.format(kind=kind)
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == committed_schema(kind).resolve()
    assert target.is_file()


@pytest.mark.parametrize(("kind", "path"), SHIPPED, ids=IDS)
def test_shipped_file_validates_against_the_exported_schema(kind: str, path: Path) -> None:
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    _validator(kind).validate(data)


def test_example_files_validate_too() -> None:
    for kind, folder in FOLDERS.items():
        for path in (VALID_ROOT / folder).glob("*/*.yaml"):
            _validator(kind).validate(_as_json(yaml.safe_load(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("status", "C01", "status", "done"), "'done' is not one of"),
        (("status", "C01", "ownr", "x"), "Additional properties"),
        (("history", 0, "date", "2026-02-30"), "is not a 'date'"),
        (("criteria", None, None, "bo-mau"), "does not match"),
    ],
)
def test_the_schema_refuses_what_check_refuses(change: tuple[Any, ...], where: str) -> None:
    path = VALID_ROOT / "wards" / "tinh-mau" / "phuong-mau.yaml"
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    first, second, third, value = change
    if second is None:
        data[first] = value
    else:
        data[first][second][third] = value
    errors = [error.message for error in _validator("ward").iter_errors(data)]
    assert len(errors) == 1, errors
    assert where in errors[0]


def test_numeric_versions_and_ids_are_accepted_as_the_loader_accepts_them() -> None:
    path = VALID_ROOT / "criteria" / "bo-mau" / "1.yaml"
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    data["version"] = 1
    _validator("criteria").validate(data)
