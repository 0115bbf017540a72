"""The recognition life cycle: its diagnostics, stages, and the texts of `assess`,
`recognise` and `dossier`.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- diagnostics (check/lifecycle.py) -------------------------------------------------
    "diag.lifecycle-future": (
        "ngày {date} nằm trong tương lai (hôm nay {today})",
        "date {date} is in the future (today is {today})",
    ),
    "diag.lifecycle-future.fix": (
        "ghi ngày đã diễn ra; việc chưa diễn ra thì chưa ghi",
        "record only what has happened, with its date",
    ),
    "diag.lifecycle-before-selected": (
        "ngày {date} trước ngày đơn vị được chọn ({selected})",
        "date {date} is before the station was selected ({selected})",
    ),
    "diag.lifecycle-before-selected.fix": (
        "sửa ngày, hoặc sửa ngày trong 'selected:'",
        "correct the date, or the date in 'selected:'",
    ),
    "diag.verdict-unknown-criterion": (
        "kết luận cho tiêu chí không có '{id}' trong {ref}",
        "verdict for criterion '{id}', which {ref} does not have",
    ),
    "diag.verdict-unknown-criterion.fix": (
        "dùng mã tiêu chí của bộ (kieumau criteria)",
        "use the set's criterion ids (kieumau criteria)",
    ),
    "diag.recognition-no-decision": (
        "công nhận năm {year} không có quyết định (số, ngày, cơ quan)",
        "recognition for {year} has no decision (number, date, issuer)",
    ),
    "diag.recognition-no-decision.fix": (
        "ghi 'decision:'; nếu nguồn không nêu số quyết định thì ghi 'number: null' và "
        "'number_unknown:' nêu lý do",
        "add 'decision:'; when the source does not give the number, write 'number: null' and "
        "say why in 'number_unknown:'",
    ),
    "diag.recognition-no-source": (
        "mục '{kind}' không có nguồn",
        "the '{kind}' entry has no source",
    ),
    "diag.recognition-no-source.fix": (
        "ghi 'source:' (văn bản hoặc bài báo)",
        "add 'source:' (the document or the press report)",
    ),
    "diag.recognition-year-after-decision": (
        "công nhận năm {year} nhưng quyết định ký ngày {date}, trước năm đó",
        "recognition for {year} by a decision dated {date}, before that year",
    ),
    "diag.recognition-year-after-decision.fix": (
        "năm công nhận là năm ghi trong tên quyết định (thường là năm trước năm ký)",
        "the year is the one named in the decision's title (usually the year before it)",
    ),
    "diag.maintenance-at-risk": (
        "đơn vị đã được công nhận nhưng tự đánh giá hiện chỉ đạt {met}/{total}: có nguy cơ "
        "không duy trì được",
        "the station is recognised but now claims only {met}/{total}: maintenance at risk",
    ),
    "diag.maintenance-at-risk.fix": (
        "khắc phục các tiêu chí chưa đạt trước kỳ phúc tra",
        "fix the criteria not met before the re-inspection",
    ),
    "diag.evidence-outside": (
        "tệp minh chứng '{file}' nằm ngoài thư mục dữ liệu",
        "evidence file '{file}' is outside the data root",
    ),
    "diag.evidence-outside.fix": (
        "đặt tệp trong thư mục dữ liệu, ghi đường dẫn tương đối (không '..', không liên kết ra "
        "ngoài)",
        "put the file inside the data root and give a relative path (no '..', no link out)",
    ),
    "diag.evidence-missing": (
        "không có tệp minh chứng '{file}'",
        "evidence file '{file}' does not exist",
    ),
    "diag.evidence-missing.fix": (
        "thêm tệp, hoặc sửa đường dẫn",
        "add the file, or correct the path",
    ),
    "diag.evidence-changed": (
        "tệp minh chứng '{file}' đã thay đổi (SHA-256 ghi {recorded}…, nay {now}…)",
        "evidence file '{file}' changed (SHA-256 recorded {recorded}…, now {now}…)",
    ),
    "diag.evidence-changed.fix": (
        "khôi phục bản quét đã ghi nhận; nếu thay có chủ đích thì ghi minh chứng mới",
        "restore the recorded scan; if it was replaced on purpose, record it as new evidence",
    ),
    "diag.evidence-unhashed": (
        "tệp minh chứng '{file}' chưa ghi SHA-256",
        "evidence file '{file}' has no recorded SHA-256",
    ),
    "diag.evidence-unhashed.fix": (
        "ghi 'sha256: {sha256}' để phát hiện khi bản quét bị thay",
        "add 'sha256: {sha256}' so that a replaced scan is detected",
    ),
    "diag.lifecycle-rewritten": (
        "mục {section} #{number} ({entry}) đã bị sửa so với {rev}",
        "{section} entry #{number} ({entry}) was changed since {rev}",
    ),
    "diag.lifecycle-rewritten.fix": (
        "đánh giá và công nhận chỉ được ghi thêm: khôi phục mục cũ, ghi đính chính thành mục mới",
        "assessments and recognition are append-only: restore the entry, add a new one",
    ),
    "diag.lifecycle-deleted": (
        "mục {section} #{number} ({entry}) có ở {rev} đã bị xóa",
        "{section} entry #{number} ({entry}) present at {rev} was deleted",
    ),
    "diag.lifecycle-deleted.fix": (
        "khôi phục mục đã xóa; mất công nhận thì ghi mục 'kind: lost'",
        "restore the entry; a lost recognition is a new 'kind: lost' entry",
    ),
    "diag.lifecycle-inserted": (
        "mục {section} #{number} ({entry}) được chèn vào giữa các mục đã có ở {rev}",
        "{section} entry #{number} ({entry}) was inserted among the entries present at {rev}",
    ),
    "diag.lifecycle-inserted.fix": (
        "chỉ ghi thêm mục mới ở cuối",
        "append new entries at the end",
    ),
}
