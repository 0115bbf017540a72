"""The life-cycle rules of `check` (check/lifecycle.py) end to end on the example root,
and `--base` keeping assessments and recognition append-only."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.data import edit
from tests.support.git import commit_all, example_repo

SELECTED = "selected:\n  date: 2026-01-05\n"
ASSESSMENT = (
    "assessments:\n"
    "  - kind: inspection\n"
    "    date: 2026-02-15\n"
    "    by: Công an tỉnh Mẫu\n"
    "    verdicts: {C01: met, C02: not_met}\n"
)
DECISION = (
    "recognition:\n"
    "  - kind: recognised\n"
    "    year: 2026\n"
    "    decision: {number: 1/QĐ-BCA, date: 2026-02-18, issuer: Bộ Công an}\n"
    "    source: {kind: official, document: 1/QĐ-BCA, date: 2026-02-18}\n"
)


def _append(root: Path, text: str) -> None:
    with (root / WARD).open("a", encoding="utf-8") as stream:
        stream.write(text)


def _found(invoke: Invoke) -> list[tuple[str, int, str]]:
    result = invoke("check", "--format", "json")
    return [(d["code"], d["line"], d["severity"]) for d in json.loads(result.stdout)]


def _codes(invoke: Invoke) -> set[str]:
    return {code for code, _, _ in _found(invoke)}


def test_a_sound_life_cycle_passes_but_maintenance_is_at_risk(
    run_example: Invoke, example_root: Path
) -> None:
    _append(example_root, SELECTED + ASSESSMENT + DECISION)
    found = _found(run_example)
    # The station claims 2/4 yet holds a recognition: a warning, at the `recognition:` key.
    assert [(code, severity) for code, _, severity in found] == [("maintenance-at-risk", "warning")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SELECTED.replace("2026-01-05", "2026-03-01") + ASSESSMENT, "lifecycle-future"),
        (SELECTED.replace("2026-01-05", "2026-02-16") + ASSESSMENT, "lifecycle-before-selected"),
        (ASSESSMENT.replace("2026-02-15", "2026-02-21"), "lifecycle-future"),
        (ASSESSMENT.replace("C02: not_met", "C09: met"), "verdict-unknown-criterion"),
        (
            DECISION.replace(
                "    source: {kind: official, document: 1/QĐ-BCA, date: 2026-02-18}\n", ""
            ),
            "recognition-no-source",
        ),
        (DECISION.replace("number: 1/QĐ-BCA, ", "number: null, "), "recognition-no-decision"),
        (
            DECISION.replace(
                "    decision: {number: 1/QĐ-BCA, date: 2026-02-18, issuer: Bộ Công an}\n", ""
            ),
            "recognition-no-decision",
        ),
        (DECISION.replace("year: 2026", "year: 2027"), "recognition-year-after-decision"),
    ],
)
def test_each_rule(run_example: Invoke, example_root: Path, text: str, code: str) -> None:
    _append(example_root, text)
    assert code in _codes(run_example)


def test_a_number_unknown_with_its_reason_is_accepted(
    run_example: Invoke, example_root: Path
) -> None:
    text = DECISION.replace("number: 1/QĐ-BCA, ", "number: null, ").replace(
        "    source:", "    number_unknown: bài báo không nêu số quyết định\n    source:"
    )
    _append(example_root, text)
    assert "recognition-no-decision" not in _codes(run_example)


def _evidence(root: Path, file: str, sha256: str | None = None) -> None:
    line = f"        file: {file}\n" + (f"        sha256: {sha256}\n" if sha256 else "")
    edit(root / WARD, "        date: 2026-01-20\n", "        date: 2026-01-20\n" + line)


def test_evidence_files(run_example: Invoke, example_root: Path) -> None:
    scan = example_root / "evidence" / "nq-01.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4 scan")
    digest = hashlib.sha256(b"%PDF-1.4 scan").hexdigest()
    _evidence(example_root, "evidence/nq-01.pdf", digest)
    assert _codes(run_example) == set()
    scan.write_bytes(b"%PDF-1.4 another scan")
    assert _codes(run_example) == {"evidence-changed"}


def test_an_unhashed_file_is_a_warning_naming_its_digest(
    run_example: Invoke, example_root: Path
) -> None:
    (example_root / "nq.pdf").write_bytes(b"x")
    _evidence(example_root, "nq.pdf")
    result = run_example("check")
    assert "evidence-unhashed" in result.stdout
    assert hashlib.sha256(b"x").hexdigest() in result.stdout


@pytest.mark.parametrize("name", ["../outside.pdf", "/etc/passwd", "link/secret.pdf"])
def test_evidence_outside_the_root(
    run_example: Invoke, example_root: Path, tmp_path: Path, name: str
) -> None:
    (tmp_path / "outside.pdf").write_bytes(b"x")
    (tmp_path / "secret.pdf").write_bytes(b"x")
    (example_root / "link").symlink_to(tmp_path)
    _evidence(example_root, name)
    assert "evidence-outside" in _codes(run_example)


def test_missing_evidence(run_example: Invoke, example_root: Path) -> None:
    _evidence(example_root, "evidence/none.pdf")
    assert _codes(run_example) == {"evidence-missing"}


# --- --base -----------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = example_repo(tmp_path / "repo")
    (root / "wards" / "tinh-khac" / "phuong-khac.yaml").unlink()
    _append(root, ASSESSMENT + DECISION)
    commit_all(root, "kiểm tra và công nhận", "2026-02-19T10:00:00")
    monkeypatch.chdir(root)
    return root


def test_base_allows_appending(repo: Path, invoke: Invoke) -> None:
    edit(
        repo / WARD,
        "recognition:\n",
        "  - {kind: self, date: 2026-02-19, by: Công an phường Mẫu}\nrecognition:\n",
    )
    result = invoke("check", "--base", "HEAD", "--format", "json")
    assert not {d["code"] for d in json.loads(result.stdout)} & {
        "lifecycle-rewritten",
        "lifecycle-deleted",
        "lifecycle-inserted",
    }


def test_base_refuses_rewriting_a_verdict(repo: Path, invoke: Invoke) -> None:
    edit(repo / WARD, "C02: not_met", "C02: met")
    result = invoke("check", "--base", "HEAD")
    assert result.exit_code == 1
    assert "error[lifecycle-rewritten]" in result.stdout
    assert "assessments" in result.stdout


def test_base_refuses_deleting_a_recognition(repo: Path, invoke: Invoke) -> None:
    text = (repo / WARD).read_text(encoding="utf-8")
    (repo / WARD).write_text(text[: text.index("recognition:\n")], encoding="utf-8")
    result = invoke("check", "--base", "HEAD", "--format", "json")
    found = [d for d in json.loads(result.stdout) if d["code"] == "lifecycle-deleted"]
    assert len(found) == 1
    assert "recognition" in found[0]["message"]


def test_changed_checks_a_changed_programme(repo: Path, invoke: Invoke) -> None:
    (repo / "programme.yaml").write_text("title: {vi: x}\ntargets: [{year: 2025}]\n", "utf-8")
    result = invoke("check", "--changed", "HEAD", "--format", "json")
    assert result.exit_code == 1
    assert {d["path"] for d in json.loads(result.stdout)} == {"programme.yaml"}
