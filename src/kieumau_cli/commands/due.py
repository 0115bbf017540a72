"""`kieumau due [WARD | --province P]`: the open criteria by owner — overdue, due
within the window, undated — as a table, JSON, Markdown or an iCalendar feed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import DocumentRequest, check_request, write_document
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from kieumau_cli.load.models import CriteriaSet, Ward

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
    links: dict[str, str] = {}
    name: str | None
    if scope.ward is not None:
        ward, criteria_set = context.ward(scope.ward)
        usable: Iterable[tuple[Ward, CriteriaSet]] = [(ward, criteria_set)]
        scan, name = None, ward.name
    else:
        scan = context.scan(scope.province)
        usable = scan.usable()
    if base_url is not None:
        usable = _linked(usable, base_url, links)
    agenda = build_agenda(usable, context.today, scope.within, scope.owner)
    if scan is not None:  # the province's name is known once its wards are read
        name = scan.scope_name
    agenda = replace(agenda, scope=name, links=links)
    write_document(context, "due", request, agenda)
    failed = scan is not None and scan.failed
    if failed or (fail_on_overdue and agenda.any_overdue):
        return EXIT_FINDINGS
    return EXIT_OK


def _linked(
    wards: Iterable[tuple[Ward, CriteriaSet]], base_url: str, links: dict[str, str]
) -> Iterator[tuple[Ward, CriteriaSet]]:
    """The wards as they are, each station's page noted in `links` on the way (the
    calendar's events link to it)."""
    from kieumau_cli.site.model import station_folder

    for ward, criteria_set in wards:
        links[ward.key] = f"{base_url}{station_folder(ward)}/index.html"
        yield ward, criteria_set
