"""`kieumau check --format sarif`: a SARIF 2.1.0 log for code scanning.

One rule per diagnostic code (all of `CODES`, so rule indexes are stable),
one result per finding. Locations are relative URIs against `%SRCROOT%`
(the checkout), regions 1-based with columns in Unicode code points, as
`check` counts them. Nothing machine-specific goes in, so the same data
gives the same log anywhere.
"""

from __future__ import annotations

import re
from typing import Any, TextIO
from urllib.parse import quote

from kieumau_cli import __version__
from kieumau_cli.check.diagnostics import CODES, Severity
from kieumau_cli.check.run import CheckResult
from kieumau_cli.render.common import write_json
from kieumau_cli.text import has, raw

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")


def _generic(template: str) -> str:
    """A message template without its values: "unknown key '{key}'" -> "unknown key '‹key›'"."""
    return _PLACEHOLDER.sub(lambda match: f"‹{match.group(1)}›", template)


def _rule(code: str, severity: Severity, lang: str) -> dict[str, Any]:
    message = _generic(raw(lang, f"diag.{code}"))
    fix = _generic(raw(lang, f"diag.{code}.fix")) if has(f"diag.{code}.fix") else ""
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in code.split("-")),
        "shortDescription": {"text": message},
        "fullDescription": {"text": f"{message}; {fix}" if fix else message},
        "help": {"text": fix or message},
        "defaultConfiguration": {"level": severity},
        "properties": {"tags": ["kieumau", severity]},
    }


def _artifact_location(path: str) -> dict[str, str]:
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def sarif_log(result: CheckResult, lang: str) -> dict[str, Any]:
    codes = list(CODES)
    index = {code: position for position, code in enumerate(codes)}
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": d.severity,
            "message": {"text": d.message(lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(result.source_path(d)),
                        "region": {"startLine": d.line, "startColumn": d.column},
                    }
                }
            ],
        }
        for d in result.diagnostics
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kieumau",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "language": lang,
                        "rules": [_rule(code, CODES[code], lang) for code in codes],
                    }
                },
                "language": lang,
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(result: CheckResult, lang: str, out: TextIO) -> None:
    write_json(sarif_log(result, lang), out)
