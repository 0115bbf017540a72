"""The exported JSON Schema and the models say the same thing about the same data.

Each mutation is applied to the example ward (or set), then judged twice: by the loader and
models (as `check` judges it) and by the committed JSON Schema (as check-jsonschema and
yaml-language-server judge it, the YAML data seen as JSON). Both must accept or both
refuse. The schema also loads in Ajv's strict mode."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.validate import validate
from kieumau_cli.load.yaml import load_bytes
from tests.support.data import EXAMPLE_SET, EXAMPLE_WARD, REPO, VALID_ROOT, committed_schema

Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[str | int, ...], value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return mutate


def _as_json(value: Any) -> Any:
    """YAML data as a JSON validator sees it: dates as ISO strings, keys as strings."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _data(relative: Path) -> dict[str, Any]:
    data = yaml.safe_load((VALID_ROOT / relative).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _model_accepts(kind: str, data: dict[str, Any]) -> bool:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    document = load_bytes(text.encode("utf-8"), "x.yaml")
    model, found = validate(document, Ward if kind == "ward" else CriteriaSet)
    return model is not None and not found


def _schema_accepts(kind: str, data: dict[str, Any]) -> bool:
    schema = json.loads(committed_schema(kind).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return bool(cls(schema, format_checker=cls.FORMAT_CHECKER).is_valid(_as_json(data)))


READING = ("status", "C03", "readings", 0, "value")
ASSESSMENT = {
    "kind": "inspection",
    "date": "2026-01-05",
    "by": "Công an tỉnh",
    "verdicts": {"C01": "met"},
}
RECOGNISED = {
    "kind": "recognised",
    "year": 2024,
    "decision": {"number": "2878/QĐ-BCA", "date": "2025-04-22", "issuer": "Bộ Công an"},
}
LOST = {"kind": "lost", "date": "2026-01-05", "reason": "phúc tra không đạt"}
WARD_CASES: list[tuple[str, Mutation, bool]] = [
    ("unchanged", lambda data: None, True),
    ("met-true", _set(("reported", 0, "met"), True), False),
    ("met-quoted", _set(("reported", 0, "met"), "2"), False),
    ("met-float", _set(("reported", 0, "met"), 2.5), False),
    ("met-integral-float", _set(("reported", 0, "met"), 2.0), True),  # JSON: 2.0 is 2
    ("met-negative", _set(("reported", 0, "met"), -1), False),
    ("met-huge", _set(("reported", 0, "met"), 10**7), False),
    ("total-zero", _set(("reported", 0, "total"), 0), False),
    ("reading-int", _set(READING, 92), True),
    ("reading-float", _set(READING, 92.5), True),
    ("reading-true", _set(READING, True), False),
    ("reading-quoted", _set(READING, "100"), False),
    ("reading-inf", _set(READING, float("inf")), False),
    ("reading-absurd", _set(READING, 1e300), False),
    ("date-datetime", _set(("reported", 0, "date"), dt.datetime(2026, 2, 11, 10, 0)), False),
    ("date-quoted", _set(("reported", 0, "date"), "2026-02-11"), True),
    ("date-day-first", _set(("reported", 0, "date"), "11/02/2026"), False),
    ("date-impossible", _set(("reported", 0, "date"), "2026-02-30"), False),
    ("date-number", _set(("reported", 0, "date"), 20260211), False),
    ("date-compact", _set(("reported", 0, "date"), "20260211"), False),
    ("status-word", _set(("status", "C01", "status"), "mett"), False),
    ("status-bool", _set(("status", "C01", "status"), True), False),
    ("owner-number", _set(("status", "C01", "owner"), 12), False),
    ("unknown-key", _set(("status", "C01", "ownr"), "x"), False),
    ("criterion-key-bad", _set(("status", "C 9"), {"status": "met"}), False),
    ("criterion-key-int", _set(("status", 9), {"status": "met"}), True),
    ("province-slug", _set(("province",), "Tỉnh Mẫu"), False),
    ("selected", _set(("selected",), {"date": "2025-01-02"}), True),
    ("selected-no-date", _set(("selected",), {"note": "x"}), False),
    ("assessment", _set(("assessments",), [ASSESSMENT]), True),
    ("assessment-kind", _set(("assessments",), [{**ASSESSMENT, "kind": "audit"}]), False),
    ("assessment-no-by", _set(("assessments",), [{**ASSESSMENT, "by": ""}]), False),
    ("verdict-word", _set(("assessments",), [{**ASSESSMENT, "verdicts": {"C01": "ok"}}]), False),
    (
        "verdict-key-bad",
        _set(("assessments",), [{**ASSESSMENT, "verdicts": {"C 1": "met"}}]),
        False,
    ),
    ("recognised", _set(("recognition",), [RECOGNISED]), True),
    (
        "recognised-number-null",
        _set(("recognition",), [{**RECOGNISED, "decision": {"number": None}}]),
        True,
    ),
    ("recognised-year-quoted", _set(("recognition",), [{**RECOGNISED, "year": "2024"}]), False),
    ("recognised-kind", _set(("recognition",), [{**RECOGNISED, "kind": "granted"}]), False),
    ("lost", _set(("recognition",), [LOST]), True),
    (
        "lost-no-reason",
        _set(("recognition",), [{k: v for k, v in LOST.items() if k != "reason"}]),
        False,
    ),
    (
        "evidence-file",
        _set(("status", "C01", "evidence"), [{"title": "x", "file": "a.pdf", "sha256": "0" * 64}]),
        True,
    ),
    (
        "evidence-sha-short",
        _set(("status", "C01", "evidence"), [{"title": "x", "sha256": "abc"}]),
        False,
    ),
]
SET_CASES: list[tuple[str, Mutation, bool]] = [
    ("unchanged", lambda data: None, True),
    ("min-quoted", _set(("pass_rule",), {"kind": "min_count", "min": "3"}), False),
    ("min-zero", _set(("pass_rule",), {"kind": "min_count", "min": 0}), False),
    ("min-ok", _set(("pass_rule",), {"kind": "min_count", "min": 3}), True),
    ("version-int", _set(("version",), 1), True),
    ("version-bool", _set(("version",), True), False),
    ("kind-bad", _set(("applies_to",), ["phuong", "quan"]), False),
]


@pytest.mark.parametrize(
    ("name", "mutate", "valid"), WARD_CASES, ids=[case[0] for case in WARD_CASES]
)
def test_ward_schema_and_model_agree(name: str, mutate: Mutation, valid: bool) -> None:
    data = copy.deepcopy(_data(EXAMPLE_WARD))
    if name == "criterion-key-int":
        data["history"] = []  # a ward may hold a status for an id the set does not know
    mutate(data)
    assert (_model_accepts("ward", data), _schema_accepts("ward", data)) == (valid, valid)


@pytest.mark.parametrize(
    ("name", "mutate", "valid"), SET_CASES, ids=[case[0] for case in SET_CASES]
)
def test_criteria_schema_and_model_agree(name: str, mutate: Mutation, valid: bool) -> None:
    data = copy.deepcopy(_data(EXAMPLE_SET))
    mutate(data)
    assert (_model_accepts("criteria", data), _schema_accepts("criteria", data)) == (valid, valid)


def test_nan_is_refused_by_the_model() -> None:
    """JSON has no NaN, so no JSON Schema can say it; the loader refuses `.nan` itself."""
    data = copy.deepcopy(_data(EXAMPLE_WARD))
    _set(READING, float("nan"))(data)
    assert not _model_accepts("ward", data)


AJV = REPO / ".ci" / "node" / "node_modules" / "ajv"
AJV_SCRIPT = """
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
for (const file of process.argv.slice(2)) ajv.compile(JSON.parse(readFileSync(file, "utf8")));
console.log("compiled");
"""


def test_the_schemas_load_in_ajv_strict_mode(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not AJV.is_dir():
        if os.environ.get("CI"):
            pytest.fail(".ci/run installs node and ajv into .ci/node; they are missing")
        pytest.skip(
            "needs node and ajv in .ci/node (npm install --prefix .ci/node ajv ajv-formats)"
        )
    script = AJV.parent.parent / "check-schemas.mjs"
    script.write_text(AJV_SCRIPT, encoding="utf-8")
    schemas = [str(committed_schema(kind)) for kind in ("ward", "criteria")]
    done = subprocess.run(
        [node, str(script), *schemas], check=False, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip()) == (0, "compiled"), done.stderr
