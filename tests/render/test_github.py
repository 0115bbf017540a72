"""GitHub workflow annotations (render/github.py): data and properties escaped as the runner
expects, one line per finding."""

from __future__ import annotations

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.render.github import escape_data, escape_property, format_annotation


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
