"""Tasks by owner, judged on a day: ordering, working days and holidays, the window."""

from __future__ import annotations

import datetime as dt

from kieumau_cli.results.due import build_agenda, ward_tasks
from tests.support.due import TODAY, deadlines_ward, make_set, make_ward

D = dt.date


def test_open_criteria_become_tasks_and_met_ones_do_not() -> None:
    tasks = ward_tasks(deadlines_ward(), make_set(), TODAY)
    assert [task.criterion for task in tasks] == ["C02", "C03", "C04", "C05", "C06"]
    applicable = make_ward({"C01": {"status": "not_applicable", "due": "2026-01-01"}})
    assert ward_tasks(applicable, make_set(1), TODAY) == []


def test_overdue_counts_calendar_and_working_days_across_tet() -> None:
    tasks = {task.criterion: task for task in ward_tasks(deadlines_ward(), make_set(), TODAY)}
    before_tet = tasks["C02"]  # Tue 10/02: 11, 12, 13/02 were worked, then the break
    assert (before_tet.bucket, before_tet.days_overdue, before_tet.working_days_overdue) == (
        "overdue",
        10,
        3,
    )
    on_tet = tasks["C03"]  # Mùng một: three days late, not one working day
    assert (on_tet.days_overdue, on_tet.working_days_overdue) == (3, 0)
    assert on_tet.due_on_working_day is False
    assert on_tet.due_holiday is not None and "Tết" in on_tet.due_holiday.name_vi
    next_week = tasks["C04"]  # Wed 25/02: Mon, Tue, Wed after the break
    assert (next_week.bucket, next_week.days_left, next_week.working_days_left) == ("soon", 5, 3)
    assert next_week.due_on_working_day is True and next_week.due_holiday is None
    assert tasks["C05"].bucket == "later"
    undated = tasks["C06"]
    assert (undated.bucket, undated.due, undated.due_on_working_day) == ("undated", None, None)


def test_a_due_date_on_a_weekend_is_marked_without_a_holiday() -> None:
    ward = make_ward({"C01": {"status": "not_met", "due": "2026-03-07"}})  # a Saturday
    (task,) = ward_tasks(ward, make_set(1), TODAY)
    assert (task.due_on_working_day, task.due_holiday) == (False, None)


def test_the_window_decides_soon_or_later() -> None:
    ward = make_ward({"C01": {"status": "not_met", "due": "2026-03-06"}})
    assert ward_tasks(ward, make_set(1), TODAY, within=14)[0].bucket == "soon"  # last day in
    assert ward_tasks(ward, make_set(1), TODAY, within=13)[0].bucket == "later"
    due_today = make_ward({"C01": {"status": "not_met", "due": "2026-02-20"}})
    assert ward_tasks(due_today, make_set(1), TODAY, within=0)[0].bucket == "soon"


def test_groups_by_owner_loosely_with_the_unassigned_last() -> None:
    agenda = build_agenda([(deadlines_ward(), make_set())], TODAY)
    # by name as the alphabet has it ("Đ" after "D", before "T"), accents aside
    assert [group.owner for group in agenda.groups] == ["Đội trưởng", "Tổ tiếp dân", None]
    chief, team, nobody = agenda.groups
    assert [task.criterion for task in chief.tasks] == ["C02", "C03"]  # "đội  Trưởng" too
    assert [task.criterion for task in team.shown] == ["C04"]  # C05 is after the window
    assert [task.criterion for task in team.of("later")] == ["C05"]
    assert [task.criterion for task in nobody.tasks] == ["C06"]
    assert (agenda.count("overdue"), agenda.count("soon"), agenda.count("undated")) == (2, 1, 1)
    assert agenda.any_overdue


def test_order_within_a_group_is_overdue_then_soon_then_undated_by_date_station_id() -> None:
    first = make_ward(
        {
            "C01": {"status": "not_met", "owner": "Tổ", "due": "2026-02-25"},
            "C02": {"status": "not_met", "owner": "Tổ"},
            "C03": {"status": "not_met", "owner": "Tổ", "due": "2026-02-01"},
        },
        "phuong-b",
    )
    second = make_ward(
        {
            "C01": {"status": "not_met", "owner": "Tổ", "due": "2026-02-01"},
            "C02": {"status": "not_met", "owner": "Tổ"},
            "C03": {"status": "not_met", "owner": "Tổ", "due": "2026-01-05"},
        },
        "phuong-a",
    )
    agenda = build_agenda([(first, make_set(3)), (second, make_set(3))], TODAY)
    (group,) = agenda.groups
    order = [(task.station.split("/")[1], task.criterion) for task in group.tasks]
    assert order == [
        ("phuong-a", "C03"),  # 05/01, the oldest
        ("phuong-a", "C01"),  # 01/02, station a before b
        ("phuong-b", "C03"),
        ("phuong-b", "C01"),  # soon
        ("phuong-a", "C02"),  # undated
        ("phuong-b", "C02"),
    ]
    again = build_agenda([(second, make_set(3)), (first, make_set(3))], TODAY)
    assert again == agenda  # the order the wards come in does not matter


def test_owner_filter_is_loose_and_leaves_out_the_unassigned() -> None:
    agenda = build_agenda([(deadlines_ward(), make_set())], TODAY, owner="doi truong")
    assert [group.owner for group in agenda.groups] == ["Đội trưởng"]
    assert build_agenda([(deadlines_ward(), make_set())], TODAY, owner="TIẾP DÂN").groups
    assert not build_agenda([(deadlines_ward(), make_set())], TODAY, owner="tie").groups


def test_json_payload_counts_and_lists_what_is_shown() -> None:
    payload = build_agenda([(deadlines_ward(), make_set())], TODAY).payload()
    assert payload["schema_version"] == 1
    assert (payload["today"], payload["window_end"], payload["within_days"]) == (
        "2026-02-20",
        "2026-03-06",
        14,
    )
    assert (payload["overdue"], payload["soon"], payload["undated"], payload["later"]) == (
        2,
        1,
        1,
        1,
    )
    team = payload["owners"][1]
    assert (team["owner"], team["later"], [t["criterion"] for t in team["tasks"]]) == (
        "Tổ tiếp dân",
        1,
        ["C04"],
    )
    assert payload["owners"][2]["owner"] is None


def test_calendar_holds_every_dated_task_in_date_order() -> None:
    agenda = build_agenda([(deadlines_ward(), make_set())], TODAY)
    assert [task.criterion for task in agenda.dated] == ["C02", "C03", "C04", "C05"]
