"""Git access for `check --changed` and `check --base`.

Everything goes through the `git` command: `rev-parse`, `merge-base`,
`diff --name-only`, `ls-files` and one `git cat-file --batch` process that
reads any number of blobs at a revision (one process instead of one
`git show` per file). Every failure is a `UsageError` with a message for
the user — not a git repository, an unknown revision, no git at all —
never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from kieumau_cli.errors import UsageError

_DEFAULT_BRANCHES = ("main", "master", "origin/main", "origin/master")


class Git:
    """One work tree, found from any folder inside it."""

    def __init__(self, folder: Path) -> None:
        self._env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
        self._env.pop("GIT_DIR", None)
        self._env.pop("GIT_WORK_TREE", None)
        done = self._run(["rev-parse", "--show-toplevel"], cwd=folder, check=False)
        if done.returncode != 0:
            raise UsageError("error.not_git", hint="hint.needs_git", folder=folder)
        self.top = Path(done.stdout.decode("utf-8", "replace").strip()).resolve()

    # --- plumbing -------------------------------------------------------------
    def _run(
        self, args: list[str], *, cwd: Path | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=cwd or self.top,
                env=self._env,
                capture_output=True,
                check=False,
            )
        except OSError as exc:
            raise UsageError("error.git_cannot_run", reason=exc) from None
        if check and done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(
                "error.git_failed", command=args[0], reason=message[-1] if message else "?"
            )
        return done

    def relative(self, path: Path) -> PurePosixPath:
        """A path inside the work tree as git names it (relative, '/'-separated)."""
        try:
            return PurePosixPath(path.resolve().relative_to(self.top).as_posix())
        except ValueError:
            raise UsageError("error.outside_git", path=path, top=self.top) from None

    # --- revisions ------------------------------------------------------------
    def resolve(self, rev: str) -> str:
        """The commit a revision names, or a UsageError naming the revision."""
        done = None
        if rev and not rev.startswith("-"):
            done = self._run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
                check=False,
            )
        if done is None or done.returncode != 0:
            raise UsageError("error.unknown_rev", hint="hint.rev_examples", rev=rev)
        return done.stdout.decode("ascii").strip()

    def default_branch(self) -> str:
        """origin/HEAD if the clone knows it, else main or master (local, then origin)."""
        done = self._run(
            ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.decode("utf-8").strip()
        for name in _DEFAULT_BRANCHES:
            verify = ["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"]
            if self._run(verify, check=False).returncode == 0:
                return name
        raise UsageError("error.no_default_branch", hint="hint.name_rev")

    def merge_base(self, rev: str) -> str:
        """Where HEAD left `rev`: what a pull request is compared against."""
        commit = self.resolve(rev)
        done = self._run(["merge-base", "HEAD", commit], check=False)
        if done.returncode != 0:
            raise UsageError("error.no_merge_base", hint="hint.name_rev", rev=rev)
        return done.stdout.decode("ascii").strip()

    # --- files ----------------------------------------------------------------
    def changed_since(self, commit: str) -> list[PurePosixPath]:
        """Files that differ between `commit` and the work tree — committed, staged,
        unstaged or deleted — plus untracked files (not ignored)."""
        diff = self._run(["diff", "--name-only", "--no-renames", "-z", commit, "--"])
        untracked = self._run(["ls-files", "--others", "--exclude-standard", "-z"])
        names = _split_z(diff.stdout) | _split_z(untracked.stdout)
        return sorted(PurePosixPath(name) for name in names)

    def files_at(self, commit: str, folder: PurePosixPath) -> list[PurePosixPath]:
        """Every file below `folder` at `commit`."""
        done = self._run(["ls-tree", "-r", "-z", "--name-only", commit, "--", str(folder)])
        return sorted(PurePosixPath(name) for name in _split_z(done.stdout))

    def commits_changing(self, since: str, path: PurePosixPath) -> list[tuple[str, str]]:
        """(commit, author e-mail) of every commit after `since` up to HEAD that changed
        `path`, parents before children: who wrote what a pull request adds."""
        done = self._run(
            [
                "log",
                "--topo-order",
                "--reverse",
                "--format=%H %ae",
                f"{since}..HEAD",
                "--",
                str(path),
            ]
        )
        found = []
        for line in done.stdout.decode("utf-8", "replace").splitlines():
            sha, _, email = line.partition(" ")
            if sha:
                found.append((sha, email.strip()))
        return found

    def read_versions(self, path: PurePosixPath, commits: Iterable[str]) -> dict[str, bytes | None]:
        """The content of `path` at each commit (None where it did not exist), through
        a single `git cat-file --batch` process."""
        wanted = list(commits)
        if "\n" in str(path):
            return dict.fromkeys(wanted)
        contents = self._cat_file([f"{commit}:{path}" for commit in wanted])
        return dict(zip(wanted, contents, strict=True))

    def read_blobs(
        self, commit: str, paths: Iterable[PurePosixPath]
    ) -> dict[PurePosixPath, bytes | None]:
        """The content of each path at `commit` (None where it did not exist), read
        through a single `git cat-file --batch` process."""
        wanted = [path for path in paths if "\n" not in str(path)]
        if not wanted:
            return {}
        contents = self._cat_file([f"{commit}:{path}" for path in wanted])
        return dict(zip(wanted, contents, strict=True))

    def _cat_file(self, specs: list[str]) -> list[bytes | None]:
        """Each `REV:PATH` object's content, in order (None: missing, or a folder)."""
        found: list[bytes | None] = []
        if not specs:
            return found
        try:
            process = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.top,
                env=self._env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise UsageError("error.git_cannot_run", reason=exc) from None
        assert process.stdin is not None and process.stdout is not None
        try:
            for spec in specs:
                # One request, one answer: cat-file flushes after every object.
                process.stdin.write(f"{spec}\n".encode())
                process.stdin.flush()
                header = process.stdout.readline().split()
                if len(header) != 3 or header[1] != b"blob":
                    found.append(None)  # "missing", or a folder
                    if len(header) == 3:
                        process.stdout.read(int(header[2]) + 1)
                    continue
                size = int(header[2])
                found.append(process.stdout.read(size))
                process.stdout.read(1)  # the newline after each object
        finally:
            process.stdin.close()
            process.stdout.close()
            process.wait()
        return found


def _split_z(output: bytes) -> set[str]:
    return {name for name in output.decode("utf-8", "surrogateescape").split("\0") if name}
