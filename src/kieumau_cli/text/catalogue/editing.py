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
    "data.init_note": ("khởi tạo (kieumau init)", "created (kieumau init)"),
    "data.init_provenance": (
        "Tạo bằng `kieumau init` ngày {date}; chưa ghi nguồn. Khi có văn bản hoặc bài báo, đổi sang `official` hoặc `press` kèm trích dẫn.",
        "Created by `kieumau init` on {date}; no source yet. When there is a document or an article, change to `official` or `press` with the citation.",
    ),
    "data.init_header": (
        "{unit} ({province}) — theo bộ tiêu chí {ref}.\nTạo bằng `kieumau init`. Đổi trạng thái bằng `kieumau set` (ghi kèm mục lịch sử);\n`history` chỉ được ghi thêm, không sửa hay xóa mục cũ. Kiểm tra: `kieumau check`.",
        "{unit} ({province}) — under the criteria set {ref}.\nCreated by `kieumau init`. Change statuses with `kieumau set` (it adds history entries);\n`history` is append-only: never edit or delete an entry. Check with `kieumau check`.",
    ),
    "data.migrate_heading": (
        "Chuyển bộ tiêu chí {old} → {new} (kieumau migrate)",
        "Criteria set moved {old} → {new} (kieumau migrate)",
    ),
    "data.migrate_dropped": ("; bỏ {ids}", "; dropped {ids}"),
    "data.migrate_new": (
        "chuyển từ {old}: tiêu chí mới, không thay tiêu chí nào của bộ cũ",
        "moved from {old}: a new criterion, replacing none of the old set",
    ),
    "data.migrate_replaces": (
        "chuyển từ {old}: thay {parts}",
        "moved from {old}: replaces {parts}",
    ),
    "data.default_unit": ("Công an {kind} {name}", "{kind} {name} police"),
}
