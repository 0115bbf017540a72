"""Round-trip editing of ward files: read, change, validate, write — losing nothing.

- The file is read once (`Snapshot`): its bytes are kept for the lost-update
  check, its text (NFC, LF, without BOM) is parsed by ruamel.yaml in
  round-trip mode, which keeps comments, key order, quoting, blank lines and
  flow style. Writing restores the BOM and CRLF line endings if the file had them.
- New content is never trusted: before anything is written it goes through the
  same loader, models and rules as `kieumau check` (`diagnose`).
- Writing is `_atomic.write_atomic`: replace only if the original still holds
  the bytes that were read; a new file is linked into place so it can never
  overwrite.

Nothing here knows about Typer or about the terminal.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.files import LoadFailedFile, read_data_file
from kieumau_cli.load.yaml import LoadFailed, decode
from kieumau_cli.text.format import nfc

_BOM = b"\xef\xbb\xbf"
_WIDTH = 1 << 16  # never re-wrap long lines
_PLAIN_SAFE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\[\]{},\n]*")


# --- the file as read ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One read of a file: its exact bytes and its text as the editor sees it."""

    path: Path
    raw: bytes
    text: str  # NFC, "\n" line endings, no BOM
    bom: bool
    crlf: bool

    def encode(self, text: str) -> bytes:
        """Text (LF) back to bytes with this file's BOM and line endings; always NFC."""
        text = nfc(text)
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (_BOM if self.bom else b"") + text.encode("utf-8")


def read_snapshot(path: Path, display: str) -> Snapshot:
    """Raises LoadFailed (a diagnostic, as `check` reports it) for a file that cannot be
    read as data: a link (never edited through), not a regular file, unreadable bytes."""
    try:
        raw = read_data_file(path)
    except LoadFailedFile as failed:
        raise LoadFailed(Diagnostic(display, 1, 1, failed.code, failed.params)) from None
    text, _ = decode(raw, display)
    first_newline = raw.find(b"\n")
    crlf = first_newline > 0 and raw[first_newline - 1 : first_newline] == b"\r"
    return Snapshot(path, raw, text.replace("\r\n", "\n"), raw.startswith(_BOM), crlf)


def new_snapshot(path: Path) -> Snapshot:
    """A file that does not exist yet: UTF-8, LF, no BOM."""
    return Snapshot(path, b"", "", bom=False, crlf=False)


# --- round-trip YAML -------------------------------------------------------------------


def _represent_none(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml(text: str = "") -> YAML:
    engine = YAML(typ="rt")
    engine.preserve_quotes = True
    engine.width = _WIDTH
    mapping, sequence, offset = _indentation(text)
    engine.indent(mapping=mapping, sequence=sequence, offset=offset)
    engine.representer.add_representer(type(None), _represent_none)
    # The loader refuses aliases; a value used twice (one date for many entries) is written twice.
    engine.representer.ignore_aliases = lambda _data: True
    return engine


def _indentation(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, dash offset) as the file writes them; 2, 4, 2 by default."""
    mapping, offset = 2, 2
    lines = [
        line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")
    ]
    for parent, child in itertools.pairwise(lines):
        if not parent.rstrip().endswith(":") or parent.lstrip().startswith("- "):
            continue
        depth = len(parent) - len(parent.lstrip())
        child_depth = len(child) - len(child.lstrip())
        if child.lstrip().startswith("- "):
            offset = child_depth - depth
            break
        if child_depth > depth:
            mapping = child_depth - depth
    return mapping, offset + 2, offset


@dataclass(frozen=True, slots=True)
class KeptHistory:
    """History entries a tree does not hold: the file's own lines for every entry but
    the last, put back verbatim after `history:` when the tree is dumped."""

    text: str  # whole lines, each ending in "\n"
    count: int  # entries
    indent: int  # column of their "- "


@dataclass(slots=True)
class Tree:
    """A parsed file that can be changed in place and dumped back."""

    data: CommentedMap
    engine: YAML
    quote: bool  # write new free text double-quoted, as the file does
    kept: KeptHistory | None = None  # see `load_tree(appending=True)`

    def dump(self) -> str:
        text = self.dump_held()
        return text if self.kept is None else _put_back(text, self.kept)

    def dump_held(self) -> str:
        """What the tree itself holds, without the history kept as text."""
        buffer = io.StringIO()
        self.engine.dump(self.data, buffer)
        return buffer.getvalue()

    def text(self, value: str) -> str:
        """A new string scalar, quoted like the rest of the file (and whenever needed)."""
        value = nfc(value)
        if self.quote or not _is_plain_safe(value):
            quoted: str = DoubleQuotedScalarString(value)
            return quoted
        return value


def load_tree(text: str, *, appending: bool = False) -> Tree:
    """The file as an editable tree. `appending`: the edit only appends to `history`
    (as `set` and `import` do), so a long history is not parsed: ruamel.yaml's
    round trip costs about a millisecond per entry each way, which made `set` on a
    5,000-entry file take half a minute. The tree then holds the last entry only (new
    ones copy its style); the others go back into the file as the very same lines."""
    kept, reduced = _keep_history(text) if appending else (None, text)
    engine = _yaml(text)
    data = engine.load(reduced)
    if not isinstance(data, CommentedMap):  # `diagnose` refuses such files before this
        raise TypeError(f"a ward file is a mapping, not {type(data).__name__}")
    tree = Tree(data, engine, _prefers_quotes(data), kept)
    if kept is not None and _item_indent(tree.dump_held()) != kept.indent:
        return load_tree(text)  # the dump would indent entries differently: parse it all
    return tree


# --- a long history kept as text --------------------------------------------------------

KEEP_FROM = 64  # entries from which an appending edit keeps the history as text
_HISTORY_LINE = re.compile(r"history:[ \t]*(?:#.*)?")


def _keep_history(text: str) -> tuple[KeptHistory | None, str]:
    """(the entries kept as text, the file without them), or (None, text) when the
    history is short or not a plain block sequence under a top-level `history:`."""
    lines = text.split("\n")
    heads = [i for i, line in enumerate(lines) if _HISTORY_LINE.fullmatch(line)]
    if len(heads) != 1:
        return None, text
    head = heads[0]
    end = head + 1
    while end < len(lines) and (not lines[end] or lines[end][0] in " #-"):
        end += 1
    starts: list[int] = []
    indent = -1
    for index in range(head + 1, end):
        line = lines[index]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(stripped)
        if indent < 0:
            if not (stripped == "-" or stripped.startswith("- ")):
                return None, text  # not a block sequence (`history: []`, a mapping…)
            indent = column
        if column == indent and (stripped == "-" or stripped.startswith("- ")):
            starts.append(index)
        elif column <= indent:
            return None, text
    if len(starts) < KEEP_FROM:
        return None, text
    last = starts[-1]
    kept = "".join(line + "\n" for line in lines[head + 1 : last])
    return KeptHistory(kept, len(starts) - 1, indent), "\n".join(lines[: head + 1] + lines[last:])


def _put_back(dumped: str, kept: KeptHistory) -> str:
    lines = dumped.split("\n")
    head = next(i for i, line in enumerate(lines) if _HISTORY_LINE.fullmatch(line))
    before = "".join(line + "\n" for line in lines[: head + 1])
    return before + kept.text + "\n".join(lines[head + 1 :])


def _item_indent(dumped: str) -> int:
    """The column of the first history entry in a dump of the reduced tree."""
    lines = dumped.split("\n")
    heads = [i for i, line in enumerate(lines) if _HISTORY_LINE.fullmatch(line)]
    for line in lines[heads[0] + 1 :] if len(heads) == 1 else ():
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#"):
            return len(line) - len(stripped) if stripped.startswith("-") else -1
    return -1


def new_tree(data: CommentedMap) -> Tree:
    return Tree(data, _yaml(), quote=True)


def reformatted_lines(tree: Tree, original: str) -> int:
    """How many lines a dump would change although nothing was edited (0 for files
    that round-trip exactly, as every file `init` writes does)."""
    import difflib

    again = tree.dump()
    if again == original:
        return 0
    old, new = original.split("\n"), again.split("\n")
    same_start = 0  # lines equal at both ends are not compared again (a diff is quadratic)
    while same_start < min(len(old), len(new)) and old[same_start] == new[same_start]:
        same_start += 1
    same_end = 0
    while (
        same_end < min(len(old), len(new)) - same_start and old[-1 - same_end] == new[-1 - same_end]
    ):
        same_end += 1
    old, new = old[same_start : len(old) - same_end], new[same_start : len(new) - same_end]
    if len(old) * len(new) > 4_000_000:  # a file rewritten throughout: count, roughly
        return max(len(old), len(new))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _is_plain_safe(value: str) -> bool:
    if not value or value != value.strip() or not _PLAIN_SAFE.fullmatch(value):
        return False
    try:  # 'yes', '12', '2026-01-01' would be read back as something else
        return bool(yaml.safe_load(value) == value)
    except yaml.YAMLError:
        return False


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def _prefers_quotes(data: CommentedMap) -> bool:
    """Most free-text values in status/history are double-quoted (as in the shipped files)."""
    sample = [
        value
        for key in ("status", "history")
        for value in _strings(data.get(key))
        if " " in value  # statuses, ids and dates are plain everywhere
    ]
    quoted = sum(isinstance(value, DoubleQuotedScalarString) for value in sample)
    return bool(sample) and quoted * 2 > len(sample)


def field_order(model: type[BaseModel]) -> list[str]:
    """Keys in the model's order, as files write them (aliases such as `from`)."""
    return [info.alias or name for name, info in model.model_fields.items()]


def put(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> bool:
    """Set `key`; a new key goes where `order` puts it. Returns whether anything changed."""
    if key in mapping:
        if _same(mapping[key], value):
            return False
        if isinstance(mapping[key], DoubleQuotedScalarString) and isinstance(value, str):
            value = DoubleQuotedScalarString(value)
        mapping[key] = value
        return True
    position = len(mapping)
    if key in order:
        rank = order.index(key)
        for index, existing in enumerate(mapping):
            if existing in order and order.index(existing) > rank:
                position = index
                break
    mapping.insert(position, key, value)
    return True


def remove(mapping: CommentedMap, key: str) -> bool:
    if key not in mapping:
        return False
    del mapping[key]
    return True


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return nfc(old) == nfc(new)
    if isinstance(old, bool | dt.date) or isinstance(new, bool | dt.date):
        return type(old) is type(new) and bool(old == new)
    return bool(old == new)


def mapping_like(template: Any, items: Sequence[tuple[str, Any]]) -> CommentedMap:
    """A new mapping in flow style if `template` (a sibling) is, otherwise block style."""
    node = CommentedMap(items)
    if isinstance(template, CommentedBase) and template.fa.flow_style():
        node.fa.set_flow_style()
    return node


def sequence_at(mapping: CommentedMap, key: str, order: Sequence[str]) -> CommentedSeq:
    """The list under `key`, created (block style) where the model puts it if missing."""
    value = mapping.get(key)
    if not isinstance(value, CommentedSeq):
        value = CommentedSeq()
        put(mapping, key, value, order)
    return value


def unified_diff(before: str, after: str, display: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{display}",
            tofile=f"b/{display}",
        )
    )
