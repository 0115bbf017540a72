"""`--lang en` output carries no Vietnamese fragment (and Vietnamese output no English
"vi (en)" glosses, see tests/text/test_catalogue.py): run every text-producing command on
data whose own texts are ASCII, so any Vietnamese letter in the output came from kieumau."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kieumau_cli.load.vocabulary import status_words
from tests.support.cli import Invoke
from tests.support.data import copy_findings

VIETNAMESE = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I
)


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.fixture
def ascii_root(tmp_path: Path) -> Path:
    """The example data with two wards (one with findings), every text without accents."""
    root = copy_findings(tmp_path / "root")
    for path in root.rglob("*.yaml"):
        path.write_text(_ascii(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


# (arguments, exit code): findings (1) and usage errors (2) are outputs too.
COMMANDS: list[tuple[list[str], int]] = [
    (["status", "phuong-mau"], 0),
    (["status", "phuong-mau", "-f", "json"], 0),
    (["status", "phuong-mau", "-f", "md"], 0),
    (["status", "phuong-mau", "--as-of", "2026-01-10"], 0),
    (["list"], 1),
    (["list", "-f", "json"], 1),
    (["list", "-f", "csv"], 1),
    (["check"], 1),
    (["check", "-f", "json"], 1),
    (["check", "-f", "github"], 1),
    (["check", "-f", "sarif"], 1),
    (["criteria"], 0),
    (["criteria", "bo-mau@1"], 0),
    (["report", "phuong-mau"], 0),
    (["report", "phuong-mau", "-f", "html"], 0),
    (["brief", "phuong-mau", "--week", "2026-W03"], 0),
    (["brief", "phuong-mau", "--week", "2026-W03", "-f", "html"], 0),
    (["summary"], 1),
    (["summary", "-f", "md"], 1),
    (["summary", "-f", "html"], 1),
    (["report", "phuong-hai"], 1),  # the ward's findings, then the refusal
    (["status", "phuong-mao"], 2),  # not found: did you mean
    (["status", "../x"], 2),  # looks like a path
    (["brief", "phuong-mau", "--week", "2026-W99"], 2),
    (["list", "--province", "nowhere"], 2),
    (["set", "phuong-mau", "C01", "mett"], 1),  # refused: not a status
    (["set", "phuong-mau", "C04", "in_progress", "--note", "done"], 0),
]


@pytest.mark.parametrize(("args", "code"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_english_output_has_no_vietnamese(
    invoke: Invoke, ascii_root: Path, args: list[str], code: int
) -> None:
    result = invoke("--root", str(ascii_root), *args, "--lang", "en")
    assert result.exit_code == code, result.stderr
    # The Vietnamese status words a ward file may hold ("đạt", …) are the file format's own
    # vocabulary, listed beside `met` when a status is wrong: data, not text to translate.
    shown = result.stdout + result.stderr
    for word in sorted(status_words(), key=len, reverse=True):
        shown = shown.replace(word, "")
    leaks = sorted(set(VIETNAMESE.findall(shown)))
    assert leaks == [], (result.stdout + result.stderr)[:2000]


def test_vietnamese_is_the_default_and_says_the_same(invoke: Invoke, ascii_root: Path) -> None:
    vi = invoke("--root", str(ascii_root), "status", "phuong-mau")
    en = invoke("--root", str(ascii_root), "status", "phuong-mau", "--lang", "en")
    assert "tiêu chí đạt" in vi.stdout and "criteria met" in en.stdout
