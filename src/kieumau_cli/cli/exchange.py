"""Commands that move data through spreadsheets: export, import.

Only argument parsing here; the work is `commands.export.run` and
`commands.import_sheet.run`, imported inside each command (openpyxl is heavy).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer

from kieumau_cli.cli.editing import ByOption, DateOption, WardArgument
from kieumau_cli.cli.options import OptionSpec
from kieumau_cli.cli.typer_app import (
    LangOption,
    RootOption,
    RootsOption,
    app,
    choices_of,
    context,
    guard,
    helped,
    option,
)
from kieumau_cli.text import both

# The workbook first: CSV goes out only (`import` reads workbooks).
EXPORT_FORMAT = OptionSpec(("--format", "-f"), "fmt", "help.format", choices=("xlsx", "csv"))

if TYPE_CHECKING:
    ExportFormat: TypeAlias = str
else:
    ExportFormat = choices_of(EXPORT_FORMAT)


@app.command(help=both("help.export"))
def export(
    ward: Annotated[
        str | None, typer.Argument(metavar="WARD", help=both("help.export.ward"))
    ] = None,
    *,
    province: Annotated[str | None, helped("help.export.province", "--province")] = None,
    fmt: Annotated[ExportFormat, option(EXPORT_FORMAT)] = "xlsx",
    output: Annotated[
        Path | None,
        helped("help.export.output", "--output", "-o", dir_okay=False, metavar="FILE"),
    ] = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import export as export_command

    guard(
        lambda: export_command.run(
            context(root, lang, roots=roots), ward, province=province, fmt=fmt, output=output
        ),
        lang,
    )


@app.command("import", help=both("help.import"))
def import_(
    ward: WardArgument,
    workbook: Annotated[
        Path, typer.Argument(metavar="FILE.xlsx", help=both("help.import.file"), dir_okay=False)
    ],
    *,
    write: Annotated[bool, helped("help.import.write", "--write")] = False,
    show_conflicts: Annotated[
        bool, helped("help.import.show_conflicts", "--show-conflicts")
    ] = False,
    date: DateOption = None,
    by: ByOption = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import import_sheet

    guard(
        lambda: import_sheet.run(
            context(root, lang, roots=roots),
            ward,
            workbook,
            by=by,
            date=date,
            write=write,
            show_conflicts=show_conflicts,
        ),
        lang,
    )
