"""Unsafe characters never reach a terminal, a JSON reader, a template or a Word file
raw, whatever produced the text: each renderer is fed hostile text directly here (data
files cannot carry it: `check` refuses it, see tests/cli/test_hostile.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kieumau_cli.text.unsafe import neutralise_formula, visible, visible_stream

CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"  # OSC 52: writes the reader's clipboard
CONCEAL = "\x1b[8m"  # hides what follows
HOSTILE = f"Tổ {CLIPBOARD}{CONCEAL}ẩn\u202egpj.exe\x9b31m\r\u2028x"
RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\r", "\u2028")


def assert_shown(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(char)
    assert "\\x1b]52;c;aGVsbG8=\\x07" in text and "\\u202egpj.exe" in text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (CLIPBOARD, "\\x1b]52;c;aGVsbG8=\\x07"),
        ("a\u202eb\u2066c\u200fd", "a\\u202eb\\u2066c\\u200fd"),
        ("xóa\x9bđ\x7f", "xóa\\x9bđ\\x7f"),
        ("dòng 1\ndòng 2\tcột", "dòng 1\ndòng 2\tcột"),  # layout characters stay
        ("Phường Đông Sơn", "Phường Đông Sơn"),
        ("ghi đè\rgiả", "ghi đè\\x0dgiả"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert visible(shown) == shown  # once shown, stays as it is


def test_formula_neutralising_covers_every_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise_formula(start + "1") == "'" + start + "1"
    assert neutralise_formula("Tổ Tổng hợp") == "Tổ Tổng hợp"


def test_a_wrapped_stream_shows_what_is_written_once() -> None:
    target = io.StringIO()
    stream = visible_stream(target)
    assert visible_stream(stream) is stream
    stream.write(HOSTILE + "\n")
    assert_shown(target.getvalue())
    assert target.getvalue().endswith("\\u2028x\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _hostile_status(example_root: Path) -> Any:
    """The example ward's status, with hostile text wherever a renderer prints data."""
    from kieumau_cli.load.files import find_root
    from kieumau_cli.load.repository import Repository
    from kieumau_cli.results.rows import Bilingual
    from kieumau_cli.results.status import StatusData, StatusView
    from tests.support.data import EXAMPLE_WARD, TODAY

    repository = Repository(find_root(example_root, {}, example_root, []), example_root)
    load = repository.open_ward(example_root / EXAMPLE_WARD)
    assert load.ward is not None and load.criteria_set is not None
    today = dt.date.fromisoformat(TODAY)
    data = StatusData.build(load.ward, load.criteria_set)
    groups = [
        dataclasses.replace(
            group,
            criteria=tuple(
                dataclasses.replace(row, owner=HOSTILE, note=HOSTILE, title=Bilingual(HOSTILE))
                for row in group.criteria
            ),
        )
        for group in data.groups
    ]
    data = dataclasses.replace(data, name=HOSTILE, unit=HOSTILE, groups=groups)
    return StatusView(data, None, today)


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_status_table_shows_hostile_text(
    example_root: Path, terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kieumau_cli.render.status import render_text

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")

    out = _Terminal() if terminal else io.StringIO()
    render_text(_hostile_status(example_root), "vi", out)
    text = out.getvalue()
    if terminal:  # Rich still colours the table: its own SGR escapes are the only ones
        assert "\x1b[1m" in text
        assert_shown(re.sub("\x1b\\[[0-9;]*m", "", text))
        assert "\x1b]" not in text and CONCEAL not in text
    else:
        assert_shown(text)


def test_status_json_and_markdown_show_hostile_text(example_root: Path) -> None:
    from kieumau_cli import render

    view = _hostile_status(example_root)
    as_json = render.render("status", "json", view, "vi")
    assert isinstance(as_json, str)
    for char in RAW:
        assert char not in as_json
    assert "\\u001b]52;c;aGVsbG8=\\u0007" in as_json and "\\u202egpj" in as_json
    assert json.loads(as_json)["name"] == HOSTILE  # the same string to a JSON parser
    markdown = render.render("status", "md", view, "vi")
    assert isinstance(markdown, str)
    for char in RAW:
        assert char not in markdown


def test_an_html_template_keeps_markup_and_shows_hostile_text() -> None:
    import markupsafe

    from kieumau_cli.render.templates import environment

    env = environment("vi")
    env.autoescape = True  # as for every .html.j2
    template = env.from_string("{{ a }}|{{ b }}")
    out = template.render(a=HOSTILE + "<b>", b=markupsafe.Markup("<i>\x1b[8m</i>"))
    assert "&lt;b&gt;" in out and "<i>\\x1b[8m</i>" in out
    assert_shown(out.split("|")[0])


def test_a_word_run_takes_any_text() -> None:
    from kieumau_cli.render.docx.primitives import add_run, new_document

    document = new_document("vi")
    paragraph = document.add_paragraph()
    add_run(paragraph, HOSTILE + "\x0b\x00", 13)  # python-docx refuses these raw
    assert_shown(paragraph.text)
    assert "\\x0b\\x00" in paragraph.text


def test_a_finding_about_a_hostile_file_name_is_shown() -> None:
    from kieumau_cli.check.diagnostics import Diagnostic
    from kieumau_cli.render.diagnostics import format_line
    from kieumau_cli.render.github import format_annotation

    finding = Diagnostic(f"wards/t/{CLIPBOARD}.yaml", 1, 1, "stray-file")
    for line in (format_line(finding, "vi"), format_annotation(finding, "vi")):
        assert "\x1b" not in line and "\x07" not in line
        assert "\\x1b]52" in line
