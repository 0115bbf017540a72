"""Commands that read the data: status, list, check, criteria, schema.

Only argument parsing here; each command's work is `commands.<name>.run`, imported
inside the command so that `kieumau --help` stays fast.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

import typer

from kieumau_cli.cli.options import STATUS, STATUS_AS_OF, format_option
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
    StatusFormat: TypeAlias = str
    ListFormat: TypeAlias = str
    CheckFormat: TypeAlias = str
    CriteriaFormat: TypeAlias = str
else:
    StatusFormat = choices_of(STATUS[0])
    ListFormat = choices_of(format_option("list"))
    CheckFormat = choices_of(format_option("check"))
    CriteriaFormat = choices_of(format_option("criteria"))

WardArgument = Annotated[str, typer.Argument(metavar="WARD", help=both("help.ward"))]


@app.command(help=both("help.status"))
def status(  # noqa: PLR0917 - one parameter per option
    ward: WardArgument,
    fmt: Annotated[StatusFormat, option(STATUS[0])] = "text",
    as_of: Annotated[str | None, option(STATUS_AS_OF)] = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import status

    guard(lambda: status.run(context(root, lang, roots=roots), ward, fmt, as_of), lang)


@app.command("list", help=both("help.list"))
def list_(  # noqa: PLR0917 - one parameter per option
    province: Annotated[str | None, helped("help.province", "--province")] = None,
    criteria: Annotated[
        str | None, helped("help.list.criteria", "--criteria", metavar="SET[@VERSION]")
    ] = None,
    fmt: Annotated[ListFormat, option(format_option("list"))] = "text",
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import list as listing

    guard(lambda: listing.run(context(root, lang, roots=roots), province, criteria, fmt), lang)


@app.command(help=both("help.check"))
def check(  # noqa: PLR0917 - one parameter per option
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]... | [REV]", help=both("help.check.paths")),
    ] = None,
    fmt: Annotated[CheckFormat, option(format_option("check"))] = "text",
    strict: Annotated[bool, helped("help.check.strict", "--strict")] = False,
    changed: Annotated[bool, helped("help.check.changed", "--changed")] = False,
    base: Annotated[str | None, helped("help.check.base", "--base", metavar="REV")] = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import check

    guard(
        lambda: check.run(
            context(root, lang, None if changed else paths, roots),
            paths or [],
            fmt,
            strict,
            changed=changed,
            base=base,
        ),
        lang,
    )


@app.command(help=both("help.criteria"))
def criteria(
    ref: Annotated[
        str | None, typer.Argument(metavar="[SET@VERSION]", help=both("help.criteria.ref"))
    ] = None,
    fmt: Annotated[CriteriaFormat, option(format_option("criteria"))] = "text",
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import criteria

    guard(lambda: criteria.run(context(root, lang, roots=roots), ref, fmt), lang)


@app.command(help=both("help.schema"))
def schema(
    kind: Annotated[
        Literal["criteria", "ward", "programme"], typer.Argument(help=both("help.schema.kind"))
    ],
) -> None:
    import sys

    from kieumau_cli.commands import schema

    guard(lambda: schema.run(kind, sys.stdout), "vi")
