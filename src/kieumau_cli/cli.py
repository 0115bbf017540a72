"""The command line. It only parses arguments and calls `_commands`, which
return exit codes; errors are mapped to exit codes in one place (`_guard`).

Heavy modules (pydantic, yaml, rich) are imported inside the commands so that
`kieumau --help` costs little more than importing Typer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__

if TYPE_CHECKING:
    from ._commands import Context

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


class StatusFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


class ListFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class CriteriaFormat(StrEnum):
    text = "text"
    json = "json"


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


def _guard(run: Callable[[], int]) -> NoReturn:
    """Run a command; map user errors and bugs to messages and exit codes."""
    from ._errors import EXIT_USAGE, KieumauError

    try:
        code = run()
    except KieumauError as error:
        typer.echo(f"kieumau: {error.message}", err=True)
        if error.hint:
            typer.echo(f"  {error.hint}", err=True)
        code = error.exit_code
    except BrokenPipeError:
        code = 0
    except Exception as error:  # a bug: say so plainly, never a bare traceback
        if os.environ.get("KIEUMAU_DEBUG"):
            raise
        typer.echo(
            f"kieumau: lỗi nội bộ (internal error): {type(error).__name__}: {error}\n"
            "  Đây là lỗi của chương trình; hãy báo lại kèm lệnh đã chạy "
            "(chạy lại với KIEUMAU_DEBUG=1 để xem chi tiết).\n"
            "  This is a bug in kieumau; please report it with the command you ran "
            "(KIEUMAU_DEBUG=1 shows the traceback).",
            err=True,
        )
        code = EXIT_USAGE
    raise typer.Exit(code)


def _context() -> Context:
    from ._commands import Context

    return Context.create(_State.root)


LangOption = Annotated[Lang, typer.Option("--lang", help="Ngôn ngữ hiển thị. / Output language.")]


@app.command()
def status(
    ward: Annotated[str, typer.Argument(help="phuong-dong-son hoặc thanh-hoa/phuong-dong-son")],
    fmt: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="text | json | md")
    ] = StatusFormat.text,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Dựng lại trạng thái tại ngày này từ lịch sử (yyyy-mm-dd)."),
    ] = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Trạng thái một đơn vị: điểm, bảng theo nhóm, việc còn thiếu. / One station's status."""
    from ._commands import cmd_status

    _guard(lambda: cmd_status(_context(), ward, fmt.value, as_of, lang.value))


@app.command("list")
def list_(
    province: Annotated[
        str | None, typer.Option("--province", help="Lọc theo tỉnh (mã hoặc tên).")
    ] = None,
    criteria: Annotated[
        str | None, typer.Option("--criteria", help="Lọc theo bộ tiêu chí: SET hoặc SET@VERSION.")
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="text | json | csv")
    ] = ListFormat.text,
    lang: LangOption = Lang.vi,
) -> None:
    """Mỗi đơn vị một dòng: tên, bộ tiêu chí, điểm, tiến độ, cập nhật. / One row per station."""
    from ._commands import cmd_list

    _guard(lambda: cmd_list(_context(), province, criteria, fmt.value, lang.value))


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Tệp hoặc thư mục cần kiểm tra (mặc định: toàn bộ criteria/ và wards/)."
        ),
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text | json")
    ] = CheckFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Cảnh báo cũng trả mã 1. / Warnings fail too.")
    ] = False,
    lang: LangOption = Lang.vi,
) -> None:
    """Kiểm tra lược đồ và quy tắc liên tệp. Mã thoát: 0 sạch, 1 có lỗi, 2 lỗi dùng lệnh."""
    from ._commands import cmd_check

    _guard(lambda: cmd_check(_context(), paths or [], fmt.value, strict, lang.value))


@app.command()
def criteria(
    ref: Annotated[
        str | None, typer.Argument(metavar="[SET@VERSION]", help="Bộ tiêu chí cần xem.")
    ] = None,
    fmt: Annotated[
        CriteriaFormat, typer.Option("--format", "-f", help="text | json")
    ] = CriteriaFormat.text,
    lang: LangOption = Lang.vi,
) -> None:
    """Liệt kê các bộ tiêu chí, hoặc xem một bộ theo nhóm kèm nguồn. / Criteria sets."""
    from ._commands import cmd_criteria

    _guard(lambda: cmd_criteria(_context(), ref, fmt.value, lang.value))


def main() -> None:
    # Vietnamese output must survive a Windows console or a C locale.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    app()
