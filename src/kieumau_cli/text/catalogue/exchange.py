"""What `export` and `import` write into workbooks and print, and why they refuse.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the ward's workbook ---------------------------------------------------------------
    "exchange.sheet.criteria": ("Tiêu chí", "Criteria"),
    "exchange.col.reason": ("Lý do không áp dụng", "Reason if not applicable"),
    "exchange.page": ("Trang &P/&N", "Page &P of &N"),
    "exchange.status_error": ("Chọn một trong: {words}.", "Pick one of: {words}."),
    "exchange.date_error": (
        "Ghi ngày dạng dd/mm/yyyy, ví dụ 30/06/2026.",
        "Enter a date as dd/mm/yyyy, for example 30/06/2026.",
    ),
    "exchange.meta_note": (
        "Trang này ghi bảng tính được xuất từ đâu, để `kieumau import` đọc lại an toàn. Đừng sửa.",
        "This sheet records where the workbook was exported from, so that `kieumau import` reads it back safely. Do not edit it.",
    ),
    # --- the province's workbook -----------------------------------------------------------
    "exchange.province_title": (
        "Tiến độ xây dựng mô hình kiểu mẫu: {scope}",
        "Progress toward model-station recognition: {scope}",
    ),
    "exchange.sheet.stations": ("Đơn vị", "Stations"),
    "exchange.sheet.ranking": ("Xếp hạng tiêu chí", "Criteria ranking"),
    "exchange.col.number": ("STT", "No."),
    "exchange.col.ward": ("Mã đơn vị", "Ward key"),
    "exchange.col.applicable": ("Áp dụng", "Applicable"),
    "exchange.col.qualifies": ("Đủ điều kiện", "Qualifies"),
    "exchange.col.stage": ("Giai đoạn", "Stage"),
    "exchange.col.problem": ("Lỗi dữ liệu", "Data problem"),
    "exchange.col.stations": ("Số đơn vị", "Stations"),
    "exchange.problem.invalid": ("tệp không hợp lệ", "invalid file"),
    "exchange.problem.unknown-set": ("bộ tiêu chí không có", "unknown criteria set"),
    "exchange.matrix_title": (
        "Đơn vị × tiêu chí: {set} ({ref}), {scope}",
        "Stations × criteria: {set} ({ref}), {scope}",
    ),
    "exchange.legend": ("Chú giải:", "Legend:"),
    "exchange.legend_hint": (
        "Rê chuột lên mã tiêu chí để xem tên tiêu chí. Dòng cuối: số đơn vị chưa xong tiêu chí đó (chưa đạt, đang thực hiện hoặc chưa đánh giá).",
        "Hover over a criterion's id for its title. Last row: how many stations have not completed it (not met, in progress or not assessed).",
    ),
    "exchange.held_back": ("Số đơn vị chưa xong", "Stations not done"),
    # --- what import prints ----------------------------------------------------------------
    "exchange.changes": ("Thay đổi từ {path}:", "Changes from {path}:"),
    "exchange.field.status": ("trạng thái", "status"),
    "exchange.empty": ("(trống)", "(empty)"),
    "exchange.conflict": (
        "lúc xuất {exported} · trong tệp nay {file} · trong bảng tính {sheet}",
        "when exported {exported} · in the file now {file} · in the sheet {sheet}",
    ),
    "exchange.conflicts": (
        "Ô sửa cả trong bảng tính lẫn trong tệp từ lúc xuất:",
        "Cells changed both in the sheet and in the file since the export:",
    ),
    "exchange.stale": (
        "lưu ý: {path} đã thay đổi từ lúc xuất bảng tính ngày {date}; các thay đổi không chồng lên nhau nên được ghi lên nội dung hiện tại của tệp",
        "note: {path} changed since the workbook was exported on {date}; the changes do not overlap, so they go on top of the file as it is now",
    ),
    "exchange.nothing": (
        "Tệp đã khớp với bảng tính, không có gì để thay đổi; tệp giữ nguyên.",
        "The file already says what the workbook says; nothing to change, the file is untouched.",
    ),
    # --- refusals --------------------------------------------------------------------------
    "error.export_what": (
        "ghi tên một đơn vị (WARD) hoặc --province, không ghi cả hai",
        "give one ward (WARD) or --province, not both",
    ),
    "error.export_needs_output": (
        "export cần -o TỆP, ví dụ -o tien-do.{fmt}",
        "export needs -o FILE, for example -o progress.{fmt}",
    ),
    "error.export_suffix": (
        "tệp ra của --format {fmt} phải có đuôi .{fmt}: {output}",
        "the output of --format {fmt} must end in .{fmt}: {output}",
    ),
    "error.sheet_cell_too_long": (
        "ô {cell} dài {length} ký tự, quá giới hạn {limit} ký tự của một ô bảng tính; không xuất được",
        "cell {cell} would hold {length} characters, more than the {limit} a spreadsheet cell holds; nothing exported",
    ),
    "error.sheet_not_found": ("không tìm thấy tệp bảng tính {path}", "no workbook at {path}"),
    "error.sheet_unreadable": (
        "không đọc được {path} như một bảng tính .xlsx; trong Excel hay LibreOffice hãy lưu dạng Excel 2007-365 (.xlsx)",
        "{path} cannot be read as an .xlsx workbook; in Excel or LibreOffice save it as Excel 2007-365 (.xlsx)",
    ),
    "error.sheet_no_stamp": (
        "{path} không phải bảng tính do `kieumau export` tạo (thiếu trang ẩn kieumau); hãy xuất bảng tính bằng `kieumau export WARD --format xlsx`",
        "{path} is not a workbook written by `kieumau export` (its hidden kieumau sheet is missing); export one with `kieumau export WARD --format xlsx`",
    ),
    "error.sheet_stamp_broken": (
        "trang ẩn kieumau của {path} đã bị sửa nên không biết bảng tính được xuất từ đâu; hãy xuất lại",
        "the hidden kieumau sheet of {path} was edited, so where the workbook came from is unknown; export it again",
    ),
    "error.sheet_missing": (
        "{path} không còn trang '{sheet}' (trang bị đổi tên hay xóa)",
        "{path} has no sheet '{sheet}' any more (renamed or deleted)",
    ),
    "error.sheet_header": (
        "{cell}: tiêu đề cột phải là '{expected}', nay là '{found}' (cột bị chèn, xóa hay đổi chỗ)",
        "{cell}: the column heading must be '{expected}', found '{found}' (a column was inserted, deleted or moved)",
    ),
    "error.sheet_extra_column": (
        "{cell}: có dữ liệu ngoài các cột của bảng; hãy xóa",
        "{cell}: data outside the table's columns; remove it",
    ),
    "error.sheet_status_empty": ("{cell}: trạng thái bị bỏ trống", "{cell}: the status is empty"),
    "error.sheet_not_status": (
        "{cell}: '{value}' không phải trạng thái hợp lệ; dùng: {allowed}",
        "{cell}: '{value}' is not a valid status; use: {allowed}",
    ),
    "error.sheet_formula": (
        "{cell}: ô chứa công thức; hãy ghi giá trị",
        "{cell}: the cell holds a formula; type the value",
    ),
    "error.sheet_control": (
        "{cell}: có ký tự điều khiển {char} (thường do dán từ Word); hãy xóa",
        "{cell}: holds the control character {char} (often pasted from Word); remove it",
    ),
    "error.sheet_not_date": (
        "{cell}: '{value}' không phải ngày hợp lệ; ghi dạng dd/mm/yyyy, ví dụ 30/06/2026",
        "{cell}: '{value}' is not a valid date; write dd/mm/yyyy, for example 30/06/2026",
    ),
    "error.sheet_not_number": (
        "{cell}: '{value}' không phải số",
        "{cell}: '{value}' is not a number",
    ),
    "error.sheet_other_ward": (
        "bảng tính được xuất từ đơn vị {sheet_ward}, không phải {ward}; không ghi gì",
        "the workbook was exported from {sheet_ward}, not {ward}; nothing written",
    ),
    "error.sheet_other_set": (
        "bảng tính được xuất theo bộ tiêu chí {sheet_set}, nay {ward} dùng {criteria}; hãy xuất lại bảng tính",
        "the workbook was exported under {sheet_set}, but {ward} now uses {criteria}; export it again",
    ),
    "error.sheet_locked": (
        "{cell}: ô này không được sửa (lúc xuất: '{expected}', nay: '{found}')",
        "{cell}: this cell must not be edited (exported: '{expected}', now: '{found}')",
    ),
    "error.sheet_unknown_criterion": (
        "tiêu chí {criterion} không còn trong bộ tiêu chí; hãy xuất lại bảng tính",
        "criterion {criterion} is no longer in the criteria set; export the workbook again",
    ),
    "error.sheet_row_added": (
        "{cell}: dòng '{id}' không có lúc xuất; bảng tính không thêm được tiêu chí",
        "{cell}: row '{id}' was not exported; a workbook cannot add criteria",
    ),
    "error.sheet_row_deleted": (
        "{cell}: dòng của tiêu chí {id} ({title}) đã bị xóa",
        "{cell}: the row of criterion {id} ({title}) was deleted",
    ),
    "error.sheet_reading_removed": (
        "{cell}: không xóa được số đo (số đo đã ghi là lịch sử); ghi số đo mới hoặc để nguyên",
        "{cell}: a reading cannot be removed (recorded readings are history); enter a new one or leave it",
    ),
    "error.sheet_no_indicator": (
        "{cell}: tiêu chí này không có chỉ số đo; để trống ô",
        "{cell}: this criterion has no indicator; leave the cell empty",
    ),
    "error.sheet_evidence_removed": (
        "{cell}: không xóa được minh chứng '{item}' từ bảng tính; hãy giữ dòng đó (chỉ thêm dòng mới)",
        "{cell}: evidence '{item}' cannot be removed from a workbook; keep its line (only add new lines)",
    ),
    "error.sheet_refused": (
        "{path}: {count} lỗi như trên; không ghi gì",
        "{path}: {count} {count:problem|problems} as above; nothing written",
    ),
    "error.sheet_conflicts": (
        "{count} ô đã sửa cả trong bảng tính lẫn trong {path} từ lúc xuất ngày {date}: {cells}; không ghi gì",
        "{count} {count:cell was|cells were} changed both in the workbook and in {path} since the export on {date}: {cells}; nothing written",
    ),
    "hint.sheet_conflicts": (
        "xem từng ô: thêm --show-conflicts; rồi xuất lại bảng tính và ghi lại các thay đổi đó",
        "to see each cell add --show-conflicts; then export again and redo those changes",
    ),
    # --- help ------------------------------------------------------------------------------
    "help.export": (
        "Xuất bảng tiêu chí của một đơn vị thành bảng tính .xlsx để điền rồi nhập lại (`import`), hoặc bảng tổng hợp của một tỉnh (--province).",
        "Export a ward's criteria table as an .xlsx workbook to fill in and import back (`import`), or a province's workbook (--province).",
    ),
    "help.export.ward": (
        "Đơn vị cần xuất (bỏ trống khi dùng --province).",
        "The ward to export (leave out with --province).",
    ),
    "help.export.province": (
        "Xuất bảng tổng hợp các đơn vị của tỉnh: đơn vị, ma trận đơn vị × tiêu chí, xếp hạng tiêu chí.",
        "Export the province's workbook: stations, stations × criteria, criteria ranking.",
    ),
    "help.export.output": ("Tệp ra (.xlsx hay .csv).", "The file to write (.xlsx or .csv)."),
    "help.import": (
        "Nhập bảng tính đã điền (từ `export`): mỗi dòng đổi thành đúng thao tác của `set`, ghi một lần; mặc định chỉ in thay đổi.",
        "Import a filled-in workbook (from `export`): each changed row becomes what `set` does, in one write; by default only prints the changes.",
    ),
    "help.import.file": ("Bảng tính .xlsx đã điền.", "The filled-in .xlsx workbook."),
    "help.import.write": (
        "Ghi thay đổi vào tệp đơn vị (mặc định chỉ in).",
        "Write the changes to the ward file (default: only print them).",
    ),
    "help.import.show_conflicts": (
        "Liệt kê từng ô bị sửa cả trong bảng tính lẫn trong tệp từ lúc xuất.",
        "List each cell changed both in the workbook and in the file since the export.",
    ),
}
