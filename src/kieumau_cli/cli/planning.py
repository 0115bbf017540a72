"""Commands about deadlines and who does what: due, codeowners.

Only argument parsing here; the work is `commands.due.run` (imported inside the
command so `kieumau --help` stays fast).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer

from kieumau_cli.cli.options import format_option
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

if TYPE_CHECKING:
    DueFormat: TypeAlias = str
else:
    DueFormat = choices_of(format_option("due"))


@app.command(help=both("help.due"))
def due(
    ward: Annotated[
        str | None, typer.Argument(metavar="[WARD]", help=both("help.due.ward"))
    ] = None,
    *,
    province: Annotated[str | None, helped("help.province", "--province")] = None,
    owner: Annotated[str | None, helped("help.due.owner", "--owner", metavar="TEXT")] = None,
    within: Annotated[int, helped("help.due.within", "--within", metavar="DAYS")] = 14,
    fmt: Annotated[DueFormat, option(format_option("due"))] = "text",
    output: Annotated[
        Path | None, helped("help.output", "--output", "-o", dir_okay=False, metavar="FILE")
    ] = None,
    fail_on_overdue: Annotated[
        bool, helped("help.due.fail_on_overdue", "--fail-on-overdue")
    ] = False,
    base_url: Annotated[
        str | None, helped("help.due.base_url", "--base-url", metavar="URL")
    ] = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import due
    from kieumau_cli.commands.output import DocumentRequest

    scope = due.DueScope(ward, province, owner, within, base_url)
    wanted = DocumentRequest(fmt, output)
    guard(lambda: due.run(context(root, lang, roots=roots), scope, wanted, fail_on_overdue), lang)


@app.command(help=both("help.codeowners"))
def codeowners(
    *,
    check: Annotated[
        Path | None, helped("help.codeowners.check", "--check", metavar="FILE")
    ] = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import codeowners

    guard(lambda: codeowners.run(context(root, lang, roots=roots), check), lang)
