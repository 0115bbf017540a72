"""`kieumau summary [--province P]`: every station of a province, or of the country."""

from __future__ import annotations

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import DocumentRequest, check_request, write_document
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK


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
    write_document(context, "summary", request, result)
    failed = any(load.problem for load in loads) or any(d.severity == "error" for d in places)
    return EXIT_FINDINGS if failed else EXIT_OK
