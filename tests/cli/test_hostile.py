"""End to end: a hostile ward file gives one precise diagnostic line (or JSON
object), exit code 1, no traceback, and the file is left untouched; a BOM,
CRLF or NFD copy of a valid file behaves exactly like the plain file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from kieumau_cli.load import yaml as _yaml
from tests.support.cli import Run, invoke
from tests.support.data import (
    ENCODING_VARIANTS,
    EXAMPLE_WARD,
    VALID_ROOT,
    alias_bomb,
    copy_example,
    replaced,
)

WARD_REL = EXAMPLE_WARD.as_posix()
WARD_BYTES = (VALID_ROOT / WARD_REL).read_bytes()
WARD_TEXT = WARD_BYTES.decode("utf-8")
ANY_DIAGNOSTIC = re.compile(r"^\S+:\d+:\d+: (?:error|warning)\[[a-z-]+\]: ", re.MULTILINE)


def _ward(old: str, new: str) -> bytes:
    return replaced(WARD_TEXT, old, new).encode("utf-8")


# libyaml (the loader's CSafeLoader) stops at its nesting limit and says where; the
# pure-Python parser recurses until Python's recursion limit.
DEEP_NESTING = ("yaml-syntax", 1, 1003) if yaml.__with_libyaml__ else ("too-deep", 1, 1)

HOSTILE = [
    # (raw bytes, code, line, column)
    pytest.param(
        b'a: !!python/object/apply:os.system ["echo pwned"]\n',
        "unsafe-tag",
        1,
        4,
        id="python-object",
    ),
    pytest.param(
        _ward("  note: Dữ liệu kiểm thử.\n", "  note: !foo Dữ liệu kiểm thử.\n"),
        "unsafe-tag",
        15,
        9,
        id="custom-tag",
    ),
    pytest.param(b"a: &x 1\nb: *x\n", "yaml-alias", 2, 4, id="alias"),
    pytest.param(alias_bomb().encode("utf-8"), "yaml-alias", 2, 8, id="alias-bomb"),
    pytest.param(WARD_BYTES + b"province: tinh-khac\n", "duplicate-key", 53, 1, id="duplicate-top"),
    pytest.param(
        _ward("    due: 2026-03-31\n", "    due: 2026-03-31\n    due: 2026-04-30\n"),
        "duplicate-key",
        41,
        5,
        id="duplicate-nested",
    ),
    pytest.param(
        _ward(
            "    status: in_progress\n",
            "<<<<<<< HEAD\n    status: in_progress\n=======\n    status: met\n>>>>>>> branch\n",
        ),
        "conflict-marker",
        38,
        1,
        id="conflict-markers",
    ),
    pytest.param(
        _ward("  kind: illustrative\n", "\tkind: illustrative\n"),
        "tab-indent",
        14,
        1,
        id="tab-indent",
    ),
    pytest.param(
        WARD_BYTES.replace("name: Phường Mẫu".encode(), b"name: Ph\xfd" + "ờng Mẫu".encode()),
        "encoding",
        4,
        9,
        id="latin1",
    ),
    pytest.param(b"", "empty-document", 1, 1, id="empty"),
    pytest.param(b"# nothing here\n\n   \n", "empty-document", 1, 1, id="comment-only"),
    pytest.param(b"- province: tinh-mau\n", "not-a-mapping", 1, 1, id="list"),
    pytest.param(b"phuong-mau\n", "not-a-mapping", 1, 1, id="scalar"),
    pytest.param(WARD_BYTES + b"---\n" + WARD_BYTES, "yaml-syntax", 53, 1, id="two-documents"),
    pytest.param(
        _ward("    due: 2026-03-31\n", "    due: 2026-02-30\n"),
        "invalid-date",
        40,
        10,
        id="impossible-date",
    ),
    pytest.param(
        _ward("criteria: bo-mau@1\n", "criteria: [bo-mau@1\n"),
        "yaml-syntax",
        8,
        5,
        id="unclosed-bracket",
    ),
    pytest.param(b"a: " + b"[" * 10000 + b"]" * 10000 + b"\n", *DEEP_NESTING, id="deep-nesting"),
    pytest.param(_ward("\nstatus:\n", "\nstatuss:\n"), "unknown-key", 24, 1, id="unknown-key"),
    pytest.param(
        _ward("    status: in_progress\n", "    status: met_\n"),
        "not-allowed",
        38,
        13,
        id="bad-status",
    ),
    pytest.param(
        _ward("  date: 2026-01-05\n", "  date: 11/02/2026\n"), "invalid-date", 10, 9, id="bad-date"
    ),
    pytest.param(
        _ward("    met: 2\n", '    met: "eleven"\n'), "wrong-type", 18, 10, id="wrong-type"
    ),
    pytest.param(
        _ward(
            '    note: "Kiến nghị: bổ sung máy tính | cần gấp"\n',
            '    note: "An ninh & trật tự *quan trọng*"\n    readings: [1, 2\n',
        ),
        "yaml-syntax",
        43,
        13,
        id="syntax-error-with-ampersand-and-star",
    ),
    pytest.param(
        b"? [1, 2]\n: x\n",
        "wrong-type",
        1,
        3,
        id="unhashable-key",
    ),
]


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_example(tmp_path / "root")
    monkeypatch.chdir(root)  # paths are shown relative to the working directory
    return root


def _invoke(root: Path, *args: str) -> Run:
    # An exception other than SystemExit is not caught: it fails the test with its traceback.
    result = invoke("--root", str(root), *args)
    assert "Traceback" not in result.output
    return result


def _line_pattern(code: str, line: int, column: int) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(WARD_REL)}:{line}:{column}: error\[{re.escape(code)}\]: \S.*$",
        re.MULTILINE,
    )


def _check_hostile(root: Path, raw: bytes, code: str, line: int, column: int) -> str:
    """Run check and status on the hostile file; returns the diagnostic line."""
    ward = root / WARD_REL
    ward.write_bytes(raw)

    checked = _invoke(root, "check")
    assert checked.exit_code == 1, checked.output
    diagnostic_lines = ANY_DIAGNOSTIC.findall(checked.output)
    assert len(diagnostic_lines) == 1, checked.output
    matches = _line_pattern(code, line, column).findall(checked.stdout)
    assert len(matches) == 1, checked.output
    printed: str = matches[0]

    as_json = _invoke(root, "check", "--format", "json")
    assert as_json.exit_code == 1, as_json.output
    data = json.loads(as_json.stdout)
    assert isinstance(data, list) and len(data) == 1
    (entry,) = data
    assert set(entry) == {"path", "line", "column", "severity", "code", "message"}
    assert entry["path"] == WARD_REL
    assert entry["severity"] == "error"
    assert (entry["code"], entry["line"], entry["column"]) == (code, line, column)
    assert isinstance(entry["line"], int) and isinstance(entry["column"], int)
    # The JSON object and the text line say the same thing.
    assert printed == (
        f"{entry['path']}:{entry['line']}:{entry['column']}: "
        f"{entry['severity']}[{entry['code']}]: {entry['message']}"
    )

    status = _invoke(root, "status", "phuong-mau")
    assert status.exit_code == 1, status.output
    assert status.stdout == ""
    assert printed in status.stderr.splitlines()
    assert len(ANY_DIAGNOSTIC.findall(status.stderr)) == 1
    assert status.stderr.splitlines()[-1].startswith("kieumau: ")

    status_json = _invoke(root, "status", "phuong-mau", "--format", "json")
    assert status_json.exit_code == 1
    assert status_json.stdout == ""
    assert printed in status_json.stderr.splitlines()

    assert ward.read_bytes() == raw, "a command changed the hostile file"
    return printed


@pytest.mark.parametrize(("raw", "code", "line", "column"), HOSTILE)
def test_hostile_ward_file(root: Path, raw: bytes, code: str, line: int, column: int) -> None:
    _check_hostile(root, raw, code, line, column)


def test_hostile_file_message_in_english(root: Path) -> None:
    (root / WARD_REL).write_bytes(b"a: &x 1\nb: *x\n")
    result = _invoke(root, "check", "--lang", "en")
    assert result.exit_code == 1
    assert (
        f"{WARD_REL}:2:4: error[yaml-alias]: YAML aliases are not allowed ('*x')" in result.stdout
    )


def test_python_tag_is_not_executed_by_the_cli(root: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    raw = f'a: !!python/object/apply:os.system ["echo pwned > {marker.as_posix()}"]\n'
    _check_hostile(root, raw.encode("utf-8"), "unsafe-tag", 1, 4)
    assert not marker.exists()


def test_file_too_large(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_size = len((root / "criteria/bo-mau/1.yaml").read_bytes())
    # A valid ward file padded with comments: bigger than the limit, which the
    # criteria set stays within.
    raw = WARD_BYTES + b"# padding\n" * (set_size // 10 + 10)
    assert len(raw) > set_size
    monkeypatch.setattr(_yaml, "MAX_FILE_BYTES", set_size)
    printed = _check_hostile(root, raw, "file-too-large", 1, 1)
    assert str(len(raw)) in printed
    assert str(set_size) in printed


# --- equivalent encodings behave like the plain file --------------------------------------


@pytest.mark.parametrize("variant", ENCODING_VARIANTS)
def test_equivalent_encoding_behaves_like_the_plain_file(root: Path, variant: str) -> None:
    ward = root / WARD_REL
    assert ward.read_bytes() == WARD_BYTES
    plain_json = _invoke(root, "status", "phuong-mau", "--format", "json")
    plain_text = _invoke(root, "status", "phuong-mau")
    assert plain_json.exit_code == 0 and plain_text.exit_code == 0
    assert json.loads(plain_json.stdout)["ward"] == "tinh-mau/phuong-mau"

    raw = ENCODING_VARIANTS[variant](WARD_BYTES)
    assert raw != WARD_BYTES
    ward.write_bytes(raw)

    checked = _invoke(root, "check")
    assert checked.exit_code == 0, checked.output
    assert not ANY_DIAGNOSTIC.findall(checked.output)
    checked_json = _invoke(root, "check", "--format", "json")
    assert checked_json.exit_code == 0
    assert json.loads(checked_json.stdout) == []

    other_json = _invoke(root, "status", "phuong-mau", "--format", "json")
    assert other_json.exit_code == 0, other_json.output
    assert other_json.stdout == plain_json.stdout
    other_text = _invoke(root, "status", "phuong-mau")
    assert other_text.exit_code == 0
    assert other_text.stdout == plain_text.stdout

    assert ward.read_bytes() == raw, "a read-only command rewrote the file"


# --- text that is not from a data file: names, arguments, environment --------------------

ESCAPES = "\x1b]52;c;aGk=\x07\x1b[8m"
SHOWN = "\\x1b]52;c;aGk=\\x07\\x1b[8m"


def _no_raw_escape(result: Run) -> None:
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in result.stdout and char not in result.stderr, repr(char)


@pytest.fixture
def named(root: Path) -> Path:
    """Beside the valid ward: a stray file and a province folder whose names hold
    terminal escapes and a bidi override."""
    (root / "wards" / "tinh-mau" / f"x{ESCAPES}.yaml").write_bytes(WARD_BYTES)
    folder = root / "wards" / "t\u202eam"
    folder.mkdir()
    (folder / "p.yaml").write_bytes(WARD_BYTES)
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "-f", "json"],
        ["check", "-f", "github"],
        ["check", "-f", "sarif"],
        ["list"],
        ["list", "-f", "csv"],
        ["list", "-f", "json"],
        ["summary"],
        ["summary", "-f", "md"],
        ["status", "phuong-mau"],
    ],
    ids=" ".join,
)
def test_hostile_file_names_are_shown_not_sent_to_the_terminal(
    named: Path, args: list[str]
) -> None:
    result = _invoke(named, *args)
    assert result.exit_code in (0, 1)
    _no_raw_escape(result)
    if args[0] == "check" and len(args) == 1:
        assert SHOWN in result.stdout and "t\\u202eam" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["status", f"phuong-{ESCAPES}"],
        ["list", "--province", ESCAPES],
        ["status", "phuong-mau", "--format", ESCAPES],
        ["summary", "--province", ESCAPES, "--lang", ESCAPES],
        ["brief", "phuong-mau", "--week", ESCAPES],
        ["criteria", ESCAPES],
        ["status", "phuong-mau", "--as-of", ESCAPES],
    ],
    ids=lambda args: args[0],
)
def test_a_hostile_argument_is_quoted_visibly(root: Path, args: list[str]) -> None:
    result = _invoke(root, *args)
    assert result.exit_code in (1, 2)
    _no_raw_escape(result)
    assert SHOWN in result.stderr


def test_a_hostile_environment_value_is_quoted_visibly(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", ESCAPES)
    result = _invoke(root, "status", "phuong-mau")
    assert result.exit_code == 0
    _no_raw_escape(result)
    assert f"COLUMNS={SHOWN}" in result.stderr


def test_set_names_the_control_character_it_would_have_written(root: Path) -> None:
    result = _invoke(root, "set", "phuong-mau", ESCAPES, "met")
    assert result.exit_code == 1
    _no_raw_escape(result)
    assert "error[control-character]: có ký tự điều khiển U+001B" in result.stderr
    assert (root / WARD_REL).read_bytes() == WARD_BYTES
