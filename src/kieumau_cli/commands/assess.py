"""`kieumau assess WARD --kind KIND --by BODY --date DATE [C01=met …] [--write]`: append an
assessment (self-assessment, inspection, appraisal, re-inspection) with its verdicts.

Verdicts come from `CRITERION=STATUS` arguments, a YAML file (`--from`: a mapping of
criterion → status, or one with a `verdicts:` mapping), or `--all-met-as-claimed` (the
assessor confirms every criterion the station claims met). Like `migrate`, it prints the
diff and writes only with `--write`; the edit goes through `edit.session`.
"""

from __future__ import annotations

from pathlib import Path

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import write_if_asked
from kieumau_cli.edit import session
from kieumau_cli.edit.lifecycle import NewAssessment, append_assessment
from kieumau_cli.edit.tree import unified_diff
from kieumau_cli.edit.ward_edits import parse_date_input, parse_status
from kieumau_cli.errors import InvalidDataError, UsageError
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.render.lifecycle import stage_phrase, verified_phrase
from kieumau_cli.results.lifecycle import lifecycle_summary
from kieumau_cli.text.format import nfc

KINDS = ("self", "inspection", "appraisal", "re_inspection")


def run(
    context: Context,
    ward_argument: str,
    *,
    kind: str,
    by: str,
    date: str,
    document: str | None,
    verdicts: list[str],
    from_file: Path | None,
    all_met_as_claimed: bool,
    note: str | None,
    write: bool,
) -> int:
    repository = context.repository
    path = repository.resolve_ward(ward_argument)
    given = parse_verdicts(verdicts)
    if from_file is not None:
        given = {**verdicts_from_file(from_file, repository.display(from_file)), **given}
    with session.editing(repository, path, context.today) as edit:
        assert edit.ward is not None and edit.criteria_set is not None
        if all_met_as_claimed:
            claimed = {
                cid: Status.MET.value
                for cid, entry in edit.ward.status.items()
                if entry.status is Status.MET and edit.criteria_set.criterion(cid) is not None
            }
            given = {**claimed, **given}
        if kind != "self" and not given:
            raise UsageError("error.assess_no_verdicts")
        new = NewAssessment(
            kind=kind,
            date=parse_date_input(date, context.today),
            by=nfc(by.strip()),
            document=nfc(document.strip()) if document else None,
            verdicts=given,
            note=nfc(note.strip()) if note else None,
        )
        tree = edit.tree()
        append_assessment(tree, new)
        text = tree.dump()
        context.out.write(unified_diff(edit.original.text, text, edit.display))
        data, verdict = edit.checked(text)
        assert verdict.ward is not None and verdict.criteria_set is not None
        summary = lifecycle_summary(verdict.ward, verdict.criteria_set)
        context.notice("lifecycle.stage_now", stage=stage_phrase(summary, context.lang))
        checked = verified_phrase(summary, context.lang)
        if checked is not None:
            context.err.write(checked + "\n")
        return write_if_asked(context, edit, data, write)


def parse_verdicts(arguments: list[str]) -> dict[str, str]:
    """'C01=met', 'C08=chưa đạt' → {C01: met, C08: not_met}; an unknown status is kept as
    typed, for the models to name."""
    found: dict[str, str] = {}
    for argument in arguments:
        criterion, sep, status = argument.partition("=")
        if not sep or not criterion.strip() or not status.strip():
            raise UsageError("error.assess_bad_verdict", argument=argument)
        found[nfc(criterion.strip())] = parse_status(status)
    return found


def verdicts_from_file(path: Path, display: str) -> dict[str, str]:
    """The verdicts of a YAML file: `{C01: met, …}` or `{verdicts: {C01: met, …}}`."""
    from kieumau_cli.load.files import LoadFailedFile, read_data_file
    from kieumau_cli.load.yaml import LoadFailed, load_bytes

    try:
        document = load_bytes(read_data_file(path), display)
    except LoadFailedFile as failed:
        raise UsageError("error.assess_from_unreadable", path=display, reason=failed.code) from None
    except LoadFailed as failed:
        raise InvalidDataError(
            "error.assess_from_invalid", diagnostics=[failed.diagnostic]
        ) from None
    data = document.data
    inner = data.get("verdicts", data) if isinstance(data, dict) else None
    if not isinstance(inner, dict) or not all(isinstance(value, str) for value in inner.values()):
        raise UsageError("error.assess_from_shape", path=display)
    return {nfc(str(key)): parse_status(value) for key, value in inner.items()}
