"""`kieumau site`: only argument parsing here; the work is `commands.site.run`."""

from pathlib import Path
from typing import Annotated

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


@app.command(help=both("help.site"))
def site(
    *,
    output: Annotated[Path, helped("help.site.output", "--output", "-o", metavar="DIR")],
    province: Annotated[str | None, helped("help.province", "--province")] = None,
    lang: LangOption = "vi",
    base_url: Annotated[
        str | None, helped("help.site.base_url", "--base-url", metavar="URL")
    ] = None,
    stamp: Annotated[bool, helped("help.site.stamp", "--stamp")] = False,
    templates: Annotated[
        Path | None, helped("help.templates", "--templates", metavar="DIR")
    ] = None,
    git: Annotated[bool, helped("help.git", "--git/--no-git")] = True,
    root: RootOption = None,
    roots: RootsOption = None,
) -> None:
    from kieumau_cli.commands import site
    from kieumau_cli.site.model import SiteRequest

    wanted = SiteRequest(output, province, base_url, stamp, templates, git)
    guard(lambda: site.run(context(root, lang, roots=roots), wanted), lang)
