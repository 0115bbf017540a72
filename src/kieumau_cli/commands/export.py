"""`kieumau export WARD -o FILE.xlsx`: the ward's criteria table as a workbook to fill in
and bring back with `import`; `kieumau export --province P -o FILE.xlsx`: the province's
stations, its stations × criteria matrix and its criteria ranking. `--format csv` writes
the same tables as CSV (out only)."""

from __future__ import annotations

from pathlib import Path

from kieumau_cli.commands.context import Context
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError

FORMATS = ("xlsx", "csv")


def run(
    context: Context,
    ward_argument: str | None,
    *,
    province: str | None,
    fmt: str,
    output: Path | None,
) -> int:
    if (ward_argument is None) == (province is None):
        raise UsageError("error.export_what")
    if output is None:
        raise UsageError("error.export_needs_output", fmt=fmt)
    if output.suffix.lower() != f".{fmt}":
        raise UsageError("error.export_suffix", fmt=fmt, output=output)
    folder = output.parent if str(output.parent) else Path()
    if not folder.is_dir():
        raise UsageError("error.output_folder_missing", output=output, folder=folder)
    if ward_argument is not None:
        data, code = _ward(context, ward_argument, fmt), EXIT_OK
    else:
        assert province is not None
        data, code = _province(context, province, fmt)
    write_atomic(output, data, expected=None, overwrite=True)
    context.notice("doc.written", path=output)
    return code


def _ward(context: Context, argument: str, fmt: str) -> bytes:
    from kieumau_cli.exchange.export import ward_workbook
    from kieumau_cli.exchange.flat import ward_csv
    from kieumau_cli.exchange.sheet import ward_sheet

    repository = context.repository
    load = repository.open_ward(repository.resolve_ward(argument))
    ward, criteria_set = context.usable(load)
    assert load.file.raw is not None  # a valid ward was read from these bytes
    sheet = ward_sheet(
        load.key, ward, criteria_set, raw=load.file.raw, today=context.today, lang=context.lang
    )
    return ward_workbook(sheet) if fmt == "xlsx" else ward_csv(sheet)


def _province(context: Context, province: str, fmt: str) -> tuple[bytes, int]:
    """The workbook, and exit 1 when a ward in it could not be scored (it is listed, with
    its problem, as `summary` lists it)."""
    from kieumau_cli.exchange.flat import province_csv
    from kieumau_cli.exchange.province import province_book, province_workbook

    scan = context.scan(province)
    loads = list(scan)  # one province: its workbook lists every station with its criteria
    assert scan.scope_name is not None  # a province is in scope
    book = province_book(scan.scope_name, loads, context.today, context.lang)
    data = province_workbook(book) if fmt == "xlsx" else province_csv(book)
    return data, EXIT_FINDINGS if scan.failed else EXIT_OK
