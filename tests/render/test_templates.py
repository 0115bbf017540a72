"""Jinja2 templates (render/templates.py): shipped in the package, StrictUndefined, mistakes in a
user template are usage errors that name the file and line, `--templates` overrides file by
file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD, REPO, edit


def test_templates_ship_inside_the_package() -> None:
    from kieumau_cli.resources import templates_dir

    shipped = templates_dir()
    assert shipped == REPO / "src" / "kieumau_cli" / "templates"
    for kind in ("report", "brief", "summary"):
        for fmt in ("md", "html"):
            assert (shipped / f"{kind}.{fmt}.j2").is_file()


def test_a_missing_variable_in_a_user_template_fails_clearly(
    invoke: Invoke, example_root: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.md.j2").write_text(
        "# {{ r.ward.name }}\n\n{{ r.ward.nickname }}\n", encoding="utf-8"
    )
    target = tmp_path / "out.md"
    result = invoke(
        "--root",
        str(example_root),
        "report",
        "phuong-mau",
        "--templates",
        str(mine),
        "-o",
        str(target),
    )
    assert result.exit_code == 2
    assert "lỗi mẫu báo cáo" in result.stderr and "report.md.j2:3" in result.stderr
    assert "nickname" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists() and result.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{{ t('no.such.label') }}", "unknown label 'no.such.label'"),
        ("{% if %}", "report.md.j2:1"),
        ("{{ r.score.met | no_such_filter }}", "no_such_filter"),
    ],
)
def test_other_template_mistakes_are_usage_errors(
    invoke: Invoke, example_root: Path, tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "report.md.j2").write_text(content, encoding="utf-8")
    result = invoke(
        "--root", str(example_root), "report", "phuong-mau", "--templates", str(tmp_path)
    )
    assert result.exit_code == 2 and message in result.stderr


def test_templates_override_file_by_file(
    invoke: Invoke, example_root: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_style.css").write_text("body { color: #000; } /* mine */\n", encoding="utf-8")
    (mine / "brief.md.j2").write_text(
        "Giao ban {{ r.ward.name }}: {{ r.after.met }}/{{ r.after.total }}"
        " ({{ r.after|percent }}), {{ r.period.start|date }}\n",
        encoding="utf-8",
    )
    brief = invoke("--root", str(example_root), "brief", "phuong-mau", "--templates", str(mine))
    assert brief.stdout == "Giao ban Phường Mẫu: 2/4 (50%), 16/02/2026\n"
    html = invoke(
        "--root", str(example_root), "report", "phuong-mau", "-f", "html", "--templates", str(mine)
    ).stdout
    assert "/* mine */" in html  # the user's stylesheet…
    assert "Báo cáo tiến độ xây dựng" in html  # …inside the shipped report template
    missing = invoke(
        "--root", str(example_root), "report", "phuong-mau", "--templates", str(tmp_path / "x")
    )
    assert missing.exit_code == 2 and "không phải thư mục" in missing.stderr


MARKUP = (
    "<img src=x onerror=alert(1)> [bấm](javascript:alert(1)) ![ảnh](http://x.invalid/a.png) "
    "~~GẠCH~~ **ĐẬM** _NGHIÊNG_ `MÃ` <script>alert(1)</script> &lt;b&gt; | ống"
)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "phuong-mau", "-f", "md"],
        ["report", "phuong-mau", "-f", "md"],
        ["brief", "phuong-mau", "--week", "2026-W08", "-f", "md"],
        ["summary", "-f", "md"],
    ],
    ids=lambda args: args[0],
)
def test_markdown_documents_show_data_as_text_never_as_markup(
    run_example: Invoke, example_root: Path, args: list[str]
) -> None:
    """What a wiki or GitLab would render from the Markdown: no image, link, strike-through,
    emphasis, code, HTML or extra table cell comes from a name, an owner or a note."""
    from markdown_it import MarkdownIt

    ward = example_root / EXAMPLE_WARD
    edit(ward, "name: Phường Mẫu", f'name: "Phường {MARKUP}"')
    edit(ward, "owner: Tổ tiếp dân", f'owner: "{MARKUP}"')
    edit(ward, 'note: "Kiến nghị: bổ sung máy tính | cần gấp"', f'note: "Kiến nghị: {MARKUP}"')
    result = run_example(*args)
    assert result.exit_code == 0, result.stderr
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(result.stdout)
    for produced in ("<img", "<a ", "<s>", "<script", "<code>MÃ", "<strong>ĐẬM", "<em>NGHIÊNG"):
        assert produced not in html, produced
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as typed
    assert "~~GẠCH~~" in html and "**ĐẬM**" in html
    for table in re.findall(r"<table>.*?</table>", html, re.S):  # a `|` never adds a cell
        columns = len(re.findall(r"<th[ >]", table))
        assert all(len(re.findall(r"<td[ >]", row)) == columns for row in table.split("<tr>")[2:])


ESCAPES = [
    "{{ r.__class__.__mro__[1].__subclasses__() }}",
    "{{ t.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "{{ r.ward.name.__class__.__base__.__subclasses__() }}",
]


@pytest.mark.parametrize("content", ESCAPES)
@pytest.mark.parametrize("command", ["report", "brief"])
def test_a_user_template_cannot_reach_python_internals(
    invoke: Invoke,
    example_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    command: str,
) -> None:
    tmp_path = example_root.parent
    monkeypatch.chdir(tmp_path)  # where `touch PWNED` would land
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / f"{command}.md.j2").write_text(content, encoding="utf-8")
    result = invoke("--root", str(example_root), command, "phuong-mau", "--templates", str(mine))
    assert result.exit_code == 2, result.stdout
    assert "is unsafe" in result.stderr or "undefined" in result.stderr
    assert "root:" not in result.stdout and "Traceback" not in result.stderr
    assert not (tmp_path / "PWNED").exists()


# --- documents an officer signs as they are (Markdown and HTML bodies) ------------------

SIGNABLE_TEXT = [
    ["brief", "phuong-dong-son", "--week", "2026-W07"],
    ["brief", "phuong-duc-xuan", "--since", "2024-01-01", "--until", "2024-01-31"],
    ["report", "phuong-dong-son"],
    ["report", "phuong-hai-chau-1"],
    ["report", "phuong-tao-xuyen", "--lang", "en"],
    ["summary"],
    ["summary", "--province", "thai-nguyen"],
]
INTERNAL_TEXT = re.compile(
    r"[a-z0-9]+(?:-[a-z0-9]+)+/[a-z0-9]+(?:-[a-z0-9]+)*"
    r"|@|`|(?i:kieumau|\bgit\b)|\bC\d{2}\b|\bin_progress\b|\bnot_met\b|\bformer\b"
)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("args", SIGNABLE_TEXT, ids=[" ".join(a) for a in SIGNABLE_TEXT])
def test_nothing_internal_in_a_markdown_or_html_body(
    args: list[str], fmt: str, invoke: Invoke, shipped_root: Path
) -> None:
    result = invoke("--root", str(shipped_root), *args, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "html":
        from tests.support.html import parse_html, text_of

        body = text_of(next(parse_html(result.stdout).iter("body")))
    else:
        body = result.stdout
    found = sorted({m.group(0) for m in INTERNAL_TEXT.finditer(body)})
    assert not found, found
    appendix = invoke("--root", str(shipped_root), *args, "-f", fmt, "--appendix").stdout
    assert "kieumau" in appendix
