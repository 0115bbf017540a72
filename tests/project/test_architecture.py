"""The layout promises of docs/architecture.md, kept by tests: the ten "where is" answers
exist, no module grows past ~600 lines, no import cycle (type-checking and lazy imports
included), no private name imported across subpackages, and the core imports no Typer."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.support.data import REPO

PACKAGE = REPO / "src" / "kieumau_cli"
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> list[tuple[str, str]]:
    """(module imported, name imported) for every kieumau import in the file, anywhere
    (top level, TYPE_CHECKING blocks, inside functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kieumau_cli"):
            assert node.level == 0, f"{path}: relative import"
            for alias in node.names:
                module = f"{node.module}.{alias.name}"
                found.append((module if module in modules else node.module or "", alias.name))
        elif isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names if a.name.startswith("kieumau_cli")]
    return found


def test_every_file_architecture_md_names_exists() -> None:
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = re.findall(r"^\| [^|]+ \| `(src/[^`]+)` \|$", text, flags=re.MULTILINE)
    assert len(named) == 10
    assert [path for path in named if not (REPO / path).is_file()] == []


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(REPO)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {
        name: {target for target, _ in _imports(path, modules) if target in modules}
        for name, path in modules.items()
    }
    cycle: list[str] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(node: str, path: list[str]) -> bool:
        state[node] = 1
        for target in sorted(graph[node] - {node}):
            if state.get(target) == 1:
                cycle.extend([*path[path.index(target) :], target])
                return True
            if target not in state and walk(target, [*path, target]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if name not in state and walk(name, [name]):
            break
    assert cycle == []


def test_no_private_name_crosses_subpackages() -> None:
    modules = _modules()
    crossing = []
    for name, path in modules.items():
        own = name.split(".")[1] if "." in name else ""
        for target, imported in _imports(path, modules):
            theirs = target.split(".")[1] if "." in target else ""
            private = imported.startswith("_") and imported != "__version__"
            if private and own != theirs:
                crossing.append(f"{name} imports {target}.{imported}")
    assert crossing == []


def test_the_core_never_imports_typer() -> None:
    core = [
        "kieumau_cli.commands.status",
        "kieumau_cli.commands.check",
        "kieumau_cli.commands.report",
        "kieumau_cli.commands.set",
        "kieumau_cli.commands.site",
        "kieumau_cli.render.docx.report",
        "kieumau_cli.site.output",
    ]
    code = f"import sys, {', '.join(core)}; print('typer' in sys.modules, 'click' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_terminal_text_is_made_only_where_unsafe_characters_are_shown() -> None:
    """Rich prints ESC as it comes: `render.common` (`console`, `styled`, `assembled`)
    is the one place a Rich `Text` or `Console` is made, so each shows them escaped."""

    def runtime_imports(tree: ast.AST) -> list[str]:
        found: list[str] = []
        for node in ast.iter_child_nodes(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue  # annotations only
            if isinstance(node, ast.ImportFrom) and node.module in ("rich.text", "rich.console"):
                found.append(node.module)
            elif isinstance(node, ast.Import):
                found += [a.name for a in node.names if a.name in ("rich.text", "rich.console")]
            found += runtime_imports(node)
        return found

    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "render" / "common.py"
        and runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == []
