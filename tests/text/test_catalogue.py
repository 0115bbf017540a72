"""The one text catalogue (text/): both languages for every key, the same placeholders in
both, every key the code names exists, and English plurals."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kieumau_cli.text import Message, has, messages, placeholders, t
from tests.support.data import REPO

SOURCE = REPO / "src" / "kieumau_cli"
# A literal key in code: "area.name…" passed to t(), a KieumauError, a hint or a notice.
_KEY = re.compile(
    r"""["']((?:error|hint|help|diag|edit|data|doc|brief|report|summary|site|docx|col|"""
    r"""check|migrate|problem|git|change|request|trend|provenance|kind|pass_rule|count|notice|"""
    r"""status|due|calendar)\.[a-z0-9_.-]+)["']"""
)


# The one text whose fields differ by design: the Vietnamese date line of a state document
# spells the day, month and year out as Nghị định 30/2020 prescribes; English prints a date.
DIFFERENT_FIELDS = {"docx.date_line"}


@pytest.mark.parametrize("key", sorted(messages()))
def test_both_languages_say_something_with_the_same_placeholders(key: str) -> None:
    vi, en = messages()[key]
    assert vi.strip() and en.strip(), key
    if key not in DIFFERENT_FIELDS:
        assert placeholders(vi) == placeholders(en), key


def test_every_key_the_code_names_exists() -> None:
    missing = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "catalogue" in path.parts:
            continue
        for match in _KEY.finditer(path.read_text(encoding="utf-8")):
            key = match.group(1)
            if not key.endswith((".", "_", ".j2", ".json")) and not has(key):
                missing.append(f"{path.relative_to(REPO)}: {key}")
    assert missing == []


def test_every_key_a_template_names_exists() -> None:
    missing = []
    for path in sorted((SOURCE / "templates").rglob("*.j2")):
        for match in re.finditer(r"""\bt\(\s*["']([\w.-]+)["']""", path.read_text("utf-8")):
            key = match.group(1)
            if not key.endswith(".") and not has(key):  # "brief.s2." ~ kind: built
                missing.append(f"{path.name}: {key}")
    assert missing == []


def test_english_plurals() -> None:
    assert t("en", "check.summary", files=1, errors=1, warnings=1) == (
        "Checked 1 file: 1 error, 1 warning."
    )
    assert t("en", "check.summary", files=2, errors=0, warnings=3) == (
        "Checked 2 files: 0 errors, 3 warnings."
    )
    assert t("vi", "check.summary", files=1, errors=0, warnings=0) == (
        "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."
    )


def test_a_message_parameter_takes_the_language_of_its_text() -> None:
    detail = Message("diag.detail.at_least", {"limit": 1})
    assert t("vi", "diag.invalid-value", field="x", value=0, detail=detail) == (
        "'x': giá trị 0 không hợp lệ: phải từ 1 trở lên"
    )
    assert t("en", "diag.invalid-value", field="x", value=0, detail=detail) == (
        "'x': invalid value 0: must be at least 1"
    )


_ENGLISH = re.compile(r"\b(the|is|are|not|and|or|with|file|found|invalid|e\.g\.)\b")


@pytest.mark.parametrize("key", sorted(messages()))
def test_vietnamese_texts_carry_no_english_gloss(key: str) -> None:
    """No "vi (en)" leftovers: once code, placeholders and examples are taken out, a
    Vietnamese text has no English words."""
    vi = messages()[key][0]
    prose = re.sub(r"`[^`]*`|\{[^}]*\}|--[\w-]+|[\w./-]*[/@][\w./-]*|'[^']*'|\"[^\"]*\"", " ", vi)
    assert not _ENGLISH.search(prose), (key, vi)


def test_catalogue_modules_define_each_key_once() -> None:
    seen: dict[str, str] = {}
    for path in sorted((SOURCE / "text" / "catalogue").glob("*.py")):
        for key in re.findall(r'^    "([^"]+)": \(', path.read_text("utf-8"), flags=re.M):
            assert key not in seen, f"{key} in {path.name} and {seen[key]}"
            seen[key] = path.name
    assert set(seen) == set(messages())


def _string_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant that is not a docstring."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


# Modules whose Vietnamese literals are not user-facing texts: the JSON Schema's field
# descriptions (bilingual, for editors), the Nghị định 30/2020 defaults (names of bodies:
# data, the same whatever --lang says), the kind words that open official place names
# (data as well), the request words notes are matched against, and
# the letter đ that slugs map explicitly, the holiday names the holidays library's are
# matched against.
_DATA_DEFAULTS = {
    "load/fields.py",
    "load/lifecycle_models.py",
    "load/models.py",
    "load/signoff.py",
    "load/programme.py",
    "load/schema.py",
    "render/official.py",
    "results/timeline.py",
    "text/format.py",
    "text/places.py",
}


def test_the_catalogue_is_the_only_store() -> None:
    vietnamese = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
    offenders = []
    for path in sorted(SOURCE.rglob("*.py")):
        rel = path.relative_to(SOURCE).as_posix()
        if "catalogue" in path.parts or rel in _DATA_DEFAULTS:
            continue
        for line, text in _string_literals(path):
            if vietnamese.search(text):
                offenders.append(f"{rel}:{line}: {text[:60]}")
    assert offenders == []
