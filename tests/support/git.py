"""Throwaway git repositories: one runner that ignores the user's and the system's
git configuration, and commits with a given date and author."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support.data import EXAMPLE_WARD, copy_example

AUTHOR = "Nguyễn Văn An"
EMAIL = "an@example.invalid"
# Set by git itself when pytest runs from a hook; they would point at another repository.
REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")


def git(
    root: Path, *args: str, date: str | None = None, author: str = AUTHOR, email: str = EMAIL
) -> str:
    """`git ARGS` in `root`; returns stdout, fails the test on a non-zero exit."""
    env = {key: value for key, value in os.environ.items() if key not in REPOSITORY_VARIABLES}
    env |= {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": email,
    }
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return done.stdout


def commit_all(
    root: Path, message: str, date: str, author: str = AUTHOR, email: str = EMAIL
) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date, author=author, email=email)


def example_repo(target: Path) -> Path:
    """The valid example root as a git repository on `main`, with a second, broken ward
    that pins another set (so it shows whenever it is checked)."""
    root = copy_example(target)
    other = root / "wards" / "tinh-khac" / "phuong-khac.yaml"
    other.parent.mkdir()
    text = (root / EXAMPLE_WARD).read_text(encoding="utf-8")
    other.write_text(
        text.replace("province: tinh-mau", "province: tinh-khac")
        .replace("ward: phuong-mau", "ward: phuong-khac")
        .replace("criteria: bo-mau@1", "criteria: bo-khac@1"),
        encoding="utf-8",
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "dữ liệu ban đầu")
    return root


def commit_literally(root: Path, message: str, stamp: str, author: str = AUTHOR) -> None:
    """Commit the work tree as git itself would refuse to: `stamp` is the raw
    `SECONDS OFFSET` of the author line (an offset such as +9999999), and the message
    and name go in as given (git strips some control characters from names)."""
    git(root, "add", "-A")
    tree = git(root, "write-tree").strip()
    parent = git(root, "rev-parse", "HEAD").strip()  # on top of an ordinary first commit
    lines = [f"tree {tree}", f"parent {parent}"]
    lines += [f"author {author} <{EMAIL}> {stamp}", f"committer {author} <{EMAIL}> {stamp}"]
    body = "\n".join(lines) + f"\n\n{message}\n"
    sha = (
        subprocess.run(
            ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
            cwd=root,
            input=body.encode("utf-8"),
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .strip()
    )
    git(root, "update-ref", "HEAD", sha)
