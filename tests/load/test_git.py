"""The git runner (load/git.py): default branch detection, revisions that look like options,
many blobs read in one process."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kieumau_cli.errors import UsageError
from kieumau_cli.load.git import Git
from tests.support.data import EXAMPLE_SET as SET
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.git import example_repo, git


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return example_repo(tmp_path / "repo")


def test_default_branch_detection(repo: Path, tmp_path: Path) -> None:
    assert Git(repo).default_branch() == "main"
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert Git(clone).default_branch() == "origin/main"
    git(repo, "branch", "-q", "-m", "main", "master")
    assert Git(repo).default_branch() == "master"
    git(repo, "branch", "-q", "-m", "master", "trunk")
    with pytest.raises(UsageError, match="nhánh mặc định"):
        Git(repo).default_branch()


def test_option_like_revision_is_refused(repo: Path) -> None:
    with pytest.raises(UsageError):
        Git(repo).resolve("--output=/tmp/x")


def test_read_blobs_uses_one_process(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git = Git(repo)
    commit = git.resolve("HEAD")
    started: list[list[str]] = []
    real = subprocess.Popen

    def popen(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        started.append(args)
        return real(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "Popen", popen)
    from pathlib import PurePosixPath

    names = [PurePosixPath(str(WARD)), PurePosixPath(str(SET)), PurePosixPath("khong/co.yaml")]
    names.append(PurePosixPath("wards"))  # a folder, not a file
    blobs = git.read_blobs(commit, names * 20)
    assert len(started) == 1
    assert blobs[names[0]] == (repo / WARD).read_bytes()
    assert blobs[names[1]] == (repo / SET).read_bytes()
    assert blobs[names[2]] is None
    assert blobs[names[3]] is None
    assert git.files_at(commit, PurePosixPath("wards")) == [
        PurePosixPath("wards/tinh-khac/phuong-khac.yaml"),
        PurePosixPath(str(WARD)),
    ]
