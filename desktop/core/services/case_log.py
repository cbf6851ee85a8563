"""A case's progress log and its timeline: the officer's notes (a visit, a call, what was agreed), and
everything that happened to the case in one list, each event with the day it happened and who entered it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.case_rules import NOTE_KINDS
from desktop.core.errors import CtxhError
from desktop.core.models import CaseNote, Consent, FormAnswer, Referral
from desktop.core.repositories import records as repo
from desktop.core.repositories import workflow as steps_repo
from desktop.core.services.access import visible_case
from desktop.core.services.changes import Changed, Writing
from desktop.core.services.records import validate
from desktop.core.validation import Rule
from desktop.dates import local_time

NOTE_RULES: dict[str, Rule] = {
    "case_id": Rule("ref", required=True),
    "noted_on": Rule("date", required=True, not_future=True),
    "kind": Rule("text", required=True, max_len=10),
    "text": Rule("text", required=True, max_len=4000),
    "author": Rule("text", max_len=120),
}


def add_note(ctx: AppContext, case_id: str, text: str, noted_on: Any = None, kind: str = "NOTE") -> tuple[str, Changed]:
    """Write a line in the case's log, dated the day it happened (today unless given). Allowed on a closed
    case too: what was heard of the person after closure belongs to its story."""
    if kind not in NOTE_KINDS or kind == "REOPEN":  # a reopening is written by the workflow, with its reason
        raise CtxhError("E_CODE", field="kind", value=kind)
    if not " ".join((text or "").split()):
        raise CtxhError("E_NOTE_EMPTY")
    cleaned = validate(ctx, NOTE_RULES, {"case_id": case_id, "noted_on": noted_on or dt.date.today(), "kind": kind,
                                         "text": text.strip(), "author": ctx.actor.username})
    with Writing(ctx) as writer:
        visible_case(ctx, writer.session, case_id)
        note_id = writer.create(CaseNote, cleaned)
    return note_id, writer.changed


def notes_of_case(ctx: AppContext, case_id: str) -> list[dict[str, Any]]:
    """The case's log, newest first."""
    with ctx.db.reader() as session:
        visible_case(ctx, session, case_id)
        rows = [r for r in repo.rows_where(session, CaseNote, case_id=case_id) if not r["deleted"]]
    return sorted(rows, key=lambda r: (r["noted_on"], r["created_at"]), reverse=True)


# Events whose "entered" is the workflow's recorded_at (local time already); the others' is a UTC stamp.
_WORKFLOW_STAMPED = ("EV_DECIDED", "EV_STEP_DONE")


@dataclass(frozen=True)
class Event:
    """One thing that happened to a case: `event` is a message code (EV_…) whose text takes `params`; `on`
    is when it happened, `by` who entered it and `entered` when, where the record says."""

    on: dt.datetime
    event: str
    params: Mapping[str, Any] = field(default_factory=dict)
    by: str | None = None
    entered: dt.datetime | None = None

    def as_json(self) -> dict[str, Any]:
        """The event as plain values (the command line's --json)."""
        return {"on": self.on.isoformat(), "event": self.event, "params": dict(self.params), "by": self.by,
                "entered": self.entered.isoformat() if self.entered else None}


def _day(value: dt.date) -> dt.datetime:
    return dt.datetime.combine(value, dt.time(0, 0))


def _local(utc: dt.datetime | None) -> dt.datetime | None:
    return local_time(utc) if utc is not None else None


def _note_moment(note: dict[str, Any]) -> dt.datetime:
    """A note written on the day it tells of sits at the moment it was written (a reopening comes after
    the step it reopened); one written later sits at the start of its day."""
    written = _local(note["created_at"])
    return written if written is not None and written.date() == note["noted_on"] else _day(note["noted_on"])


def timeline(ctx: AppContext, case_id: str) -> list[Event]:
    """Everything that happened to a case, oldest first: intake, each step begun, submitted, decided and
    finished, services, referrals, consents, forms filled, notes, reopenings, closure. Codes stay codes in
    `params` (the reader shows their labels)."""
    with ctx.db.reader() as session:
        case = visible_case(ctx, session, case_id)
        steps = steps_repo.steps_of_case(session, case_id)
        services = repo.services_of_case(session, case_id)
        live = {model: [r for r in repo.rows_where(session, model, case_id=case_id) if not r["deleted"]]
                for model in (CaseNote, Referral, Consent, FormAnswer)}
    events = [Event(_day(case["opened_on"]), "EV_OPENED", {"process": case["process_type"]}, None,
                    case["created_at"])]
    for s in steps:
        events.append(Event(s["started_at"], "EV_STEP_STARTED", {"step": s["step_code"]}))
        if s["approval_requested_at"]:
            events.append(Event(s["approval_requested_at"], "EV_SUBMITTED", {"step": s["step_code"]}))
        if s["decided_at"]:
            events.append(Event(s["decided_at"], "EV_DECIDED", {
                "step": s["step_code"], "decision": s["decision"], "number": s.get("decision_no") or "",
                "approver": s.get("approver_name") or ""}, s["decided_by"], s.get("recorded_at")))
        if s["completed_at"]:
            events.append(Event(s["completed_at"], "EV_STEP_DONE", {"step": s["step_code"]},
                                s.get("completed_by"), s.get("recorded_at")))
    events += [Event(_day(r["delivered_on"]), "EV_SERVICE", {"service": r["service_type"]}, r["updated_by"],
                     r["created_at"]) for r in services]
    events += [Event(_day(r["referred_on"]), "EV_REFERRAL", {"facility": r["facility_name"] or "",
                                                             "status": r["status"]}, r["updated_by"], r["created_at"])
               for r in live[Referral]]
    for r in live[Consent]:
        events.append(Event(_day(r["given_on"]), "EV_CONSENT", {"purpose": r["purpose"], "signer": r["signer_role"]},
                            r["updated_by"], r["created_at"]))
        if r["withdrawn_on"]:
            events.append(Event(_day(r["withdrawn_on"]), "EV_CONSENT_WITHDRAWN", {"purpose": r["purpose"]},
                                r["updated_by"]))
    events += [Event(_day(r["filled_on"]), "EV_FORM", {"form": r["form_code"]}, r["updated_by"], r["created_at"])
               for r in live[FormAnswer]]
    events += [Event(_note_moment(r), f"EV_{r['kind']}", {"text": r["text"]}, r["author"], r["created_at"])
               for r in live[CaseNote]]
    if case["closed_on"]:
        events.append(Event(_day(case["closed_on"]) + dt.timedelta(hours=23, minutes=59), "EV_CLOSED",
                            {"reason": case["closure_reason"] or ""}))
    # Stable: events of one moment keep the order above (a step finishes before the next one starts).
    events = [Event(e.on, e.event, e.params, e.by, _local(e.entered) if e.event not in _WORKFLOW_STAMPED else e.entered)
              for e in events]
    return sorted(events, key=lambda e: e.on)


# Which code list each kind of code in an event's params belongs to (the reader shows its label).
_PARAM_LISTS = {"step": "case_step", "process": "process_type", "decision": "approval_decision",
                "service": "service_type", "status": "referral_status", "purpose": "consent_purpose",
                "signer": "consent_signer", "reason": "closure_reason"}


def event_text(ctx: AppContext, event: Event) -> str:
    """What an event says, in the language messages are shown in, its codes by their labels and a form by
    its title."""
    from desktop.core.messages import current_language, format_message
    from desktop.core.services.case_forms import forms
    from desktop.core.services.records import codebook

    language, book = current_language(), codebook(ctx)
    params = {k: (book.label(_PARAM_LISTS[k], v, language) if k in _PARAM_LISTS and v else v)
              for k, v in event.params.items()}
    if event.event == "EV_FORM":
        titles = forms(ctx.profile.root)
        code = event.params["form"]
        params["form"] = titles[code].title[language == "en"] if code in titles else code
    if event.event == "EV_DECIDED":
        params["number"] = params["number"] or "—"
        params["approver"] = params["approver"] or "—"
    return format_message(event.event, params)
