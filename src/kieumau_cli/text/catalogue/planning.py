"""Deadlines and sign-off (`kieumau due`, its calendar feed, who may mark a criterion met).

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "due.title": ("Việc cần làm theo người phụ trách", "What is due, by owner"),
    "due.country": ("cả nước", "the whole country"),
    "due.header": (
        "Tính đến ngày {today} · hạn trong {days} ngày tới (đến ngày {end})",
        "As of {today} · due within {days} {days:day|days} (by {end})",
    ),
    "due.counts": (
        "{overdue} việc quá hạn · {soon} việc sắp đến hạn · {undated} việc chưa có hạn",
        "{overdue} overdue · {soon} due soon · {undated} without a due date",
    ),
    "due.owner_filter": ("Lọc theo người phụ trách: {owner}", "Owner filter: {owner}"),
    "due.unassigned": ("chưa phân công", "unassigned"),
    "due.none": ("Không có việc nào đang mở.", "Nothing is open."),
    "due.none_for_owner": (
        "Không có việc nào đang mở của người phụ trách này.",
        "Nothing is open for this owner.",
    ),
    "due.overdue_by": (
        "quá hạn {days} ngày ({working} ngày làm việc)",
        "{days} {days:day|days} overdue ({working} working {working:day|days})",
    ),
    "due.left": (
        "còn {days} ngày ({working} ngày làm việc)",
        "{days} {days:day|days} left ({working} working {working:day|days})",
    ),
    "due.today": ("đến hạn hôm nay", "due today"),
    "due.undated": ("chưa có hạn", "no due date"),
    "due.holiday": ("hạn rơi vào ngày nghỉ lễ: {name}", "falls on a public holiday: {name}"),
    "due.weekend": ("hạn rơi vào ngày nghỉ cuối tuần", "falls on a weekend"),
    "due.later": (
        "và {count} việc có hạn sau ngày {end} (không liệt kê)",
        "and {count} {count:task|tasks} due after {end} (not listed)",
    ),
    "due.section.overdue": ("Quá hạn", "Overdue"),
    "due.section.soon": ("Sắp đến hạn", "Due soon"),
    "due.section.undated": ("Chưa có hạn", "No due date"),
    "due.generated": (
        "Lập ngày {date} bằng kieumau {version}.",
        "Made on {date} with kieumau {version}.",
    ),
    "col.deadline": ("Tình trạng hạn", "Deadline"),
    "calendar.name": ("Hạn tiêu chí — {scope}", "Criteria deadlines — {scope}"),
    "calendar.summary": ("{criterion} {title} — {station}", "{criterion} {title} — {station}"),
    "calendar.owner": ("Phụ trách: {owner}", "Owner: {owner}"),
    "calendar.status": ("Trạng thái: {status}", "Status: {status}"),
    "calendar.note": ("Ghi chú: {note}", "Note: {note}"),
    "calendar.station": ("Đơn vị: {station} ({province})", "Station: {station} ({province})"),
    "calendar.link": ("Trang đơn vị: {url}", "Station page: {url}"),
    "error.due_scope": (
        "chỉ ghi một trong hai: WARD hoặc --province",
        "give either WARD or --province, not both",
    ),
    "error.due_within": (
        "--within {value}: cần số ngày từ 0 đến {limit}",
        "--within {value}: needs a number of days from 0 to {limit}",
    ),
    "help.due": (
        "Việc cần làm theo người phụ trách: quá hạn (số ngày, số ngày làm việc), sắp đến hạn, "
        "chưa có hạn; lịch iCalendar với --format ics.",
        "What is due, by owner: overdue (days, working days), due soon, undated; an "
        "iCalendar feed with --format ics.",
    ),
    "help.due.ward": (
        "Một đơn vị (mặc định: mọi đơn vị, hoặc của --province).",
        "One station (default: every station, or those of --province).",
    ),
    "help.due.owner": (
        "Chỉ việc của người phụ trách có tên chứa chữ này (không phân biệt hoa thường, dấu).",
        "Only the tasks of owners whose name holds these words (case and accents aside).",
    ),
    "help.due.within": (
        "Số ngày tới được coi là sắp đến hạn (mặc định 14).",
        "How many days ahead count as due soon (default 14).",
    ),
    "help.due.fail_on_overdue": (
        "Thoát với mã 1 khi có việc quá hạn (cho CI, cron).",
        "Exit 1 when anything is overdue (for CI or cron).",
    ),
    "help.due.base_url": (
        "Địa chỉ trang web tĩnh, để lịch có đường dẫn tới trang đơn vị.",
        "Address of the static site, so calendar events link to the station page.",
    ),
}
