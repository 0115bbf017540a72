"""`kieumau check --format github`: GitHub Actions workflow commands.

One line per finding, `::error file=PATH,line=L,col=C,title=CODE::MESSAGE`
(or `::warning`), which GitHub shows inline on the pull request's diff.
Values are escaped as GitHub's toolkit does: `%`, CR and LF everywhere, and
also `:` and `,` inside properties.
"""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.run import CheckResult
from kieumau_cli.text.unsafe import visible


def escape_data(value: str) -> str:
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)  # and no raw ESC into the runner's log


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_annotation(diagnostic: Diagnostic, lang: str, path: str | None = None) -> str:
    """`path`: the file as the repository names it (default: as the diagnostic does)."""
    properties = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in (
            ("file", path or diagnostic.path),
            ("line", diagnostic.line),
            ("col", diagnostic.column),
            ("title", diagnostic.code),
        )
    )
    return f"::{diagnostic.severity} {properties}::{escape_data(diagnostic.message(lang))}"


def render_github(result: CheckResult, lang: str, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        out.write(format_annotation(diagnostic, lang, result.source_path(diagnostic)) + "\n")
