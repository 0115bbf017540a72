"""The officer-written sections of a weekly report, kept beside the data:
`notes/<province>/<ward>/<yyyy>-W<ww>.md` (see docs/reports.md, "brief --full").

The file is Markdown with one level-2 heading per section, numbered as a real weekly
report numbers them (I. tình hình ANTT, II. kết quả các mặt công tác, III. đánh giá chung,
IV. phương hướng, nhiệm vụ tuần tới, V. đề xuất, kiến nghị, VI. ý kiến kết luận). A section
left out stays out of the document; nothing is ever written in its place. The text is
untrusted: it is kept as plain text (paragraphs and "- " items) and every renderer escapes
it. A mistake is a positioned finding (`file:line:column`), never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.errors import InvalidDataError
from kieumau_cli.load.yaml import LoadFailed, decode, forbidden_character
from kieumau_cli.text.unsafe import FORBIDDEN_RE

SECTIONS = ("I", "II", "III", "IV", "V", "VI")
_HEADING = re.compile(r"^(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")
_NUMBERED = re.compile(r"^(VI|IV|V|I{1,3})\b[.:)]?[ \t]*(.*)$")
_ITEM = re.compile(r"^[-*+][ \t]+(.*)$")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "paragraph" or "item"
    text: str


@dataclass(frozen=True, slots=True)
class NoteSection:
    number: str  # "I" … "VI"
    title: str  # as the officer wrote it; "" when only the number was given
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class WeeklyNotes:
    path: str  # as the user sees it, for messages
    sections: dict[str, NoteSection]  # by number, in document order when iterated

    def get(self, number: str) -> NoteSection | None:
        return self.sections.get(number)


def notes_file(data_root: Path, province: str, ward: str, week_label: str) -> Path:
    return data_root / "notes" / province / ward / f"{week_label}.md"


def read_notes(path: Path, shown: str) -> WeeklyNotes:
    """The sections of `path`; an InvalidDataError with every finding if it is wrong."""
    try:
        text, _ = decode(path.read_bytes(), shown)
    except LoadFailed as failed:
        diagnostics = [failed.diagnostic]
        raise InvalidDataError("error.notes_invalid", diagnostics=diagnostics, path=shown) from None
    except OSError as exc:
        finding = Diagnostic(shown, 1, 1, "file-unreadable", {"reason": exc.strerror or exc})
        raise InvalidDataError("error.notes_invalid", diagnostics=[finding], path=shown) from None
    parser = _Parser(shown)
    for number, raw in enumerate(text.splitlines(), start=1):
        parser.line(number, raw)
    parser.close()
    if parser.findings:
        raise InvalidDataError("error.notes_invalid", diagnostics=parser.findings, path=shown)
    ordered = {key: parser.sections[key] for key in SECTIONS if key in parser.sections}
    return WeeklyNotes(shown, ordered)


class _Parser:
    """One pass over the lines: headings open sections, blank lines end paragraphs."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.findings: list[Diagnostic] = []
        self.sections: dict[str, NoteSection] = {}
        self.current: tuple[str, str] | None = None
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []

    def flush(self) -> None:
        if self.paragraph:
            self.blocks.append(Block("paragraph", " ".join(self.paragraph)))
            self.paragraph.clear()

    def close(self) -> None:
        self.flush()
        if self.current is not None:
            number, title = self.current
            self.sections.setdefault(number, NoteSection(number, title, tuple(self.blocks)))
        self.blocks.clear()

    def find(self, line: int, column: int, code: str, **params: object) -> None:
        self.findings.append(Diagnostic(self.shown, line, column, code, dict(params)))

    def line(self, number: int, raw: str) -> None:
        text = raw.strip()
        bad = FORBIDDEN_RE.search(raw)
        if bad:
            code, params = forbidden_character(bad.group(0))
            self.find(number, bad.start() + 1, code, **params)
        elif text.startswith("#"):
            self.heading(number, raw, text)
        elif not text:
            self.flush()
        elif self.current is None:
            self.find(number, 1, "notes-outside")
        else:
            item = _ITEM.match(text)
            if item:
                self.flush()
                self.blocks.append(Block("item", item.group(1)))
            else:
                self.paragraph.append(text)

    def heading(self, number: int, raw: str, text: str) -> None:
        heading = _HEADING.match(text)
        numbered = _NUMBERED.match(heading.group(2)) if heading else None
        column = raw.index("#") + 1
        if numbered is None:
            self.find(number, column, "notes-section", text=text)
            return
        self.close()
        key = numbered.group(1)
        if key in self.sections:
            self.find(number, column, "notes-duplicate", number=key)
        self.current = (key, numbered.group(2).strip())
