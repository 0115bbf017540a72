"""The texts kept in a status cache entry (results/cache.py, render.output_variant): a
warm `status` on the same day writes again what the same format printed, byte for
byte, without rendering; another day, width, language or format renders afresh."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from kieumau_cli import render
from kieumau_cli.load.repository import Repository
from kieumau_cli.results.cache import StatusCache
from tests.support.cli import Invoke, run_kieumau
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.data import edit


def _entry() -> Path:
    (entry,) = (Path(os.environ["KIEUMAU_CACHE_DIR"]) / "status").glob("*.json")
    return entry


def _status(invoke: Invoke, root: Path, *args: str) -> tuple[int, str, str]:
    result = invoke("--root", str(root), "status", "phuong-mau", *args)
    return result.exit_code, result.stdout, result.stderr


def _nothing_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("rendered again instead of writing the kept text")

    for name in ("render", "write", "captured"):
        monkeypatch.setattr(render, name, fail)
    monkeypatch.setattr(Repository, "open_ward", fail)
    monkeypatch.setattr(StatusCache, "lookup", fail)


@pytest.mark.parametrize("args", [(), ("--lang", "en"), ("-f", "json"), ("-f", "md")])
def test_a_kept_text_is_written_again_without_rendering(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    fresh = _status(invoke, example_root, *args)
    assert fresh[0] == 0
    _nothing_rendered(monkeypatch)
    assert _status(invoke, example_root, *args) == fresh


def test_each_format_and_language_keeps_its_own_text(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    variants = [(), ("--lang", "en"), ("-f", "json"), ("-f", "md", "--lang", "en")]
    fresh = [_status(invoke, example_root, *args) for args in variants]
    assert len(json.loads(_entry().read_bytes())["texts"]) == len(variants)
    _nothing_rendered(monkeypatch)
    assert [_status(invoke, example_root, *args) for args in variants] == fresh


def test_another_width_is_rendered_afresh(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = _status(invoke, example_root)
    monkeypatch.setenv("COLUMNS", "60")
    narrow = _status(invoke, example_root)
    assert narrow != wide
    monkeypatch.setenv("KIEUMAU_NO_CACHE", "1")
    assert _status(invoke, example_root) == narrow
    monkeypatch.delenv("KIEUMAU_NO_CACHE")
    _nothing_rendered(monkeypatch)
    assert _status(invoke, example_root) == narrow
    monkeypatch.setenv("COLUMNS", "120")
    assert _status(invoke, example_root) == wide


def test_a_columns_that_warns_still_warns(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "abc")
    first = _status(invoke, example_root)
    assert "COLUMNS" in first[2]
    assert _status(invoke, example_root) == first
    assert "texts" not in json.loads(_entry().read_bytes())  # never kept, always rendered


def test_texts_of_another_day_are_neither_written_nor_kept(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _status(invoke, example_root)
    stored = json.loads(_entry().read_bytes())
    (kept,) = stored["texts"].values()
    kept["text"] = "yesterday's text"
    _entry().write_text(json.dumps(stored), encoding="utf-8")
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-07-01")
    monkeypatch.setenv("KIEUMAU_NO_CACHE", "1")
    computed = _status(invoke, example_root)
    monkeypatch.delenv("KIEUMAU_NO_CACHE")
    assert _status(invoke, example_root) == computed
    (kept,) = json.loads(_entry().read_bytes())["texts"].values()
    assert kept["today"] == "2026-07-01"
    assert kept["text"] == computed[1]


@pytest.mark.parametrize("texts", [5, [], {"x": 1}, {"x": {"today": 3}}, None])
def test_malformed_texts_are_a_miss_and_replaced(
    invoke: Invoke, example_root: Path, texts: object
) -> None:
    fresh = _status(invoke, example_root)
    stored = json.loads(_entry().read_bytes())
    stored["texts"] = texts
    _entry().write_text(json.dumps(stored), encoding="utf-8")
    assert _status(invoke, example_root) == fresh
    (kept,) = json.loads(_entry().read_bytes())["texts"].values()
    assert kept["text"] == fresh[1]


def test_an_edited_ward_is_never_served_its_old_text(invoke: Invoke, example_root: Path) -> None:
    before = _status(invoke, example_root)
    edit(example_root / WARD, "status: met", "status: not_met", first=True)
    after = _status(invoke, example_root)
    assert after[0] == 0
    assert after != before


class _Stream(io.StringIO):
    def __init__(self, encoding: str, tty: bool = False) -> None:
        super().__init__()
        self._encoding, self._tty = encoding, tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return self._tty


def test_what_a_text_depends_on(monkeypatch: pytest.MonkeyPatch) -> None:
    variant = render.output_variant
    assert variant("status", "text", "vi", _Stream("utf-8", tty=True)) is None  # colours
    assert variant("report", "docx", "vi", _Stream("utf-8")) is None  # a file, not a text
    base = variant("status", "text", "vi", _Stream("utf-8"))
    assert base is not None
    assert variant("status", "text", "en", _Stream("utf-8")) != base
    assert variant("status", "md", "vi", _Stream("utf-8")) != base
    assert variant("status", "text", "vi", _Stream("ascii")) != base  # Rich's ASCII boxes
    for name, value in (("COLUMNS", "80"), ("FORCE_COLOR", "1"), ("TERM", "dumb")):
        with monkeypatch.context() as changed:
            changed.setenv(name, value)
            assert variant("status", "text", "vi", _Stream("utf-8")) != base
    monkeypatch.setenv("COLUMNS", "-5")
    assert variant("status", "text", "vi", _Stream("utf-8")) is None  # warns when rendered


def test_a_warm_run_imports_neither_rich_nor_the_models(example_root: Path) -> None:
    """The reason texts are kept: a fresh interpreter writes the text and stops."""
    args = ("--root", str(example_root), "status", "phuong-mau")
    first = run_kieumau(*args, timeout=60)
    assert first.exit_code == 0, first.stderr
    probe = (
        "import sys\n"
        "from kieumau_cli.cli import main\n"
        f"sys.argv = ['kieumau', *{list(args)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('rich', 'pydantic', 'yaml', 'jinja2', 'typer', 'kieumau_cli.load.models')\n"
        "sys.stderr.write(repr(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    from tests.support.cli import run_process

    warm = run_process([sys.executable, "-c", probe], timeout=60)
    assert warm.stdout == first.stdout
    assert warm.stderr == "[]"
