"""`kieumau report WARD`: everything about one station (Markdown, HTML or Word)."""

from __future__ import annotations

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import DocumentRequest, check_request, timeline, write_document
from kieumau_cli.errors import EXIT_OK


def run(context: Context, ward_argument: str, request: DocumentRequest) -> int:
    from kieumau_cli.results.report import Report

    check_request("report", request, context)
    result = Report.build(timeline(context, ward_argument, request.use_git), context.today)
    write_document(context, "report", request, result)
    return EXIT_OK
