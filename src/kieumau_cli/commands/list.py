"""`kieumau list`: one row per station (a table, JSON or CSV)."""

from __future__ import annotations

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK


def run(context: Context, province: str | None, criteria: str | None, fmt: str) -> int:
    from kieumau_cli.results.rows import summarise

    loads = context.repository.wards_in_scope(province, criteria)
    places = context.repository.ward_findings(province)
    context.report(places)
    for load in loads:
        context.report(load.diagnostics)
    rows = [summarise(load) for load in loads]
    render.write("list", fmt, rows, context)
    failed = any(load.problem for load in loads) or any(d.severity == "error" for d in places)
    return EXIT_FINDINGS if failed else EXIT_OK
