"""Who may mark a criterion met: the rule alone, then `check --base REV` over a
temporary git repository with commits by an approver and by someone else."""

from __future__ import annotations

from pathlib import Path

import pytest

from kieumau_cli.check.signoff import Claim, unapproved_claims
from kieumau_cli.load.signoff import Approver
from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.data import edit
from tests.support.git import commit_all, example_repo, git

CHIEF = Approver(name="Trưởng Công an phường", emails=["truong@example.invalid"])
DEPUTY = Approver(name="Đội trưởng")  # no addresses: the name is enough


def _claim(by: str | None, author: str | None = "truong@example.invalid") -> Claim:
    return Claim(("history", 3), "2026-02-15 C04: not_met → met", by, author, "abc1234")


def test_the_rule_names_who_is_not_an_approver() -> None:
    claims = [
        _claim("Trưởng Công an phường"),
        _claim("trưởng công an phường Lê Văn B"),  # the title, loosely, in a longer `by`
        _claim("Tổ tiếp dân"),
        _claim(None),
        _claim("Trưởng Công an phường", author="khac@example.invalid"),
        _claim("Trưởng Công an phường", author="TRUONG@example.invalid"),
        _claim("Trưởng Công an phường", author=None),  # not committed yet: by name
        _claim("Đội trưởng", author="ai-cung-duoc@example.invalid"),
    ]
    found = [(claims.index(u.claim), u.reason) for u in unapproved_claims(claims, [CHIEF, DEPUTY])]
    assert found == [(2, "not-approver"), (3, "not-approver"), (4, "author-not-approver")]


def test_no_approvers_no_rule() -> None:
    assert unapproved_claims([_claim("Tổ tiếp dân")], []) == []


APPROVERS = """approvers:
  - name: Trưởng Công an phường
    emails: [truong@example.invalid]
  - name: Đội trưởng
provenance:"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example repository, its ward listing approvers at the base commit (tag `base`)."""
    root = example_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    edit(root / WARD, "provenance:", APPROVERS)
    commit_all(root, "người được xác nhận", "2026-02-12T09:00:00+07:00")
    git(root, "tag", "base")
    return root


def mark_c04_met(root: Path, by: str, path: Path = WARD) -> None:
    edit(
        root / path, "    status: not_met\n    owner: Trưởng", "    status: met\n    owner: Trưởng"
    )
    with (root / path).open("a", encoding="utf-8") as out:
        out.write(f"  - {{date: 2026-02-15, criterion: C04, from: not_met, to: met, by: {by}}}\n")


def commit_as(root: Path, email: str) -> None:
    commit_all(root, "C04 đạt", "2026-02-15T09:00:00+07:00", author="Ai đó", email=email)


def test_an_approver_committing_as_themself_passes(repo: Path, invoke: Invoke) -> None:
    mark_c04_met(repo, "Trưởng Công an phường")
    commit_as(repo, "truong@example.invalid")
    result = invoke("check", str(WARD), "--base", "base")
    assert (result.exit_code, result.stdout) == (0, ""), result.stdout


def test_someone_else_committing_in_an_approver_s_name_is_reported(
    repo: Path, invoke: Invoke
) -> None:
    mark_c04_met(repo, "Trưởng Công an phường")
    commit_as(repo, "khac@example.invalid")
    sha = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    result = invoke("check", str(WARD), "--base", "base")
    assert result.exit_code == 1
    assert result.stdout == (
        "wards/tinh-mau/phuong-mau.yaml:57:5: error[unapproved-change]: mục lịch sử #4 "
        "(2026-02-15 C04: not_met → met) ghi đạt nhân danh 'Trưởng Công an phường' nhưng "
        f"commit {sha} của khac@example.invalid, không phải địa chỉ của người đó; để người có "
        "tên trong `approvers` ghi mục này (`by:`) và commit bằng địa chỉ e-mail của họ; hoặc "
        "bổ sung người đó vào `approvers` bằng một thay đổi riêng đã được duyệt\n"
    )
    later = invoke("check", str(WARD), "--base", "HEAD")  # merged already: not judged again
    assert later.exit_code == 0


def test_a_by_that_names_no_approver_is_reported_committed_or_not(
    repo: Path, invoke: Invoke
) -> None:
    mark_c04_met(repo, "Tổ tiếp dân")
    uncommitted = invoke("check", str(WARD), "--base", "base", "--format", "json")
    assert uncommitted.exit_code == 1
    assert '"code": "unapproved-change"' in uncommitted.stdout
    assert "'Tổ tiếp dân' không có trong danh sách `approvers` (của tệp và của tỉnh) ở base" in (
        uncommitted.stdout
    )
    commit_as(repo, "truong@example.invalid")  # the approver's address does not make it theirs
    assert invoke("check", str(WARD), "--base", "base").exit_code == 1


def test_an_approver_without_addresses_is_known_by_name(repo: Path, invoke: Invoke) -> None:
    mark_c04_met(repo, "Đội trưởng")
    commit_as(repo, "bat-ky-ai@example.invalid")
    assert invoke("check", str(WARD), "--base", "base").exit_code == 0


def test_a_change_cannot_approve_itself(repo: Path, invoke: Invoke) -> None:
    """The approvers at REV count: adding yourself in the same change approves nothing."""
    edit(repo / WARD, "  - name: Đội trưởng\n", "  - name: Đội trưởng\n  - name: Tổ tiếp dân\n")
    mark_c04_met(repo, "Tổ tiếp dân")
    commit_as(repo, "to@example.invalid")
    result = invoke("check", str(WARD), "--base", "base")
    assert result.exit_code == 1
    assert "error[unapproved-change]" in result.stdout


def test_without_approvers_the_rule_is_off(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example_repo(tmp_path / "plain")
    monkeypatch.chdir(root)
    mark_c04_met(root, "Tổ tiếp dân")
    commit_as(root, "khac@example.invalid")
    assert invoke("check", str(WARD), "--base", "HEAD~1").exit_code == 0


def test_a_new_ward_file_is_held_to_its_own_approvers(repo: Path, invoke: Invoke) -> None:
    new = Path("wards/tinh-mau/phuong-moi.yaml")
    text = (repo / WARD).read_text(encoding="utf-8").replace("ward: phuong-mau", "ward: phuong-moi")
    (repo / new).write_text(text, encoding="utf-8")
    mark_c04_met(repo, "Tổ tiếp dân", new)
    result = invoke("check", str(new), "--base", "base")
    assert result.exit_code == 1
    assert "phuong-moi.yaml:57:5: error[unapproved-change]" in result.stdout


PROGRAMME = """title:
  vi: Chương trình mẫu
  en: Sample programme
provinces:
  tinh-mau:
    approvers:
      - name: Trưởng Công an phường
        emails: [truong@example.invalid]
"""


@pytest.fixture
def province_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example repository whose programme file, not the ward, names the approvers."""
    root = example_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    (root / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    commit_all(root, "người được xác nhận của tỉnh", "2026-02-12T09:00:00+07:00")
    git(root, "tag", "base")
    return root


def test_the_province_s_approvers_in_the_programme_file_count(
    province_repo: Path, invoke: Invoke
) -> None:
    mark_c04_met(province_repo, "Tổ tiếp dân")
    commit_as(province_repo, "to@example.invalid")
    refused = invoke("check", str(WARD), "--base", "base")
    assert refused.exit_code == 1 and "error[unapproved-change]" in refused.stdout
    git(province_repo, "reset", "--hard", "base")
    mark_c04_met(province_repo, "Trưởng Công an phường")
    commit_as(province_repo, "truong@example.invalid")
    assert invoke("check", str(WARD), "--base", "base").exit_code == 0


@pytest.mark.parametrize(
    ("block", "words"),
    [
        (
            "assessments:\n  - {kind: inspection, date: 2026-02-15, by: Tổ tiếp dân,"
            " verdicts: {C04: met}}\n",
            "lần đánh giá #1 (2026-02-15 inspection) kết luận có tiêu chí đạt",
        ),
        (
            "recognition:\n  - kind: recognised\n    year: 2025\n    decision: {number: 1/QĐ-X,"
            " date: 2026-02-15, issuer: Tổ tiếp dân}\n    source: {kind: illustrative,"
            " note: ví dụ}\n",
            "mục công nhận #1 (2025 recognised) ghi quyết định công nhận",
        ),
    ],
    ids=["assessment", "recognition"],
)
def test_assessments_and_recognitions_are_claims_too(
    province_repo: Path, invoke: Invoke, block: str, words: str
) -> None:
    with (province_repo / WARD).open("a", encoding="utf-8") as out:
        out.write(block)
    commit_as(province_repo, "to@example.invalid")
    result = invoke("check", str(WARD), "--base", "base")
    assert "error[unapproved-change]" in result.stdout, result.stdout
    assert words in result.stdout
