"""Commands that edit ward files: init, set, migrate.

Only argument parsing here; the work is `commands.<name>.run`, imported inside each
command, so that `kieumau --help` does not load ruamel.yaml or pydantic.
"""

from typing import Annotated, Literal

import typer

from kieumau_cli.cli.typer_app import (
    LangOption,
    RootOption,
    RootsOption,
    app,
    context,
    guard,
    helped,
)
from kieumau_cli.text import both

DateOption = Annotated[str | None, helped("help.date", "--date", metavar="DATE")]
ByOption = Annotated[str | None, helped("help.by", "--by", metavar="NAME")]
WardArgument = Annotated[str, typer.Argument(metavar="WARD", help=both("help.ward"))]


@app.command(help=both("help.init"))
def init(
    ward: Annotated[str, typer.Argument(metavar="PROVINCE/WARD", help=both("help.init.ward"))],
    *,
    criteria: Annotated[str, helped("help.init.criteria", "--criteria", metavar="SET@VERSION")],
    name: Annotated[str, helped("help.init.name", "--name")],
    unit: Annotated[str | None, helped("help.init.unit", "--unit")] = None,
    province_name: Annotated[
        str | None, helped("help.init.province_name", "--province-name")
    ] = None,
    kind: Annotated[
        Literal["phuong", "xa", "dac_khu"] | None, helped("help.init.kind", "--kind")
    ] = None,
    by: ByOption = None,
    date: DateOption = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import init

    guard(
        lambda: init.run(
            context(root, lang, roots=roots),
            ward,
            criteria=criteria,
            name=name,
            unit=unit,
            province_name=province_name,
            kind=kind,
            by=by,
            date=date,
        ),
        lang,
    )


@app.command("set", help=both("help.set"))
def set_(
    ward: WardArgument,
    criteria: Annotated[
        str, typer.Argument(metavar="CRITERION[,CRITERION…]", help=both("help.set.criteria"))
    ],
    status: Annotated[
        str | None, typer.Argument(metavar="STATUS", help=both("help.set.status"))
    ] = None,
    *,
    note: Annotated[str | None, helped("help.set.note", "--note")] = None,
    owner: Annotated[str | None, helped("help.set.owner", "--owner", metavar="NAME")] = None,
    due: Annotated[str | None, helped("help.set.due", "--due", metavar="DATE")] = None,
    evidence: Annotated[
        list[str] | None, helped("help.set.evidence", "--evidence", metavar="TITLE=REF")
    ] = None,
    reading: Annotated[str | None, helped("help.set.reading", "--reading", metavar="VALUE")] = None,
    reason: Annotated[str | None, helped("help.set.reason", "--reason")] = None,
    date: DateOption = None,
    by: ByOption = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import set as set_command

    options = {
        "note": note,
        "owner": owner,
        "due": due,
        "reading": reading,
        "reason": reason,
        "date": date,
        "by": by,
    }
    guard(
        lambda: set_command.run(
            context(root, lang, roots=roots),
            ward,
            criteria=criteria,
            status=status,
            change_options=options,
            evidence=evidence or [],
        ),
        lang,
    )


@app.command(help=both("help.migrate"))
def migrate(
    ward: WardArgument,
    *,
    to: Annotated[str, helped("help.migrate.to", "--to", metavar="SET@VERSION")],
    write: Annotated[bool, helped("help.migrate.write", "--write")] = False,
    date: DateOption = None,
    by: ByOption = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import migrate

    guard(
        lambda: migrate.run(
            context(root, lang, roots=roots), ward, to=to, write=write, date=date, by=by
        ),
        lang,
    )
