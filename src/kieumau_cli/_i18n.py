"""Labels for every rendered output, Vietnamese first. Renderers look labels
up here (or receive them in templates); none is written inline in code."""

from __future__ import annotations

from typing import Final

LANGS: Final = ("vi", "en")

_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "status.met": "Đạt",
        "status.not_met": "Chưa đạt",
        "status.in_progress": "Đang thực hiện",
        "status.not_applicable": "Không áp dụng",
        "status.unknown": "Chưa đánh giá",
        "criteria_met": "tiêu chí đạt",
        "count.in_progress": "đang thực hiện",
        "count.not_met": "chưa đạt",
        "count.not_applicable": "không áp dụng",
        "count.unknown": "chưa đánh giá",
        "unit": "Đơn vị",
        "ward": "Địa bàn",
        "criteria_set": "Bộ tiêu chí",
        "plan": "Kế hoạch",
        "plan_dated": "ngày",
        "as_of": "Tính đến ngày",
        "col.id": "Mã",
        "col.criterion": "Tiêu chí",
        "col.status": "Trạng thái",
        "col.owner": "Phụ trách",
        "col.due": "Hạn",
        "col.updated": "Cập nhật",
        "col.name": "Đơn vị",
        "col.set": "Bộ tiêu chí",
        "col.score": "Kết quả",
        "col.progress": "Tiến độ",
        "col.last_update": "Cập nhật gần nhất",
        "overdue": "quá hạn",
        "missing": "Còn thiếu",
        "nothing_missing": "Đã đạt tất cả tiêu chí áp dụng.",
        "qualifies": "Đủ điều kiện công nhận theo quy tắc của bộ tiêu chí",
        "not_qualified": "Chưa đủ điều kiện công nhận",
        "reported": "Số liệu đã công bố",
        "source": "Nguồn",
        "provenance.official": "văn bản",
        "provenance.press": "báo chí",
        "provenance.illustrative": "minh họa (chưa có nguồn chính thức)",
        "groups": "nhóm",
        "criteria": "tiêu chí",
        "issuer": "Cơ quan ban hành",
        "legal_basis": "Căn cứ",
        "applies_to": "Áp dụng cho",
        "kind.phuong": "phường",
        "kind.xa": "xã",
        "kind.dac_khu": "đặc khu",
        "pass_rule.all": "Đạt tất cả tiêu chí áp dụng",
        "pass_rule.min_count": "Đạt tối thiểu {min} tiêu chí",
        "evidence_expected": "Minh chứng cần có",
        "indicator": "Chỉ số",
        "replaces": "Thay cho",
        "no_wards": "Không có đơn vị nào.",
        "former": "Tên cũ",
        "bundled_notice": (
            "kieumau: không tìm thấy thư mục dữ liệu (criteria/, wards/); "
            "dùng dữ liệu mẫu đi kèm tại {path}"
        ),
        "summary.files": "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
    },
    "en": {
        "status.met": "Met",
        "status.not_met": "Not met",
        "status.in_progress": "In progress",
        "status.not_applicable": "Not applicable",
        "status.unknown": "Not assessed",
        "criteria_met": "criteria met",
        "count.in_progress": "in progress",
        "count.not_met": "not met",
        "count.not_applicable": "not applicable",
        "count.unknown": "not assessed",
        "unit": "Unit",
        "ward": "Ward",
        "criteria_set": "Criteria set",
        "plan": "Plan",
        "plan_dated": "dated",
        "as_of": "As of",
        "col.id": "ID",
        "col.criterion": "Criterion",
        "col.status": "Status",
        "col.owner": "Owner",
        "col.due": "Due",
        "col.updated": "Updated",
        "col.name": "Station",
        "col.set": "Criteria set",
        "col.score": "Score",
        "col.progress": "Progress",
        "col.last_update": "Last update",
        "overdue": "overdue",
        "missing": "Still missing",
        "nothing_missing": "Every applicable criterion is met.",
        "qualifies": "Qualifies under the set's pass rule",
        "not_qualified": "Does not qualify yet",
        "reported": "Published figures",
        "source": "Source",
        "provenance.official": "legal document",
        "provenance.press": "press",
        "provenance.illustrative": "illustrative (no official source)",
        "groups": "groups",
        "criteria": "criteria",
        "issuer": "Issuer",
        "legal_basis": "Legal basis",
        "applies_to": "Applies to",
        "kind.phuong": "ward",
        "kind.xa": "commune",
        "kind.dac_khu": "special zone",
        "pass_rule.all": "All applicable criteria met",
        "pass_rule.min_count": "At least {min} criteria met",
        "evidence_expected": "Evidence expected",
        "indicator": "Indicator",
        "replaces": "Replaces",
        "no_wards": "No stations.",
        "former": "Former name",
        "bundled_notice": (
            "kieumau: no data folder (criteria/, wards/) found; "
            "using the bundled example data at {path}"
        ),
        "summary.files": "Checked {files} files: {errors} errors, {warnings} warnings.",
    },
}


def label(lang: str, key: str, **params: object) -> str:
    text = _LABELS[lang][key]
    return text.format(**params) if params else text


def labels(lang: str) -> dict[str, str]:
    return dict(_LABELS[lang])
