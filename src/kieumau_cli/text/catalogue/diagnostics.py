"""Every diagnostic code's message (`diag.CODE`) and how to fix it (`diag.CODE.fix`).

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "diag.file-unreadable": ("không đọc được tệp: {reason}", "cannot read file: {reason}"),
    "diag.file-too-large": (
        "tệp quá lớn ({size} byte, tối đa {limit})",
        "file too large ({size} bytes, limit {limit})",
    ),
    "diag.encoding": (
        "tệp không phải UTF-8 (byte {byte} không hợp lệ)",
        "file is not UTF-8 (invalid byte {byte})",
    ),
    "diag.encoding.fix": ("lưu lại tệp với mã hóa UTF-8", "save the file as UTF-8"),
    "diag.conflict-marker": (
        "còn dấu xung đột git '{marker}'",
        "git conflict marker '{marker}' left in the file",
    ),
    "diag.conflict-marker.fix": (
        "giải quyết xung đột rồi xóa các dòng <<<<<<<, =======, >>>>>>>",
        "resolve the merge conflict and remove the <<<<<<<, =======, >>>>>>> lines",
    ),
    "diag.tab-indent": ("thụt lề bằng ký tự tab", "indentation uses a tab character"),
    "diag.tab-indent.fix": (
        "YAML chỉ cho phép thụt lề bằng dấu cách",
        "YAML indentation must use spaces",
    ),
    "diag.yaml-syntax": ("lỗi cú pháp YAML: {problem}", "YAML syntax error: {problem}"),
    "diag.unsafe-tag": (
        "thẻ YAML '{tag}' bị từ chối (không bao giờ được thực thi)",
        "YAML tag '{tag}' refused (never executed)",
    ),
    "diag.unsafe-tag.fix": (
        "bỏ thẻ, chỉ dùng giá trị YAML thuần",
        "remove the tag; use plain YAML values",
    ),
    "diag.yaml-alias": (
        "không cho phép tham chiếu YAML (alias '*{name}')",
        "YAML aliases are not allowed ('*{name}')",
    ),
    "diag.yaml-alias.fix": (
        "viết lại giá trị thay vì dùng &anchor/*alias",
        "write the value out instead of using &anchor/*alias",
    ),
    "diag.duplicate-key": (
        "khóa '{key}' bị lặp (đã có ở dòng {first_line})",
        "duplicate key '{key}' (first defined at line {first_line})",
    ),
    "diag.duplicate-key.fix": (
        "giữ một khóa, gộp nội dung",
        "keep one of them and merge their content",
    ),
    "diag.too-deep": ("cấu trúc lồng nhau quá sâu", "nesting is too deep"),
    "diag.empty-document": ("tệp rỗng", "the file is empty"),
    "diag.empty-document.fix": ("tệp phải là một ánh xạ YAML", "the file must be a YAML mapping"),
    "diag.not-a-mapping": (
        "nội dung tệp phải là ánh xạ YAML (khóa: giá trị), không phải {found}",
        "the document must be a YAML mapping (key: value), not {found}",
    ),
    "diag.unknown-key": ("khóa không hợp lệ '{key}'", "unknown key '{key}'"),
    "diag.missing-key": ("thiếu khóa bắt buộc '{key}'", "missing required key '{key}'"),
    "diag.invalid-value": (
        "'{field}': giá trị {value!r} không hợp lệ: {detail}",
        "'{field}': invalid value {value!r}: {detail}",
    ),
    "diag.not-allowed": (
        "'{field}': {value!r} không phải giá trị cho phép ({expected})",
        "'{field}': {value!r} is not one of {expected}",
    ),
    "diag.invalid-date": (
        "ngày {dmy} không có ({detail})",
        "there is no date {dmy} ({detail})",
    ),
    "diag.invalid-date.fix": (
        "ghi ngày dạng yyyy-mm-dd, ví dụ 2026-02-11",
        "write dates as yyyy-mm-dd, e.g. 2026-02-11",
    ),
    "diag.wrong-type": (
        "'{field}': sai kiểu dữ liệu: {value!r}, cần {detail}",
        "'{field}': wrong type: {value!r}, expected {detail}",
    ),
    "diag.path-mismatch": (
        "'{field}' là '{value}' nhưng đường dẫn tệp cần '{expected}'",
        "'{field}' is '{value}' but the file's path requires '{expected}'",
    ),
    "diag.path-mismatch.fix": (
        "đổi tên tệp hoặc sửa giá trị cho khớp",
        "rename the file or change the value so they agree",
    ),
    "diag.duplicate-id": (
        "mã '{id}' bị lặp (đã có ở dòng {first_line})",
        "duplicate id '{id}' (first at line {first_line})",
    ),
    "diag.unknown-group": (
        "nhóm '{group}' không có trong bộ tiêu chí",
        "group '{group}' is not defined in this set",
    ),
    "diag.empty-group": ("nhóm '{group}' không có tiêu chí nào", "group '{group}' has no criteria"),
    "diag.pass-rule-unreachable": (
        "quy tắc đạt cần {min} tiêu chí nhưng bộ chỉ có {count}",
        "the pass rule needs {min} criteria but the set has only {count}",
    ),
    "diag.unknown-set": ("không tìm thấy bộ tiêu chí '{ref}'", "criteria set '{ref}' not found"),
    "diag.unknown-set.fix": ("các bộ hiện có: {known}", "available sets: {known}"),
    "diag.unknown-supersedes": (
        "bộ tiêu chí trước '{ref}' không tồn tại",
        "superseded set '{ref}' not found",
    ),
    "diag.unknown-replaces": (
        "'{id}' không có trong bộ tiêu chí trước {ref}",
        "'{id}' is not a criterion of the superseded set {ref}",
    ),
    "diag.kind-mismatch": (
        "bộ tiêu chí {ref} không áp dụng cho loại đơn vị '{kind}'",
        "criteria set {ref} does not apply to unit kind '{kind}'",
    ),
    "diag.unknown-criterion": (
        "tiêu chí '{id}' không có trong bộ {ref}",
        "criterion '{id}' is not in set {ref}",
    ),
    "diag.missing-criterion": (
        "thiếu trạng thái của tiêu chí '{id}' (được tính là chưa đánh giá)",
        "no status for criterion '{id}' (counted as not assessed)",
    ),
    "diag.missing-criterion.fix": (
        "thêm mục '{id}' vào 'status'",
        "add an entry '{id}' under 'status'",
    ),
    "diag.needs-reason": (
        "tiêu chí '{id}' không áp dụng nhưng chưa ghi lý do",
        "criterion '{id}' is not applicable but gives no reason",
    ),
    "diag.needs-reason.fix": ("thêm 'reason:'", "add 'reason:'"),
    "diag.needs-evidence": (
        "tiêu chí '{id}' đạt nhưng chưa có minh chứng",
        "criterion '{id}' is met but lists no evidence",
    ),
    "diag.needs-evidence.fix": (
        "thêm ít nhất một mục 'evidence:'",
        "add at least one 'evidence:' item",
    ),
    "diag.history-order": (
        "lịch sử không theo thứ tự ngày: {date} đứng sau {previous}",
        "history is not in date order: {date} comes after {previous}",
    ),
    "diag.history-future": (
        "ngày {date} nằm trong tương lai (hôm nay {today})",
        "date {date} is in the future (today is {today})",
    ),
    "diag.history-unknown-criterion": (
        "lịch sử nhắc tới tiêu chí không có '{id}'",
        "history mentions unknown criterion '{id}'",
    ),
    "diag.history-noop": (
        "mục lịch sử của '{id}' không đổi trạng thái ({status})",
        "history entry for '{id}' does not change the status ({status})",
    ),
    "diag.history-chain": (
        "'{id}': mục này ghi từ '{from_}' nhưng mục trước đã chuyển sang '{previous}'",
        "'{id}': entry says from '{from_}' but the previous entry moved to '{previous}'",
    ),
    "diag.history-mismatch": (
        "'{id}': trạng thái hiện tại là '{status}' nhưng lịch sử kết thúc ở '{last}'",
        "'{id}': current status is '{status}' but history ends at '{last}'",
    ),
    "diag.history-mismatch.fix": (
        "thêm mục lịch sử cho thay đổi này (hoặc dùng 'kieumau set')",
        "add a history entry for this change (or use 'kieumau set')",
    ),
    "diag.reported-mismatch": (
        "báo cáo ngày {date} ghi {reported} nhưng tính từ lịch sử được {computed}",
        "reported {reported} on {date} but history gives {computed}",
    ),
    "diag.history-rewritten": (
        "mục lịch sử #{number} ({entry}) đã bị sửa so với {rev}",
        "history entry #{number} ({entry}) was changed since {rev}",
    ),
    "diag.history-rewritten.fix": (
        "lịch sử chỉ được ghi thêm: khôi phục mục cũ, ghi sửa đổi thành một mục mới ở cuối",
        "history is append-only: restore the entry and record the correction as a new entry",
    ),
    "diag.history-deleted": (
        "mục lịch sử #{number} ({entry}) có ở {rev} đã bị xóa",
        "history entry #{number} ({entry}) present at {rev} was deleted",
    ),
    "diag.history-deleted.fix": (
        "khôi phục mục đã xóa; lịch sử chỉ được ghi thêm",
        "restore the deleted entry; history is append-only",
    ),
    "diag.history-inserted": (
        "mục lịch sử #{number} ({entry}) được chèn vào giữa các mục đã có ở {rev}",
        "history entry #{number} ({entry}) was inserted among the entries present at {rev}",
    ),
    "diag.history-inserted.fix": (
        "chỉ ghi thêm mục mới ở cuối lịch sử",
        "append new entries at the end of the history",
    ),
    "diag.history-file-deleted": (
        "tệp đơn vị có {count} mục lịch sử ở {rev} đã bị xóa",
        "ward file with {count} history entries at {rev} was deleted",
    ),
    "diag.history-file-deleted.fix": (
        "khôi phục tệp; khi sáp nhập hay đổi tên, chuyển tệp sang tên mới và giữ nguyên lịch sử",
        "restore the file; when a ward is merged or renamed, move the file and keep its history",
    ),
    "diag.unapproved-change": (
        "{what} #{number} ({entry}) {claims} {why}",
        "{what} no. {number} ({entry}) {claims} {why}",
    ),
    "diag.detail.claim.history": ("mục lịch sử", "history entry"),
    "diag.detail.claim.history.verb": ("ghi đạt", "records met"),
    "diag.detail.claim.assessments": ("lần đánh giá", "assessment"),
    "diag.detail.claim.assessments.verb": ("kết luận có tiêu chí đạt", "finds criteria met"),
    "diag.detail.claim.recognition": ("mục công nhận", "recognition entry"),
    "diag.detail.claim.recognition.verb": ("ghi quyết định công nhận", "records a recognition"),
    "diag.unapproved-change.fix": (
        "để người có tên trong `approvers` ghi mục này (`by:`) và commit bằng địa chỉ e-mail "
        "của họ; hoặc bổ sung người đó vào `approvers` bằng một thay đổi riêng đã được duyệt",
        "have someone listed in `approvers` record it (`by:`) and commit it with their e-mail; "
        "or add them to `approvers` in a separate, reviewed change",
    ),
    "diag.detail.not_approver": (
        "nhưng '{by}' không có trong danh sách `approvers` (của tệp và của tỉnh) ở {rev}",
        "but '{by}' is not among the `approvers` (the file's and the province's) at {rev}",
    ),
    "diag.detail.author_not_approver": (
        "nhân danh '{by}' nhưng commit {commit} của {email}, không phải địa chỉ của người đó",
        "on behalf of '{by}' but in commit {commit} by {email}, not one of their addresses",
    ),
    "diag.did_you_mean": ("có phải ý bạn là '{suggestion}'?", "did you mean '{suggestion}'?"),
    "diag.detail.pattern": ("không đúng dạng {pattern}", "does not match {pattern}"),
    "diag.detail.at_least": ("phải từ {limit} trở lên", "must be at least {limit}"),
    "diag.detail.at_most": ("không được quá {limit}", "must be at most {limit}"),
    "diag.detail.above": ("phải lớn hơn {limit}", "must be greater than {limit}"),
    "diag.detail.below": ("phải nhỏ hơn {limit}", "must be less than {limit}"),
    "diag.detail.empty": ("không được để trống", "must not be empty"),
    "diag.detail.items": ("cần ít nhất {limit} mục", "needs at least {limit} {limit:item|items}"),
    "diag.detail.met_over_total": (
        "số tiêu chí đạt ({met}) lớn hơn tổng số ({total})",
        "criteria met ({met}) exceed the total ({total})",
    ),
    "diag.detail.number_date": (
        "ngày phải ghi dạng yyyy-mm-dd, không phải một số",
        "a date is written yyyy-mm-dd, not as a number",
    ),
    "diag.detail.other": ("giá trị không được chấp nhận ({type})", "value not accepted ({type})"),
    "diag.type.int": (
        "một số nguyên (viết thẳng, không trong dấu ngoặc kép)",
        "a whole number (as such, not quoted)",
    ),
    "diag.type.number": (
        "một số (viết thẳng, không trong dấu ngoặc kép, không phải true/false)",
        "a number (as such, not quoted, not true/false)",
    ),
    "diag.type.str": ("văn bản", "text"),
    "diag.type.bool": ("true hoặc false", "true or false"),
    "diag.type.mapping": ("một ánh xạ (khóa: giá trị)", "a mapping (key: value)"),
    "diag.type.list": ("một danh sách", "a list"),
    "diag.type.date": ("một ngày yyyy-mm-dd", "a date yyyy-mm-dd"),
    "diag.type.other": ("kiểu khác ({type})", "another type ({type})"),
    "diag.symlink": (
        "là liên kết tượng trưng; kieumau không đọc tệp qua liên kết (có thể trỏ ra ngoài thư mục dữ liệu)",
        "is a symbolic link; kieumau never reads through links (one may point outside the data folder)",
    ),
    "diag.symlink.fix": (
        "thay liên kết bằng chính tệp đó, hoặc xóa nó",
        "replace the link by the file itself, or remove it",
    ),
    "diag.stray-file": (
        "tệp YAML nằm ngoài chỗ dữ liệu nên bị bỏ qua; chỉ đọc criteria/<bộ>/<phiên-bản>.yaml và wards/<tỉnh>/<phường>.yaml (tên chữ thường)",
        "YAML file outside the data layout, so it is ignored; only criteria/<set>/<version>.yaml and wards/<province>/<ward>.yaml (lower-case names) are read",
    ),
    "diag.stray-file.fix": (
        "chuyển tệp về đúng chỗ, đổi tên cho đúng, hoặc xóa nó",
        "move or rename it into place, or remove it",
    ),
    "diag.duplicate-file": (
        "hai tệp cho cùng '{key}': {files}; không dùng tệp nào",
        "two files claim '{key}': {files}; neither is used",
    ),
    "diag.duplicate-file.fix": (
        "giữ một tệp, gộp nội dung và lịch sử vào đó, xóa tệp kia",
        "keep one file, merge the content and the history into it, delete the other",
    ),
    "diag.duplicate-ward-key": (
        "đơn vị '{key}' có trong hai kho dữ liệu: {files}; không dùng tệp nào",
        "the ward '{key}' is in two data roots: {files}; neither is used",
    ),
    "diag.duplicate-ward-key.fix": (
        "mỗi đơn vị chỉ do một kho dữ liệu giữ: xóa tệp ở kho không quản lý đơn vị này (gộp lịch sử vào tệp còn lại)",
        "each ward belongs to one data root: delete the file from the root that does not keep it (merge its history into the other)",
    ),
    "diag.conflicting-set": (
        "bộ tiêu chí '{ref}' khác nhau giữa các kho dữ liệu: {files}; không dùng bản nào",
        "the criteria set '{ref}' differs between data roots: {files}; neither copy is used",
    ),
    "diag.conflicting-set.fix": (
        "chép cùng một bản vào mọi kho (hoặc đổi phiên bản của bản đã sửa thành BỘ@PHIÊN_BẢN mới)",
        "copy the same text into every root (or give the edited copy a new SET@VERSION)",
    ),
    "diag.stale-temp": (
        "tệp tạm còn lại của một lần ghi bị ngắt ({name})",
        "temporary file left by an interrupted write ({name})",
    ),
    "diag.stale-temp.fix": (
        "xóa tệp này; lần ghi tiếp theo bằng kieumau cũng tự xóa nó",
        "delete it; the next write by kieumau removes it too",
    ),
    "diag.not-a-file": (
        "không phải tệp thường (thư mục, FIFO, thiết bị…)",
        "not a regular file (a folder, a FIFO, a device…)",
    ),
    "diag.control-character": (
        "có ký tự điều khiển {codepoint}, không được phép trong tệp dữ liệu",
        "control character {codepoint} is not allowed in data files",
    ),
    "diag.control-character.fix": (
        "xóa ký tự này; Word chèn U+000B khi nhấn Shift+Enter — hãy xuống dòng bình thường hoặc dùng dấu cách",
        "remove it; Word inserts U+000B on Shift+Enter — use a normal line break or a space",
    ),
    "diag.bidi-control": (
        "có ký tự điều khiển hướng chữ {codepoint} làm văn bản hiển thị khác nội dung thật",
        "bidirectional control character {codepoint} makes the text display differently from what it says",
    ),
    "diag.bidi-control.fix": ("xóa ký tự này", "remove it"),
    "diag.number-too-large": ("số quá lớn ({digits} chữ số)", "number too large ({digits} digits)"),
    "diag.number-too-large.fix": ("ghi một số hợp lý", "write a sensible number"),
    "diag.outside-root": (
        "tệp không nằm trong thư mục dữ liệu nào (có criteria/ và wards/); chỉ kiểm tra được cú pháp và lược đồ, không kiểm tra được quy tắc liên tệp",
        "the file is in no data folder (one holding criteria/ and wards/); only its syntax and schema could be checked, not the cross-file rules",
    ),
    "diag.outside-root.fix": (
        "đặt tệp vào wards/<tỉnh>/ hoặc criteria/<bộ>/ của một thư mục dữ liệu, hoặc dùng --root",
        "put it under wards/<province>/ or criteria/<set>/ of a data folder, or use --root",
    ),
    "diag.detail.datetime": (
        "là ngày kèm giờ; chỉ ghi ngày",
        "is a date with a time; write the day only",
    ),
    "diag.detail.date_format": ("ngày phải ghi dạng yyyy-mm-dd", "a date is written yyyy-mm-dd"),
    "diag.detail.no_such_day": ("không có ngày {value}", "there is no day {value}"),
    "diag.detail.not_finite": ("phải là một số hữu hạn", "must be a finite number"),
    "diag.detail.no_such_month": ("không có tháng {month}", "there is no month {month}"),
    "diag.detail.no_such_year": ("không có năm {year}", "there is no year {year}"),
    "diag.detail.month_days": ("tháng {month} có {days} ngày", "month {month} has {days} days"),
    "diag.notes-section": (
        "tiêu đề không phải một mục của báo cáo tuần: {text}",
        "heading is not a section of the weekly report: {text}",
    ),
    "diag.notes-section.fix": (
        "đánh số mục bằng số La Mã: ## I. Tình hình an ninh, trật tự … ## VI. Ý kiến kết luận",
        "number each section in Roman numerals: ## I. … to ## VI.",
    ),
    "diag.notes-duplicate": ("mục {number} có hai lần", "section {number} appears twice"),
    "diag.notes-duplicate.fix": ("gộp hai đoạn vào một mục", "merge the two into one section"),
    "diag.notes-outside": (
        "nội dung nằm ngoài mọi mục",
        "text outside any section",
    ),
    "diag.notes-outside.fix": (
        "đặt nội dung dưới tiêu đề mục (## I. …)",
        "put the text under a section heading (## I. …)",
    ),
}
