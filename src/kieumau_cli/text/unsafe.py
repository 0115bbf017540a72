"""Text that must never reach a terminal, a spreadsheet, a document or a feed raw.

`check` refuses them in data files (`load.yaml`). Text from elsewhere — git commit
subjects and authors, file names, command-line arguments, environment values —
can still carry them, so every output path shows them instead: `visible()` turns
each into an escape an officer can read and report (`\\x1b`, `\\u202e`), which no
terminal interprets and no XML or Word file refuses.
"""

from __future__ import annotations

import io
import re
from typing import TextIO, cast

# Refused anywhere in a data file, raw or written as an escape ("\x0b"): C0 controls but
# tab, line feed and carriage return; DEL; C1 controls; the noncharacters U+FFFE and
# U+FFFF. They crash Word documents and XML feeds, corrupt terminals (ESC starts the
# sequences that rewrite the clipboard or hide text), and no officer types them on
# purpose (Word's Shift+Enter inserts U+000B).
CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
# Bidirectional overrides and isolates make text read differently from what it says.
BIDI = "\u202a-\u202e\u2066-\u2069"
FORBIDDEN_RE = re.compile(f"[{CONTROL}{BIDI}]")
BIDI_RE = re.compile(f"[{BIDI}]")

# On output also: a carriage return (overwrites the line it is on), the directional
# marks, and the Unicode line and paragraph separators (a line break to some readers,
# none to others). Tab and line feed stay: every renderer lays them out itself.
_SHOWN_RE = re.compile(f"[{CONTROL}{BIDI}\r\u200e\u200f\u061c\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every unsafe character written as an escape; safe text unchanged."""
    return _SHOWN_RE.sub(_escape, text) if _SHOWN_RE.search(text) else text


def has_unsafe(text: str) -> bool:
    return _SHOWN_RE.search(text) is not None


# A spreadsheet runs a cell that starts with one of these as a formula
# (`=HYPERLINK(...)`, `@SUM(...)`, `+cmd|...`): CSV and workbook text is neutralised.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """A text a spreadsheet shows as typed: one starting like a formula gets a leading
    apostrophe (which Excel and LibreOffice read as "this is text")."""
    return "'" + value if value.startswith(FORMULA_START) else value


BOM = "\ufeff"  # what tells Excel a CSV is UTF-8


class VisibleWriter(io.TextIOBase):
    """A text stream that shows unsafe characters as escapes: stderr, where every
    message may quote a file name, an argument or an environment value. (Not stdout on
    a terminal: Rich writes its colours there as escape sequences; `render.common`'s
    console makes table text visible before laying it out.)"""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return self._stream.write(visible(text))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def as_text_io(self) -> TextIO:
        return cast(TextIO, self)


def visible_stream(stream: TextIO) -> TextIO:
    """`stream`, showing unsafe characters as escapes (once: a wrapped stream is kept)."""
    return stream if isinstance(stream, VisibleWriter) else VisibleWriter(stream).as_text_io()
