"""Random damage to a valid ward file, as a careless editor or an attacker makes it: odd
values in any place, odd shapes, odd bytes. Whatever the damage, `check` and every reader
and renderer give findings or output (exit 0 or 1) — never an internal error, a traceback,
or a raw control character on the terminal. Seeded, so a failure names its case."""

from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.cli import invoke
from tests.support.data import EXAMPLE_WARD, VALID_ROOT, copy_example

ORIGINAL = (VALID_ROOT / EXAMPLE_WARD).read_text(encoding="utf-8")
CASES = 32

ODD_VALUES: list[Any] = [
    None, True, 0, -1, 10**40, "HUGE-NUMBER", 1e309, float("nan"), -0.0, 1.5e-300, "", " ",
    "\x1b]52;c;aGk=\x07", "\x1b[8m", "a\u202eb", "\x9b", "\x00", "\ufeff", "\u2028", "=1+1",
    "x" * 70_000, "C01", "met", "2026-02-30", "2026-02-20T10:00:00+07:00", "yes", "~",
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(2026, 2, 20, 10, 0),
    [], {}, [[[]]], {"a": {"b": {"c": None}}}, ["met"], {"status": "met"},
]  # fmt: skip
BYTES = [b"\x00", b"\xff", b"\xc3", b"\t", b"\r", b":", b"{", b"- ", b"&a", b"*a",
         b"!!python/object:os.system", b"\n  "]  # fmt: skip


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    places = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            places += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            places += _places(value, (*path, index))
    return places


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


# Text a ward may hold (check accepts it), that each output format must still contain.
ODD_TEXT = [
    "=HYPERLINK(\"http://x.invalid\")", "@SUM(1)", "+84 912", "-1", "<script>alert(1)</script>",
    "[bấm](javascript:alert(1))", "![a](http://x.invalid/a.png)", "~~gạch~~ **đậm** _nghiêng_",
    "a | b", "{{ 7*7 }}", "{% raw %}", "&amp;", "line\nbreak", "\u2028", "\u200f", "x" * 5000,
    "Phường\u0301", "' OR 1=1 --", "\\x1b", "%s%n", "👮", "ﬁ", "  lề  ",
]  # fmt: skip
FREE_TEXT = ("name", "unit", "owner", "note", "title", "by", "ref")


def _free_text(data: Any, rng: random.Random) -> None:
    places = [p for p in _places(data) if p and p[-1] in FREE_TEXT]
    for path in rng.sample(places, k=min(len(places), rng.randint(2, 6))):
        _set(data, path, rng.choice(ODD_TEXT))


def damaged(seed: int) -> bytes:
    """The example ward with random changes: odd but valid text in its free-text fields
    (so every renderer runs on it), or up to three values replaced, keys removed or
    renamed, or bytes spliced into the text."""
    rng = random.Random(seed)
    if seed % 4 == 0:
        data = yaml.safe_load(ORIGINAL)
        _free_text(data, rng)
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
    if seed % 4 == 3:  # bytes, where YAML itself has to cope
        raw = bytearray(ORIGINAL.encode("utf-8"))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(raw))
            raw[at:at] = rng.choice(BYTES)
        return bytes(raw)
    data = yaml.safe_load(ORIGINAL)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_places(data)[1:])
        action = rng.random()
        if action < 0.7:
            _set(data, path, copy.deepcopy(rng.choice(ODD_VALUES)))
        elif isinstance(path[-1], str):
            parent = data
            for step in path[:-1]:
                parent = parent[step]
            value = parent.pop(path[-1])
            if action < 0.85:
                parent[rng.choice(["C99", "status", "ghi chú", "\x1b", "1", "history"])] = value
    text = yaml.safe_dump(data, allow_unicode=rng.random() < 0.5, sort_keys=False)
    return text.replace("HUGE-NUMBER", "9" * 5000).encode()  # past Python's int-to-str limit


COMMANDS = [
    ["check"],
    ["check", "-f", "json"],
    ["check", "-f", "sarif"],
    ["status", "phuong-mau"],
    ["status", "phuong-mau", "-f", "json"],
    ["status", "phuong-mau", "-f", "md"],
    ["list", "-f", "csv"],
    ["summary"],
    ["report", "phuong-mau", "-f", "html"],
    ["brief", "phuong-mau", "--week", "2026-W07"],
    ["due"],
    ["due", "-f", "json"],
    ["due", "-f", "md"],
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("fuzz") / "root")


@pytest.mark.parametrize("seed", range(CASES))
def test_damaged_ward_gives_findings_never_an_internal_error(root: Path, seed: int) -> None:
    (root / EXAMPLE_WARD).write_bytes(damaged(seed))
    files = [
        ["report", "phuong-mau", "-f", "docx", "-o", str(root.parent / "report.docx")],
        ["summary", "-f", "docx", "-o", str(root.parent / "summary.docx")],
        ["export", "phuong-mau", "-o", str(root.parent / "ward.xlsx")],
        ["due", "-f", "ics", "-o", str(root.parent / "due.ics")],
        ["site", "-o", str(root.parent / "site")],
    ]
    for args in COMMANDS + files:
        result = invoke("--root", str(root), *args, env={"KIEUMAU_TODAY": "2026-02-20"})
        where = f"seed {seed}, kieumau {' '.join(args)}"
        assert result.exit_code in (0, 1), f"{where}: exit {result.exit_code}\n{result.stderr}"
        assert "lỗi nội bộ" not in result.output and "Traceback" not in result.output, where
        for char in ("\x1b", "\x00", "\x9b", "\u202e"):
            assert char not in result.output, f"{where}: raw {char!r}"
    # The text files written too: the calendar feeds, the site's pages and data.
    written = [root.parent / "due.ics", *(root.parent / "site").rglob("*.*")]
    for path in written:
        if path.is_file() and path.suffix in (".ics", ".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            for char in ("\x1b", "\x00", "\x9b", "\u202e"):
                assert char not in text, f"seed {seed}, {path.name}: raw {char!r}"
