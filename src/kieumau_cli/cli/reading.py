"""Commands of the foundation: status, list, check, criteria."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kieumau_cli.cli.typer_app import Lang, LangOption, app, context, guard


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
    github = "github"
    sarif = "sarif"


class CriteriaFormat(StrEnum):
    text = "text"
    json = "json"


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
    from kieumau_cli.commands.core import cmd_status

    guard(lambda: cmd_status(context(), ward, fmt.value, as_of, lang.value))


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
    from kieumau_cli.commands.core import cmd_list

    guard(lambda: cmd_list(context(), province, criteria, fmt.value, lang.value))


@app.command()
def check(  # noqa: PLR0917 - one parameter per option
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]... | [REV]",
            help="Tệp hoặc thư mục cần kiểm tra (mặc định: toàn bộ criteria/ và wards/); "
            "với --changed: phiên bản git REV để so sánh.",
        ),
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text | json | github | sarif")
    ] = CheckFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Cảnh báo cũng trả mã 1. / Warnings fail too.")
    ] = False,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="Chỉ kiểm tra tệp đổi từ REV (mặc định: điểm rẽ nhánh với nhánh mặc định) và "
            "các đơn vị phụ thuộc. / Only files changed since REV, and their dependents.",
        ),
    ] = False,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            metavar="REV",
            help="Lịch sử chỉ được ghi thêm: mục có ở REV phải còn nguyên và đúng chỗ. "
            "/ History is append-only since REV.",
        ),
    ] = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Kiểm tra lược đồ và quy tắc liên tệp. Mã thoát: 0 sạch, 1 có lỗi, 2 lỗi dùng lệnh."""
    from kieumau_cli.commands.core import cmd_check

    guard(
        lambda: cmd_check(
            context(), paths or [], fmt.value, strict, lang.value, changed=changed, base=base
        )
    )


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
    from kieumau_cli.commands.core import cmd_criteria

    guard(lambda: cmd_criteria(context(), ref, fmt.value, lang.value))
