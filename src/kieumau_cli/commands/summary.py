"""`kieumau summary [--province P]`: every station of a province, or of the country."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import DocumentRequest, check_request, write_document
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK
from kieumau_cli.load.repository import WardLoad

if TYPE_CHECKING:
    from kieumau_cli.load.models import CriteriaSet


def run(context: Context, province: str | None, request: DocumentRequest) -> int:
    from kieumau_cli.results.roadmap import Station, roadmap_of, station_of
    from kieumau_cli.results.summary import Summary

    check_request("summary", request, context)
    scan = context.scan(province)
    stations: list[Station] = []  # what the roadmap needs of each ward, not the ward
    sets: dict[str, CriteriaSet] = {}

    def each_ward() -> Iterator[WardLoad]:
        for load in scan:
            if load.ward is not None and load.criteria_set is not None:
                stations.append(station_of(load.ward, load.criteria_set))
                sets[load.criteria_set.ref] = load.criteria_set
            yield load

    result = Summary.build(None, each_ward(), context.today)
    programme_file = context.repository.programme_file()
    if programme_file is not None:  # `check` reports an invalid one; the roadmap goes without
        context.report(programme_file.diagnostics)
    roadmap = roadmap_of(stations, context.repository.programme(), sets, province=scan.folder)
    write_document(
        context, "summary", request, replace(result, province=scan.scope_name, roadmap=roadmap)
    )
    return EXIT_FINDINGS if scan.failed else EXIT_OK
