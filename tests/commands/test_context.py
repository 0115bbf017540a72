"""`Context.scan`: the wards of a scope read one at a time, their findings reported as
each is read (what list, summary, due and export share)."""

from __future__ import annotations

import io
from pathlib import Path

from kieumau_cli.commands.context import Context
from tests.support.data import copy_shipped


def test_a_scan_reads_each_ward_once_reports_it_and_remembers_a_failure(tmp_path: Path) -> None:
    root = copy_shipped(
        tmp_path / "data", "thanh-hoa/phuong-dong-son", "thanh-hoa/phuong-tao-xuyen"
    )
    (root / "wards" / "thanh-hoa" / "phuong-tao-xuyen.yaml").write_text("criteria: [", "utf-8")
    err = io.StringIO()
    context = Context.create([root], out=io.StringIO(), err=err)
    scan = context.scan("Thanh Hóa")
    assert scan.folder == "thanh-hoa" and not scan.failed and err.getvalue() == ""
    keys = [load.key for load in scan]  # lazily: nothing is read before this
    assert keys == ["thanh-hoa/phuong-dong-son", "thanh-hoa/phuong-tao-xuyen"]
    assert scan.failed
    assert "phuong-tao-xuyen.yaml:2:1: error[yaml-syntax]" in err.getvalue()
    assert scan.scope_name == "Tỉnh Thanh Hóa"  # as the readable ward file spells it
    assert list(scan) == []  # read once


def test_a_national_scan_has_no_scope_name(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data", "thanh-hoa/phuong-dong-son")
    scan = Context.create([root], out=io.StringIO(), err=io.StringIO()).scan()
    assert [ward.key for ward, _ in scan.usable()] == ["thanh-hoa/phuong-dong-son"]
    assert scan.folder is None and scan.scope_name is None and not scan.failed
