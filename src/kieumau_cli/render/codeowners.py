"""A CODEOWNERS file from the programme file: who reviews each province's ward files.

The host (GitHub, GitLab, Gitea) then requires a reviewer of `wards/<province>/` on
every pull request touching it, when branch protection asks for code-owner reviews;
`check --base` (`unapproved-change`) holds the content to the approvers. Patterns
start with `/` so they are anchored at the repository root; `prefix` is the data
root's place in the repository.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from kieumau_cli.load.programme import Programme
from kieumau_cli.text import t


def _pattern(prefix: PurePosixPath, *parts: str, folder: bool = True) -> str:
    """'/wards/thanh-hoa/' (anchored at the repository root; PurePosixPath drops '.')."""
    return "/" + prefix.joinpath(*parts).as_posix() + ("/" if folder else "")


def codeowners_text(
    programme: Programme, prefix: PurePosixPath, provinces: Sequence[str], lang: str
) -> str:
    """The file's text: the programme's own reviewers for `criteria/` and the programme
    file, then one line per province (those of the programme and the `provinces`
    folders found), a province without reviewers as a comment saying so."""
    lines = [f"# {t(lang, 'codeowners.header')}", f"# {t(lang, 'codeowners.regenerate')}", ""]
    if programme.reviewers:
        owners = " ".join(programme.reviewers)
        lines.append(f"{_pattern(prefix, 'criteria')} {owners}")
        lines.append(f"{_pattern(prefix, 'programme.yaml', folder=False)} {owners}")
    else:
        lines.append(f"# {t(lang, 'codeowners.no_programme_reviewers')}")
    lines.append("")
    for province in sorted({*programme.provinces, *provinces}):
        entry = programme.provinces.get(province)
        pattern = _pattern(prefix, "wards", province)
        if entry is not None and entry.reviewers:
            lines.append(f"{pattern} {' '.join(entry.reviewers)}")
        else:
            lines.append(f"# {pattern} — {t(lang, 'codeowners.no_reviewers')}")
    return "\n".join(lines) + "\n"
