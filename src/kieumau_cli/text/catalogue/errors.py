"""Messages of user errors (`error.*`) and their hints (`hint.*`), by `errors.KieumauError`.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "error.root_not_data": (
        "{where}: không có thư mục criteria/ và wards/",
        "{where}: no criteria/ and wards/ folders",
    ),
    "error.roots_file_unreadable": (
        "{file}: không đọc được danh sách thư mục dữ liệu (tệp văn bản UTF-8, mỗi dòng một thư mục)",
        "{file}: cannot read it as a list of data folders (a UTF-8 text file, one folder per line)",
    ),
    "error.roots_file_symlink": (
        "{file}: là liên kết tượng trưng; kieumau không đọc danh sách thư mục qua liên kết (ghi đường dẫn tới chính tệp đó)",
        "{file}: is a symbolic link; kieumau never reads the list of data folders through a link (give the path of the file itself)",
    ),
    "error.roots_file_not_a_file": (
        "{file}: không phải tệp thường (FIFO, thiết bị…); ghi một thư mục dữ liệu hoặc một tệp văn bản liệt kê thư mục",
        "{file}: not a regular file (a FIFO, a device…); give a data folder or a text file listing data folders",
    ),
    "error.roots_file_too_large": (
        "{file}: quá lớn cho một danh sách thư mục ({size} byte, tối đa {limit})",
        "{file}: too large for a list of data folders ({size} bytes, limit {limit})",
    ),
    "error.roots_file_io": (
        "{file}: không đọc được ({reason})",
        "{file}: cannot be read ({reason})",
    ),
    "error.root_missing": (
        "{where}: không có thư mục hay tệp này",
        "{where}: no such folder or file",
    ),
    "hint.root_folder": (
        "ghi thư mục dữ liệu (có criteria/ và wards/) hoặc tệp liệt kê các thư mục đó, mỗi dòng một thư mục",
        "name a data folder (holding criteria/ and wards/) or a file listing such folders, one per line",
    ),
    "hint.root_env_folders": (
        "KIEUMAU_ROOT nhận các thư mục dữ liệu (có criteria/ và wards/), cách nhau bởi '{sep}'",
        "KIEUMAU_ROOT takes data folders (holding criteria/ and wards/), separated by '{sep}'",
    ),
    "error.roots_file_bad_line": (
        "{where}: dòng có ký tự điều khiển; mỗi dòng ghi một thư mục dữ liệu",
        "{where}: the line holds a control character; write one data folder per line",
    ),
    "error.roots_file_not_data": (
        "{where}: '{folder}' không có thư mục criteria/ và wards/ (đường dẫn tương đối tính từ thư mục của tệp danh sách)",
        "{where}: '{folder}' has no criteria/ and wards/ folders (relative paths start at the list file's folder)",
    ),
    "error.roots_file_empty": (
        "{file}: không ghi thư mục dữ liệu nào",
        "{file}: lists no data folder",
    ),
    "error.roots_file_too_long": (
        "{file}: ghi quá {limit} thư mục dữ liệu",
        "{file}: lists more than {limit} data folders",
    ),
    "error.one_root_only": (
        "{option} chỉ dùng được với một thư mục dữ liệu (đang có {count}: {roots}); chạy lệnh trong từng kho dữ liệu",
        "{option} works on one data folder ({count} given: {roots}); run it in each data repository",
    ),
    "error.no_data": (
        "không tìm thấy thư mục dữ liệu (criteria/, wards/)",
        "no data folder (criteria/, wards/) found",
    ),
    "hint.use_root": (
        "dùng --root THƯ_MỤC hoặc đặt biến KIEUMAU_ROOT",
        "use --root DIR or set KIEUMAU_ROOT",
    ),
    "error.set_versions": (
        "'{ref}' có nhiều phiên bản: {versions}; ghi rõ BỘ@PHIÊN_BẢN",
        "'{ref}' has several versions: {versions}; name one as SET@VERSION",
    ),
    "error.set_not_found": ("không tìm thấy bộ tiêu chí '{ref}'", "criteria set '{ref}' not found"),
    "error.set_not_found_close": (
        "không tìm thấy bộ tiêu chí '{ref}'; có phải ý bạn là '{guess}'?",
        "criteria set '{ref}' not found; did you mean '{guess}'?",
    ),
    "hint.available_sets": ("các bộ hiện có: {known}", "available sets: {known}"),
    "error.province_not_found": (
        "không có đơn vị nào ở tỉnh '{province}'",
        "no stations in province '{province}'",
    ),
    "error.province_not_found_close": (
        "không có đơn vị nào ở tỉnh '{province}'; có phải ý bạn là '{guess}'?",
        "no stations in province '{province}'; did you mean '{guess}'?",
    ),
    "hint.provinces": ("các tỉnh có dữ liệu: {known}", "provinces with data: {known}"),
    "error.ward_looks_like_path": (
        "'{argument}' trông như đường dẫn; hãy nhập mã đơn vị như phuong-dong-son hoặc thanh-hoa/phuong-dong-son",
        "'{argument}' looks like a path; give a ward such as phuong-dong-son or thanh-hoa/phuong-dong-son",
    ),
    "error.ward_invalid": ("mã đơn vị không hợp lệ: '{argument}'", "invalid ward: '{argument}'"),
    "error.ward_ambiguous": (
        "'{argument}' có ở nhiều tỉnh: {keys}",
        "'{argument}' matches wards in several provinces: {keys}",
    ),
    "hint.name_province": (
        "ghi rõ tỉnh/phường, ví dụ {example}",
        "name the province too, e.g. {example}",
    ),
    "error.ward_not_found": ("không tìm thấy đơn vị '{argument}'", "ward '{argument}' not found"),
    "error.ward_not_found_close": (
        "không tìm thấy đơn vị '{argument}'; có phải: {close}?",
        "ward '{argument}' not found; did you mean: {close}?",
    ),
    "error.full_needs_week": (
        "--full cần một tuần (--week), không dùng với --since/--until",
        "--full needs a week (--week), not --since/--until",
    ),
    "error.notes_invalid": (
        "tệp nội dung báo cáo tuần {path} không hợp lệ, xem các lỗi ở trên",
        "the weekly report sections {path} are invalid, see the findings above",
    ),
    "error.invalid_data": (
        "dữ liệu không hợp lệ, xem các lỗi ở trên",
        "invalid data, see the findings above",
    ),
    "error.already_exists": (
        "đã có tệp {name}; không ghi đè",
        "{name} already exists; not overwritten",
    ),
    "hint.use_set": (
        "dùng 'kieumau set' để sửa đơn vị đã có",
        "use 'kieumau set' to edit an existing ward",
    ),
    "error.system": (
        "không đọc hoặc ghi được{where}: {reason}. Đây là lỗi của môi trường chạy, không phải của dữ liệu: hãy kiểm tra chỗ trống trên ổ đĩa và quyền truy cập",
        "could not read or write{where}: {reason}. This is a problem of the system kieumau runs on, not of the data: check the free disk space and the permissions",
    ),
    "error.interrupted": ("đã dừng (Ctrl-C)", "interrupted (Ctrl-C)"),
    "error.internal": (
        "lỗi nội bộ: {kind}: {detail}. Đây là lỗi của chương trình; hãy báo lại kèm lệnh đã chạy (chạy lại với KIEUMAU_DEBUG=1 để xem chi tiết)",
        "internal error: {kind}: {detail}. This is a bug in kieumau; please report it with the command you ran (KIEUMAU_DEBUG=1 shows the traceback)",
    ),
    "error.bad_date": (
        "{option} '{value}': ngày không hợp lệ; ghi yyyy-mm-dd hoặc dd/mm/yyyy",
        "{option} '{value}': invalid date; use yyyy-mm-dd or dd/mm/yyyy",
    ),
    "error.changed_takes_rev": (
        "--changed nhận nhiều nhất một phiên bản REV, không nhận đường dẫn",
        "--changed takes at most one REV, no paths",
    ),
    "error.no_such_path": ("không có tệp hoặc thư mục: {path}", "no such file or folder: {path}"),
    "error.edit_bundled": (
        "không sửa dữ liệu mẫu đi kèm chương trình; dùng --root THƯ_MỤC hoặc chạy trong thư mục dữ liệu",
        "refusing to edit the bundled example data; use --root DIR or run inside a data folder",
    ),
    "error.original_invalid": (
        "tệp không hợp lệ (như `kieumau check` báo ở trên); sửa tệp trước, không ghi gì",
        "the file does not validate (see above, as `kieumau check` reports it); fix it first; nothing written",
    ),
    "error.edit_invalid": (
        "không ghi gì: tệp sau khi sửa sẽ không hợp lệ, xem các lỗi ở trên — dòng:cột tính trên nội dung sau khi sửa",
        "nothing written: the edited file would not validate, see above; positions refer to the edited content",
    ),
    "error.init_target": (
        "'{target}' không phải TỈNH/PHƯỜNG dạng mã, ví dụ '{guess}'",
        "'{target}' is not PROVINCE/WARD in slugs, e.g. '{guess}'",
    ),
    "error.init_province_name": (
        "cần --province-name: chưa có đơn vị nào của '{province}' để lấy tên tỉnh, ví dụ --province-name 'Tỉnh Thanh Hóa'",
        "--province-name is needed: no ward of '{province}' to take the province's name from, e.g. --province-name 'Tỉnh Thanh Hóa'",
    ),
    "error.set_invalid": (
        "bộ tiêu chí {ref} không hợp lệ, xem các lỗi ở trên",
        "criteria set {ref} does not validate, see above",
    ),
    "error.nothing_to_change": (
        "không có gì để đổi: cho TRẠNG_THÁI hoặc một tùy chọn như --note, --owner, --due",
        "nothing to change: give a STATUS or an option such as --note, --owner, --due",
    ),
    "error.no_criterion": (
        "thiếu mã tiêu chí, ví dụ C01 hoặc C01,C02",
        "no criterion given, e.g. C01 or C01,C02",
    ),
    "error.template": ("lỗi mẫu báo cáo {place}: {message}", "template error {place}: {message}"),
    "hint.template": ("kiểm tra tệp mẫu trong --templates", "check the template in --templates"),
    "error.templates_not_folder": (
        "--templates {path}: không phải thư mục",
        "--templates {path}: not a folder",
    ),
    "error.binary_needs_file": (
        "--format {fmt} cần -o TỆP: không ghi tệp nhị phân ra terminal",
        "--format {fmt} needs -o FILE: binary output is never written to the terminal",
    ),
    "hint.binary_needs_file": ("ví dụ: -o bao-cao.{fmt}", "e.g. -o report.{fmt}"),
    "error.templates_not_for": (
        "--templates không dùng cho --format {fmt}",
        "--templates does not apply to --format {fmt}",
    ),
    "error.output_folder_missing": (
        "-o {output}: thư mục không tồn tại: {folder}",
        "-o {output}: no such folder: {folder}",
    ),
    "error.stalled_weeks": (
        "--stalled-weeks phải từ 1 trở lên",
        "--stalled-weeks must be at least 1",
    ),
    "error.week_or_range": (
        "dùng --week hoặc --since/--until, không dùng cả hai",
        "use --week or --since/--until, not both",
    ),
    "error.week_in_year": (
        "tuần không hợp lệ '{week}': năm {year} có {weeks} tuần ISO, viết dạng {year}-W07",
        "invalid ISO week '{week}': {year} has {weeks} ISO weeks; write it as {year}-W07",
    ),
    "error.week_invalid": (
        "tuần không hợp lệ '{week}', viết dạng 2026-W07",
        "invalid ISO week '{week}'; write it as 2026-W07",
    ),
    "error.since_after_until": (
        "--since {since} sau --until {until}",
        "--since {since} is after --until {until}",
    ),
    "error.until_needs_since": ("--until cần đi kèm --since", "--until needs --since"),
    "error.period_in_future": (
        "kỳ báo cáo bắt đầu {start}, sau hôm nay {today}",
        "the period starts on {start}, after today ({today})",
    ),
    "error.site_write": (
        "-o {output}: không ghi được: {reason}",
        "-o {output}: cannot write: {reason}",
    ),
    "error.base_url": (
        "--base-url {value}: cần địa chỉ http(s) không có ? hay #",
        "--base-url {value}: needs an http(s) address without ? or #",
    ),
    "error.site_symlink": (
        "-o {output}: là liên kết tượng trưng",
        "-o {output}: is a symbolic link",
    ),
    "error.site_contains_root": (
        "-o {output}: trùng hoặc chứa thư mục dữ liệu {root}",
        "-o {output}: is or contains the data folder {root}",
    ),
    "error.output_in_data": ("-o {output}: nằm trong {folder}", "-o {output}: is inside {folder}"),
    "error.site_contains_cwd": (
        "-o {output}: là hoặc chứa thư mục hiện tại",
        "-o {output}: is or contains the working directory",
    ),
    "error.site_not_folder": ("-o {output}: không phải thư mục", "-o {output}: not a folder"),
    "error.site_not_ours": (
        "-o {output}: thư mục không rỗng và không phải trang do kieumau dựng (không có tệp {marker})",
        "-o {output}: not empty, and not a site built by kieumau (no {marker} file)",
    ),
    "hint.site_not_ours": (
        "chọn thư mục khác hoặc thư mục rỗng",
        "choose another folder, or an empty one",
    ),
    "error.site_marker": ("-o {output}: tệp {marker} lạ", "-o {output}: unexpected {marker} file"),
    "error.site_foreign_files": (
        "-o {output}: có {count} tệp không do kieumau ghi, ví dụ {example}; dựng lại sẽ xóa chúng",
        "-o {output}: {count} {count:file|files} kieumau did not write, e.g. {example}; a rebuild would delete them",
    ),
    "error.site_foreign_link": (
        "-o {output}: {path} là liên kết tượng trưng kieumau không tạo; dựng lại có thể xóa nó",
        "-o {output}: {path} is a symbolic link kieumau did not make; a rebuild could delete it",
    ),
    "hint.site_foreign_files": ("chuyển các tệp đó đi trước khi dựng lại", "move them away first"),
    "error.site_page_clash": (
        "hai trang trùng đường dẫn: {path}",
        "two pages share a path: {path}",
    ),
    "error.not_git": (
        "{folder} không nằm trong kho git",
        "{folder} is not inside a git repository",
    ),
    "hint.needs_git": (
        "--changed và --base cần lịch sử git",
        "--changed and --base need the git history",
    ),
    "error.git_cannot_run": ("không chạy được git: {reason}", "cannot run git: {reason}"),
    "error.git_failed": ("git {command} thất bại: {reason}", "git {command} failed: {reason}"),
    "error.outside_git": (
        "{path} nằm ngoài kho git {top}",
        "{path} is outside the git repository {top}",
    ),
    "error.unknown_rev": ("không tìm thấy phiên bản git '{rev}'", "unknown git revision '{rev}'"),
    "hint.rev_examples": (
        "ví dụ: HEAD~1, main, origin/main, một mã commit",
        "e.g. HEAD~1, main, origin/main, a commit id",
    ),
    "error.no_default_branch": (
        "không xác định được nhánh mặc định (origin/HEAD, main, master)",
        "no default branch found (origin/HEAD, main, master)",
    ),
    "hint.name_rev": (
        "ghi rõ phiên bản: kieumau check --changed REV",
        "name the revision: kieumau check --changed REV",
    ),
    "error.no_merge_base": (
        "HEAD và '{rev}' không có tổ tiên chung",
        "HEAD and '{rev}' have no common ancestor",
    ),
    "error.changed_meanwhile": (
        "{name} đã bị thay đổi trên đĩa trong lúc sửa (có người khác vừa ghi); không ghi gì — hãy chạy lại lệnh",
        "{name} changed on disk while it was being edited (someone else wrote it); nothing written — run the command again",
    ),
    "error.write_failed": (
        "không ghi được {name}: {reason}; tệp gốc giữ nguyên",
        "cannot write {name}: {reason}; the file is unchanged",
    ),
    "error.not_superseding": (
        "{target} không thay thế {current} (không có trong chuỗi `supersedes`); migrate chỉ chuyển sang phiên bản mới hơn của cùng bộ",
        "{target} does not supersede {current} (not in its `supersedes` chain); migrate only moves to a newer version of the same set",
    ),
    "error.paths_in_several_roots": (
        "các đường dẫn nằm trong nhiều thư mục dữ liệu khác nhau: {roots}; kiểm tra từng thư mục một, hoặc dùng --root",
        "the paths lie in several data folders: {roots}; check one at a time, or use --root",
    ),
    "error.locked": (
        "{name} đang được một lệnh khác sửa (đã chờ {seconds:.0f} giây); không ghi gì — hãy chạy lại lệnh sau",
        "{name} is being edited by another command (waited {seconds:.0f} s); nothing written — run the command again later",
    ),
    "error.output_is_data": (
        "-o {output}: tên tệp dữ liệu (.yaml, .yml); văn bản không bao giờ ghi đè dữ liệu — chọn tên khác, ví dụ bao-cao.md",
        "-o {output}: a data file's name (.yaml, .yml); a document never replaces data — choose another name, e.g. report.md",
    ),
    "error.bad_today": (
        "KIEUMAU_TODAY={value}: không phải ngày dạng yyyy-mm-dd",
        "KIEUMAU_TODAY={value}: not a yyyy-mm-dd date",
    ),
    "error.bad_epoch": (
        "SOURCE_DATE_EPOCH={value}: không phải số giây hợp lệ kể từ 1970",
        "SOURCE_DATE_EPOCH={value}: not a valid number of seconds since 1970",
    ),
    "notice.bad_columns": (
        "kieumau: bỏ qua COLUMNS={value} (cần một số từ {low} đến {high}); dùng độ rộng mặc định",
        "kieumau: ignoring COLUMNS={value} (needs a number from {low} to {high}); using the default width",
    ),
    "notice.notes_missing": (
        "kieumau: chưa có {path}; báo cáo chỉ có phần kiểu mẫu tính từ dữ liệu",
        "kieumau: no {path} yet; the report holds only the computed model-station part",
    ),
    "notice.git_skipped": (
        "kieumau: bỏ qua {count} commit git không đọc được ({commits}); lịch sử lấy từ git có thể thiếu",
        "kieumau: skipped {count} {count:commit|commits} git could not describe ({commits}); the history taken from git may be incomplete",
    ),
    "error.edit_rewrote_history": (
        "không ghi gì: lần sửa này sẽ làm thay đổi lịch sử đã có của {path} — đây là lỗi của kieumau, xin báo lại (kèm tệp)",
        "nothing written: this edit would have changed the existing history of {path} — a bug in kieumau, please report it (with the file)",
    ),
}
