"""Safe, fast YAML reading with exact positions on demand.

The fast path is one libyaml parse (`CSafeLoader`) plus a duplicate-key check
in the constructor: that is what every file costs. Node trees with positions
are built only for a file that has a finding, by composing it a second time
(`PositionIndex`), so exact `file:line:col` costs nothing on clean files.

Refused: python/object and any other non-standard tags (never executed),
aliases (no alias bombs), duplicate keys at any depth, git conflict markers,
tab indentation, non-UTF-8 bytes, several documents. Accepted with the same
result: a UTF-8 BOM, CRLF line endings, NFD text (normalised to NFC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.files import MAX_FILE_BYTES
from kieumau_cli.text.unsafe import BIDI_RE, FORBIDDEN_RE

try:  # libyaml is much faster; fall back to the pure-Python parser without it
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_CONFLICT_RE = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
_TAB_INDENT_RE = re.compile(r"^ *\t", re.MULTILINE)
_BOM = "\ufeff"


class _Located(Exception):
    """Raised inside the loader; becomes a Diagnostic with a position."""

    def __init__(self, code: str, line: int, column: int, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column
        self.params = params


_STR_TAG = "tag:yaml.org,2002:str"
_ScalarNode = yaml.ScalarNode


class _StrictLoader(_BaseLoader):
    """Safe loader that refuses duplicate keys and reports impossible dates."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Fast path, taken by almost every mapping: plain string keys, all
        # different. A string key is its node's text, and a string value too,
        # so neither needs the generic constructor (nor its alias bookkeeping:
        # a file with aliases never gets here, see `_refuse_aliases`).
        pairs = node.value
        keys = [key.value for key, _ in pairs if key.tag == _STR_TAG and type(key) is _ScalarNode]
        if len(keys) == len(pairs) and len(set(keys)) == len(keys):
            construct = self.construct_object
            return {
                key.value: (
                    value.value
                    if value.tag == _STR_TAG and type(value) is _ScalarNode
                    else construct(value, deep=deep)
                )
                for key, value in pairs
            }
        return self._construct_mapping_checked(node, deep)

    def _construct_mapping_checked(
        self, node: yaml.MappingNode, deep: bool = False
    ) -> dict[Any, Any]:
        seen: dict[Hashable, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                mark = key_node.start_mark
                raise _Located(
                    "wrong-type",
                    mark.line + 1,
                    mark.column + 1,
                    field="(key)",
                    value=type(key).__name__,
                    detail="a key must be a plain value, not a list or mapping",
                )
            # 1 and "1" become the same key once the schema reads ids as text.
            name = str(key) if isinstance(key, int | float | str) else key
            if name in seen:
                mark = key_node.start_mark
                first = seen[name].start_mark
                raise _Located(
                    "duplicate-key",
                    mark.line + 1,
                    mark.column + 1,
                    key=key,
                    first_line=first.line + 1,
                )
            seen[name] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts (4,300)
            mark = node.start_mark
            raise _Located(
                "number-too-large", mark.line + 1, mark.column + 1, digits=len(node.value)
            ) from None

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # a date, or its text
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2026-06-31, 2026-13-01: shaped like a date, but none
            # Kept as its text: validation then reports it (`invalid-date`, at its place)
            # together with every other finding of the file, instead of stopping at it.
            return str(node.value)

    def construct_undefined(self, node: yaml.Node) -> Any:
        mark = node.start_mark
        if node.tag == "tag:yaml.org,2002:merge":
            raise _Located(
                "yaml-syntax",
                mark.line + 1,
                mark.column + 1,
                problem="merge keys (<<) are not supported; write the keys out",
            )
        raise _Located("unsafe-tag", mark.line + 1, mark.column + 1, tag=node.tag)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor(None, _StrictLoader.construct_undefined)


@dataclass(slots=True)
class Document:
    """One parsed YAML file. `data` is plain Python; positions are computed lazily."""

    path: str
    text: str
    data: dict[str, Any]
    was_nfd: bool = False
    _index: PositionIndex | None = None

    def position(self, loc: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        if self._index is None:
            self._index = PositionIndex(self.text)
        return self._index.find(loc, at_key=at_key)

    def diagnostic(
        self,
        code: str,
        loc: tuple[str | int, ...],
        *,
        at_key: bool = False,
        suggestion: str | None = None,
        **params: Any,
    ) -> Diagnostic:
        line, column = self.position(loc, at_key=at_key)
        return Diagnostic(self.path, line, column, code, params, suggestion)


class LoadFailed(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def _mark_position(mark: Any) -> tuple[int, int]:
    """libyaml marks are 0-based; ours are 1-based, as editors show them."""
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


_ISO_SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def day_first(value: object) -> str:
    """'2026-06-31' as a Vietnamese reader writes it, '31/06/2026' (anything else quoted)."""
    found = _ISO_SHAPE.fullmatch(str(value))
    if found is None:
        return repr(value)
    year, month, day = found.groups()
    return f"{int(day):02d}/{int(month):02d}/{year}"


def decode(raw: bytes, path: str) -> tuple[str, bool]:
    """Bytes to NFC text; returns (text, was_not_nfc)."""
    if len(raw) > MAX_FILE_BYTES:
        raise LoadFailed(
            Diagnostic(path, 1, 1, "file-too-large", {"size": len(raw), "limit": MAX_FILE_BYTES})
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, column = _line_col(good, len(good))
        raise LoadFailed(
            Diagnostic(path, line, column, "encoding", {"byte": f"0x{raw[exc.start]:02x}"})
        ) from None
    if text.startswith(_BOM):
        text = text[1:]
    if unicodedata.is_normalized("NFC", text):
        return text, False
    return unicodedata.normalize("NFC", text), True


def forbidden_character(char: str) -> tuple[str, dict[str, str]]:
    """The diagnostic code and parameters for a character `FORBIDDEN_RE` matched."""
    code = "bidi-control" if BIDI_RE.match(char) else "control-character"
    return code, {"codepoint": f"U+{ord(char):04X}"}


def _precheck(text: str, path: str) -> None:
    """Cheap textual checks whose YAML errors would be confusing or unsafe."""
    match = FORBIDDEN_RE.search(text)
    if match:
        line, column = _line_col(text, match.start())
        code, params = forbidden_character(match.group())
        raise LoadFailed(Diagnostic(path, line, column, code, params))
    if "<<<<<<<" in text or ">>>>>>>" in text:
        match = _CONFLICT_RE.search(text)
        if match:
            line, column = _line_col(text, match.start())
            raise LoadFailed(
                Diagnostic(path, line, column, "conflict-marker", {"marker": match.group(1)})
            )
    if "\t" in text:
        match = _TAB_INDENT_RE.search(text)
        if match:
            line, _ = _line_col(text, match.start())
            column = match.end() - match.start()
            raise LoadFailed(Diagnostic(path, line, column, "tab-indent"))


def _refuse_aliases(text: str, path: str) -> None:
    """Only a file that defines an anchor can use an alias; scanning events
    stops at the first alias, so an alias bomb is never expanded."""
    if "*" not in text or "&" not in text:
        return
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            line, column = _mark_position(event.start_mark)
            raise LoadFailed(Diagnostic(path, line, column, "yaml-alias", {"name": event.anchor}))


def _syntax_diagnostic(exc: yaml.YAMLError, text: str, path: str) -> Diagnostic:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is not None:
            return Diagnostic(
                path, mark.line + 1, mark.column + 1, "yaml-syntax", {"problem": problem}
            )
        return Diagnostic(path, 1, 1, "yaml-syntax", {"problem": problem})
    position = getattr(exc, "position", None)  # ReaderError: bad character
    if isinstance(position, int):
        line, column = _line_col(text, min(position, len(text)))
        return Diagnostic(
            path, line, column, "yaml-syntax", {"problem": str(getattr(exc, "reason", exc))}
        )
    return Diagnostic(path, 1, 1, "yaml-syntax", {"problem": str(exc)})


def load_text(text: str, path: str, *, was_nfd: bool = False) -> Document:
    _precheck(text, path)
    try:
        _refuse_aliases(text, path)
        data = yaml.load(text, Loader=_StrictLoader)
    except _Located as exc:
        raise LoadFailed(Diagnostic(path, exc.line, exc.column, exc.code, exc.params)) from None
    except yaml.YAMLError as exc:
        raise LoadFailed(_syntax_diagnostic(exc, text, path)) from None
    except RecursionError:
        raise LoadFailed(Diagnostic(path, 1, 1, "too-deep")) from None
    if data is None:
        raise LoadFailed(Diagnostic(path, 1, 1, "empty-document"))
    if not isinstance(data, dict):
        raise LoadFailed(Diagnostic(path, 1, 1, "not-a-mapping", {"found": type(data).__name__}))
    document = Document(path, text, data, was_nfd)
    if "\\" in text:  # only a double-quoted escape can put such a character in a value
        for loc, char, is_key in _escaped_forbidden(data, ()):
            code, params = forbidden_character(char)
            raise LoadFailed(document.diagnostic(code, loc, at_key=is_key, **params))
    return document


def _escaped_forbidden(
    node: Any, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """(path, character, in the key) of each forbidden character in a key or a string."""
    if isinstance(node, str):
        match = FORBIDDEN_RE.search(node)
        if match:
            yield loc, match.group(), False
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and (match := FORBIDDEN_RE.search(key)):
                yield (*loc, key), match.group(), True
            yield from _escaped_forbidden(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _escaped_forbidden(value, (*loc, index))


def load_bytes(raw: bytes, path: str) -> Document:
    text, was_nfd = decode(raw, path)
    return load_text(text, path, was_nfd=was_nfd)


class PositionIndex:
    """Maps a data path like ('status', 'C01', 'status') to (line, column), 1-based."""

    def __init__(self, text: str) -> None:
        self.root: yaml.Node | None = yaml.compose(text, Loader=_BaseLoader)

    def find(self, loc: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        node = self.root
        if node is None:
            return 1, 1
        key_node: yaml.Node | None = None
        for part in loc:
            child = self._child(node, part)
            if child is None:
                # Discriminated unions add their tag (e.g. 'press') to the
                # path; skip parts that are not in the document.
                continue
            key_node, node = child
        target = key_node if at_key and key_node is not None else node
        return _mark_position(target.start_mark)

    @staticmethod
    def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    return key, value
            return None
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            return None, node.value[part]
        return None
