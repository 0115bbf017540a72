"""`kieumau due [WARD | --province P]`: the open criteria by owner — overdue, due
within the window, undated — as a table, JSON, Markdown or an iCalendar feed."""

from __future__ import annotations

from dataclasses import dataclass

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import DocumentRequest, check_request, write_document
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError

MAX_WITHIN = 3660  # ten years: any window longer is a typo


@dataclass(frozen=True, slots=True)
class DueScope:
    """What `due` looks at and how: one ward or a province (or everything), whose tasks,
    how many days ahead, and the site the calendar links to."""

    ward: str | None = None
    province: str | None = None
    owner: str | None = None
    within: int = 14
    base_url: str | None = None


def run(
    context: Context, scope: DueScope, request: DocumentRequest, fail_on_overdue: bool = False
) -> int:
    """Exit 1 when a ward could not be read, or (`fail_on_overdue`) anything is overdue."""
    from kieumau_cli.commands.site import checked_base_url
    from kieumau_cli.results.due import build_agenda

    if scope.ward is not None and scope.province is not None:
        raise UsageError("error.due_scope")
    if not 0 <= scope.within <= MAX_WITHIN:
        raise UsageError("error.due_within", value=scope.within, limit=MAX_WITHIN)
    check_request("due", request, context)
    base_url = checked_base_url(scope.base_url)
    repository = context.repository
    if scope.ward is not None:
        usable = [context.ward(scope.ward)]
        failed = False
        name: str | None = usable[0][0].name
    else:
        loads = repository.wards_in_scope(scope.province)
        places = repository.ward_findings(scope.province)
        context.report(places)
        for load in loads:
            context.report(load.diagnostics)
        usable = [
            (load.ward, load.criteria_set)
            for load in loads
            if load.ward is not None and load.criteria_set is not None
        ]
        failed = any(load.problem for load in loads) or any(d.severity == "error" for d in places)
        name = None
        if scope.province is not None:
            named = [ward.province_name for ward, _ in usable]
            name = named[0] if named else repository.resolve_province(scope.province)
    links = {}
    if base_url is not None:
        from kieumau_cli.site.model import station_folder

        links = {ward.key: f"{base_url}{station_folder(ward)}/index.html" for ward, _ in usable}
    agenda = build_agenda(usable, context.today, scope.within, scope.owner, scope=name, links=links)
    write_document(context, "due", request, agenda)
    if failed or (fail_on_overdue and agenda.any_overdue):
        return EXIT_FINDINGS
    return EXIT_OK
