"""The Typer application, global options and the one place where errors
become exit codes (`guard`). Commands live in `_cli_*.py` modules, one per
family; each only parses arguments and calls a function returning an exit code.

Heavy modules (pydantic, yaml, rich) are imported inside the commands so that
`kieumau --help` costs little more than importing Typer.
"""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from kieumau_cli import __version__

if TYPE_CHECKING:
    from kieumau_cli.commands.core import Context

app = typer.Typer(
    name="kieumau",
    help=(
        "Theo dõi tiến độ xây dựng Công an phường kiểu mẫu theo bộ tiêu chí có phiên bản.\n\n"
        "Track ward police stations' progress toward model-station recognition."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class _State:
    root: Path | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kieumau {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            help="Thư mục dữ liệu có criteria/ và wards/ (mặc định: $KIEUMAU_ROOT, rồi tìm "
            "ngược từ thư mục hiện tại, rồi dữ liệu mẫu đi kèm). / Data folder.",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="In phiên bản. / Show version."
        ),
    ] = False,
) -> None:
    _State.root = root


def guard(run: Callable[[], int]) -> NoReturn:
    """Run a command; map user errors and bugs to messages and exit codes."""
    from kieumau_cli.cli.guard import run_guarded

    raise typer.Exit(run_guarded(run, lambda message: typer.echo(message, err=True)))


def context() -> "Context":
    from kieumau_cli.commands.core import Context

    return Context.create(_State.root)


LangOption = Annotated[Lang, typer.Option("--lang", help="Ngôn ngữ hiển thị. / Output language.")]
