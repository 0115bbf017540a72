"""`kieumau list`: one row per station (a table, JSON or CSV)."""

from __future__ import annotations

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK


def run(context: Context, province: str | None, criteria: str | None, fmt: str) -> int:
    from kieumau_cli.results.rows import summarise

    loads = context.repository.each_ward_in_scope(province, criteria)
    places = context.repository.ward_findings(province)
    context.report(places)
    failed = any(d.severity == "error" for d in places)
    rows = []
    for load in loads:  # one ward at a time: only its row is kept (national scale, 10x)
        context.report(load.diagnostics)
        rows.append(summarise(load))
        failed = failed or load.problem is not None
    render.write("list", fmt, rows, context)
    return EXIT_FINDINGS if failed else EXIT_OK
