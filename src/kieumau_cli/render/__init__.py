"""Every output format of every command, registered by command and format name.

An entry is either a function `module:function(result, lang, out)` that writes to
a text stream (terminal tables, JSON, CSV, check's formats), a Jinja2 template
(`templates/<name>`, overridable with --templates), or a function returning the
bytes of a binary document (`.docx`). The CLI's `--format` choices come from here,
so a format cannot be offered without a renderer. Modules are imported only when
their format is asked for, so `--format json` never pays for Rich or python-docx.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from kieumau_cli.render.width import RICH_ENVIRON, columns

if TYPE_CHECKING:
    from kieumau_cli.commands.context import Context

Kind = Literal["stream", "template", "binary"]


@dataclass(frozen=True, slots=True)
class Format:
    kind: Kind
    target: str  # "module:function" below `render`, or a template name

    @property
    def binary(self) -> bool:
        return self.kind == "binary"


def _stream(target: str) -> Format:
    return Format("stream", target)


def _template(name: str) -> Format:
    return Format("template", name)


def _binary(target: str) -> Format:
    return Format("binary", target)


REGISTRY: dict[str, dict[str, Format]] = {
    "status": {
        "text": _stream("status:render_text"),
        "json": _stream("status:render_json"),
        "md": _template("status.md.j2"),
    },
    "list": {
        "text": _stream("listing:render_text"),
        "json": _stream("listing:render_json"),
        "csv": _stream("listing:render_csv"),
    },
    "check": {
        "text": _stream("diagnostics:render_text"),
        "json": _stream("diagnostics:render_json"),
        "github": _stream("github:render_github"),
        "sarif": _stream("sarif:render_sarif"),
    },
    "criteria": {"text": _stream("criteria:render_text"), "json": _stream("criteria:render_json")},
    "report": {
        "md": _template("report.md.j2"),
        "html": _template("report.html.j2"),
        "docx": _binary("docx:render_report"),
    },
    "brief": {
        "md": _template("brief.md.j2"),
        "html": _template("brief.html.j2"),
        "docx": _binary("docx:render_brief"),
    },
    "summary": {
        "text": _stream("summary_text:render_text"),
        "json": _stream("roadmap:render_json"),
        "md": _template("summary.md.j2"),
        "html": _template("summary.html.j2"),
        "docx": _binary("docx:render_summary"),
    },
    "due": {
        "text": _stream("due:render_text"),
        "json": _stream("due:render_json"),
        "md": _template("due.md.j2"),
        "ics": _binary("ics:render_agenda"),
    },
}


def output_variant(command: str, fmt: str, lang: str, out: TextIO) -> str | None:
    """Everything the text of a format depends on besides its data and the day, as one
    string, so that the text can be kept and written again (`results.cache`); None when
    it cannot be: a binary format, a terminal (colours, the window's width), a COLUMNS
    that a fresh render would warn about."""
    if REGISTRY[command][fmt].binary:
        return None
    isatty = getattr(out, "isatty", None)
    if isatty is None or isatty():
        return None
    raw_columns = os.environ.get("COLUMNS")
    if raw_columns is not None and columns(raw_columns) is None:
        return None
    environ = [f"{name}={os.environ.get(name)!r}" for name in RICH_ENVIRON]
    encoding = str(getattr(out, "encoding", None))
    return "\0".join([command, fmt, lang, encoding, sys.platform, *environ])


def formats(command: str) -> tuple[str, ...]:
    return tuple(REGISTRY[command])


def spec(command: str, fmt: str) -> Format:
    return REGISTRY[command][fmt]


def _function(target: str) -> Any:
    module_name, function_name = target.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module_name}"), function_name)


def render(
    command: str, fmt: str, result: Any, lang: str, *, templates: Path | None = None
) -> str | bytes:
    """The output as text (or bytes, for a binary format)."""
    found = REGISTRY[command][fmt]
    if found.kind == "template":
        from kieumau_cli.render.templates import render_template

        return render_template(found.target, result, lang, templates)
    if found.kind == "binary":
        data: bytes = _function(found.target)(result, lang)
        return data
    buffer = io.StringIO()
    _function(found.target)(result, lang, buffer)
    return buffer.getvalue()


class _Capture(io.StringIO):
    """A buffer that a renderer cannot tell from the stream it stands for (not a
    terminal, same encoding: Rich draws ASCII boxes for a stream that is not UTF-8)."""

    def __init__(self, encoding: str | None) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str | None:  # type: ignore[override]
        return self._encoding


def captured(command: str, fmt: str, result: Any, lang: str, out: TextIO) -> str:
    """The text `write` would write to `out`, a stream that is not a terminal (see
    `output_variant`)."""
    found = REGISTRY[command][fmt]
    if found.kind != "stream":
        text = render(command, fmt, result, lang)
        assert isinstance(text, str), "binary formats go to a file (-o)"
        return text
    buffer = _Capture(getattr(out, "encoding", None))
    _function(found.target)(result, lang, buffer)
    return buffer.getvalue()


def write(command: str, fmt: str, result: Any, context: Context) -> None:
    """A text format straight to the command's output stream (a terminal keeps its colours)."""
    found = REGISTRY[command][fmt]
    out: TextIO = context.out
    if found.kind == "stream":
        _function(found.target)(result, context.lang, out)
    else:
        text = render(command, fmt, result, context.lang)
        assert isinstance(text, str), "binary formats go to a file (-o)"
        out.write(text)
