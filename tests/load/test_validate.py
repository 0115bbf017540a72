"""Pydantic errors become diagnostics at the exact line/column of the offending
key or value, with "did you mean" suggestions."""

from __future__ import annotations

import pytest

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.validate import validate
from kieumau_cli.load.yaml import LoadFailed, load_bytes
from tests.support.data import EXAMPLE_SET, EXAMPLE_WARD, VALID_ROOT, replaced

WARD_TEXT = (VALID_ROOT / EXAMPLE_WARD).read_text(encoding="utf-8")
SET_TEXT = (VALID_ROOT / EXAMPLE_SET).read_text(encoding="utf-8")

STATUSES = (
    "met, not_met, in_progress, not_applicable, unknown; "
    "đạt, chưa đạt, đang thực hiện, không áp dụng, chưa đánh giá"
)


def _ward(old: str, new: str) -> str:
    return replaced(WARD_TEXT, old, new)


def _diagnostics(text: str, model: type[Ward] | type[CriteriaSet] = Ward) -> list[Diagnostic]:
    document = load_bytes(text.encode("utf-8"), "w.yaml")
    result, found = validate(document, model)
    assert result is None, "the mutated file unexpectedly validated"
    assert found, "no diagnostic for an invalid file"
    for diagnostic in found:
        assert diagnostic.path == "w.yaml"
        assert diagnostic.severity == "error"
        # Params produced by the validator must fit both templates.
        assert diagnostic.message("vi")
        assert diagnostic.message("en")
    return found


def _only(text: str, model: type[Ward] | type[CriteriaSet] = Ward) -> Diagnostic:
    found = _diagnostics(text, model)
    assert len(found) == 1, found
    return found[0]


def test_the_unmutated_files_are_valid() -> None:
    ward, found = validate(load_bytes(WARD_TEXT.encode(), "w.yaml"), Ward)
    assert found == [] and ward is not None
    criteria_set, found = validate(load_bytes(SET_TEXT.encode(), "c.yaml"), CriteriaSet)
    assert found == [] and criteria_set is not None


# --- unknown keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "position", "suggestion"),
    [
        pytest.param("\nstatus:\n", "\nstatuss:\n", "statuss", (24, 1), "status", id="top-level"),
        pytest.param("\ntarget:", "\ntargett:", "targett", (12, 1), "target", id="top-level-2"),
        pytest.param(
            "    owner: Tổ tiếp dân\n",
            "    ownr: Tổ tiếp dân\n",
            "ownr",
            (39, 5),
            "owner",
            id="criterion-status",
        ),
        pytest.param(
            "        ref: 01-NQ/ĐU\n",
            "        reff: 01-NQ/ĐU\n",
            "reff",
            (31, 9),
            "ref",
            id="evidence-item",
        ),
        pytest.param(
            "  number: 1/KH-TEST\n  date: 2026-01-05\n",
            "  number: 1/KH-TEST\n  date: 2026-01-05\n  isuer: Bộ\n",
            "isuer",
            (11, 3),
            "issuer",
            id="plan",
        ),
        pytest.param(
            "      title: Bài báo giả định cho kiểm thử\n",
            "      title: Bài báo giả định cho kiểm thử\n      outlett: Báo\n",
            "outlett",
            (23, 7),
            "outlet",
            id="press-source-in-list",
        ),
        pytest.param(
            "target: 2026-12-31\n",
            "target: 2026-12-31\nzzz: 1\n",
            "zzz",
            (13, 1),
            None,
            id="nothing-close",
        ),
    ],
)
def test_unknown_key(
    old: str, new: str, key: str, position: tuple[int, int], suggestion: str | None
) -> None:
    diagnostic = _only(_ward(old, new))
    assert diagnostic.code == "unknown-key"
    assert (diagnostic.line, diagnostic.column) == position
    assert diagnostic.params["key"] == key
    assert diagnostic.suggestion == suggestion
    if suggestion is not None:
        assert f"did you mean '{suggestion}'?" in diagnostic.message("en")
        assert f"có phải ý bạn là '{suggestion}'?" in diagnostic.message("vi")


def test_unknown_key_in_history_flow_mapping_suggests_the_alias() -> None:
    found = _diagnostics(_ward("criterion: C01, from: not_met", "criterion: C01, frm: not_met"))
    by_code = {d.code: d for d in found}
    assert set(by_code) == {"unknown-key", "missing-key"}
    unknown = by_code["unknown-key"]
    assert (unknown.line, unknown.column) == (50, 40)
    assert unknown.suggestion == "from"  # the YAML key, not the Python name from_
    missing = by_code["missing-key"]
    assert missing.params["key"] == "from"
    assert (missing.line, missing.column) == (50, 5)


def test_unknown_key_in_criteria_set() -> None:
    diagnostic = _only(
        replaced(
            SET_TEXT,
            "    requires_reason_if_not_applicable: true\n",
            "    requires_reason_if_not_aplicable: true\n",
        ),
        CriteriaSet,
    )
    assert diagnostic.code == "unknown-key"
    assert (diagnostic.line, diagnostic.column) == (40, 5)
    assert diagnostic.suggestion == "requires_reason_if_not_applicable"


# --- missing keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "position"),
    [
        # Top level: the document's mapping starts on line 2 (line 1 is a comment).
        pytest.param("name: Phường Mẫu\n", "", "name", (2, 1), id="top-level"),
        pytest.param(
            "    status: met\n    owner: Trưởng Công an phường\n    updated: 2026-02-10\n",
            "    owner: Trưởng Công an phường\n    updated: 2026-02-10\n",
            "status",
            (33, 3),
            id="criterion-status-at-its-key",
        ),
        pytest.param("    met: 2\n", "", "met", (17, 5), id="list-item-at-the-item"),
        pytest.param(
            "      title: Bài báo giả định cho kiểm thử\n",
            "",
            "title",
            (20, 5),
            id="press-source-at-source-key",
        ),
        pytest.param(
            "      - value: 92.5\n", "      - note: x\n", "value", (43, 9), id="reading-item"
        ),
    ],
)
def test_missing_key(old: str, new: str, key: str, position: tuple[int, int]) -> None:
    diagnostic = _only(_ward(old, new))
    assert diagnostic.code == "missing-key"
    assert diagnostic.params == {"key": key}
    assert (diagnostic.line, diagnostic.column) == position
    assert f"'{key}'" in diagnostic.message("en")


# --- wrong types, values, dates ----------------------------------------------------------


def test_wrong_type_in_reported() -> None:
    diagnostic = _only(_ward("    met: 2\n", '    met: "eleven"\n'))
    assert diagnostic.code == "wrong-type"
    assert (diagnostic.line, diagnostic.column) == (18, 10)
    assert diagnostic.params["field"] == "reported.0.met"
    assert diagnostic.params["value"] == "eleven"
    assert "reported.0.met" in diagnostic.message("en")


def test_wrong_type_mapping_where_a_string_is_expected() -> None:
    diagnostic = _only(_ward("name: Phường Mẫu\n", "name: {vi: Phường Mẫu}\n"))
    assert diagnostic.code == "wrong-type"
    assert (diagnostic.line, diagnostic.column) == (4, 7)
    assert diagnostic.params["field"] == "name"


def test_null_criterion_status_is_wrong_type_at_the_entry() -> None:
    text = _ward(
        "  C04:\n    status: not_met\n    owner: Trưởng Công an phường\n    due: 2026-06-30\n",
        "  C04:\n",
    )
    diagnostic = _only(text)
    assert diagnostic.code == "wrong-type"
    assert diagnostic.params["field"] == "status.C04"
    assert diagnostic.line == 45


@pytest.mark.parametrize(
    ("old", "new", "value", "position", "suggestion"),
    [
        pytest.param(
            "    status: in_progress\n", "    status: done\n", "done", (38, 13), None, id="done"
        ),
        pytest.param(
            "    status: in_progress\n", "    status: met_\n", "met_", (38, 13), "met", id="met_"
        ),
        pytest.param(
            "    status: not_met\n",
            "    status: not-met\n",
            "not-met",
            (46, 13),
            "not_met",
            id="not-met-hyphen",
        ),
        pytest.param(
            "from: not_met, to: met, by",
            "from: met_, to: met, by",
            "met_",
            (50, 46),
            "met",
            id="history-from",
        ),
        pytest.param(
            "from: in_progress, to: met}",
            "from: in_progress, to: mett}",
            "mett",
            (52, 63),
            "met",
            id="history-to",
        ),
    ],
)
def test_invalid_status_value(
    old: str, new: str, value: str, position: tuple[int, int], suggestion: str | None
) -> None:
    diagnostic = _only(_ward(old, new))
    # The status enum has its own code, listing the allowed values.
    assert diagnostic.code == "not-allowed"
    assert (diagnostic.line, diagnostic.column) == position
    assert diagnostic.params["value"] == value
    assert diagnostic.params["expected"] == STATUSES
    assert diagnostic.suggestion == suggestion
    assert STATUSES in diagnostic.message("en")


def test_not_allowed_literal_in_criteria_set_suggests() -> None:
    diagnostic = _only(
        replaced(SET_TEXT, "applies_to: [phuong]", "applies_to: [phuongg]"), CriteriaSet
    )
    assert diagnostic.code == "not-allowed"
    assert (diagnostic.line, diagnostic.column) == (8, 14)
    assert diagnostic.suggestion == "phuong"


@pytest.mark.parametrize(
    ("old", "new", "value", "position"),
    [
        pytest.param(
            "  date: 2026-01-05\n",
            "  date: 11/02/2026\n",
            "11/02/2026",
            (10, 9),
            id="plan-date-dd-mm-yyyy",
        ),
        pytest.param(
            "    due: 2026-03-31\n", "    due: 31/03/2026\n", "31/03/2026", (40, 10), id="due"
        ),
        pytest.param(
            "  date: 2026-01-05\n",
            "  date: 2026-01-05 10:30\n",
            "2026-01-05 10:30",
            (10, 9),
            id="datetime-with-time",
        ),
        pytest.param(
            "  - {date: 2026-02-02,", "  - {date: hôm qua,", "hôm qua", (51, 12), id="history-words"
        ),
        pytest.param("start: 2026-01-05\n", "start: tháng 1\n", "tháng 1", (11, 8), id="start"),
    ],
)
def test_bad_date_string(old: str, new: str, value: str, position: tuple[int, int]) -> None:
    diagnostic = _only(_ward(old, new))
    assert diagnostic.code == "invalid-date"
    assert (diagnostic.line, diagnostic.column) == position
    assert diagnostic.params["value"] == value
    assert repr(value) in diagnostic.message("en")
    assert "yyyy-mm-dd" in diagnostic.message("en")


@pytest.mark.parametrize(
    ("old", "new", "field", "position"),
    [
        pytest.param("ward: phuong-mau\n", "ward: Phuong Mau\n", "ward", (3, 7), id="ward-spaces"),
        pytest.param(
            "province: tinh-mau\n",
            "province: tỉnh-mẫu\n",
            "province",
            (2, 11),
            id="province-diacritics",
        ),
        pytest.param(
            "province: tinh-mau\n",
            "province: tinh--mau\n",
            "province",
            (2, 11),
            id="province-double-hyphen",
        ),
        pytest.param(
            "criteria: bo-mau@1\n",
            "criteria: bo-mau\n",
            "criteria",
            (7, 11),
            id="set-ref-without-version",
        ),
        pytest.param("name: Phường Mẫu\n", 'name: ""\n', "name", (4, 7), id="empty-name"),
    ],
)
def test_invalid_value(old: str, new: str, field: str, position: tuple[int, int]) -> None:
    diagnostic = _only(_ward(old, new))
    assert diagnostic.code == "invalid-value"
    assert (diagnostic.line, diagnostic.column) == position
    assert diagnostic.params["field"] == field


def test_invalid_criterion_id_points_at_the_key() -> None:
    diagnostic = _only(_ward("status:\n", 'status:\n  "C 05": {status: met}\n'))
    assert diagnostic.code == "invalid-value"
    assert (diagnostic.line, diagnostic.column) == (25, 3)
    assert diagnostic.params["value"] == "C 05"


def test_met_larger_than_total_is_reported_at_the_entry() -> None:
    diagnostic = _only(_ward("    met: 2\n", "    met: 5\n"))
    assert diagnostic.code == "invalid-value"
    assert (diagnostic.line, diagnostic.column) == (17, 5)
    assert diagnostic.message("vi") == (
        "'reported.0': giá trị {…} không hợp lệ: số tiêu chí đạt (5) lớn hơn tổng số (4)"
    )
    assert diagnostic.message("en") == (
        "'reported.0': invalid value {…}: criteria met (5) exceed the total (4)"
    )


# --- discriminated unions ------------------------------------------------------------------

PROVENANCE = "provenance:\n  kind: illustrative\n  note: Dữ liệu kiểm thử.\n"


def test_press_provenance_missing_title() -> None:
    diagnostic = _only(_ward(PROVENANCE, "provenance:\n  kind: press\n  date: 2026-02-11\n"))
    assert diagnostic.code == "missing-key"
    assert diagnostic.params == {"key": "title"}
    # At the key of the mapping that lacks 'title' (like every missing-key),
    # not at some unrelated key: the press tag in pydantic's path is skipped.
    assert (diagnostic.line, diagnostic.column) == (13, 1)


def test_press_provenance_bad_date_is_inside_the_mapping() -> None:
    text = _ward(PROVENANCE, "provenance:\n  kind: press\n  title: X\n  date: 11/02/2026\n")
    diagnostic = _only(text)
    assert diagnostic.code == "invalid-date"
    assert (diagnostic.line, diagnostic.column) == (16, 9)


def test_press_provenance_misspelt_key_suggests_a_press_field() -> None:
    text = _ward(PROVENANCE, "provenance:\n  kind: press\n  titel: X\n  date: 2026-02-11\n")
    found = _diagnostics(text)
    unknown = [d for d in found if d.code == "unknown-key"]
    assert len(unknown) == 1
    assert (unknown[0].line, unknown[0].column) == (15, 3)
    assert unknown[0].suggestion == "title"
    assert {d.code for d in found} == {"unknown-key", "missing-key"}


def test_official_provenance_key_from_another_member_is_unknown() -> None:
    # 'outlet' belongs to PressSource, not OfficialSource.
    text = _ward(
        PROVENANCE,
        "provenance:\n  kind: official\n  document: 1/TT\n  date: 2026-01-01\n  outlet: Báo\n",
    )
    diagnostic = _only(text)
    assert diagnostic.code == "unknown-key"
    assert (diagnostic.line, diagnostic.column) == (17, 3)


def test_unknown_provenance_kind() -> None:
    diagnostic = _only(_ward(PROVENANCE, "provenance:\n  kind: pres\n  note: x\n"))
    assert diagnostic.code == "invalid-value"
    assert diagnostic.params["field"] == "provenance"
    assert (diagnostic.line, diagnostic.column) == (14, 3)  # the provenance mapping


def test_reported_source_union_error_is_inside_the_list_item() -> None:
    diagnostic = _only(_ward("      kind: press\n", "      kind: official\n"))
    # official needs 'document'; 'title' is allowed, date is there.
    assert diagnostic.code == "missing-key"
    assert diagnostic.params == {"key": "document"}
    assert (diagnostic.line, diagnostic.column) == (20, 5)


# --- several errors at once ------------------------------------------------------------------


def test_several_errors_are_all_reported_at_their_positions() -> None:
    text = _ward("ward: phuong-mau\n", "ward: Phuong Mau\n")
    text = replaced(text, "    due: 2026-03-31\n", "    due: 31/03/2026\n")
    text = replaced(text, "    owner: Tổ tiếp dân\n", "    ownr: Tổ tiếp dân\n")
    found = _diagnostics(text)
    got = sorted((d.line, d.column, d.code) for d in found)
    assert got == [(3, 7, "invalid-value"), (39, 5, "unknown-key"), (40, 10, "invalid-date")]


# --- silent data loss ----------------------------------------------------------------------


def test_keys_that_collide_after_coercion_are_not_silently_merged() -> None:
    text = _ward("status:\n", 'status:\n  1: {status: met}\n  "1": {status: not_met}\n')
    with pytest.raises(LoadFailed) as refused:
        load_bytes(text.encode("utf-8"), "w.yaml")
    assert refused.value.diagnostic.code == "duplicate-key"


def test_integer_is_not_a_date() -> None:
    diagnostic = _only(_ward("  date: 2026-01-05\n", "  date: 86400\n"))
    assert diagnostic.code == "invalid-date"
    assert (diagnostic.line, diagnostic.column) == (10, 9)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("đạt", "met"),
        ("Chưa đạt", "not_met"),
        ("đang thực hiện", "in_progress"),
        ("không áp dụng", "not_applicable"),
        ("chưa đánh giá", "unknown"),
    ],
)
def test_vietnamese_status_words_are_read_as_the_status(word: str, status: str) -> None:
    """As `set` accepts them; NFD too (files written on macOS)."""
    import unicodedata

    for form in ("NFC", "NFD"):
        spelled = unicodedata.normalize(form, word)
        text = _ward("    status: in_progress\n", f'    status: "{spelled}"\n')
        model, diagnostics = validate(load_bytes(text.encode("utf-8"), "w.yaml"), Ward)
        assert diagnostics == [] and model is not None
        assert status in {entry.status.value for entry in model.status.values()}
