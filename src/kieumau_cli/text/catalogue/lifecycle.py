"""The recognition life cycle: its diagnostics, stages, and the texts of `assess`,
`recognise` and `dossier`.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- diagnostics (check/lifecycle.py) -------------------------------------------------
    "diag.detail.year_unknown": (
        "thiếu năm công nhận: ghi 'year:', hoặc 'year: null' kèm 'year_unknown:' nêu lý do",
        "no year: give 'year:', or 'year: null' with the reason in 'year_unknown:'",
    ),
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
    # --- stages (results/lifecycle.py) ------------------------------------------------
    "stage.not_selected": ("chưa được chọn", "not selected"),
    "stage.building": ("đang xây dựng", "building"),
    "stage.self_assessed_short": (
        "đã tự đánh giá (chưa đủ tiêu chí)",
        "self-assessed (criteria not yet met)",
    ),
    "stage.self_assessed_ready": (
        "đã tự đánh giá (đủ tiêu chí)",
        "self-assessed (criteria met)",
    ),
    "stage.inspected": ("đã kiểm tra", "inspected"),
    "stage.recognised": ("đã được công nhận", "recognised"),
    "stage.maintained": ("đang duy trì", "maintained"),
    "stage.lapsed": ("không duy trì được", "recognition lost"),
    "lifecycle.stage_now": ("Giai đoạn: {stage}", "Stage: {stage}"),
    "lifecycle.stage": ("Giai đoạn", "Stage"),
    "lifecycle.discrepancies": (
        "Tự đánh giá đạt nhưng kiểm tra chưa đạt: {ids}",
        "Claimed met, not met at inspection: {ids}",
    ),
    "lifecycle.recognised_year": ("{stage} năm {year}", "{stage} for {year}"),
    "lifecycle.maintained_year": (" (phúc tra đạt năm {year})", " (re-inspected {year})"),
    "lifecycle.decision_dated": (
        " — Quyết định số {number} ngày {date}",
        " — Decision No. {number} of {date}",
    ),
    "lifecycle.last_recognised": (
        " — từng được công nhận năm {year}",
        " — formerly recognised for {year}",
    ),
    "lifecycle.year_unknown": (" (chưa rõ năm công nhận)", " (year unknown)"),
    "lifecycle.decision": (" — Quyết định số {number}", " — Decision No. {number}"),
    "lifecycle.decision_unknown": (
        " — chưa rõ số quyết định",
        " — decision number unknown",
    ),
    "lifecycle.lost_on": (" (từ {date})", " (since {date})"),
    "lifecycle.at_risk": (
        "; có nguy cơ không duy trì được",
        "; maintenance at risk",
    ),
    "lifecycle.verified_line": (
        "Kết quả kiểm tra: {met}/{total} đạt ({differing} tiêu chí khác tự đánh giá)",
        "Inspection result: {met}/{total} met ({differing} differing from the self-assessment)",
    ),
    # --- errors -----------------------------------------------------------------------
    "error.assess_no_verdicts": (
        "chưa có kết luận nào: ghi CRITERION=STATUS, --from FILE.yaml hoặc --all-met-as-claimed",
        "no verdicts: give CRITERION=STATUS, --from FILE.yaml or --all-met-as-claimed",
    ),
    "error.assess_bad_verdict": (
        "'{argument}' không phải CRITERION=STATUS (ví dụ C01=met)",
        "'{argument}' is not CRITERION=STATUS (e.g. C01=met)",
    ),
    "error.assess_from_unreadable": (
        "không đọc được {path} ({reason})",
        "cannot read {path} ({reason})",
    ),
    "error.assess_from_invalid": (
        "tệp kết luận không đọc được",
        "the verdicts file cannot be read",
    ),
    "error.assess_from_shape": (
        "{path} phải là ánh xạ mã tiêu chí → trạng thái (hoặc có khóa verdicts:)",
        "{path} must map criterion ids to statuses (or hold such a verdicts: mapping)",
    ),
    "error.recognise_missing": ("thiếu {options}", "missing {options}"),
    "error.recognise_extra": (
        "{options} không dùng cùng lựa chọn này (--lost ghi mất công nhận: --date, "
        "--document, --reason; công nhận: --year, --decision, --date, --issuer)",
        "{options} do not belong here (--lost takes --date, --document, --reason; a "
        "recognition takes --year, --decision, --date, --issuer)",
    ),
    # --- help ------------------------------------------------------------------------
    "help.assess": (
        "Ghi một lần đánh giá (tự đánh giá, kiểm tra, thẩm định, phúc tra) kèm kết luận "
        "từng tiêu chí; in phần thay đổi, chỉ ghi tệp khi có --write.",
        "Record an assessment (self, inspection, appraisal, re-inspection) with its "
        "verdicts; prints the diff, writes only with --write.",
    ),
    "help.assess.verdicts": (
        "Kết luận từng tiêu chí, ví dụ C01=met C08=not_met",
        "Verdicts, e.g. C01=met C08=not_met",
    ),
    "help.assess.kind": (
        "self (tự đánh giá), inspection (kiểm tra), appraisal (thẩm định), "
        "re_inspection (phúc tra)",
        "self, inspection, appraisal or re_inspection",
    ),
    "help.assess.by": ("Cơ quan đánh giá", "The assessing body"),
    "help.assess.document": ("Số biên bản, kết luận", "Number of the record"),
    "help.assess.from": (
        "Tệp YAML: mã tiêu chí → trạng thái",
        "A YAML file mapping criterion ids to statuses",
    ),
    "help.assess.all_met": (
        "Xác nhận đạt mọi tiêu chí đơn vị tự đánh giá là đạt (kết luận ghi rõ vẫn ưu tiên)",
        "Confirm every criterion the station claims met (explicit verdicts still win)",
    ),
    "help.lifecycle.date": ("Ngày (yyyy-mm-dd)", "Date (yyyy-mm-dd)"),
    "help.lifecycle.note": ("Ghi chú", "Note"),
    "help.lifecycle.write": (
        "Ghi vào tệp (mặc định chỉ in phần thay đổi)",
        "Write the file (by default only the diff is printed)",
    ),
    "help.recognise": (
        "Ghi quyết định công nhận (hoặc --lost: không duy trì được); in phần thay đổi, "
        "chỉ ghi tệp khi có --write.",
        "Record a recognition decision (or --lost: recognition lost); prints the diff, "
        "writes only with --write.",
    ),
    "help.recognise.year": (
        "Năm công nhận (năm ghi trong tên quyết định)",
        "The year recognised (named in the decision's title)",
    ),
    "help.recognise.decision": ("Số quyết định", "Decision number"),
    "help.recognise.issuer": ("Cơ quan ban hành", "Issuing body"),
    "help.recognise.lost": ("Ghi mất công nhận", "Record that recognition was lost"),
    "help.recognise.document": ("Số văn bản kết luận", "Number of the concluding document"),
    "help.recognise.reason": ("Lý do", "Reason"),
    # --- dossier (render/docx/dossier.py, commands/dossier.py) ----------------------------
    "help.dossier": (
        "Lập hồ sơ đề nghị kiểm tra, công nhận vào một thư mục: báo cáo tự đánh giá, tờ trình, "
        "danh mục minh chứng (.docx, .csv) và MANIFEST.sha256.",
        "Write the recognition dossier into a folder: self-assessment report, submission, "
        "evidence index (.docx, .csv) and MANIFEST.sha256.",
    ),
    "help.dossier.output": ("Thư mục ghi hồ sơ", "The folder to write the dossier into"),
    "help.dossier.year": (
        "Năm đề nghị công nhận (mặc định: năm nay)",
        "The year to be recognised for (default: this year)",
    ),
    "error.dossier_holds_root": (
        "{output} chứa thư mục dữ liệu {root}: chọn một thư mục khác",
        "{output} holds the data root {root}: choose another folder",
    ),
    "error.dossier_not_folder": ("{output} không phải thư mục", "{output} is not a folder"),
    "error.dossier_symlink": (
        "{output} là liên kết tượng trưng: không ghi qua liên kết",
        "{output} is a symbolic link: nothing is written through a link",
    ),
    "dossier.notice.without_evidence": (
        "Lưu ý: tiêu chí tự đánh giá đạt nhưng chưa có minh chứng: {ids}",
        "Note: criteria claimed met without evidence: {ids}",
    ),
    "dossier.subject.self": (
        "Kết quả tự đánh giá xây dựng mô hình {programme} năm {year}",
        "Self-assessment of building {programme}, {year}",
    ),
    "dossier.subject.submission": (
        "Về việc đề nghị kiểm tra, công nhận {programme} năm {year}",
        "Request for inspection and recognition as {programme}, {year}",
    ),
    "dossier.subject.index": (
        "Hồ sơ, tài liệu minh chứng của {unit}",
        "Evidence documents of {unit}",
    ),
    "dossier.type.submission": ("TỜ TRÌNH", "SUBMISSION"),
    "dossier.type.index": ("DANH MỤC", "INDEX"),
    "dossier.to": ("Kính gửi: {body}", "To: {body}"),
    "dossier.superior_unknown": ("cấp trên trực tiếp", "the superior body"),
    "dossier.of": ("của", "of"),
    "dossier.general": ("Tình hình chung", "General"),
    "dossier.selected": (
        "Được chọn xây dựng mô hình từ ngày {date}.",
        "Selected to build the model on {date}.",
    ),
    "dossier.result": ("Kết quả tự đánh giá", "Self-assessment result"),
    "dossier.assessed_on": ("Tự đánh giá ngày {date} ({by}).", "Self-assessed on {date} ({by})."),
    "dossier.without_evidence": (
        "Tiêu chí đạt nhưng chưa có minh chứng: {ids}.",
        "Criteria met without evidence: {ids}.",
    ),
    "dossier.per_criterion": (
        "Kết quả tự đánh giá từng tiêu chí",
        "Self-assessment per criterion",
    ),
    "dossier.col.self": ("Tự đánh giá", "Self-assessed"),
    "dossier.col.no": ("STT", "No."),
    "dossier.col.title": ("Tên văn bản, tài liệu", "Document"),
    "dossier.col.number": ("Số, ký hiệu", "Number"),
    "dossier.col.file": ("Tệp đính kèm", "File"),
    "dossier.col.sha256": ("SHA-256", "SHA-256"),
    "dossier.file": ("tệp: {file}", "file: {file}"),
    "dossier.proposal": ("Đề xuất, kiến nghị", "Proposal"),
    "dossier.propose": (
        "{unit} đã đạt các tiêu chí của bộ; đề nghị cấp trên kiểm tra, công nhận năm {year}.",
        "{unit} meets the criteria of the set and asks to be inspected and recognised for {year}.",
    ),
    "dossier.continue": (
        "{unit} chưa đạt đủ các tiêu chí; tiếp tục thực hiện các tiêu chí còn lại trước khi "
        "đề nghị kiểm tra, công nhận.",
        "{unit} does not yet meet every criterion; it continues with the rest before asking "
        "to be inspected.",
    ),
    "dossier.provenance": ("Nguồn gốc dữ liệu: {provenance}", "Data provenance: {provenance}"),
    "dossier.basis": ("Căn cứ", "Basis"),
    "dossier.basis.plan": ("Kế hoạch số {plan};", "Plan No. {plan};"),
    "dossier.basis.set": ("Văn bản số {number} {title};", "Document No. {number} {title};"),
    "dossier.basis.set_name": ("{name}.", "{name}."),
    "dossier.submission.result": ("Kết quả tự đánh giá của {unit}: ", "{unit}'s self-assessment: "),
    "dossier.verified": (
        "Kết quả kiểm tra của {by} ngày {date}: {met}/{total} tiêu chí đạt.",
        "Inspected by {by} on {date}: {met}/{total} criteria met.",
    ),
    "dossier.submission.ask": (
        "{unit} kính đề nghị {body} kiểm tra, xem xét công nhận {unit} đạt tiêu chuẩn kiểu "
        "mẫu năm {year}.",
        "{unit} asks {body} to inspect it and consider recognising it as a model station for "
        "{year}.",
    ),
    "dossier.submission.not_ready": (
        "{unit} chưa đạt đủ tiêu chí; tờ trình này chỉ để tham khảo, chưa đủ điều kiện đề nghị "
        "{body} kiểm tra, công nhận năm {year}.",
        "{unit} does not yet meet every criterion: this submission is a draft, not yet a "
        "request to {body} for {year}.",
    ),
    "dossier.attached": ("Hồ sơ kèm theo", "Attached"),
    "dossier.attached.self": (
        "Báo cáo kết quả tự đánh giá;",
        "The self-assessment report;",
    ),
    "dossier.attached.index": (
        "Danh mục hồ sơ, tài liệu minh chứng.",
        "The index of evidence documents.",
    ),
    "dossier.closing": (
        "Kính trình {body} xem xét, quyết định./.",
        "Submitted to {body} for consideration.",
    ),
    # --- roadmap (results/roadmap.py, render/roadmap.py, _roadmap.*.j2, docx/roadmap.py) --
    "roadmap.title": ("Lộ trình công nhận", "Recognition roadmap"),
    "roadmap.col.area": ("Phạm vi", "Area"),
    "roadmap.col.counts": (
        "Đã công nhận / đang xây dựng / chưa bắt đầu",
        "Recognised / in progress / not started",
    ),
    "roadmap.col.year": ("Mục tiêu {year}", "Target {year}"),
    "roadmap.counts": (
        "{recognised} / {in_progress} / {not_started}",
        "{recognised} / {in_progress} / {not_started}",
    ),
    "roadmap.goal": ("mục tiêu {share}%", "target {share}%"),
    "roadmap.reached": ("đạt", "reached"),
    "roadmap.not_reached": ("chưa đạt", "not reached"),
    "roadmap.units_unknown": ("chưa rõ số đơn vị", "number of units unknown"),
    "roadmap.unknown": ("chưa rõ", "unknown"),
    "roadmap.lapsed": ("Không duy trì được: {keys}", "Recognition lost: {keys}"),
    "roadmap.lapsed_none": ("Không có đơn vị mất công nhận.", "No recognition lost."),
    "roadmap.holding": (
        "Tiêu chí còn vướng nhiều nhất ({ref}, {count} đơn vị chưa được công nhận):",
        "Criteria holding most stations back ({ref}, {count} not yet recognised):",
    ),
    "roadmap.stations": ("{count} đơn vị", "{count} {count:station|stations}"),
    "roadmap.note": (
        "Số đơn vị cả nước: {count} Công an phường tính đến {date} (nguồn: {source}). Số từng "
        "tỉnh chưa có nguồn nên tỷ lệ theo tỉnh để trống.",
        "Units nationally: {count} ward police units as of {date} (source: {source}). No "
        "source gives the provinces' counts, so their shares are left blank.",
    ),
}
