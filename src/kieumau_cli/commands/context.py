"""What every command runs with: the data, today's date, the language and the streams."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.clock import today
from kieumau_cli.errors import InvalidDataError, UsageError
from kieumau_cli.load.files import find_roots
from kieumau_cli.load.repository import Repository, WardLoad
from kieumau_cli.text import t
from kieumau_cli.text.format import parse_iso_date
from kieumau_cli.text.unsafe import visible_stream

if TYPE_CHECKING:  # a cached `status` never imports the models
    from kieumau_cli.load.models import CriteriaSet, Ward


@dataclass(slots=True)
class Context:
    repository: Repository
    today: dt.date
    lang: str
    out: TextIO
    err: TextIO
    _reported: set[tuple[str, int, int, str]] = field(default_factory=set)

    @classmethod
    def create(
        cls,
        root_option: Path | Sequence[Path] | None,
        lang: str = "vi",
        out: TextIO | None = None,
        err: TextIO | None = None,
        *,
        paths: Sequence[Path] = (),
    ) -> Context:
        """`root_option`: every --root given (folders, or files listing folders).
        `paths`: the files a command was given (`check PATH…`); the data root is the
        one holding them unless --root or $KIEUMAU_ROOT says otherwise."""
        cwd = Path.cwd()
        roots = find_roots(root_option, os.environ, cwd, paths)
        err_stream = visible_stream(err or sys.stderr)  # messages quote names and arguments
        context = cls(Repository(roots, cwd), today(), lang, out or sys.stdout, err_stream)
        if roots[0].origin == "bundled":
            context.notice("bundled_notice", path=roots[0].path)
        return context

    def t(self, key: str, /, **params: object) -> str:
        return t(self.lang, key, **params)

    def notice(self, key: str, /, **params: object) -> None:
        """One line on stderr, in the run's language."""
        self.err.write(self.t(key, **params) + "\n")

    def report(self, diagnostics: list[Diagnostic]) -> None:
        """Findings on stderr, as `check` prints them; each one once per run (a broken
        criteria set pinned by many wards is reported once)."""
        from kieumau_cli.render.diagnostics import format_line

        for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
            if diagnostic.sort_key() not in self._reported:
                self._reported.add(diagnostic.sort_key())
                self.err.write(format_line(diagnostic, self.lang) + "\n")

    def invalid(self, diagnostics: list[Diagnostic]) -> InvalidDataError:
        """The error to raise (exit 1); the guard prints the findings first."""
        return InvalidDataError(diagnostics=diagnostics)

    def usable(self, load: WardLoad) -> tuple[Ward, CriteriaSet]:
        """The ward and its set, or InvalidDataError once the findings are reported."""
        if load.ward is None or load.criteria_set is None:
            raise self.invalid(load.diagnostics)
        return load.ward, load.criteria_set

    def criteria_set(self, ref: str) -> CriteriaSet:
        """The valid set that `ref` (SET@VERSION, or SET with one version) names."""
        resolved = self.repository.resolve_set_ref(ref)
        loaded = self.repository.criteria_set(resolved)
        if loaded is None or loaded.model is None or not loaded.ok:
            raise InvalidDataError(
                "error.set_invalid", diagnostics=loaded.diagnostics if loaded else [], ref=resolved
            )
        return loaded.model

    def one_root(self, option: str) -> None:
        """Refuse what works on a single data root (its git history, its files) when
        several are joined."""
        roots = self.repository.roots
        if len(roots) > 1:
            raise UsageError(
                "error.one_root_only",
                option=option,
                count=len(roots),
                roots=", ".join(root.name for root in roots),
            )

    def ward(self, argument: str) -> tuple[Ward, CriteriaSet]:
        """The ward the user named, with its set, both valid."""
        return self.usable(self.repository.open_ward(self.repository.resolve_ward(argument)))

    def scan(self, province: str | None = None, criteria: str | None = None) -> WardScan:
        """The wards of a scope (a province, or every one), to be read one at a time; the
        scope is checked and the findings about the places of ward files reported now."""
        loads = self.repository.each_ward_in_scope(province, criteria)  # raises on a bad scope
        places = self.repository.ward_findings(province)
        self.report(places)
        folder = self.repository.resolve_province(province) if province is not None else None
        failed = any(d.severity == "error" for d in places)
        return WardScan(self, loads, folder, failed)


@dataclass(slots=True)
class WardScan:
    """The wards of `Context.scan`, one at a time, each ward's findings reported as it is
    read: a command keeps what it needs of each (a row, a few tasks) and never holds every
    parsed file, which at national scale is a gigabyte. Iterate once."""

    context: Context
    loads: Iterator[WardLoad]
    folder: str | None  # the province folder in scope; None: the whole country
    failed: bool = False  # a ward (or a place) could not be read: the command exits 1
    province_name: str | None = None  # as the first readable ward file spells it

    def __iter__(self) -> Iterator[WardLoad]:
        for load in self.loads:
            self.context.report(load.diagnostics)
            self.failed = self.failed or load.problem is not None
            if self.province_name is None and load.ward is not None:
                self.province_name = load.ward.province_name
            yield load

    def usable(self) -> Iterator[tuple[Ward, CriteriaSet]]:
        """The wards that can be scored, with their sets (the others reported)."""
        for load in self:
            if load.ward is not None and load.criteria_set is not None:
                yield load.ward, load.criteria_set

    @property
    def scope_name(self) -> str | None:
        """The province's name once read (its folder when no ward file could be read);
        None for the whole country."""
        if self.folder is None:
            return None
        return self.province_name or self.folder


def parse_date(value: str, option: str) -> dt.date:
    """A date option (yyyy-mm-dd, or dd/mm/yyyy as officers type it), or a usage error."""
    try:
        return parse_iso_date(value)
    except ValueError:
        raise UsageError("error.bad_date", option=option, value=value) from None
