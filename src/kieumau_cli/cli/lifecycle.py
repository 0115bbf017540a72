"""Commands of the recognition life cycle: assess, recognise, dossier.

Only argument parsing here; the work is `commands.<name>.run`, imported inside each
command so that `kieumau --help` stays fast.
"""

from pathlib import Path
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

WardArgument = Annotated[str, typer.Argument(metavar="WARD", help=both("help.ward"))]
WriteOption = Annotated[bool, helped("help.lifecycle.write", "--write")]
NoteOption = Annotated[str | None, helped("help.lifecycle.note", "--note")]


@app.command(help=both("help.assess"))
def assess(
    ward: WardArgument,
    verdicts: Annotated[
        list[str] | None,
        typer.Argument(metavar="[CRITERION=STATUS]…", help=both("help.assess.verdicts")),
    ] = None,
    *,
    kind: Annotated[
        Literal["self", "inspection", "appraisal", "re_inspection"],
        helped("help.assess.kind", "--kind"),
    ],
    by: Annotated[str, helped("help.assess.by", "--by", metavar="BODY")],
    date: Annotated[str, helped("help.lifecycle.date", "--date", metavar="DATE")],
    document: Annotated[
        str | None, helped("help.assess.document", "--document", metavar="NUMBER")
    ] = None,
    from_file: Annotated[
        Path | None, helped("help.assess.from", "--from", dir_okay=False, metavar="FILE.yaml")
    ] = None,
    all_met_as_claimed: Annotated[
        bool, helped("help.assess.all_met", "--all-met-as-claimed")
    ] = False,
    note: NoteOption = None,
    write: WriteOption = False,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import assess as assess_command

    guard(
        lambda: assess_command.run(
            context(root, lang, roots=roots),
            ward,
            kind=kind,
            by=by,
            date=date,
            document=document,
            verdicts=verdicts or [],
            from_file=from_file,
            all_met_as_claimed=all_met_as_claimed,
            note=note,
            write=write,
        ),
        lang,
    )


@app.command(help=both("help.recognise"))
def recognise(
    ward: WardArgument,
    *,
    date: Annotated[str, helped("help.lifecycle.date", "--date", metavar="DATE")],
    year: Annotated[int | None, helped("help.recognise.year", "--year", metavar="YEAR")] = None,
    decision: Annotated[
        str | None, helped("help.recognise.decision", "--decision", metavar="NUMBER")
    ] = None,
    issuer: Annotated[
        str | None, helped("help.recognise.issuer", "--issuer", metavar="BODY")
    ] = None,
    lost: Annotated[bool, helped("help.recognise.lost", "--lost")] = False,
    document: Annotated[
        str | None, helped("help.recognise.document", "--document", metavar="NUMBER")
    ] = None,
    reason: Annotated[str | None, helped("help.recognise.reason", "--reason")] = None,
    note: NoteOption = None,
    write: WriteOption = False,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import recognise as recognise_command

    guard(
        lambda: recognise_command.run(
            context(root, lang, roots=roots),
            ward,
            lost=lost,
            year=year,
            decision=decision,
            date=date,
            issuer=issuer,
            document=document,
            reason=reason,
            note=note,
            write=write,
        ),
        lang,
    )


@app.command(help=both("help.dossier"))
def dossier(
    ward: WardArgument,
    *,
    output: Annotated[
        Path, helped("help.dossier.output", "--output", "-o", file_okay=False, metavar="DIR")
    ],
    year: Annotated[int | None, helped("help.dossier.year", "--year", metavar="YEAR")] = None,
    lang: LangOption = "vi",
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import dossier as dossier_command

    guard(
        lambda: dossier_command.run(
            context(root, lang, roots=roots), ward, output=output, year=year
        ),
        lang,
    )
