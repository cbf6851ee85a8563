"""Moving a case through its process: steps, deadlines, approvals, closure, referral, and the to-do list.

The process comes from forms/processes/*.json (data, not code). Every change is an ordinary synced
write (step records and case fields), so it travels to the hub like any other.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.calendar import add_working_days, due_at
from desktop.core.domain.case_rules import (
    APPROVED,
    CLOSED,
    IN_PROGRESS,
    MOVED_AWAY,
    REJECTED,
    REOPEN_REASON_MIN,
    CaseActions,
    available_actions,
    closing_problem,
    step_date_problem,
)
from desktop.core.errors import CtxhError
from desktop.core.models import Case, CaseNote, CaseStep
from desktop.core.repositories import reference as ref_repo
from desktop.core.repositories import workflow as repo
from desktop.core.services.access import case_scope, require_manager, visible_case
from desktop.core.services.changes import Changed, ChangeWriter, Writing
from desktop.core.services.records import codebook
from forms.library import definitions
from forms.processes import Process, Step

UPCOMING_WORKING_DAYS = 3
COUNT_CAP = 1000  # totals stop here: "more than 1,000 overdue" says enough, and counting all is slow
NO_CONTACT_DAYS = 30  # TT 02/2020: "no contact for 1 month" is a closure reason


def processes(root: Path | None = None) -> dict[str, Process]:
    """The process definitions by code: those shipped with the app, with the province's snapshot installed
    in the profile at `root` laid over them (forms.library)."""
    return definitions(root).processes


def process_of(case: dict[str, Any], root: Path | None = None) -> Process:
    """The process a case follows; E_PROCESS_UNKNOWN if none is defined for it."""
    process = processes(root).get(case["process_type"])
    if process is None:
        raise CtxhError("E_PROCESS_UNKNOWN", process=case["process_type"])
    return process


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _step_due(step: Step, case: dict[str, Any], records: dict[str, dict[str, Any]], at: dt.datetime,
              holidays: set[dt.date]) -> dt.datetime | None:
    deadline = step.deadline
    if deadline is None or (deadline.only_if and not case.get(deadline.only_if)):
        return None
    ref = records.get(deadline.after)
    if ref is None:
        return None
    base = ref["started_at"] if deadline.from_start else (ref["completed_at"] or at)
    return due_at(base, deadline.hours, deadline.working_days, holidays)


def start_first_step(ctx: AppContext, writer: ChangeWriter, case: dict[str, Any], at: dt.datetime) -> str:
    """Open the first step of a new case's process (called by intake, in its transaction)."""
    first = process_of(case, ctx.profile.root).steps[0]
    return writer.create(CaseStep, {"case_id": case["id"], "step_code": first.code, "started_at": at,
                                    "responsible_worker_id": case.get("assigned_worker_id")})


def _step_label(ctx: AppContext, code: str) -> str:
    """A step's name in the language messages are shown in."""
    from desktop.core.messages import current_language

    return codebook(ctx).label("case_step", code, current_language())


def _labels_first(ctx: AppContext) -> None:
    """Read the code lists before a write opens: a refusal names the step by its label, and reading the lists
    inside the write would wait on a second connection for the lock the write itself holds."""
    codebook(ctx)


def _load(ctx: AppContext, writer: ChangeWriter, case_id: str) -> tuple[dict[str, Any], Process, list[dict[str, Any]]]:
    case = visible_case(ctx, writer.session, case_id)
    if case["status"] == CLOSED:
        raise CtxhError("E_CASE_CLOSED")
    return case, process_of(case, ctx.profile.root), repo.steps_of_case(writer.session, case_id)


def _actions(case: dict[str, Any], process: Process | None, current: dict[str, Any] | None) -> CaseActions:
    code = current["step_code"] if current else case["step"]
    step = next((s for s in process.steps if s.code == code), None) if process else None
    has_next = step is not None and process is not None and process.next_step(step.code) is not None
    return available_actions(case["status"], step, has_next, current, transferred=bool(case.get("transfer_to")))


def _allow(ctx: AppContext, case: dict[str, Any], process: Process, current: dict[str, Any], action: str) -> Step:
    """The current step, once the shared rules (domain/case_rules.py) allow `action`; else their reason."""
    reason = getattr(_actions(case, process, current), action)
    if reason is not None:
        raise CtxhError(reason, step=_step_label(ctx, current["step_code"]))
    return process.step(current["step_code"])


def case_actions(ctx: AppContext, case_id: str) -> dict[str, str | None]:
    """Which workflow actions the case allows now, each None or the error code that says why not (the case
    page enables its buttons by these, so the window and the guards below never disagree)."""
    with ctx.db.reader() as session:
        case = visible_case(ctx, session, case_id)
        records = repo.steps_of_case(session, case_id)
    current = next((r for r in reversed(records) if r["completed_at"] is None), None)
    return _actions(case, processes(ctx.profile.root).get(case["process_type"]), current).as_json()


def _open_record(ctx: AppContext, writer: ChangeWriter, case: dict[str, Any],
                 records: list[dict[str, Any]]) -> dict[str, Any]:
    open_records = [r for r in records if r["completed_at"] is None]
    if open_records:
        return open_records[-1]
    # A case from before step records existed (or from an import): start a record for its step.
    at = dt.datetime.combine(case["opened_on"], dt.time(8, 0))
    record_id = writer.create(CaseStep, {"case_id": case["id"], "step_code": case["step"], "started_at": at,
                                         "responsible_worker_id": case["assigned_worker_id"]})
    return {"id": record_id, "step_code": case["step"], "started_at": at, "completed_at": None,
            "decision": None, "approval_requested_at": None}


def _done_at(ctx: AppContext, at: dt.datetime | None, current: dict[str, Any]) -> tuple[dt.datetime, dict[str, Any]]:
    """When the step was done (now, or the day written on paper) and the fields that say who entered it
    when; E_STEP_DATE_… when that day is in the future or before the step began."""
    now = _now()
    at = at or now
    problem = step_date_problem(at, current.get("started_at"), now)
    if problem:
        raise CtxhError(problem, step=_step_label(ctx, current["step_code"]),
                        started=current["started_at"].strftime("%d/%m/%Y") if current.get("started_at") else "")
    return at, {"completed_at": at, "completed_by": ctx.actor.username, "recorded_at": now}


def advance(ctx: AppContext, case_id: str, at: dt.datetime | None = None, notes: str | None = None) -> Changed:
    """Finish the current step and start the next one, with its deadline. A step that needs approval
    moves on only once approved; the last step is finished by close_case(). `at` is when it was done
    (a step done on paper is entered later with its day); the record keeps who entered it and when."""
    _labels_first(ctx)
    with Writing(ctx) as writer:
        case, process, records = _load(ctx, writer, case_id)
        current = _open_record(ctx, writer, case, records)
        step = _allow(ctx, case, process, current, "advance")
        at, done_fields = _done_at(ctx, at, current)
        following = process.next_step(step.code)
        assert following is not None  # _allow refused the last step
        writer.update(CaseStep, current["id"], {**done_fields, **({"notes": notes} if notes else {})})
        done = {r["step_code"]: r for r in repo.steps_of_case(writer.session, case_id)}
        holidays = ref_repo.holidays(writer.session)
        writer.create(CaseStep, {
            "case_id": case_id, "step_code": following.code, "started_at": at,
            "due_at": _step_due(following, case, done, at, holidays),
            "responsible_worker_id": case["assigned_worker_id"],
        })
        writer.update(Case, case_id, {"step": following.code, "status": IN_PROGRESS})
    return writer.changed


def request_approval(ctx: AppContext, case_id: str, at: dt.datetime | None = None) -> Changed:
    """Submit the current step (e.g. the plan) to the commune chair; the approval deadline starts (from `at`,
    the day it was submitted, when that was on paper earlier)."""
    _labels_first(ctx)
    with Writing(ctx) as writer:
        case, process, records = _load(ctx, writer, case_id)
        current = _open_record(ctx, writer, case, records)
        step = _allow(ctx, case, process, current, "request_approval")
        at, _done = _done_at(ctx, at, current)
        assert step.approval is not None  # _allow refused a step without one
        holidays = ref_repo.holidays(writer.session)
        due = (dt.datetime.combine(add_working_days(at.date(), step.approval.working_days, holidays), dt.time.max)
               .replace(microsecond=0) if step.approval.working_days is not None else None)
        writer.update(CaseStep, current["id"], {"approval_requested_at": at, "approval_due_at": due,
                                               "decided_at": None, "decision": None, "decided_by": None})
    return writer.changed


def decide(ctx: AppContext, case_id: str, decision: str, at: dt.datetime | None = None,
           notes: str | None = None, decision_no: str | None = None, decision_date: dt.date | None = None,
           approver_name: str | None = None) -> Changed:
    """Record the chair's decision on the current step as written on paper: its number, its date (`at`'s day
    unless given) and who signed it (required for an approval). The record also keeps who entered it (the
    acting user's name, never a text in the clicking officer's language) and when."""
    require_manager(ctx)
    if decision not in (APPROVED, REJECTED):
        raise CtxhError("E_CODE", field="decision", value=decision)
    approver = " ".join((approver_name or "").split()) or None
    number = " ".join((decision_no or "").split()) or None
    for name, value, longest in (("decision_no", number, 40), ("approver_name", approver, 120)):
        if value and len(value) > longest:
            raise CtxhError("E_TOO_LONG", field=name, max=longest)
    _labels_first(ctx)
    with Writing(ctx) as writer:
        case, process, records = _load(ctx, writer, case_id)
        current = _open_record(ctx, writer, case, records)
        _allow(ctx, case, process, current, "decide")
        if decision == APPROVED and approver is None:  # the paper's signer, not the officer who types it in
            raise CtxhError("E_APPROVER")
        at, done_fields = _done_at(ctx, at, current)
        signed = decision_date or at.date()
        asked = current.get("approval_requested_at")
        if signed > at.date():
            raise CtxhError("E_STEP_DATE_FUTURE")
        if asked is not None and signed < asked.date():  # signed before it was submitted
            raise CtxhError("E_STEP_DATE_EARLY", step=_step_label(ctx, current["step_code"]),
                            started=asked.strftime("%d/%m/%Y"))
        writer.update(CaseStep, current["id"], {"decided_at": at, "decision": decision,
                                               "decided_by": ctx.actor.username, "decision_no": number,
                                               "decision_date": signed, "approver_name": approver,
                                               "recorded_at": done_fields["recorded_at"],
                                               **({"notes": notes} if notes else {})})
    return writer.changed


def close_case(ctx: AppContext, case_id: str, reason: str, at: dt.datetime | None = None,
               notes: str | None = None) -> Changed:
    """Close a case with a reason from the TT 02/2020 list, at any step for a reason outside the process (a
    family may move away), but "goal achieved" only at its last step (case_rules.closing_problem)."""
    if not codebook(ctx).known("closure_reason", reason):
        raise CtxhError("E_CODE", field="closure_reason", value=reason)
    _labels_first(ctx)
    with Writing(ctx) as writer:
        case, process, records = _load(ctx, writer, case_id)
        current = _open_record(ctx, writer, case, records)
        problem = closing_problem(reason, next((s for s in process.steps if s.code == current["step_code"]), None))
        if problem:
            raise CtxhError(problem, step=_step_label(ctx, current["step_code"]))
        at, done_fields = _done_at(ctx, at, current)
        writer.update(CaseStep, current["id"], {**done_fields, **({"notes": notes} if notes else {})})
        writer.update(Case, case_id, {"status": CLOSED, "closed_on": at.date(), "closure_reason": reason})
    return writer.changed


def reopen_case(ctx: AppContext, case_id: str, reason: str, at: dt.datetime | None = None) -> Changed:
    """Reopen a closed case at the step it closed on, for a reason the officer writes (kept as a REOPEN note
    in the case's log and in the audit trail). The closure's date and reason go back to empty; the record's
    history keeps them. A case transferred to another commune is carried on there, not reopened here."""
    require_manager(ctx)
    reason = " ".join((reason or "").split())
    if len(reason) < REOPEN_REASON_MIN:
        raise CtxhError("E_REOPEN_REASON", min=REOPEN_REASON_MIN)
    now = _now()
    at = at or now
    if at > now:
        raise CtxhError("E_STEP_DATE_FUTURE")
    _labels_first(ctx)
    with Writing(ctx) as writer:
        case = visible_case(ctx, writer.session, case_id)
        refused = _actions(case, None, None).reopen
        if refused:
            raise CtxhError(refused)
        writer.update(Case, case_id, {"status": IN_PROGRESS, "closed_on": None, "closure_reason": None})
        writer.create(CaseStep, {"case_id": case_id, "step_code": case["step"], "started_at": at,
                                 "responsible_worker_id": case["assigned_worker_id"]})
        writer.create(CaseNote, {"case_id": case_id, "noted_on": at.date(), "kind": "REOPEN", "text": reason,
                                 "author": ctx.actor.username})
        from desktop.core.services.audit import note

        note(ctx, writer.session, "reopen_case", f"case:{case_id}", case_no=case["case_no"])
    return writer.changed


def transfer_destinations(ctx: AppContext) -> list[tuple[str, str]]:
    """The communes a case can be transferred to: the province's others, as (code, name)."""
    with ctx.db.reader() as session:
        return [(unit.code, unit.name) for unit in ref_repo.communes(session, ctx.province_code)
                if unit.code != ctx.commune_code]


def transfer_case(ctx: AppContext, case_id: str, to_commune: str, at: dt.datetime | None = None,
                  notes: str | None = None) -> Changed:
    """The person moved to another commune of the province: the case closes here ("Chuyển nơi ở") naming that
    commune, and the hub opens it there with its history (sync.hub.transfers)."""
    with ctx.db.reader() as session:
        unit = ref_repo.admin_unit(session, to_commune)
    if unit is None or unit.level != "commune":
        raise CtxhError("E_UNKNOWN_UNIT", code=to_commune)
    if unit.parent_code != ctx.province_code:
        raise CtxhError("E_COMMUNE_PROVINCE", commune=to_commune, province=ctx.province_code)
    if to_commune == ctx.commune_code:
        raise CtxhError("E_TRANSFER_SAME", commune=unit.name)
    _labels_first(ctx)
    with Writing(ctx) as writer:
        case, _process, records = _load(ctx, writer, case_id)
        current = _open_record(ctx, writer, case, records)
        at, done_fields = _done_at(ctx, at, current)
        writer.update(CaseStep, current["id"], {**done_fields, **({"notes": notes} if notes else {})})
        writer.update(Case, case_id, {"status": CLOSED, "closed_on": at.date(), "closure_reason": MOVED_AWAY,
                                      "transfer_to": f"{ctx.province_code}:{to_commune}"})
    return writer.changed


def refer_case(ctx: AppContext, case_id: str, facility: str, status: str = "DA_GUI",
               on: dt.date | None = None) -> Changed:
    """Record a referral (chuyển tuyến) of the case to a facility named as written, sent on `on` (today)."""
    from desktop.core.services.registers import add_referral

    _id, changed = add_referral(ctx, {"case_id": case_id, "facility_name": facility, "status": status,
                                      "referred_on": on or _now().date()})
    return changed


def case_steps(ctx: AppContext, case_id: str) -> list[dict[str, Any]]:
    """The step records of a case (its timeline), oldest first."""
    with ctx.db.reader() as session:
        visible_case(ctx, session, case_id)
        return repo.steps_of_case(session, case_id)


def todo(ctx: AppContext, now: dt.datetime | None = None, limit: int = 200) -> dict[str, Any]:
    """Việc cần làm: overdue and coming deadlines, approvals waiting, cases with no contact for a month, values
    to map, and the province's notices on people another commune holds too.

    Each list holds at most `limit` items, most urgent first, beside its total (which stops at
    COUNT_CAP + 1, meaning "more than COUNT_CAP"). A collaborator sees only their own cases.
    """
    now = now or _now()
    scope = case_scope(ctx)
    with ctx.db.reader() as session:
        holidays = ref_repo.holidays(session)
        horizon = dt.datetime.combine(add_working_days(now.date(), UPCOMING_WORKING_DAYS, holidays), dt.time.max)
        since = now.date() - dt.timedelta(days=NO_CONTACT_DAYS)
        lists = {
            "overdue": repo.steps_due(session, None, now, scope, limit),
            "overdue_total": repo.count_steps_due(session, None, now, scope, COUNT_CAP),
            "upcoming": repo.steps_due(session, now, horizon, scope, limit),
            "upcoming_total": repo.count_steps_due(session, now, horizon, scope, COUNT_CAP),
            "approvals": repo.approvals_waiting(session, scope, limit),
            "approvals_total": repo.count_approvals_waiting(session, scope, COUNT_CAP),
            "no_contact": repo.without_contact_since(session, since, scope, limit),
            "no_contact_total": repo.count_without_contact_since(session, since, scope, COUNT_CAP),
            **_to_map(session, scope, limit),
        }
    return {**lists, **_notices(ctx, scope, limit)}


def _notices(ctx: AppContext, scope: Any, limit: int) -> dict[str, Any]:
    """The province's word on people two communes hold (what to do with the allowance), for the officer."""
    if scope:
        return {"notices": [], "notices_total": 0}
    from desktop.core.services.duplicate_notices import open_notices

    rows = open_notices(ctx)
    return {"notices": rows[:limit], "notices_total": len(rows)}


def _to_map(session: Any, scope: Any, limit: int) -> dict[str, Any]:
    """People whose imported values wait for a code, and TCXH_06 records waiting for the level of disability.
    A collaborator (whose view is limited to their cases) is not asked: mapping is the officer's."""
    from desktop.core.repositories.records import records_to_map

    if scope:
        return {"to_map": [], "to_map_total": 0}
    rows, total = records_to_map(session, limit, COUNT_CAP)
    return {"to_map": rows, "to_map_total": total}
