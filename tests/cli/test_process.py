"""The `kieumau` process (`cli.program`): it ends as `main` ends, without the
interpreter's teardown, yet keeps every byte of output and every exit status; a
write the system refuses is a clear runtime error (exit 2), never an internal
error; and no Pydantic plugin found in the environment runs inside it."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kieumau_cli.cli import _flushed
from kieumau_cli.cli.guard import run_guarded
from kieumau_cli.errors import EXIT_USAGE
from tests.support.cli import run_kieumau, run_process

_FULL = Path("/dev/full")  # every write to it fails with ENOSPC (Linux, the CI's system)

# `kieumau ARGS` as the console script runs it, and the same run ended the ordinary way
# (SystemExit, then the interpreter's teardown).
_RUN = "import sys\nfrom kieumau_cli.cli import {}\nsys.argv = ['kieumau', *sys.argv[1:]]\n{}()\n"
_PROGRAM, _ORDINARY = _RUN.format("program", "program"), _RUN.format("main", "main")

ARGUMENTS = [
    ("status", "phuong-mau"),  # the fast path
    ("status", "phuong-mau", "--format", "json"),
    ("status", "nowhere"),  # a usage error, exit 2
    ("list", "--format", "csv"),  # through Typer
    ("check", "--format", "json"),
    ("--version",),
    ("status", "--format", "nope", "phuong-mau"),  # Typer refuses it, exit 2
]


@pytest.mark.parametrize("args", ARGUMENTS, ids=" ".join)
def test_the_program_ends_as_main_does(args: tuple[str, ...], example_root: Path) -> None:
    env = {"KIEUMAU_NO_CACHE": "1"}
    program = run_process(
        [sys.executable, "-c", _PROGRAM, "--root", str(example_root), *args],
        env=env,
        timeout=120,
    )
    ordinary = run_process(
        [sys.executable, "-c", _ORDINARY, "--root", str(example_root), *args],
        env=env,
        timeout=120,
    )
    assert program == ordinary
    assert program.stdout or program.stderr


def test_a_schema_larger_than_any_buffer_arrives_whole() -> None:
    done = run_kieumau("schema", "ward", timeout=60)
    ordinary = run_process([sys.executable, "-c", _ORDINARY, "schema", "ward"], timeout=60)
    assert done.exit_code == 0
    assert len(done.stdout) > 4 * io.DEFAULT_BUFFER_SIZE
    assert done.stdout == ordinary.stdout


def _into_full_disk(*args: str) -> subprocess.CompletedProcess[str]:
    with _FULL.open("w") as full:
        return subprocess.run(
            [sys.executable, "-m", "kieumau_cli", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "KIEUMAU_NO_CACHE": "1"},
            timeout=120,
            check=False,
        )


@pytest.mark.skipif(not _FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        # small outputs: the write fails when the process flushes them at its end
        ("status", "phuong-mau"),
        ("status", "phuong-mau", "--lang", "en"),
        # larger than the stream's buffer: the write fails inside the command
        ("schema", "ward"),
        ("list", "--format", "json"),
    ],
    ids=" ".join,
)
def test_output_to_a_full_disk_is_a_runtime_error(
    args: tuple[str, ...], example_root: Path
) -> None:
    done = _into_full_disk("--root", str(example_root), *args)
    assert done.returncode == EXIT_USAGE, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("kieumau: ")
    assert os.strerror(errno.ENOSPC) in lines[0]
    english = "--lang" in args
    assert ("could not read or write" in lines[0]) == english
    assert ("không đọc hoặc ghi được" in lines[0]) != english
    assert "Traceback" not in done.stderr and "lỗi nội bộ" not in done.stderr


def test_a_reader_that_leaves_is_no_failure() -> None:
    """`kieumau schema ward | head -c 1`: the write meets a closed pipe."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kieumau_cli", "schema", "ward"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(1) == b"{"
    process.stdout.close()
    errors = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert errors == b""


class _Stream(io.StringIO):
    def __init__(self, failure: OSError | None = None) -> None:
        super().__init__()
        self.failure = failure

    def flush(self) -> None:
        if self.failure is not None:
            raise self.failure


@pytest.mark.parametrize(
    ("code", "status", "said"),
    [(None, 0, ""), (0, 0, ""), (1, 1, ""), (130, 130, ""), (256 + 2, 2, ""), ("bye", 1, "bye\n")],
)
def test_the_exit_status_is_pythons(
    code: object, status: int, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, err = _Stream(), _Stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert _flushed(code) == status
    assert err.getvalue() == said


@pytest.mark.parametrize("code", [0, 1, 2])
def test_flushing_into_a_closed_pipe_keeps_the_status(
    code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = _Stream()
    monkeypatch.setattr(sys, "stdout", _Stream(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    monkeypatch.setattr(sys, "stderr", err)
    assert _flushed(code) == code
    assert err.getvalue() == ""


@pytest.mark.parametrize("code", [0, 1])
def test_output_lost_at_the_end_is_exit_2_whatever_the_command_said(
    code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = _Stream()
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(sys, "stdout", _Stream(full))
    monkeypatch.setattr(sys, "stderr", err)
    assert _flushed(code) == EXIT_USAGE
    assert err.getvalue() == f"kieumau: không đọc hoặc ghi được: {os.strerror(errno.ENOSPC)}. " + (
        "Đây là lỗi của môi trường chạy, không phải của dữ liệu: hãy kiểm tra chỗ trống trên ổ"
        " đĩa và quyền truy cập\n"
    )


def test_kieumau_debug_shows_the_system_errors_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIEUMAU_DEBUG", "1")
    full = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(OSError) as raised:
        run_guarded(_raising(full), print, "en")
    assert raised.value is full


def _raising(error: OSError) -> Callable[[], int]:
    def run() -> int:
        raise error

    return run


@pytest.mark.parametrize(
    ("error", "lang", "expected"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "site/tinh/a.html"),
            "en",
            "kieumau: could not read or write site/tinh/a.html: No space left on device.",
        ),
        (
            OSError(errno.EIO, "Input/output error"),
            "vi",
            "kieumau: không đọc hoặc ghi được: Input/output error.",
        ),
        (  # a file name is shown, never obeyed by the terminal
            PermissionError(errno.EACCES, "Permission denied", "out/\x1b[2Jx.html"),
            "en",
            "kieumau: could not read or write out/\\x1b[2Jx.html: Permission denied.",
        ),
        (
            OSError(errno.EDQUOT, "Disk quota exceeded", b"out/\xffx.html"),
            "en",
            "kieumau: could not read or write out/\\xffx.html: Disk quota exceeded.",
        ),
    ],
)
def test_a_system_error_in_a_command_is_exit_2_and_says_what_failed(
    error: OSError, lang: str, expected: str
) -> None:
    said: list[str] = []
    assert run_guarded(_raising(error), said.append, lang) == EXIT_USAGE
    assert len(said) == 1
    assert said[0].startswith(expected), said[0]
    assert "internal" not in said[0] and "nội bộ" not in said[0]


# A Pydantic plugin as an observability package installs one: an entry point in the
# `pydantic` group; loading it leaves a mark.
_PLUGIN = """\
import os
from pathlib import Path

Path(os.environ["PLUGIN_MARK"]).write_text("loaded")


class _Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = _Plugin()
"""


@pytest.fixture
def plugin_environment(tmp_path: Path) -> tuple[dict[str, str | None], Path]:
    site = tmp_path / "site-packages"
    info = site / "watching_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "watching_plugin.py").write_text(_PLUGIN, encoding="utf-8")
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: watching-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[pydantic]\nwatching = watching_plugin:plugin\n", encoding="utf-8"
    )
    mark = tmp_path / "mark"
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    env: dict[str, str | None] = {"PYTHONPATH": path, "PLUGIN_MARK": str(mark)}
    env["KIEUMAU_NO_CACHE"] = "1"
    env["PYDANTIC_DISABLE_PLUGINS"] = None
    return env, mark


def test_kieumau_as_a_library_leaves_the_hosts_plugins_alone(
    plugin_environment: tuple[dict[str, str | None], Path],
) -> None:
    """The control: the plugin is found and loaded by anything that builds a model,
    kieumau's models imported into another program included."""
    env, mark = plugin_environment
    done = run_process([sys.executable, "-c", "import kieumau_cli.load.models"], env=env)
    assert done.exit_code == 0, done.stderr
    assert mark.read_text() == "loaded"


@pytest.mark.parametrize("args", [("status", "phuong-mau"), ("check",)], ids=" ".join)
def test_the_program_runs_no_pydantic_plugin(
    args: tuple[str, ...],
    plugin_environment: tuple[dict[str, str | None], Path],
    example_root: Path,
) -> None:
    env, mark = plugin_environment
    done = run_kieumau("--root", str(example_root), *args, env=env, timeout=120)
    assert done.exit_code == 0, done.stderr
    assert not mark.exists()


def test_the_program_does_not_import_the_plugin_machinery(example_root: Path) -> None:
    """What the plugin switch saves a cold `status`: importlib.metadata (and the email
    package it pulls in). Fails if Pydantic stops asking `_loader` for its plugins."""
    probe = (
        "import sys\n"
        "from kieumau_cli import cli\n"
        "cli._without_pydantic_plugins()\n"
        f"sys.argv = ['kieumau', '--root', {str(example_root)!r}, 'status', 'phuong-mau']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'kieumau_cli.load.models' in sys.modules\n"
        "sys.stderr.write(repr(sorted(m for m in ('importlib.metadata', 'email')"
        " if m in sys.modules)))\n"
    )
    done = run_process([sys.executable, "-c", probe], env={"KIEUMAU_NO_CACHE": "1"}, timeout=60)
    assert done.exit_code == 0
    assert done.stderr == "[]"


def test_the_end_survives_missing_or_broken_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """pythonw has no standard streams; a closed stderr cannot be told anything."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert _flushed(0) == 0
    assert _flushed("bye") == 1
    monkeypatch.setattr(sys, "stdout", _Stream(OSError(errno.ENOSPC, "No space left on device")))
    monkeypatch.setattr(sys, "stderr", _Stream(OSError(errno.EIO, "Input/output error")))
    assert _flushed(0) == EXIT_USAGE
