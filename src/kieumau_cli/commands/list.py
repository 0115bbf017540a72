"""`kieumau list`: one row per station (a table, JSON or CSV)."""

from __future__ import annotations

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK


def run(context: Context, province: str | None, criteria: str | None, fmt: str) -> int:
    from kieumau_cli.results.rows import summarise

    scan = context.scan(province, criteria)
    rows = [summarise(load) for load in scan]  # only each ward's row is kept (10x scale)
    render.write("list", fmt, rows, context)
    return EXIT_FINDINGS if scan.failed else EXIT_OK
