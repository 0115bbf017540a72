"""Running a command and mapping user errors and bugs to messages and exit codes.

Kept free of Typer so that the fast path of `cli.main` (see `_fast`) reports
errors exactly as the Typer commands do.
"""

from __future__ import annotations

import os
from collections.abc import Callable


def run_guarded(run: Callable[[], int], echo_err: Callable[[str], None]) -> int:
    """Run a command; map user errors and bugs to messages and an exit code."""
    from kieumau_cli.errors import EXIT_USAGE, KieumauError

    try:
        code = run()
    except KieumauError as error:
        echo_err(f"kieumau: {error.message}")
        if error.hint:
            echo_err(f"  {error.hint}")
        code = error.exit_code
    except BrokenPipeError:
        code = 0
    except KeyboardInterrupt:  # as Click reports Ctrl-C, on the fast path too
        echo_err("Aborted!")
        code = 1
    except Exception as error:  # a bug: say so plainly, never a bare traceback
        if os.environ.get("KIEUMAU_DEBUG"):
            raise
        echo_err(
            f"kieumau: lỗi nội bộ (internal error): {type(error).__name__}: {error}\n"
            "  Đây là lỗi của chương trình; hãy báo lại kèm lệnh đã chạy "
            "(chạy lại với KIEUMAU_DEBUG=1 để xem chi tiết).\n"
            "  This is a bug in kieumau; please report it with the command you ran "
            "(KIEUMAU_DEBUG=1 shows the traceback)."
        )
        code = EXIT_USAGE
    return code
