"""Cases through their process: steps, deadlines with holidays, approvals, closure, referral, to-do."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import CtxhError
from desktop.core.services import cases, roster
from desktop.core.services import workflow as wf
from desktop.core.services.auth import create_user, sign_in
from tests.conftest import PASSPHRASE

T = dt.datetime


def child_case(ctx, danger: bool = True, opened: str = "20/11/2026") -> str:
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Bé", "birth_date": "01/02/2016",
                                       "target_groups": ["HCDB_I"]},
                                 {"process_type": "ND56_2017", "opened_on": opened, "serious_danger": danger})
    return case_id


def steps(ctx, case_id: str) -> list[tuple[str, object, object]]:
    return [(s["step_code"], s["due_at"], s["completed_at"]) for s in wf.case_steps(ctx, case_id)]


def test_child_protection_from_intake_to_closure(ctx) -> None:
    case_id = child_case(ctx, opened="27/08/2026")
    assert steps(ctx, case_id) == [("TIEP_NHAN", None, None)]
    # Emergency: 12 hours from receipt (08:00 on the day of intake), weekends or not.
    wf.advance(ctx, case_id, T(2026, 8, 27, 9, 15))
    assert steps(ctx, case_id)[-1] == ("DANH_GIA_BAN_DAU", T(2026, 8, 27, 20, 0), None)
    wf.advance(ctx, case_id, T(2026, 8, 27, 17, 0))
    assert steps(ctx, case_id)[-1][0] == "DANH_GIA_CU_THE"
    # The plan: 5 working days after the case meeting ends (Fri 28/8 → Tue 8/9, past Quốc khánh).
    wf.advance(ctx, case_id, T(2026, 8, 28, 10, 0))
    assert steps(ctx, case_id)[-1] == ("KE_HOACH", T(2026, 9, 8, 23, 59, 59), None)
    with pytest.raises(CtxhError) as info:
        wf.advance(ctx, case_id, T(2026, 9, 3, 9, 0))
    assert info.value.code == "E_APPROVAL_PENDING"
    with pytest.raises(CtxhError) as info:
        wf.decide(ctx, case_id, "APPROVED")
    assert info.value.code == "E_NOT_REQUESTED"
    wf.request_approval(ctx, case_id, T(2026, 9, 3, 9, 0))
    plan = wf.case_steps(ctx, case_id)[-1]
    assert plan["approval_due_at"] == T(2026, 9, 7, 23, 59, 59)  # 2 working days: Fri 4/9, Mon 7/9
    wf.decide(ctx, case_id, "REJECTED", T(2026, 9, 4, 8, 0), "Bổ sung nguồn lực")
    with pytest.raises(CtxhError):
        wf.advance(ctx, case_id, T(2026, 9, 4, 9, 0))
    wf.request_approval(ctx, case_id, T(2026, 9, 7, 9, 0))
    sign_in(ctx, "canbo", PASSPHRASE)
    with pytest.raises(CtxhError) as info:
        wf.decide(ctx, case_id, "APPROVED", T(2026, 9, 8, 8, 0))
    assert info.value.code == "E_APPROVER"  # an approval names who signed it
    wf.decide(ctx, case_id, "APPROVED", T(2026, 9, 8, 8, 0), decision_no="15/QĐ-UBND",
              decision_date=dt.date(2026, 9, 7), approver_name="Nguyễn Văn Chủ")
    plan = wf.case_steps(ctx, case_id)[-1]
    assert (plan["decision_no"], plan["decision_date"], plan["approver_name"]) == (
        "15/QĐ-UBND", dt.date(2026, 9, 7), "Nguyễn Văn Chủ")
    # Who entered the decision is the signed-in user, the same text whatever the language of the window.
    assert wf.case_steps(ctx, case_id)[-1]["decided_by"] == "canbo"
    wf.advance(ctx, case_id, T(2026, 9, 8, 9, 0))
    wf.advance(ctx, case_id, T(2026, 10, 8, 9, 0))
    assert cases.get_case(ctx, case_id)["step"] == "RA_SOAT"
    with pytest.raises(CtxhError) as info:
        wf.advance(ctx, case_id)
    assert info.value.code == "E_CLOSE_STEP"
    wf.close_case(ctx, case_id, "DAT_MUC_TIEU", T(2026, 11, 2, 10, 0))
    case = cases.get_case(ctx, case_id)
    assert (case["status"], case["closed_on"], case["closure_reason"]) == ("DA_DONG", dt.date(2026, 11, 2),
                                                                            "DAT_MUC_TIEU")
    assert all(completed is not None for _code, _due, completed in steps(ctx, case_id))
    with pytest.raises(CtxhError) as info:
        wf.advance(ctx, case_id)
    assert info.value.code == "E_CASE_CLOSED"


def test_no_emergency_deadline_without_serious_danger(ctx) -> None:
    case_id = child_case(ctx, danger=False)
    wf.advance(ctx, case_id, T(2026, 11, 20, 9, 15))
    assert steps(ctx, case_id)[-1] == ("DANH_GIA_BAN_DAU", None, None)


def test_general_case_and_closure_at_any_step_and_referral(ctx) -> None:
    case_id, _ = cases.open_case(ctx, {"full_name": "Trần Thị Lão"}, {"opened_on": "02/11/2026"})
    assert steps(ctx, case_id) == [("TIEP_NHAN", None, None)]
    wf.refer_case(ctx, case_id, "Trung tâm Công tác xã hội tỉnh", "DA_GUI", dt.date(2026, 11, 3))
    wf.refer_case(ctx, case_id, "Bệnh viện huyện", "DA_TIEP_NHAN", dt.date(2026, 11, 4))
    from desktop.core.services.registers import referrals_of_case

    # Several referrals per case, each with its own date and status, newest first.
    assert [(r["facility_name"], r["status"], r["referred_on"]) for r in referrals_of_case(ctx, case_id)] == [
        ("Bệnh viện huyện", "DA_TIEP_NHAN", dt.date(2026, 11, 4)),
        ("Trung tâm Công tác xã hội tỉnh", "DA_GUI", dt.date(2026, 11, 3))]
    with pytest.raises(CtxhError) as info:
        wf.close_case(ctx, case_id, "KHONG_CO_LY_DO")
    assert info.value.code == "E_CODE"
    wf.close_case(ctx, case_id, "CHUYEN_DI")
    assert cases.get_case(ctx, case_id)["closure_reason"] == "CHUYEN_DI"


def test_todo_list(ctx) -> None:
    now = T(2026, 11, 23, 9, 0)  # a Monday
    overdue = child_case(ctx, opened="20/11/2026")
    wf.advance(ctx, overdue, T(2026, 11, 20, 9, 0))  # emergency due 20/11 20:00 → overdue
    upcoming = child_case(ctx, opened="18/11/2026")
    wf.advance(ctx, upcoming, T(2026, 11, 18, 9, 0))
    wf.advance(ctx, upcoming, T(2026, 11, 18, 12, 0))
    wf.advance(ctx, upcoming, T(2026, 11, 19, 12, 0))  # plan due Thu 26/11: within 3 working days
    approval = child_case(ctx, opened="20/11/2026")
    for at in (T(2026, 11, 20, 9, 0), T(2026, 11, 20, 10, 0), T(2026, 11, 20, 11, 0)):
        wf.advance(ctx, approval, at)
    wf.request_approval(ctx, approval, T(2026, 11, 20, 15, 0))
    quiet, _ = cases.open_case(ctx, {"full_name": "Lê Văn Im"}, {"opened_on": "01/09/2026"})
    visited, _ = cases.open_case(ctx, {"full_name": "Lê Văn Thăm"}, {"opened_on": "01/09/2026"})
    cases.add_service(ctx, {"case_id": visited, "service_type": "THAM_HO_GIA_DINH", "delivered_on": "10/11/2026"})
    todo = wf.todo(ctx, now)
    assert [t["case_id"] for t in todo["overdue"]] == [overdue]
    assert [t["case_id"] for t in todo["upcoming"]] == [upcoming]
    assert todo["upcoming"][0]["step_code"] == "KE_HOACH"
    assert [t["case_id"] for t in todo["approvals"]] == [approval]
    assert [t["case_id"] for t in todo["no_contact"]] == [quiet] and todo["no_contact_total"] == 1
    assert (todo["overdue_total"], todo["upcoming_total"], todo["approvals_total"]) == (1, 1, 1)
    # A collaborator sees only their own cases in the list.
    worker, _ = roster.create_worker(ctx, {"full_name": "Phan Thị Cộng", "category": "CTV_CTXH"})
    create_user(ctx, "cong", "ctv-mat-khau-1", "COLLABORATOR", worker)
    cases.update_case(ctx, quiet, {"assigned_worker_id": worker})
    sign_in(ctx, "cong", "ctv-mat-khau-1")
    mine = wf.todo(ctx, now)
    assert (mine["overdue"], mine["approvals"]) == ([], [])
    assert [t["case_id"] for t in mine["no_contact"]] == [quiet]
    with pytest.raises(CtxhError) as info:
        wf.decide(ctx, approval, "APPROVED")
    assert info.value.code == "E_FORBIDDEN"


def test_case_from_before_step_records_gets_one_when_it_moves(ctx) -> None:
    from desktop.core.models import CaseStep
    from desktop.core.repositories.workflow import steps_t

    case_id = child_case(ctx)
    with ctx.db.session() as session:  # as if the case came from an older version or an import
        session.execute(steps_t.delete().where(steps_t.c.case_id == case_id))
    assert wf.case_steps(ctx, case_id) == []
    wf.advance(ctx, case_id, T(2026, 11, 20, 9, 0))
    assert [s[0] for s in steps(ctx, case_id)] == ["TIEP_NHAN", "DANH_GIA_BAN_DAU"]
    assert CaseStep.__entity__ == "case_step"


def test_todo_totals_stop_at_the_cap(ctx, monkeypatch) -> None:
    for name in ("Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba"):
        cases.open_case(ctx, {"full_name": name}, {"opened_on": "01/09/2026"})
    assert wf.todo(ctx, T(2026, 11, 23, 9, 0))["no_contact_total"] == 3
    monkeypatch.setattr(wf, "COUNT_CAP", 1)
    result = wf.todo(ctx, T(2026, 11, 23, 9, 0), limit=1)
    assert result["no_contact_total"] == 2 and len(result["no_contact"]) == 1  # 2 = "more than 1"
