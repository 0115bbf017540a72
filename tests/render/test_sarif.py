"""The SARIF log (render/sarif.py): rule indexes, artifact URIs, valid against the official
SARIF 2.1.0 schema (vendored in tests/data)."""

from __future__ import annotations

import jsonschema

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.run import CheckResult
from kieumau_cli.render.sarif import sarif_log
from tests.support.data import sarif_schema


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
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
