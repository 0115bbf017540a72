"""The git history of one file: every commit that changed it, with the file's
text before and after that commit — from ONE `git log` subprocess.

`git log -p --unified=<huge>` prints each change as a single hunk holding the
whole file, so both sides can be read off the patch without running git once
per commit. Anything that goes wrong (git not installed, not a repository,
file never committed, git refusing the repository) gives an empty log with a
`state` saying why; callers carry on with the file's own history.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

GitState = Literal["ok", "disabled", "no-git", "not-repo", "untracked", "error"]

_RECORD = "\x1e"
_FIELD = "\x1f"
_FORMAT = f"{_RECORD}%H{_FIELD}%aI{_FIELD}%an{_FIELD}%s{_FIELD}"
_WHOLE_FILE = "--unified=100000000"
TIMEOUT_SECONDS = 60


@dataclass(frozen=True, slots=True)
class FileRevision:
    """One commit touching the file. `before`/`after` are None when it was created/deleted."""

    sha: str
    date: dt.date  # author date, in the author's own time zone
    author: str
    subject: str
    before: str | None
    after: str | None

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True, slots=True)
class FileLog:
    state: GitState
    revisions: tuple[FileRevision, ...] = ()
    detail: str = ""


def file_log(path: Path, *, git: str = "git") -> FileLog:
    """All commits that changed `path`, oldest first."""
    command = [
        git,
        "-c",
        "core.quotepath=off",
        "-c",
        "log.showSignature=false",
        "-c",
        "diff.suppressBlankEmpty=false",
        "log",
        "--reverse",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        "--text",
        "--encoding=UTF-8",
        f"--format={_FORMAT}",
        "-p",
        _WHOLE_FILE,
        "--",
        path.name,
    ]
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        completed = subprocess.run(
            command,
            cwd=path.parent,
            env=env,
            capture_output=True,
            check=False,
            timeout=TIMEOUT_SECONDS,
        )
    except FileNotFoundError:
        return FileLog("no-git")
    except (OSError, subprocess.TimeoutExpired) as error:
        return FileLog("error", detail=str(error))
    stderr = completed.stderr.decode("utf-8", "replace").strip()
    if completed.returncode != 0:
        if "not a git repository" in stderr:
            return FileLog("not-repo")
        return FileLog("error", detail=stderr.splitlines()[-1] if stderr else "git log failed")
    revisions = parse_log(completed.stdout.decode("utf-8", "replace"))
    return FileLog("ok" if revisions else "untracked", tuple(revisions))


def parse_log(output: str) -> list[FileRevision]:
    revisions = []
    for record in output.split(_RECORD)[1:]:
        sha, stamp, author, subject, patch = record.split(_FIELD, 4)
        before, after = _sides(patch)
        if before == after:
            continue  # mode change only, or an empty commit
        revisions.append(
            FileRevision(
                sha=sha,
                date=dt.datetime.fromisoformat(stamp).date(),
                author=author,
                subject=subject,
                before=before,
                after=after,
            )
        )
    return revisions


def _sides(patch: str) -> tuple[str | None, str | None]:
    """Both versions of the file from a whole-file unified diff."""
    lines = patch.split("\n")
    old: list[str] = []
    new: list[str] = []
    created = deleted = False
    in_hunk = False
    for line in lines:
        if not in_hunk:
            if line.startswith("--- /dev/null"):
                created = True
            elif line.startswith("+++ /dev/null"):
                deleted = True
            elif line.startswith("@@"):
                in_hunk = True
            continue
        if line.startswith("@@"):
            continue
        marker, text = line[:1], line[1:]
        if marker == " ":
            old.append(text)
            new.append(text)
        elif marker == "-":
            old.append(text)
        elif marker == "+":
            new.append(text)
        elif marker == "\\" or line == "":  # "\ No newline at end of file"
            continue
        else:  # the next file header (should not happen with one path)
            break
    before = None if created else "\n".join(old) + "\n"
    after = None if deleted else "\n".join(new) + "\n"
    return before, after
