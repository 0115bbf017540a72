"""`kieumau check` output: `PATH:LINE:COL: severity[CODE]: MESSAGE` lines or JSON."""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.run import CheckResult
from kieumau_cli.render.common import write_json
from kieumau_cli.text.unsafe import visible


def format_line(diagnostic: Diagnostic, lang: str) -> str:
    return visible(  # a path or a quoted value may hold anything a file name can
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.severity}[{diagnostic.code}]: {diagnostic.message(lang)}"
    )


def render_text(result: CheckResult, lang: str, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        out.write(format_line(diagnostic, lang) + "\n")


def render_json(result: CheckResult, lang: str, out: TextIO) -> None:
    write_json(
        [
            {
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "severity": d.severity,
                "code": d.code,
                "message": d.message(lang),
            }
            for d in result.diagnostics
        ],
        out,
    )
