"""Commands of the documents family: report, brief, summary.

Only argument parsing here; the work is in `_report_commands` (imported
inside each command so `kieumau --help` stays fast).
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kieumau_cli.cli.typer_app import Lang, LangOption, app, context, guard


class DocumentFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


class SummaryFormat(StrEnum):
    text = "text"
    md = "md"
    html = "html"
    docx = "docx"


WardArgument = Annotated[str, typer.Argument(help="phuong-dong-son hoặc thanh-hoa/phuong-dong-son")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", dir_okay=False, help="Ghi vào tệp thay vì stdout. / Write to a file."
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Thư mục mẫu Jinja2 thay cho mẫu đi kèm (từng tệp). / Folder of templates that "
        "override the shipped ones, file by file.",
    ),
]
FormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", "-f", help="md | html | docx (docx: cần / needs -o FILE)"),
]
GitOption = Annotated[
    bool,
    typer.Option(
        "--git/--no-git",
        help="Đọc thêm git log của tệp đơn vị. / Also read the ward file's git log.",
    ),
]


@app.command()
def report(
    ward: WardArgument,
    *,
    fmt: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    templates: TemplatesOption = None,
    git: GitOption = True,
) -> None:
    """Báo cáo đầy đủ một đơn vị: điểm, nhóm, minh chứng, chỉ số, lịch sử. / Full report."""
    from kieumau_cli.commands.documents import DocumentRequest, cmd_report

    wanted = DocumentRequest(fmt.value, lang.value, output, templates, git)
    guard(lambda: cmd_report(context(), ward, wanted))


@app.command()
def brief(
    ward: WardArgument,
    *,
    week: Annotated[
        str | None,
        typer.Option("--week", help="Tuần ISO, ví dụ 2026-W07 (mặc định: tuần hiện tại)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Từ ngày (yyyy-mm-dd), thay cho --week.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Đến ngày (yyyy-mm-dd; mặc định hôm nay).")
    ] = None,
    stalled_weeks: Annotated[
        int,
        typer.Option(
            "--stalled-weeks",
            help="Số tuần không thay đổi thì coi là chưa có chuyển biến. / Weeks without "
            "change before a criterion counts as stalled.",
        ),
    ] = 4,
    fmt: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    templates: TemplatesOption = None,
    git: GitOption = True,
) -> None:
    """Báo cáo giao ban tuần: 5 mục từ lịch sử và git log. / Weekly briefing note."""
    from kieumau_cli.commands.documents import DocumentRequest, cmd_brief

    wanted = DocumentRequest(fmt.value, lang.value, output, templates, git)
    guard(lambda: cmd_brief(context(), ward, wanted, (week, since, until), stalled_weeks))


@app.command()
def summary(
    *,
    province: Annotated[
        str | None, typer.Option("--province", help="Một tỉnh (mã hoặc tên); mặc định: cả nước.")
    ] = None,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="text | md | html | docx")
    ] = SummaryFormat.text,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    templates: TemplatesOption = None,
) -> None:
    """Tổng hợp các đơn vị của một tỉnh hoặc cả nước. / Province or national summary."""
    from kieumau_cli.commands.documents import DocumentRequest, cmd_summary

    wanted = DocumentRequest(fmt.value, lang.value, output, templates)
    guard(lambda: cmd_summary(context(), province, wanted))
