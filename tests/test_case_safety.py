"""Safe case steps (issue 17): the step and status move only through the workflow; a step done on paper is
entered with its real day and who entered it when; an approval keeps its number, date and signer; "goal
achieved" only after the review; a closed case is reopened with a reason (logged and audited); the case's
notes and timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import CtxhError, ValidationError
from desktop.core.services import audit, case_log, cases
from desktop.core.services import workflow as wf
from tests.test_workflow import child_case

T = dt.datetime


def _plan_approved(ctx, case_id: str) -> None:
    for at in (T(2026, 11, 20, 9, 0), T(2026, 11, 20, 10, 0), T(2026, 11, 20, 11, 0)):
        wf.advance(ctx, case_id, at)
    wf.request_approval(ctx, case_id, T(2026, 11, 20, 15, 0))
    wf.decide(ctx, case_id, "APPROVED", T(2026, 11, 23, 9, 0), decision_no="21/QĐ-UBND",
              decision_date=dt.date(2026, 11, 23), approver_name="Nguyễn Văn Chủ")


def test_the_edit_form_cannot_move_a_case_around_the_workflow(ctx) -> None:
    case_id = child_case(ctx)
    case = cases.get_case(ctx, case_id)
    person = {"full_name": "Nguyễn Văn Bé"}
    for field, value in (("status", "DA_DONG"), ("step", "RA_SOAT"), ("closure_reason", "DAT_MUC_TIEU"),
                         ("closed_on", "21/11/2026")):
        with pytest.raises(ValidationError) as info:
            cases.save_case(ctx, case_id, person, {field: value})
        assert info.value.problems == [(field, "E_WORKFLOW_FIELD", {})]
        with pytest.raises(ValidationError):
            cases.update_case(ctx, case_id, {field: value})
    # The form sends its current values back with the rest: unchanged, they are no change.
    cases.save_case(ctx, case_id, person, {"step": case["step"], "status": case["status"], "summary": "Bị bỏ rơi"})
    after = cases.get_case(ctx, case_id)
    assert (after["step"], after["status"], after["summary"]) == (case["step"], case["status"], "Bị bỏ rơi")


def test_a_step_done_on_paper_keeps_its_day_and_who_entered_it_when(ctx) -> None:
    case_id = child_case(ctx, opened="20/11/2026")
    with pytest.raises(CtxhError) as info:
        wf.advance(ctx, case_id, T(2026, 11, 19, 9, 0))  # before the case was received
    assert info.value.code == "E_STEP_DATE_EARLY"
    with pytest.raises(CtxhError) as info:
        wf.advance(ctx, case_id, dt.datetime.now() + dt.timedelta(days=1))
    assert info.value.code == "E_STEP_DATE_FUTURE"
    before = dt.datetime.now().replace(microsecond=0)
    wf.advance(ctx, case_id, T(2026, 11, 20, 9, 0))
    done = wf.case_steps(ctx, case_id)[0]
    assert done["completed_at"] == T(2026, 11, 20, 9, 0)
    assert done["completed_by"] == ctx.actor.username and done["recorded_at"] >= before
    # Nothing was written by the refused attempts.
    assert len(wf.case_steps(ctx, case_id)) == 2


def test_an_approval_keeps_its_number_date_and_signer_and_its_date_is_checked(ctx) -> None:
    case_id = child_case(ctx)
    for at in (T(2026, 11, 20, 9, 0), T(2026, 11, 20, 10, 0), T(2026, 11, 20, 11, 0)):
        wf.advance(ctx, case_id, at)
    wf.request_approval(ctx, case_id, T(2026, 11, 20, 15, 0))
    with pytest.raises(CtxhError) as info:  # signed before it was submitted
        wf.decide(ctx, case_id, "APPROVED", T(2026, 11, 23, 9, 0), decision_date=dt.date(2026, 11, 19),
                  approver_name="Nguyễn Văn Chủ")
    assert info.value.code == "E_STEP_DATE_EARLY"
    with pytest.raises(CtxhError) as info:
        wf.decide(ctx, case_id, "APPROVED", T(2026, 11, 23, 9, 0), decision_no="21/QĐ-UBND", approver_name="  ")
    assert info.value.code == "E_APPROVER"
    wf.decide(ctx, case_id, "APPROVED", T(2026, 11, 23, 9, 0), decision_no=" 21/QĐ-UBND ",
              approver_name="Nguyễn  Văn Chủ")
    plan = wf.case_steps(ctx, case_id)[-1]
    assert (plan["decision_no"], plan["decision_date"], plan["approver_name"], plan["decided_by"]) == (
        "21/QĐ-UBND", dt.date(2026, 11, 23), "Nguyễn Văn Chủ", ctx.actor.username)


def test_goal_achieved_only_after_the_review(ctx) -> None:
    case_id = child_case(ctx)
    _plan_approved(ctx, case_id)
    wf.advance(ctx, case_id, T(2026, 11, 24, 9, 0))  # the plan → carrying it out
    assert cases.get_case(ctx, case_id)["step"] == "THUC_HIEN"
    with pytest.raises(CtxhError) as info:
        wf.close_case(ctx, case_id, "DAT_MUC_TIEU", T(2026, 11, 25, 9, 0))
    assert info.value.code == "E_CLOSE_EARLY"
    assert cases.get_case(ctx, case_id)["status"] != "DA_DONG"
    # A reason outside the process closes at any step.
    wf.close_case(ctx, case_id, "CHUYEN_DI", T(2026, 11, 25, 9, 0))
    assert cases.get_case(ctx, case_id)["status"] == "DA_DONG"


def test_reopen_a_closed_case_with_a_reason(ctx) -> None:
    case_id = child_case(ctx)
    with pytest.raises(CtxhError) as info:
        wf.reopen_case(ctx, case_id, "Gia đình quay lại địa phương")
    assert info.value.code == "E_CASE_OPEN"
    wf.close_case(ctx, case_id, "MAT_LIEN_LAC", T(2026, 11, 21, 9, 0))
    assert wf.case_actions(ctx, case_id)["reopen"] is None
    with pytest.raises(CtxhError) as info:
        wf.reopen_case(ctx, case_id, "nhầm")
    assert info.value.code == "E_REOPEN_REASON"
    wf.reopen_case(ctx, case_id, "Gia đình đã liên lạc lại, trẻ vẫn cần hỗ trợ", T(2026, 11, 30, 9, 0))
    case = cases.get_case(ctx, case_id)
    assert (case["status"], case["closed_on"], case["closure_reason"], case["step"]) == (
        "DANG_XU_LY", None, None, "TIEP_NHAN")
    assert wf.case_steps(ctx, case_id)[-1]["completed_at"] is None  # it is worked again from its step
    wf.advance(ctx, case_id, T(2026, 11, 30, 10, 0))
    assert [e["action"] for e in audit.list_entries(ctx, action="reopen_case")] == ["reopen_case"]
    events = [e.event for e in case_log.timeline(ctx, case_id)]
    assert events.index("EV_REOPEN") > events.index("EV_STEP_DONE")
    assert case_log.notes_of_case(ctx, case_id)[0]["kind"] == "REOPEN"


def test_a_transferred_case_is_not_reopened_here(ctx) -> None:
    case_id = child_case(ctx)
    destination = next(code for code, _name in wf.transfer_destinations(ctx))
    wf.transfer_case(ctx, case_id, destination, T(2026, 11, 21, 9, 0))
    assert wf.case_actions(ctx, case_id)["reopen"] == "E_CASE_TRANSFERRED"
    with pytest.raises(CtxhError) as info:
        wf.reopen_case(ctx, case_id, "Gia đình quay lại địa phương")
    assert info.value.code == "E_CASE_TRANSFERRED"


def test_notes_and_the_timeline_tell_the_case_in_order(ctx) -> None:
    case_id = child_case(ctx)
    with pytest.raises(CtxhError) as info:
        case_log.add_note(ctx, case_id, "   ")
    assert info.value.code == "E_NOTE_EMPTY"
    with pytest.raises(CtxhError):
        case_log.add_note(ctx, case_id, "Mở lại", kind="REOPEN")  # only the workflow writes a reopening
    case_log.add_note(ctx, case_id, "Gọi điện cho bà ngoại, hẹn thăm nhà thứ Hai", "20/11/2026")
    _plan_approved(ctx, case_id)
    cases.add_service(ctx, {"case_id": case_id, "service_type": "THAM_HO_GIA_DINH", "delivered_on": "24/11/2026"})
    events = case_log.timeline(ctx, case_id)
    order = [e.event for e in events]
    assert order[0] == "EV_OPENED"
    assert order.index("EV_NOTE") < order.index("EV_SUBMITTED") < order.index("EV_DECIDED") < order.index(
        "EV_SERVICE")
    decided = next(e for e in events if e.event == "EV_DECIDED")
    assert decided.params["number"] == "21/QĐ-UBND" and decided.by == ctx.actor.username
    assert [e.on for e in events] == sorted(e.on for e in events)
