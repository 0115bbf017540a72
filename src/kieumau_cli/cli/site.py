"""`kieumau site`: only argument parsing here; the work is in `_site` (imported inside
the command so `kieumau --help` stays fast)."""

from pathlib import Path
from typing import Annotated

import typer

from kieumau_cli.cli.typer_app import Lang, LangOption, app, context, guard


@app.command()
def site(
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Thư mục của trang; được thay cả thư mục sau khi dựng xong. / Folder of the "
            "site, replaced whole once the build succeeds.",
        ),
    ],
    province: Annotated[
        str | None,
        typer.Option("--province", help="Một tỉnh (mã hoặc tên); mặc định: cả nước."),
    ] = None,
    lang: LangOption = Lang.vi,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Địa chỉ công khai của trang, chỉ dùng cho liên kết tuyệt đối trong feed và "
            "canonical. / Public address, only for absolute links in the feed and canonical.",
        ),
    ] = None,
    stamp: Annotated[
        bool,
        typer.Option(
            "--stamp",
            help="Tính theo hôm nay và ghi giờ dựng trang (bỏ tính tái lập). / Judge by today "
            "and print the build time (no longer byte-identical).",
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Thư mục mẫu Jinja2 thay cho mẫu đi kèm (từng tệp). / Templates overriding "
            "the shipped ones, file by file.",
        ),
    ] = None,
    git: Annotated[
        bool,
        typer.Option(
            "--git/--no-git",
            help="Đọc thêm git log của tệp đơn vị. / Also read the ward files' git log.",
        ),
    ] = True,
) -> None:
    """Dựng trang web tĩnh cho mọi đơn vị. / Build a static website of every station."""
    from kieumau_cli.site.build import SiteRequest, cmd_site

    wanted = SiteRequest(output, province, lang.value, base_url, stamp, templates, git)
    guard(lambda: cmd_site(context(), wanted))
