"""The Typer app as a whole: the version, and what `--help` does not import."""

from __future__ import annotations

import sys

from kieumau_cli import __version__
from tests.support.cli import Invoke, run_process


def test_help_does_not_load_python_docx() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from kieumau_cli.cli import app; "
        "result = CliRunner().invoke(app, ['brief', '--help']); "
        "assert result.exit_code == 0 and 'docx' in result.stdout; "
        "print(any(name == 'docx' or name.startswith('docx.') for name in sys.modules))"
    )
    done = run_process([sys.executable, "-c", code], timeout=60)
    assert done.exit_code == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout.strip()) == (0, f"kieumau {__version__}")
