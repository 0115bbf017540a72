"""The safe YAML loader: what it refuses (with the exact position) and what it
accepts with results identical to a plain UTF-8/LF/NFC file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from kieumau_cli.check.diagnostics import CODES, Diagnostic
from kieumau_cli.load import yaml as _yaml
from kieumau_cli.load.models import Ward
from kieumau_cli.load.validate import validate
from kieumau_cli.load.yaml import Document, LoadFailed, PositionIndex, load_bytes
from tests.support.data import ENCODING_VARIANTS as VARIANTS
from tests.support.data import EXAMPLE_WARD, VALID_ROOT, alias_bomb, replaced

WARD_FILE = VALID_ROOT / EXAMPLE_WARD
WARD_TEXT = WARD_FILE.read_text(encoding="utf-8")
WARD_BYTES = WARD_FILE.read_bytes()


def _ward_with(old: str, new: str) -> str:
    """The valid ward text with one exact, unique fragment replaced."""
    return replaced(WARD_TEXT, old, new)


def _refused(raw: bytes | str, path: str = "x.yaml") -> Diagnostic:
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    with pytest.raises(LoadFailed) as info:
        load_bytes(raw, path)
    diagnostic = info.value.diagnostic
    # Every diagnostic the loader produces must be renderable in both languages.
    assert diagnostic.code in CODES
    assert diagnostic.message("vi")
    assert diagnostic.message("en")
    assert diagnostic.path == path
    return diagnostic


# --- refused, with code and exact position -------------------------------------------------

REFUSED = [
    # (id, raw, code, line, column, expected params subset)
    pytest.param(
        'a: !!python/object/apply:os.system ["echo pwned"]\n',
        "unsafe-tag",
        1,
        4,
        {"tag": "tag:yaml.org,2002:python/object/apply:os.system"},
        id="python-object-apply",
    ),
    pytest.param(
        "a: !!python/name:os.system\n",
        "unsafe-tag",
        1,
        4,
        {"tag": "tag:yaml.org,2002:python/name:os.system"},
        id="python-name",
    ),
    pytest.param(
        "a: !!python/object/new:builtins.dict {}\n",
        "unsafe-tag",
        1,
        4,
        {"tag": "tag:yaml.org,2002:python/object/new:builtins.dict"},
        id="python-object-new",
    ),
    pytest.param(
        "a: !!python/module:os\n",
        "unsafe-tag",
        1,
        4,
        {"tag": "tag:yaml.org,2002:python/module:os"},
        id="python-module",
    ),
    pytest.param("a: 1\nb: !foo bar\n", "unsafe-tag", 2, 4, {"tag": "!foo"}, id="custom-tag"),
    pytest.param(
        _ward_with("  note: Dữ liệu kiểm thử.\n", "  note: !foo Dữ liệu kiểm thử.\n"),
        "unsafe-tag",
        15,
        9,
        {"tag": "!foo"},
        id="custom-tag-in-ward",
    ),
    pytest.param(
        _ward_with("    owner: Tổ tiếp dân\n", "    owner: !!python/name:os.system\n"),
        "unsafe-tag",
        39,
        12,
        {"tag": "tag:yaml.org,2002:python/name:os.system"},
        id="python-name-nested-in-ward",
    ),
    pytest.param("a: &x 1\nb: *x\n", "yaml-alias", 2, 4, {"name": "x"}, id="single-alias"),
    pytest.param(alias_bomb(), "yaml-alias", 2, 8, {"name": "a"}, id="billion-laughs"),
    pytest.param(
        _ward_with("    owner: Tổ tiếp dân\n", "    owner: &o Tổ tiếp dân\n").replace(
            "    owner: Trưởng Công an phường\n    due:", "    owner: *o\n    due:"
        ),
        "yaml-alias",
        47,
        12,
        {"name": "o"},
        id="alias-in-ward",
    ),
    pytest.param(
        "a: 1\nb: 2\na: 3\n",
        "duplicate-key",
        3,
        1,
        {"key": "a", "first_line": 1},
        id="duplicate-top",
    ),
    pytest.param(
        "a:\n  b:\n    c:\n      d: 1\n      e: 2\n      d: 3\n",
        "duplicate-key",
        6,
        7,
        {"key": "d", "first_line": 4},
        id="duplicate-nested",
    ),
    pytest.param(
        "a: {b: 1, b: 2}\n",
        "duplicate-key",
        1,
        11,
        {"key": "b", "first_line": 1},
        id="duplicate-flow",
    ),
    pytest.param(
        WARD_TEXT + "province: tinh-khac\n",
        "duplicate-key",
        53,
        1,
        {"key": "province", "first_line": 2},
        id="duplicate-top-in-ward",
    ),
    pytest.param(
        _ward_with("    due: 2026-03-31\n", "    due: 2026-03-31\n    due: 2026-04-30\n"),
        "duplicate-key",
        41,
        5,
        {"key": "due", "first_line": 40},
        id="duplicate-3-deep-in-ward",
    ),
    pytest.param(
        _ward_with("  C04:\n", "  C03:\n"),
        "duplicate-key",
        45,
        3,
        {"key": "C03", "first_line": 37},
        id="duplicate-criterion-in-ward",
    ),
    pytest.param(
        _ward_with(
            "    status: in_progress\n",
            "<<<<<<< HEAD\n    status: in_progress\n=======\n    status: met\n>>>>>>> branch\n",
        ),
        "conflict-marker",
        38,
        1,
        {"marker": "<<<<<<<"},
        id="conflict-markers",
    ),
    pytest.param(
        _ward_with(
            "    status: in_progress\n", "    status: in_progress\n=======\n>>>>>>> branch\n"
        ),
        "conflict-marker",
        39,
        1,
        {"marker": "======="},
        id="conflict-half-resolved",
    ),
    pytest.param(
        _ward_with("  kind: illustrative\n", "\tkind: illustrative\n"),
        "tab-indent",
        14,
        1,
        {},
        id="tab-indent",
    ),
    pytest.param(
        _ward_with("    status: in_progress\n", "  \tstatus: in_progress\n"),
        "tab-indent",
        38,
        3,
        {},
        id="tab-after-spaces",
    ),
    pytest.param(
        WARD_BYTES.replace("name: Phường Mẫu".encode(), b"name: Ph\xfd" + "ờng Mẫu".encode()),
        "encoding",
        4,
        9,
        {"byte": "0xfd"},
        id="latin1-byte",
    ),
    pytest.param(
        # Column counts characters, not bytes: 'province_name: Tỉnh M' is 21 characters.
        WARD_BYTES.replace(
            "province_name: Tỉnh Mẫu".encode(), "province_name: Tỉnh M".encode() + b"\xe2u"
        ),
        "encoding",
        5,
        22,
        {"byte": "0xe2"},
        id="broken-utf8-sequence",
    ),
    pytest.param("a: 1\n".encode("utf-16"), "encoding", 1, 1, {"byte": "0xff"}, id="utf16"),
    pytest.param(b"", "empty-document", 1, 1, {}, id="empty"),
    pytest.param(b"  \n\n   \n", "empty-document", 1, 1, {}, id="whitespace-only"),
    pytest.param(
        b"# only a comment\n\n  # another\n", "empty-document", 1, 1, {}, id="comment-only"
    ),
    pytest.param(b"---\n", "empty-document", 1, 1, {}, id="document-marker-only"),
    pytest.param(b"\xef\xbb\xbf", "empty-document", 1, 1, {}, id="bom-only"),
    pytest.param(b"- a\n- b\n", "not-a-mapping", 1, 1, {"found": "list"}, id="list"),
    pytest.param(b"hello\n", "not-a-mapping", 1, 1, {"found": "str"}, id="scalar-str"),
    pytest.param(b"42\n", "not-a-mapping", 1, 1, {"found": "int"}, id="scalar-int"),
    pytest.param(
        b"a: 1\n---\nb: 2\n",
        "yaml-syntax",
        2,
        1,
        {"problem": "but found another document"},
        id="two-documents",
    ),
    pytest.param(
        WARD_TEXT + "---\n" + WARD_TEXT,
        "yaml-syntax",
        53,
        1,
        {"problem": "but found another document"},
        id="two-ward-documents",
    ),
    pytest.param(
        b"a: 1\nb: [1, 2\n",
        "yaml-syntax",
        3,
        1,
        {"problem": "did not find expected ',' or ']'"},
        id="unclosed-bracket",
    ),
    pytest.param(
        _ward_with("criteria: bo-mau@1\n", "criteria: [bo-mau@1\n"),
        "yaml-syntax",
        8,
        5,
        {"problem": "did not find expected ',' or ']'"},
        id="unclosed-bracket-in-ward",
    ),
    pytest.param(b'a: "abc\n', "yaml-syntax", 2, 1, {}, id="unclosed-quote"),
    pytest.param(
        b"a: b\x07c\n", "control-character", 1, 5, {"codepoint": "U+0007"}, id="control-character"
    ),
]


@pytest.mark.parametrize(("raw", "code", "line", "column", "params"), REFUSED)
def test_refused_with_exact_position(
    raw: bytes | str, code: str, line: int, column: int, params: dict[str, object]
) -> None:
    diagnostic = _refused(raw)
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == (code, line, column)
    for key, value in params.items():
        assert diagnostic.params[key] == value


@pytest.mark.parametrize(
    ("old", "new", "where", "why"),
    [
        ("    due: 2026-03-31\n", "    due: 2026-02-30\n", (40, 10), "(tháng 2 có 28 ngày)"),
        ("  date: 2026-01-05\n", "  date: 2026-13-01\n", (10, 9), "tháng 13"),
    ],
)
def test_an_impossible_date_is_reported_with_every_other_finding(
    old: str, new: str, where: tuple[int, int], why: str
) -> None:
    """Loading keeps an impossible date as its text, so validation reports it at its
    place and still reports the rest of the file (here an unknown key too)."""
    from kieumau_cli.load.models import Ward
    from kieumau_cli.load.validate import validate

    text = _ward_with(old, new).replace("    owner:", "    ownr:", 1)
    document = load_bytes(text.encode("utf-8"), "x.yaml")
    found = validate(document, Ward)[1]
    dates = [d for d in found if d.code == "invalid-date"]
    value = new.split(": ")[1].strip()
    assert [(d.line, d.column, d.params["value"]) for d in dates] == [(*where, value)]
    assert why in dates[0].message("vi")
    assert any(d.code == "unknown-key" and d.params["key"] == "ownr" for d in found)


@pytest.mark.parametrize(
    "template",
    [
        'a: !!python/object/apply:os.system ["echo pwned > {marker}"]\n',
        'a: !!python/object/apply:builtins.open ["{marker}", "w"]\n',
        'a: !!python/object/new:builtins.open ["{marker}", "w"]\n',
        "a: !!python/object/apply:pathlib.Path.touch\n"
        '  [!!python/object/apply:pathlib.Path ["{marker}"]]\n',
        "a:\n  b:\n    - !!python/object/apply:builtins.open ['{marker}', 'w']\n",
    ],
)
def test_python_tags_are_never_executed(tmp_path: Path, template: str) -> None:
    marker = tmp_path / "pwned"
    raw = template.replace("{marker}", marker.as_posix()).encode("utf-8")
    diagnostic = _refused(raw)
    assert diagnostic.code == "unsafe-tag"
    assert "python/" in diagnostic.params["tag"]
    assert not marker.exists(), "the tag's constructor ran"


def test_alias_bomb_is_refused_before_expansion() -> None:
    # A billion-laughs document: expanding it would need 9**10 strings. It must be
    # refused at the first alias (line 2), so this test finishes at all.
    text = alias_bomb(9)
    assert text.count("*") == 81
    diagnostic = _refused(text)
    assert diagnostic.code == "yaml-alias"
    assert (diagnostic.line, diagnostic.column) == (2, 8)


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        pytest.param(b"a: " + b"[" * 10000 + b"]" * 10000 + b"\n", (1, 1003), id="flow-sequences"),
        pytest.param(
            b"a: " + b"{a: " * 10000 + b"1" + b"}" * 10000 + b"\n", (1, 4000), id="flow-mappings"
        ),
        pytest.param(
            b"".join(b"  " * i + b"k:\n" for i in range(1100)) + b"  " * 1100 + b"k: 1\n",
            (1000, 2000),
            id="block-mappings",
        ),
    ],
)
def test_deep_nesting_is_a_diagnostic_not_a_crash(raw: bytes, where: tuple[int, int]) -> None:
    diagnostic = _refused(raw)
    found = (diagnostic.code, diagnostic.line, diagnostic.column)
    if yaml.__with_libyaml__:
        # libyaml (the loader's CSafeLoader) stops at its nesting limit, 1000 levels, and
        # says where.
        assert found == ("yaml-syntax", *where)
        assert diagnostic.params == {"problem": "exceeded maximum nesting depth"}
    else:
        # The pure-Python parser recurses until Python's recursion limit.
        assert found == ("too-deep", 1, 1)


def test_file_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "MAX_FILE_BYTES", 100)
    diagnostic = _refused(WARD_BYTES)
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("file-too-large", 1, 1)
    assert diagnostic.params == {"size": len(WARD_BYTES), "limit": 100}
    assert str(len(WARD_BYTES)) in diagnostic.message("en")


def test_file_exactly_at_the_size_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "MAX_FILE_BYTES", len(WARD_BYTES))
    assert load_bytes(WARD_BYTES, "x.yaml").data["ward"] == "phuong-mau"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(
            b'note: "An ninh & tr\xe1\xba\xadt t\xe1\xbb\xb1 *quan tr\xe1\xbb\x8dng*"\nb: [1, 2\n',
            id="syntax-error",
        ),
        pytest.param(b"# a & b, *c*\na: " + b"[" * 10000 + b"]" * 10000 + b"\n", id="deep-nesting"),
    ],
)
def test_syntax_error_in_text_with_ampersand_and_star(raw: bytes) -> None:
    # '&' and '*' in the text make the loader scan for aliases first; a syntax
    # error found by that scan must still be a positioned diagnostic.
    diagnostic = _refused(raw)
    assert diagnostic.code == "yaml-syntax"
    assert diagnostic.line == (3 if raw.startswith(b"note") else 2)


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        pytest.param(b"? [1, 2]\n: x\n", 1, 3, id="sequence-key"),
        pytest.param(b"a: 1\n{b: 1}: x\n", 2, 1, id="mapping-key"),
    ],
)
def test_unhashable_key(raw: bytes, line: int, column: int) -> None:
    diagnostic = _refused(raw)  # also renders the message in vi and en
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("wrong-type", line, column)


# --- accepted with identical results ------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_equivalent_encodings_load_identically(variant: str) -> None:
    raw = VARIANTS[variant](WARD_BYTES)
    assert raw != WARD_BYTES
    plain = load_bytes(WARD_BYTES, "w.yaml")
    other = load_bytes(raw, "w.yaml")
    assert other.data == plain.data
    assert other.was_nfd is ("nfd" in variant)
    assert plain.was_nfd is False
    # Every string is NFC after loading, like the plain file's.
    assert other.data["name"] == "Phường Mẫu"
    assert unicodedata.is_normalized("NFC", other.data["status"]["C03"]["owner"])

    plain_ward, plain_found = validate(plain, Ward)
    other_ward, other_found = validate(other, Ward)
    assert plain_found == [] and other_found == []
    assert plain_ward is not None
    assert other_ward == plain_ward


@pytest.mark.parametrize("variant", VARIANTS)
def test_equivalent_encodings_keep_positions(variant: str) -> None:
    plain = load_bytes(WARD_BYTES, "w.yaml")
    other = load_bytes(VARIANTS[variant](WARD_BYTES), "w.yaml")
    locs: list[tuple[str | int, ...]] = [
        ("status", "C03", "due"),
        ("history", 1, "criterion"),
        ("name",),
        ("provenance",),
    ]
    for loc in locs:
        assert other.position(loc) == plain.position(loc)
        assert other.position(loc, at_key=True) == plain.position(loc, at_key=True)


@pytest.mark.parametrize("variant", VARIANTS)
def test_equivalent_encodings_report_refusals_at_the_same_position(variant: str) -> None:
    hostile = _ward_with("    due: 2026-03-31\n", "    due: 2026-03-31\n    due: 2026-04-30\n")
    plain = _refused(hostile)
    other = _refused(VARIANTS[variant](hostile.encode("utf-8")))
    assert (other.code, other.line, other.column, other.params) == (
        plain.code,
        plain.line,
        plain.column,
        plain.params,
    )


def test_nfd_keys_that_collide_after_normalisation_are_duplicates() -> None:
    nfc = "Phường"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    diagnostic = _refused(f"{nfc}: 1\n{nfd}: 2\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("duplicate-key", 2, 1)
    assert diagnostic.params["first_line"] == 1


# --- positions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("loc", "value_pos", "key_pos"),
    [
        (("status", "C03", "due"), (40, 10), (40, 5)),
        (("status", "C03", "owner"), (39, 12), (39, 5)),
        (("status", "C01", "evidence", 0, "ref"), (31, 14), (31, 9)),
        (("history", 1, "criterion"), (51, 35), (51, 24)),
        (("history", 2), (52, 5), (52, 5)),
        (("reported", 0, "source", "title"), (22, 14), (22, 7)),
        (("plan", "date"), (10, 9), (10, 3)),
        (("provenance",), (14, 3), (13, 1)),
        (("status",), (25, 3), (24, 1)),
        (("ward",), (3, 7), (3, 1)),
        # A discriminated-union tag in pydantic's path is skipped.
        (("reported", 0, "source", "press", "date"), (23, 13), (23, 7)),
    ],
)
def test_position_index(
    loc: tuple[str | int, ...], value_pos: tuple[int, int], key_pos: tuple[int, int]
) -> None:
    index = PositionIndex(WARD_TEXT)
    assert index.find(loc) == value_pos
    assert index.find(loc, at_key=True) == key_pos
    document = load_bytes(WARD_BYTES, "w.yaml")
    assert document.position(loc) == value_pos
    assert document.position(loc, at_key=True) == key_pos


def test_position_text_matches_the_file() -> None:
    # Independent of the hard-coded numbers: the position points at the text.
    document = load_bytes(WARD_BYTES, "w.yaml")
    lines = WARD_TEXT.splitlines()
    line, column = document.position(("status", "C03", "due"))
    assert lines[line - 1][column - 1 :] == "2026-03-31"
    line, column = document.position(("status", "C03", "due"), at_key=True)
    assert lines[line - 1][column - 1 :].startswith("due:")


def test_document_diagnostic_uses_positions() -> None:
    document = load_bytes(WARD_BYTES, "w.yaml")
    assert isinstance(document, Document)
    diagnostic = document.diagnostic(
        "unknown-key", ("status", "C03", "due"), at_key=True, key="due", suggestion="due"
    )
    assert (diagnostic.path, diagnostic.line, diagnostic.column) == ("w.yaml", 40, 5)
    assert diagnostic.suggestion == "due"
    assert diagnostic.params == {"key": "due"}
