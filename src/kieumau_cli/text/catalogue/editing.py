"""What `init`, `set` and `migrate` print.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "edit.created": (
        "Đã tạo {path}: {count} tiêu chí theo bộ {ref}.",
        "Created {path}: {count} criteria of {ref}.",
    ),
    "edit.written": ("Đã ghi {path}.", "Wrote {path}."),
    "edit.nothing": (
        "Không có gì thay đổi; tệp giữ nguyên.",
        "Nothing changed; the file is untouched.",
    ),
    "edit.fields": ("cập nhật", "updated"),
    "edit.not_written": (
        "Chưa ghi gì; chạy lại với --write để ghi.",
        "Nothing written; run again with --write to write.",
    ),
    "edit.reformat": (
        "lưu ý: ghi tệp sẽ chuẩn hóa định dạng của {count} dòng khác",
        "note: writing will normalise the formatting of {count} other lines",
    ),
    "edit.slug_differs": (
        "lưu ý: mã '{ward}' khác mã suy từ tên '{name}' ({slug})",
        "note: slug '{ward}' differs from the name '{name}' ({slug})",
    ),
    "edit.same_slug": (
        "lưu ý: '{ward}' cũng có ở {others}; khi gọi lệnh hãy ghi rõ tỉnh/phường",
        "note: '{ward}' also exists in {others}; name the province when using it",
    ),
    "migrate.header": ("{old} → {new}: {count} tiêu chí", "{old} → {new}: {count} criteria"),
    "migrate.new": ("tiêu chí mới", "new criterion"),
    "migrate.dropped": ("Bỏ (không còn trong bộ mới)", "Dropped (not in the new set)"),
    "migrate.readings": (
        "Số đo không chuyển (đơn vị chỉ số khác)",
        "Readings not carried over (indicator unit changed)",
    ),
    "migrate.none": ("không có", "none"),
    "migrate.same": (
        "Đơn vị đã dùng bộ {ref}; không có gì để chuyển.",
        "The ward already uses {ref}; nothing to migrate.",
    ),
    "edit.field.owner": ("người phụ trách", "owner"),
    "edit.field.due": ("hạn", "due date"),
    "edit.field.note": ("ghi chú", "note"),
    "edit.field.reason": ("lý do", "reason"),
    "edit.field.evidence": ("minh chứng", "evidence"),
    "edit.field.readings": ("số liệu", "readings"),
}
