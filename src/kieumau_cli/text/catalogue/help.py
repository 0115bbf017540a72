"""The command-line help: each command's summary and each option's text.

Shown as "Vietnamese / English" (`text.both`): help is printed before any --lang is read."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help.app": (
        "Theo dõi tiến độ xây dựng Công an phường kiểu mẫu theo bộ tiêu chí có phiên bản.",
        "Track ward police stations' progress toward model-station recognition.",
    ),
    "help.root": (
        "Thư mục dữ liệu có criteria/ và wards/, hoặc tệp liệt kê các thư mục đó; ghi nhiều lần để gộp nhiều kho dữ liệu. Mặc định: $KIEUMAU_ROOT, rồi tìm ngược từ thư mục hiện tại, rồi dữ liệu mẫu đi kèm; trước hay sau tên lệnh đều được.",
        "Data folder holding criteria/ and wards/, or a file listing such folders; repeat to join several data repositories. Default: $KIEUMAU_ROOT, then the nearest one up from the working directory, then the bundled data; before or after the command.",
    ),
    "help.roots": (
        "Tệp liệt kê các thư mục dữ liệu, mỗi dòng một thư mục (tính từ thư mục của tệp; # là ghi chú); như --root TỆP.",
        "A file listing data folders, one per line (relative to the file's folder; # starts a comment); as --root FILE.",
    ),
    "help.version": ("In phiên bản.", "Show the version."),
    "help.lang": ("Ngôn ngữ hiển thị.", "Output language."),
    "help.format": ("Định dạng: {choices}.", "Format: {choices}."),
    "help.ward": (
        "phuong-dong-son hoặc thanh-hoa/phuong-dong-son",
        "phuong-dong-son or thanh-hoa/phuong-dong-son",
    ),
    "help.output": ("Ghi vào tệp thay vì stdout.", "Write to a file instead of stdout."),
    "help.templates": (
        "Thư mục mẫu Jinja2 thay cho mẫu đi kèm (từng tệp); mẫu là đầu vào như mã chương trình.",
        "Folder of Jinja2 templates overriding the shipped ones, file by file; templates are code-like input.",
    ),
    "help.git": ("Đọc thêm git log của tệp đơn vị.", "Also read the ward file's git log."),
    "help.province": (
        "Một tỉnh (mã hoặc tên); mặc định: cả nước.",
        "One province (slug or name); default: the whole country.",
    ),
    "help.status": (
        "Trạng thái một đơn vị: điểm, bảng theo nhóm, việc còn thiếu.",
        "One station's status: score, criteria by group, what is missing.",
    ),
    "help.status.as_of": (
        "Dựng lại trạng thái tại ngày này từ lịch sử (yyyy-mm-dd).",
        "Rebuild the status at this date from the history (yyyy-mm-dd).",
    ),
    "help.list": (
        "Mỗi đơn vị một dòng: tên, bộ tiêu chí, điểm, tiến độ, cập nhật.",
        "One row per station: name, criteria set, score, progress, last update.",
    ),
    "help.list.criteria": (
        "Lọc theo bộ tiêu chí: SET hoặc SET@VERSION.",
        "Only stations using this criteria set: SET or SET@VERSION.",
    ),
    "help.check": (
        "Kiểm tra lược đồ và quy tắc liên tệp. Mã thoát: 0 sạch, 1 có lỗi, 2 lỗi dùng lệnh, 3 lỗi nội bộ.",
        "Check the schema and the cross-file rules. Exit codes: 0 clean, 1 errors found, 2 usage error, 3 internal error.",
    ),
    "help.check.paths": (
        "Tệp hoặc thư mục cần kiểm tra (mặc định: toàn bộ criteria/ và wards/); với --changed: phiên bản git REV để so sánh.",
        "Files or folders to check (default: all of criteria/ and wards/); with --changed: the git revision REV to compare with.",
    ),
    "help.check.strict": ("Cảnh báo cũng trả mã 1.", "Warnings fail too (exit 1)."),
    "help.check.changed": (
        "Chỉ kiểm tra tệp đổi từ REV (mặc định: điểm rẽ nhánh với nhánh mặc định) và các đơn vị phụ thuộc.",
        "Only the files changed since REV (default: where the branch left the default branch), and what depends on them.",
    ),
    "help.check.base": (
        "Lịch sử chỉ được ghi thêm: mục có ở REV phải còn nguyên và đúng chỗ.",
        "History is append-only: every entry present at REV must still be there, unchanged and in place.",
    ),
    "help.criteria": (
        "Liệt kê các bộ tiêu chí, hoặc xem một bộ theo nhóm kèm nguồn.",
        "List the criteria sets, or show one set by group with its sources.",
    ),
    "help.criteria.ref": ("Bộ tiêu chí cần xem.", "The criteria set to show."),
    "help.schema": (
        "In JSON Schema của tệp bộ tiêu chí hoặc tệp đơn vị, cho trình soạn thảo.",
        "Print the JSON Schema of criteria set files or ward files, for editors.",
    ),
    "help.schema.kind": (
        "criteria (bộ tiêu chí), ward (tệp đơn vị) hoặc programme (tệp chương trình)",
        "criteria (criteria set files), ward (ward files) or programme (the programme file)",
    ),
    "help.init": (
        "Tạo tệp đơn vị mới: mọi tiêu chí 'not_met', có lịch sử khởi tạo. Không ghi đè.",
        "Create a new ward file: every criterion 'not_met', with an initial history. Never overwrites.",
    ),
    "help.init.ward": ("Ví dụ thanh-hoa/phuong-dong-son", "E.g. thanh-hoa/phuong-dong-son"),
    "help.init.criteria": (
        "Bộ tiêu chí SET@VERSION (hoặc SET nếu chỉ có một phiên bản).",
        "Criteria set SET@VERSION (or SET when it has one version).",
    ),
    "help.init.name": (
        'Tên hiển thị, ví dụ "Phường Đông Sơn".',
        'Display name, e.g. "Phường Đông Sơn".',
    ),
    "help.init.unit": (
        'Đơn vị công an (mặc định "Công an phường …" theo tên).',
        'Police unit (default "Công an phường …" from the name).',
    ),
    "help.init.province_name": (
        "Tên tỉnh (mặc định lấy từ đơn vị cùng tỉnh đã có; tỉnh mới thì bắt buộc).",
        "Province name (default: from a ward already in that province; needed for a new province).",
    ),
    "help.init.kind": (
        "phuong, xa hoặc dac_khu (mặc định theo chữ đầu của tên).",
        "phuong, xa or dac_khu (default: from the first word of the name).",
    ),
    "help.date": (
        "Ngày ghi nhận (yyyy-mm-dd hoặc dd/mm/yyyy; mặc định hôm nay, không được ở tương lai).",
        "Date of the change (yyyy-mm-dd or dd/mm/yyyy; default today, never in the future).",
    ),
    "help.by": ("Người ghi (ghi vào lịch sử).", "Who records the change (written in the history)."),
    "help.set": (
        "Đổi trạng thái, thông tin tiêu chí, kèm mục lịch sử; một lần ghi.",
        "Change criteria's status or details, with history entries, in one write.",
    ),
    "help.set.criteria": (
        "Mã tiêu chí, ví dụ C03 hoặc C03,C04.",
        "Criterion id, e.g. C03 or C03,C04.",
    ),
    "help.set.status": (
        "met, not_met, in_progress, not_applicable, unknown (hoặc đạt, chưa đạt, đang thực hiện, …); bỏ trống hoặc '-' để giữ nguyên trạng thái.",
        "met, not_met, in_progress, not_applicable, unknown (or the Vietnamese words: đạt, chưa đạt, …); leave out or '-' to keep the status.",
    ),
    "help.set.note": (
        'Ghi chú (cũng ghi vào mục lịch sử); "" để xóa.',
        'Note (also written in the history entry); "" removes it.',
    ),
    "help.set.owner": ('Người phụ trách; "" để xóa.', 'Owner; "" removes it.'),
    "help.set.due": ('Hạn (yyyy-mm-dd); "" để xóa.', 'Due date (yyyy-mm-dd); "" removes it.'),
    "help.set.evidence": (
        "Minh chứng TIÊU ĐỀ=SỐ/ĐƯỜNG DẪN (lặp lại được).",
        "Evidence TITLE=NUMBER/LINK (may be repeated).",
    ),
    "help.set.reading": (
        "Số liệu chỉ số tại --date, ví dụ 92,5.",
        "Indicator reading on --date, e.g. 92,5.",
    ),
    "help.set.reason": (
        "Lý do không áp dụng (not_applicable).",
        "Why the criterion does not apply (not_applicable).",
    ),
    "help.migrate": (
        "Chuyển đơn vị sang phiên bản bộ tiêu chí mới theo `replaces`; in diff.",
        "Move a ward to a newer version of its criteria set, following `replaces`; prints the diff.",
    ),
    "help.migrate.to": ("Bộ tiêu chí mới SET@VERSION.", "The new criteria set, SET@VERSION."),
    "help.migrate.write": (
        "Ghi tệp (mặc định chỉ in diff).",
        "Write the file (by default only the diff is printed).",
    ),
    "help.site": (
        "Dựng trang web tĩnh cho mọi đơn vị.",
        "Build a static website of every station.",
    ),
    "help.site.output": (
        "Thư mục của trang; được thay sau khi dựng xong, trang không đổi được giữ nguyên, chỉ xóa tệp kieumau đã ghi.",
        "Folder of the site, swapped in once the build succeeds; unchanged pages are kept, only files kieumau wrote are deleted.",
    ),
    "help.site.base_url": (
        "Địa chỉ công khai của trang, chỉ dùng cho liên kết tuyệt đối trong feed và canonical.",
        "Public address of the site, only for absolute links in the feed and canonical.",
    ),
    "help.site.stamp": (
        "Tính theo hôm nay và ghi giờ dựng trang (bỏ tính tái lập).",
        "Judge by today and print the build time (no longer byte-identical).",
    ),
    "help.report": (
        "Báo cáo đầy đủ một đơn vị: điểm, nhóm, minh chứng, chỉ số, lịch sử.",
        "Full report of one station: score, groups, evidence, indicators, history.",
    ),
    "help.brief": (
        "Báo cáo giao ban tuần: 5 mục từ lịch sử và git log.",
        "Weekly briefing note: five sections, from the history and the git log.",
    ),
    "help.brief.week": (
        "Tuần ISO, ví dụ 2026-W07 (mặc định: tuần hiện tại).",
        "ISO week, e.g. 2026-W07 (default: the current week).",
    ),
    "help.brief.since": (
        "Từ ngày (yyyy-mm-dd), thay cho --week.",
        "From this date (yyyy-mm-dd), instead of --week.",
    ),
    "help.brief.until": (
        "Đến ngày (yyyy-mm-dd; mặc định hôm nay).",
        "Until this date (yyyy-mm-dd; default today).",
    ),
    "help.brief.stalled": (
        "Số tuần không thay đổi thì coi là chưa có chuyển biến.",
        "Weeks without a change before a criterion counts as stalled.",
    ),
    "help.summary": (
        "Tổng hợp các đơn vị của một tỉnh hoặc cả nước.",
        "Summary of every station of a province, or of the country.",
    ),
    "help.appendix": (
        "Thêm phụ lục kỹ thuật (mã đơn vị, mã bộ tiêu chí, nguồn gốc dữ liệu, commit); mặc định không có, văn bản để ký không chứa chi tiết kỹ thuật.",
        "Add a technical appendix (ward key, set id, data provenance, commit); off by default, so the document to sign holds no technical detail.",
    ),
    "help.sign_as": (
        "Hình thức ký: KT (ký thay), TL (thừa lệnh), Q (quyền); {choices}.",
        "Signing form: KT (on behalf of), TL (by order of), Q (acting); {choices}.",
    ),
    "help.signer_title": (
        "Chức vụ của người ký, ví dụ Phó Trưởng Công an phường (dòng thứ hai khi ký KT./TL.).",
        "The signer's own title, e.g. Phó Trưởng Công an phường (second line with KT./TL.).",
    ),
    "help.signer_rank": (
        "Cấp bậc ghi trước họ tên người ký, ví dụ Trung tá.",
        "Rank printed before the signer's name, e.g. Trung tá.",
    ),
    "help.signer_name": ("Họ và tên người ký.", "The signer's full name."),
    "help.symbol": (
        "Ký hiệu văn bản sau số, ví dụ BC-CAP hoặc BC-CAT-PV05 (mặc định: theo tệp đơn vị).",
        "Document symbol after the number, e.g. BC-CAP or BC-CAT-PV05 (default: from the ward file).",
    ),
    "help.issuer": (
        "Cơ quan ban hành bản tổng hợp, ví dụ Công an tỉnh Thanh Hóa; không ghi khi tổng hợp nhiều tỉnh thì dùng tiêu đề trung tính, không có Quốc hiệu.",
        "Body issuing the summary, e.g. Công an tỉnh Thanh Hóa; without it, a summary of several provinces gets a neutral header without the national motto.",
    ),
    "help.issuer_superior": (
        "Cơ quan chủ quản của cơ quan ban hành (dòng trên tên cơ quan), ví dụ Bộ Công an.",
        "The issuing body's parent body (the line above its name), e.g. Bộ Công an.",
    ),
    "help.issuer_place": (
        "Địa danh trên dòng ngày tháng, ví dụ Hà Nội.",
        "Place name on the date line, e.g. Hà Nội.",
    ),
    "help.brief.full": (
        "Cả báo cáo kết quả công tác tuần: các mục I–VI do cán bộ viết trong notes/<tỉnh>/<phường>/<tuần>.md, phần kiểu mẫu tính từ dữ liệu đặt vào mục II; mục không có thì bỏ qua.",
        "The whole weekly report: sections I–VI written by officers in notes/<province>/<ward>/<week>.md, the computed model-station part under II; a missing section is left out.",
    ),
}
