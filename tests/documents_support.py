"""Helpers for the report, brief and summary tests: a copy of the shipped data outside
any git repository, golden files, HTML parsed by a real HTML5 parser, and small git
repositories with dated commits."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest

from conftest import GOLDEN, REPO, Invoke

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def shipped_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's criteria/ and wards/, copied where no git history reaches them
    (goldens must not change when someone commits)."""
    root = tmp_path / "shipped"
    for folder in ("criteria", "wards"):
        shutil.copytree(REPO / folder, root / folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return root


def check_golden(request: pytest.FixtureRequest, name: str, text: str) -> None:
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"missing golden file {name}; run pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def golden_run(invoke: Invoke, request: pytest.FixtureRequest, name: str, *args: str) -> str:
    """Run kieumau, compare stdout with tests/golden/NAME; HTML must also parse and keep
    its promises."""
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    check_golden(request, name, result.stdout)
    if name.endswith(".html"):
        assert_document_structure(result.stdout, "en" if ".en." in name else "vi")
    return result.stdout


def golden_tests(command: list[str], cases: list[tuple[str, list[str]]]) -> Any:
    """A parametrized test running `kieumau --root SHIPPED COMMAND ARGS` for each
    (golden file name, ARGS) case; assign it to a `test_…` name in a test module."""

    @pytest.mark.parametrize(("name", "args"), cases, ids=[case[0] for case in cases])
    def test(
        name: str,
        args: list[str],
        invoke: Invoke,
        shipped_root: Path,
        request: pytest.FixtureRequest,
    ) -> None:
        golden_run(invoke, request, name, "--root", str(shipped_root), *command, *args)

    return test


def parse_html(text: str) -> Element:
    """Parse with html5lib in strict mode: any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document: Element = parser.parse(text)
    return document


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def assert_document_structure(text: str, lang: str) -> Element:
    """What every kieumau HTML document promises: language, real table headers, no
    script, no network, inline CSS, at least one inline SVG."""
    root = parse_html(text)
    assert root.tag == "html" and root.get("lang") == lang
    assert not list(root.iter("script"))
    assert not [e for e in root.iter() if isinstance(e.tag, str) and e.tag.endswith("}script")]
    headers = list(root.iter("th"))
    assert headers, "tables need header cells"
    assert all(th.get("scope") in ("col", "row") for th in headers)
    assert list(root.iter("style")) and not list(root.iter("link"))
    for element in root.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute) or ""
            assert not value.startswith("//") and not value.startswith("javascript:")
        assert not any(name.startswith("on") for name in element.attrib)
    assert list(root.iter(f"{SVG}svg")), "charts are inline SVG"
    assert "@media print" in text and "size: A4" in text
    return root


def git(root: Path, *args: str, date: str | None = None, author: str = "Nguyễn Văn An") -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        [
            "git",
            "-c",
            f"user.name={author}",
            "-c",
            "user.email=an@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return done.stdout


def commit_all(root: Path, message: str, date: str, author: str = "Nguyễn Văn An") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date, author=author)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
