"""Commands that edit ward files: init, set, migrate.

Only argument parsing here; the work is in `_edit_commands` (imported inside
each command, so that `kieumau --help` does not load ruamel.yaml or pydantic).
"""

from enum import StrEnum
from typing import Annotated

import typer

from kieumau_cli.cli.typer_app import Lang, LangOption, app, context, guard

_DATE_HELP = "Ngày ghi nhận (yyyy-mm-dd hoặc dd/mm/yyyy; mặc định hôm nay, không được ở tương lai)."
_BY_HELP = "Người ghi (ghi vào lịch sử). / Who records the change."


class Kind(StrEnum):
    phuong = "phuong"
    xa = "xa"
    dac_khu = "dac_khu"


DateOption = Annotated[str | None, typer.Option("--date", metavar="DATE", help=_DATE_HELP)]
WardArgument = Annotated[
    str, typer.Argument(metavar="WARD", help="phuong-dong-son hoặc thanh-hoa/phuong-dong-son")
]
ByOption = Annotated[str | None, typer.Option("--by", metavar="NAME", help=_BY_HELP)]


@app.command()
def init(
    ward: Annotated[
        str, typer.Argument(metavar="PROVINCE/WARD", help="Ví dụ thanh-hoa/phuong-dong-son")
    ],
    *,
    criteria: Annotated[
        str, typer.Option("--criteria", help="Bộ tiêu chí SET@VERSION (hoặc SET nếu chỉ có một).")
    ],
    name: Annotated[str, typer.Option("--name", help='Tên hiển thị, ví dụ "Phường Đông Sơn".')],
    unit: Annotated[
        str | None,
        typer.Option("--unit", help='Đơn vị công an (mặc định "Công an phường …" theo tên).'),
    ] = None,
    province_name: Annotated[
        str | None,
        typer.Option(
            "--province-name",
            help="Tên tỉnh (mặc định lấy từ đơn vị cùng tỉnh đã có; tỉnh mới thì bắt buộc).",
        ),
    ] = None,
    kind: Annotated[
        Kind | None,
        typer.Option("--kind", help="phuong | xa | dac_khu (mặc định theo chữ đầu của tên)."),
    ] = None,
    by: ByOption = None,
    date: DateOption = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Tạo tệp đơn vị mới: mọi tiêu chí 'not_met', có lịch sử khởi tạo. Không ghi đè. / New ward."""
    from kieumau_cli.commands.editing import cmd_init

    guard(
        lambda: cmd_init(
            context(),
            ward,
            criteria=criteria,
            name=name,
            unit=unit,
            province_name=province_name,
            kind=kind.value if kind else None,
            by=by,
            date=date,
            lang=lang.value,
        )
    )


@app.command("set")
def set_(
    ward: WardArgument,
    criteria: Annotated[
        str,
        typer.Argument(
            metavar="CRITERION[,CRITERION…]", help="Mã tiêu chí, ví dụ C03 hoặc C03,C04."
        ),
    ],
    status: Annotated[
        str | None,
        typer.Argument(
            metavar="STATUS",
            help="met | not_met | in_progress | not_applicable | unknown (hoặc đạt, chưa-đạt, …); "
            "bỏ trống hoặc '-' để giữ nguyên trạng thái.",
        ),
    ] = None,
    *,
    note: Annotated[
        str | None, typer.Option("--note", help='Ghi chú (cũng ghi vào mục lịch sử); "" để xóa.')
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", metavar="NAME", help='Người phụ trách; "" để xóa.')
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", metavar="DATE", help='Hạn (yyyy-mm-dd); "" để xóa.')
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence",
            metavar="TITLE=REF",
            help="Minh chứng TIÊU ĐỀ=SỐ/ĐƯỜNG DẪN (lặp lại được).",
        ),
    ] = None,
    reading: Annotated[
        str | None,
        typer.Option("--reading", metavar="VALUE", help="Số đo chỉ số tại --date, ví dụ 92,5."),
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Lý do không áp dụng (not_applicable).")
    ] = None,
    date: DateOption = None,
    by: ByOption = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Đổi trạng thái, thông tin tiêu chí, kèm mục lịch sử; một lần ghi. / Update criteria."""
    from kieumau_cli.commands.editing import cmd_set

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
        lambda: cmd_set(
            context(),
            ward,
            criteria=criteria,
            status=status,
            change_options=options,
            evidence=evidence or [],
            lang=lang.value,
        )
    )


@app.command()
def migrate(
    ward: WardArgument,
    *,
    to: Annotated[str, typer.Option("--to", help="Bộ tiêu chí mới SET@VERSION.")],
    write: Annotated[
        bool, typer.Option("--write", help="Ghi tệp (mặc định chỉ in diff). / Write the file.")
    ] = False,
    date: DateOption = None,
    by: ByOption = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Chuyển đơn vị sang phiên bản bộ tiêu chí mới theo `replaces`; in diff. / Migrate a ward."""
    from kieumau_cli.commands.editing import cmd_migrate

    guard(
        lambda: cmd_migrate(context(), ward, to=to, write=write, date=date, by=by, lang=lang.value)
    )
