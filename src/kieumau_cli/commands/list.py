"""`kieumau list`: one row per station (a table, JSON or CSV)."""

from __future__ import annotations

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK


def run(context: Context, province: str | None, criteria: str | None, fmt: str) -> int:
    from kieumau_cli.results.rows import summarise

    loads = context.repository.wards_in_scope(province, criteria)
    for load in loads:
        context.report(load.diagnostics)
    rows = [summarise(load) for load in loads]
    render.write("list", fmt, rows, context)
    return EXIT_FINDINGS if any(load.problem for load in loads) else EXIT_OK
