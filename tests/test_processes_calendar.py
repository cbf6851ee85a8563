"""Processes as data, and working-day deadlines with holidays (issue 4 groundwork)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.core.domain.calendar import add_working_days, due_at, is_working_day, working_days_between
from desktop.paths import resources_dir
from forms.processes import ProcessDefinitionError, load_processes, parse_process

D = dt.date
HOLIDAYS = {D.fromisoformat(h["date"]) for h in json.loads(
    (resources_dir() / "reference" / "holidays.json").read_text(encoding="utf-8"))["holidays"]}


def test_shipped_processes_follow_the_circulars() -> None:
    processes = load_processes()
    tt02, nd56 = processes["TT02_2020"], processes["ND56_2017"]
    assert [s.code for s in tt02.steps] == ["TIEP_NHAN", "KE_HOACH", "THUC_HIEN", "THEO_DOI", "KET_THUC"]
    assert tt02.step("TIEP_NHAN").forms == ("TT02_M01", "TT02_M02") and tt02.steps[-1].closes
    assert len(nd56.steps) == 6
    emergency = nd56.step("DANH_GIA_BAN_DAU").deadline
    assert (emergency.after, emergency.hours, emergency.only_if) == ("TIEP_NHAN", 12, "serious_danger")
    plan = nd56.step("KE_HOACH")
    assert plan.deadline.working_days == 5 and plan.approval.by == "CHU_TICH_UBND_XA"
    assert plan.approval.working_days == 2
    assert nd56.next_step("KE_HOACH").code == "THUC_HIEN" and nd56.next_step("RA_SOAT") is None


@pytest.mark.parametrize("broken,message", [
    ({"code": "X", "version": 1, "title": ["a", "b"], "steps": []}, "last step must close"),
    ({"code": "X", "version": 0, "title": ["a", "b"], "steps": []}, "positive integer"),
    ({"code": "X", "version": 1, "title": ["a"], "steps": [{"code": "A", "title": ["a", "b"], "closes": True}]},
     "[Vietnamese, English]"),
    ({"code": "X", "version": 1, "title": ["a", "b"], "steps": [
        {"code": "A", "title": ["a", "b"], "deadline": {"after": "B", "hours": 1, "why": ["a", "b"]}},
        {"code": "B", "title": ["a", "b"], "closes": True}]}, "earlier step"),
    ({"code": "X", "version": 1, "title": ["a", "b"], "steps": [
        {"code": "A", "title": ["a", "b"]}, {"code": "A", "title": ["a", "b"], "closes": True}]}, "twice"),
])
def test_a_bad_process_file_is_refused_with_the_reason(broken: dict, message: str) -> None:
    with pytest.raises(ProcessDefinitionError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_process(broken, "x.json")


def test_a_new_variant_is_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "TT01_2015.json").write_text(json.dumps({
        "code": "TT01_2015", "version": 1, "title": ["Người khuyết tật", "Disability"],
        "steps": [{"code": "TIEP_NHAN", "title": ["Tiếp nhận", "Intake"]},
                  {"code": "KET_THUC", "title": ["Kết thúc", "Close"], "closes": True}]}), encoding="utf-8")
    assert list(load_processes(tmp_path)) == ["TT01_2015"]


def test_working_days_skip_weekends_and_holidays() -> None:
    assert is_working_day(D(2026, 11, 23), HOLIDAYS)  # a Monday
    assert not is_working_day(D(2026, 11, 22), HOLIDAYS)  # a Sunday
    assert not is_working_day(D(2026, 9, 2), HOLIDAYS)  # Quốc khánh
    # Friday 28/8/2026 + 5 working days: Mon 31/8, (Tue 1/9 and Wed 2/9 are holidays), Thu 3/9, Fri 4/9,
    # Mon 7/9, Tue 8/9.
    assert add_working_days(D(2026, 8, 28), 5, HOLIDAYS) == D(2026, 9, 8)
    # A plan asked for on Thursday 12/2/2026, before Tết: due after the Tết week.
    assert add_working_days(D(2026, 2, 12), 5, HOLIDAYS) == D(2026, 2, 26)
    assert add_working_days(D(2026, 11, 23), 0, HOLIDAYS) == D(2026, 11, 23)
    assert working_days_between(D(2026, 8, 28), D(2026, 9, 8), HOLIDAYS) == 5


def test_deadlines() -> None:
    received = dt.datetime(2026, 11, 20, 16, 30)  # a Friday afternoon
    assert due_at(received, 12, None, HOLIDAYS) == dt.datetime(2026, 11, 21, 4, 30)  # emergencies ignore weekends
    assert due_at(received, None, 2, HOLIDAYS) == dt.datetime(2026, 11, 24, 23, 59, 59)
    with pytest.raises(ValueError):
        due_at(received, None, None, HOLIDAYS)
