"""Commands that write documents: report, brief, summary.

Only argument parsing here; the work is `commands.<name>.run` (imported inside each
command so `kieumau --help` stays fast).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer

from kieumau_cli.cli.options import (
    APPENDIX,
    FULL,
    ISSUER,
    ISSUER_PLACE,
    ISSUER_SUPERIOR,
    SIGN_AS,
    SIGNER_NAME,
    SIGNER_RANK,
    SIGNER_TITLE,
    SYMBOL,
    format_option,
)
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
    from kieumau_cli.results.paperwork import Paperwork

    ReportFormat: TypeAlias = str
    BriefFormat: TypeAlias = str
    SummaryFormat: TypeAlias = str
    SignForm: TypeAlias = str
else:
    ReportFormat = choices_of(format_option("report"))
    BriefFormat = choices_of(format_option("brief"))
    SummaryFormat = choices_of(format_option("summary"))
    SignForm = choices_of(SIGN_AS)

WardArgument = Annotated[str, typer.Argument(metavar="WARD", help=both("help.ward"))]
OutputOption = Annotated[
    Path | None, helped("help.output", "--output", "-o", dir_okay=False, metavar="FILE")
]
TemplatesOption = Annotated[Path | None, helped("help.templates", "--templates", metavar="DIR")]
GitOption = Annotated[bool, helped("help.git", "--git/--no-git")]
AppendixOption = Annotated[bool, option(APPENDIX)]
SignAsOption = Annotated[SignForm | None, option(SIGN_AS)]
SignerTitleOption = Annotated[str | None, option(SIGNER_TITLE)]
SignerRankOption = Annotated[str | None, option(SIGNER_RANK)]
SignerNameOption = Annotated[str | None, option(SIGNER_NAME)]
SymbolOption = Annotated[str | None, option(SYMBOL)]


def paperwork(
    appendix: bool,
    signer: tuple[str | None, str | None, str | None, str | None],
    symbol: str | None,
    issuer: tuple[str | None, str | None, str | None] = (None, None, None),
) -> "Paperwork":
    from kieumau_cli.results.paperwork import IssuingBody, Paperwork, Signer

    return Paperwork(
        appendix=appendix,
        signer=Signer(*signer),
        symbol=symbol,
        issuer=IssuingBody(*issuer),
    )


@app.command(help=both("help.report"))
def report(
    ward: WardArgument,
    *,
    fmt: Annotated[ReportFormat, option(format_option("report"))] = "md",
    output: OutputOption = None,
    lang: LangOption = "vi",
    templates: TemplatesOption = None,
    git: GitOption = True,
    appendix: AppendixOption = False,
    sign_as: SignAsOption = None,
    signer_title: SignerTitleOption = None,
    signer_rank: SignerRankOption = None,
    signer_name: SignerNameOption = None,
    symbol: SymbolOption = None,
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import report
    from kieumau_cli.commands.output import DocumentRequest

    signer = (sign_as, signer_title, signer_rank, signer_name)
    wanted = DocumentRequest(fmt, output, templates, git, paperwork(appendix, signer, symbol))
    guard(lambda: report.run(context(root, lang, roots=roots), ward, wanted), lang)


@app.command(help=both("help.brief"))
def brief(
    ward: WardArgument,
    *,
    week: Annotated[str | None, helped("help.brief.week", "--week", metavar="YYYY-Www")] = None,
    since: Annotated[str | None, helped("help.brief.since", "--since", metavar="DATE")] = None,
    until: Annotated[str | None, helped("help.brief.until", "--until", metavar="DATE")] = None,
    stalled_weeks: Annotated[int, helped("help.brief.stalled", "--stalled-weeks")] = 4,
    full: Annotated[bool, option(FULL)] = False,
    fmt: Annotated[BriefFormat, option(format_option("brief"))] = "md",
    output: OutputOption = None,
    lang: LangOption = "vi",
    templates: TemplatesOption = None,
    git: GitOption = True,
    appendix: AppendixOption = False,
    sign_as: SignAsOption = None,
    signer_title: SignerTitleOption = None,
    signer_rank: SignerRankOption = None,
    signer_name: SignerNameOption = None,
    symbol: SymbolOption = None,
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import brief
    from kieumau_cli.commands.output import DocumentRequest

    signer = (sign_as, signer_title, signer_rank, signer_name)
    wanted = DocumentRequest(fmt, output, templates, git, paperwork(appendix, signer, symbol))
    guard(
        lambda: brief.run(
            context(root, lang, roots=roots),
            ward,
            wanted,
            (week, since, until),
            stalled_weeks,
            full=full,
        ),
        lang,
    )


@app.command(help=both("help.summary"))
def summary(
    *,
    province: Annotated[str | None, helped("help.province", "--province")] = None,
    fmt: Annotated[SummaryFormat, option(format_option("summary"))] = "text",
    output: OutputOption = None,
    lang: LangOption = "vi",
    templates: TemplatesOption = None,
    issuer: Annotated[str | None, option(ISSUER)] = None,
    issuer_superior: Annotated[str | None, option(ISSUER_SUPERIOR)] = None,
    issuer_place: Annotated[str | None, option(ISSUER_PLACE)] = None,
    appendix: AppendixOption = False,
    sign_as: SignAsOption = None,
    signer_title: SignerTitleOption = None,
    signer_rank: SignerRankOption = None,
    signer_name: SignerNameOption = None,
    symbol: SymbolOption = None,
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import summary
    from kieumau_cli.commands.output import DocumentRequest

    signer = (sign_as, signer_title, signer_rank, signer_name)
    body = (issuer, issuer_superior, issuer_place)
    wanted = DocumentRequest(
        fmt, output, templates, paperwork=paperwork(appendix, signer, symbol, body)
    )
    guard(lambda: summary.run(context(root, lang, roots=roots), province, wanted), lang)
