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
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kieumau_cli.text.unsafe import visible

GitState = Literal["ok", "disabled", "no-git", "not-repo", "untracked", "error"]

# Records and fields are framed by markers made fresh for each run: a commit subject,
# an author name or a file's old content may hold any fixed separator (\x1e did, and
# split one commit into several for everyone), but cannot guess these.
_MARKER_BYTES = 12
MAX_TEXT = 500  # characters of a subject or author name kept for documents
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
    skipped: tuple[str, ...] = ()  # commits that could not be read (their sha, or "?")


@dataclass(frozen=True, slots=True)
class _Framing:
    record: str
    field: str

    @classmethod
    def fresh(cls) -> _Framing:
        token = secrets.token_hex(_MARKER_BYTES)
        return cls(record=f"\x1e{token}r", field=f"\x1f{token}f")

    @property
    def format(self) -> str:
        # %ad with --date=short: the author's own calendar day, whatever the offset
        # (an odd one such as +9959 made the ISO form unparsable).
        return f"{self.record}%H{self.field}%ad{self.field}%an{self.field}%s{self.field}"


def file_log(path: Path, *, git: str = "git") -> FileLog:
    """All commits that changed `path`, oldest first."""
    framing = _Framing.fresh()
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
        "--date=short",
        f"--format={framing.format}",
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
    revisions, skipped = parse_log(completed.stdout.decode("utf-8", "replace"), framing)
    state: GitState = "ok" if revisions or skipped else "untracked"
    return FileLog(state, tuple(revisions), skipped=tuple(skipped))


def parse_log(output: str, framing: _Framing) -> tuple[list[FileRevision], list[str]]:
    """The revisions, and the commits skipped because a field could not be read."""
    revisions: list[FileRevision] = []
    skipped: list[str] = []
    for record in output.split(framing.record)[1:]:
        fields = record.split(framing.field, 4)
        if len(fields) != 5:
            skipped.append(_sha_of(fields[0]))
            continue
        sha, stamp, author, subject, patch = fields
        try:
            date = dt.date.fromisoformat(stamp.strip())
        except ValueError:
            skipped.append(_sha_of(sha))
            continue
        before, after = _sides(patch)
        if before == after:
            continue  # mode change only, or an empty commit
        revisions.append(
            FileRevision(
                sha=sha,
                date=date,
                author=_shown(author),
                subject=_shown(subject),
                before=before,
                after=after,
            )
        )
    return revisions, skipped


def _sha_of(text: str) -> str:
    sha = text.strip()[:40]
    return sha if sha and all(c in "0123456789abcdef" for c in sha) else "?"


def _shown(text: str) -> str:
    """A subject or name as documents print it: unsafe characters visible, bounded."""
    text = visible(text.strip())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


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
