"""Diagnostics as data: what `check` finds, independent of how it is shown.

Every code is listed once in `CODES` with its severity and its message in
Vietnamese and English; README's table of codes is checked against it by a
test, so the documentation cannot drift from the implementation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Code:
    severity: Severity
    vi: str
    en: str
    fix_vi: str = ""
    fix_en: str = ""


CODES: dict[str, Code] = {
    # --- reading the file ---------------------------------------------------
    "file-unreadable": Code("error", "không đọc được tệp: {reason}", "cannot read file: {reason}"),
    "file-too-large": Code(
        "error",
        "tệp quá lớn ({size} byte, tối đa {limit})",
        "file too large ({size} bytes, limit {limit})",
    ),
    "encoding": Code(
        "error",
        "tệp không phải UTF-8 (byte {byte} không hợp lệ)",
        "file is not UTF-8 (invalid byte {byte})",
        "lưu lại tệp với mã hóa UTF-8",
        "save the file as UTF-8",
    ),
    "conflict-marker": Code(
        "error",
        "còn dấu xung đột git '{marker}'",
        "git conflict marker '{marker}' left in the file",
        "giải quyết xung đột rồi xóa các dòng <<<<<<<, =======, >>>>>>>",
        "resolve the merge conflict and remove the <<<<<<<, =======, >>>>>>> lines",
    ),
    "tab-indent": Code(
        "error",
        "thụt lề bằng ký tự tab",
        "indentation uses a tab character",
        "YAML chỉ cho phép thụt lề bằng dấu cách",
        "YAML indentation must use spaces",
    ),
    "yaml-syntax": Code("error", "lỗi cú pháp YAML: {problem}", "YAML syntax error: {problem}"),
    "unsafe-tag": Code(
        "error",
        "thẻ YAML '{tag}' bị từ chối (không bao giờ được thực thi)",
        "YAML tag '{tag}' refused (never executed)",
        "bỏ thẻ, chỉ dùng giá trị YAML thuần",
        "remove the tag; use plain YAML values",
    ),
    "yaml-alias": Code(
        "error",
        "không cho phép tham chiếu YAML (alias '*{name}')",
        "YAML aliases are not allowed ('*{name}')",
        "viết lại giá trị thay vì dùng &anchor/*alias",
        "write the value out instead of using &anchor/*alias",
    ),
    "duplicate-key": Code(
        "error",
        "khóa '{key}' bị lặp (đã có ở dòng {first_line})",
        "duplicate key '{key}' (first defined at line {first_line})",
        "giữ một khóa, gộp nội dung",
        "keep one of them and merge their content",
    ),
    "too-deep": Code("error", "cấu trúc lồng nhau quá sâu", "nesting is too deep"),
    "empty-document": Code(
        "error",
        "tệp rỗng",
        "the file is empty",
        "tệp phải là một ánh xạ YAML",
        "the file must be a YAML mapping",
    ),
    "not-a-mapping": Code(
        "error",
        "nội dung tệp phải là ánh xạ YAML (khóa: giá trị), không phải {found}",
        "the document must be a YAML mapping (key: value), not {found}",
    ),
    # --- schema -----------------------------------------------------------------
    "unknown-key": Code("error", "khóa không hợp lệ '{key}'", "unknown key '{key}'"),
    "missing-key": Code("error", "thiếu khóa bắt buộc '{key}'", "missing required key '{key}'"),
    "invalid-value": Code(
        "error",
        "'{field}': giá trị không hợp lệ {value!r}",
        "'{field}': invalid value {value!r} ({detail})",
    ),
    "not-allowed": Code(
        "error",
        "'{field}': {value!r} không phải giá trị cho phép ({expected})",
        "'{field}': {value!r} is not one of {expected}",
    ),
    "invalid-date": Code(
        "error",
        "ngày không hợp lệ: {value!r}",
        "invalid date: {value!r}",
        "ghi ngày dạng yyyy-mm-dd, ví dụ 2026-02-11",
        "write dates as yyyy-mm-dd, e.g. 2026-02-11",
    ),
    "wrong-type": Code(
        "error",
        "'{field}': sai kiểu dữ liệu (giá trị {value!r})",
        "'{field}': wrong type ({detail})",
    ),
    # --- one file's own rules -------------------------------------------------------
    "path-mismatch": Code(
        "error",
        "'{field}' là '{value}' nhưng đường dẫn tệp cần '{expected}'",
        "'{field}' is '{value}' but the file's path requires '{expected}'",
        "đổi tên tệp hoặc sửa giá trị cho khớp",
        "rename the file or change the value so they agree",
    ),
    "duplicate-id": Code(
        "error",
        "mã '{id}' bị lặp (đã có ở dòng {first_line})",
        "duplicate id '{id}' (first at line {first_line})",
    ),
    "unknown-group": Code(
        "error",
        "nhóm '{group}' không có trong bộ tiêu chí",
        "group '{group}' is not defined in this set",
    ),
    "empty-group": Code(
        "warning", "nhóm '{group}' không có tiêu chí nào", "group '{group}' has no criteria"
    ),
    "pass-rule-unreachable": Code(
        "error",
        "quy tắc đạt cần {min} tiêu chí nhưng bộ chỉ có {count}",
        "the pass rule needs {min} criteria but the set has only {count}",
    ),
    # --- cross-file rules ---------------------------------------------------------
    "unknown-set": Code(
        "error",
        "không tìm thấy bộ tiêu chí '{ref}'",
        "criteria set '{ref}' not found",
        "các bộ hiện có: {known}",
        "available sets: {known}",
    ),
    "unknown-supersedes": Code(
        "error", "bộ tiêu chí trước '{ref}' không tồn tại", "superseded set '{ref}' not found"
    ),
    "unknown-replaces": Code(
        "error",
        "'{id}' không có trong bộ tiêu chí trước {ref}",
        "'{id}' is not a criterion of the superseded set {ref}",
    ),
    "kind-mismatch": Code(
        "error",
        "bộ tiêu chí {ref} không áp dụng cho loại đơn vị '{kind}'",
        "criteria set {ref} does not apply to unit kind '{kind}'",
    ),
    "unknown-criterion": Code(
        "error",
        "tiêu chí '{id}' không có trong bộ {ref}",
        "criterion '{id}' is not in set {ref}",
    ),
    "missing-criterion": Code(
        "warning",
        "thiếu trạng thái của tiêu chí '{id}' (được tính là chưa đánh giá)",
        "no status for criterion '{id}' (counted as not assessed)",
        "thêm mục '{id}' vào 'status'",
        "add an entry '{id}' under 'status'",
    ),
    "needs-reason": Code(
        "error",
        "tiêu chí '{id}' không áp dụng nhưng chưa ghi lý do",
        "criterion '{id}' is not applicable but gives no reason",
        "thêm 'reason:'",
        "add 'reason:'",
    ),
    "needs-evidence": Code(
        "error",
        "tiêu chí '{id}' đạt nhưng chưa có minh chứng",
        "criterion '{id}' is met but lists no evidence",
        "thêm ít nhất một mục 'evidence:'",
        "add at least one 'evidence:' item",
    ),
    "history-order": Code(
        "error",
        "lịch sử không theo thứ tự ngày: {date} đứng sau {previous}",
        "history is not in date order: {date} comes after {previous}",
    ),
    "history-future": Code(
        "error",
        "ngày {date} nằm trong tương lai (hôm nay {today})",
        "date {date} is in the future (today is {today})",
    ),
    "history-unknown-criterion": Code(
        "error",
        "lịch sử nhắc tới tiêu chí không có '{id}'",
        "history mentions unknown criterion '{id}'",
    ),
    "history-noop": Code(
        "warning",
        "mục lịch sử của '{id}' không đổi trạng thái ({status})",
        "history entry for '{id}' does not change the status ({status})",
    ),
    "history-chain": Code(
        "warning",
        "'{id}': mục này ghi từ '{from_}' nhưng mục trước đã chuyển sang '{previous}'",
        "'{id}': entry says from '{from_}' but the previous entry moved to '{previous}'",
    ),
    "history-mismatch": Code(
        "error",
        "'{id}': trạng thái hiện tại là '{status}' nhưng lịch sử kết thúc ở '{last}'",
        "'{id}': current status is '{status}' but history ends at '{last}'",
        "thêm mục lịch sử cho thay đổi này (hoặc dùng 'kieumau set')",
        "add a history entry for this change (or use 'kieumau set')",
    ),
    "reported-mismatch": Code(
        "error",
        "báo cáo ngày {date} ghi {reported} nhưng tính từ lịch sử được {computed}",
        "reported {reported} on {date} but history gives {computed}",
    ),
    # --- history against a git revision (check --base REV) ----------------------------
    "history-rewritten": Code(
        "error",
        "mục lịch sử #{number} ({entry}) đã bị sửa so với {rev}",
        "history entry #{number} ({entry}) was changed since {rev}",
        "lịch sử chỉ được ghi thêm: khôi phục mục cũ, ghi sửa đổi thành một mục mới ở cuối",
        "history is append-only: restore the entry and record the correction as a new entry",
    ),
    "history-deleted": Code(
        "error",
        "mục lịch sử #{number} ({entry}) có ở {rev} đã bị xóa",
        "history entry #{number} ({entry}) present at {rev} was deleted",
        "khôi phục mục đã xóa; lịch sử chỉ được ghi thêm",
        "restore the deleted entry; history is append-only",
    ),
    "history-inserted": Code(
        "error",
        "mục lịch sử #{number} ({entry}) được chèn vào giữa các mục đã có ở {rev}",
        "history entry #{number} ({entry}) was inserted among the entries present at {rev}",
        "chỉ ghi thêm mục mới ở cuối lịch sử",
        "append new entries at the end of the history",
    ),
    "history-file-deleted": Code(
        "error",
        "tệp đơn vị có {count} mục lịch sử ở {rev} đã bị xóa",
        "ward file with {count} history entries at {rev} was deleted",
        "khôi phục tệp; khi sáp nhập hay đổi tên, chuyển tệp sang tên mới và giữ nguyên lịch sử",
        "restore the file; when a ward is merged or renamed, move the file and keep its history",
    ),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None  # the nearest valid spelling, shown as "did you mean"

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def message(self, lang: str) -> str:
        spec = CODES[self.code]
        template = spec.vi if lang == "vi" else spec.en
        text = template.format(**self.params)
        fix = (spec.fix_vi if lang == "vi" else spec.fix_en).format(**self.params)
        hint = None
        if self.suggestion is not None:
            hint = (
                f"có phải ý bạn là '{self.suggestion}'?"
                if lang == "vi"
                else f"did you mean '{self.suggestion}'?"
            )
        extras = [part for part in (hint, fix) if part]
        if extras:
            text += "; " + "; ".join(extras)
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def _loose(text: str) -> str:
    """'C1', 'c01' -> 'c1'; 'not-met' -> 'not_met': spellings people mean as the same."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", text.lower().replace("-", "_"))


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate the user most likely meant, or None.

    A loose match (case, leading zeros, '-' for '_') wins outright; otherwise
    the closest spelling, which for 'C1' would be a coin toss between C01 and C21.
    """
    import difflib

    loose = [candidate for candidate in candidates if _loose(candidate) == _loose(word)]
    if len(loose) == 1:
        return loose[0]
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return match[0] if match else None
