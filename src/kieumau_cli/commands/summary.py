"""`kieumau summary [--province P]`: every station of a province, or of the country."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import DocumentRequest, check_request, write_document
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK
from kieumau_cli.load.repository import WardLoad

if TYPE_CHECKING:
    from kieumau_cli.results.roadmap import Roadmap


def run(context: Context, province: str | None, request: DocumentRequest) -> int:
    from kieumau_cli.results.summary import Summary

    check_request("summary", request, context)
    loads = context.repository.wards_in_scope(province)
    places = context.repository.ward_findings(province)
    context.report(places)
    for load in loads:
        context.report(load.diagnostics)
    scope = None
    if province is not None:
        wanted = context.repository.resolve_province(province)
        named = [load.ward.province_name for load in loads if load.ward is not None]
        scope = named[0] if named else wanted
    result = Summary.build(scope, loads, context.today)
    result = replace(result, roadmap=roadmap_of(context, loads, province))
    write_document(context, "summary", request, result)
    failed = any(load.problem for load in loads) or any(d.severity == "error" for d in places)
    return EXIT_FINDINGS if failed else EXIT_OK


def roadmap_of(context: Context, loads: list[WardLoad], province: str | None) -> Roadmap:
    """The roadmap of the usable wards against the root's programme (when valid; `check`
    reports an invalid one)."""
    from kieumau_cli.results.roadmap import build_roadmap

    pairs = [
        (load.ward, load.criteria_set)
        for load in loads
        if load.ward is not None and load.criteria_set is not None
    ]
    programme_file = context.repository.programme_file()
    if programme_file is not None:
        context.report(programme_file.diagnostics)
    folder = context.repository.resolve_province(province) if province is not None else None
    return build_roadmap(pairs, context.repository.programme(), province=folder)
