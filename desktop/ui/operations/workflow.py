"""Moving a case through its process, the case page, and the to-do list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.services.changes import Changed
    from forms.processes import Process
    from forms.schema import FormDefinition


@dataclass(frozen=True)
class CasePage:
    """Everything the case page shows, read in one go."""

    case: dict[str, Any]
    steps: list[dict[str, Any]]
    process: Process | None
    forms: list[dict[str, Any]]
    definitions: dict[str, FormDefinition]
    consent: dict[str, Any]
    actions: dict[str, str | None]  # action → None (allowed) or the code of the reason why not
    referrals: list[dict[str, Any]]  # newest first
    facility_names: list[str]  # the register's, for the referral's name box


def load_case_page(ctx: AppContext, *, case_id: str) -> CasePage:
    """The case, its steps, its process, its forms, its consent state and the actions open now."""
    from desktop.core.services import case_forms, cases, consent, registers, workflow

    case = cases.get_case(ctx, case_id)
    return CasePage(case=case, steps=workflow.case_steps(ctx, case_id),
                    process=workflow.processes(ctx.profile.root).get(case["process_type"]),
                    forms=case_forms.case_forms(ctx, case_id), definitions=case_forms.forms(ctx.profile.root),
                    consent=consent.consent_state(ctx, case_id), actions=workflow.case_actions(ctx, case_id),
                    referrals=registers.referrals_of_case(ctx, case_id),
                    facility_names=[f["name"] for f in registers.facilities(ctx)])


def advance_step(ctx: AppContext, *, case_id: str, at: dt.datetime | None = None, notes: str | None = None) -> Changed:
    """Finish the current step (at `at`: None for now) and start the next."""
    from desktop.core.services import workflow

    return workflow.advance(ctx, case_id, at, notes)


def request_approval(ctx: AppContext, *, case_id: str, at: dt.datetime | None = None) -> Changed:
    """Submit the current step to the commune chair."""
    from desktop.core.services import workflow

    return workflow.request_approval(ctx, case_id, at)


def record_decision(ctx: AppContext, *, case_id: str, decision: str, at: dt.datetime | None = None,
                    decision_no: str | None = None, decision_date: dt.date | None = None,
                    approver_name: str | None = None, notes: str | None = None) -> Changed:
    """Record the chair's decision (APPROVED or REJECTED) as written on paper; the record names the
    signed-in user as who entered it."""
    from desktop.core.services import workflow

    return workflow.decide(ctx, case_id, decision, at, notes, decision_no=decision_no, decision_date=decision_date,
                           approver_name=approver_name)


def close_case(ctx: AppContext, *, case_id: str, reason: str, at: dt.datetime | None = None,
               notes: str | None = None) -> Changed:
    """Close a case with a reason."""
    from desktop.core.services import workflow

    return workflow.close_case(ctx, case_id, reason, at, notes)


def reopen_case(ctx: AppContext, *, case_id: str, reason: str, at: dt.datetime | None = None) -> Changed:
    """Reopen a closed case with the officer's reason."""
    from desktop.core.services import workflow

    return workflow.reopen_case(ctx, case_id, reason, at)


def add_note(ctx: AppContext, *, case_id: str, text: str, noted_on: dt.date) -> Any:
    """Write a line in the case's log."""
    from desktop.core.services import case_log

    return case_log.add_note(ctx, case_id, text, noted_on)


def case_timeline(ctx: AppContext, *, case_id: str) -> list[tuple[Any, str]]:
    """Everything that happened to the case, newest first, each event with its text."""
    from desktop.core.services import case_log

    return [(event, case_log.event_text(ctx, event)) for event in reversed(case_log.timeline(ctx, case_id))]


def transfer_destinations(ctx: AppContext) -> list[tuple[str, str]]:
    """The communes of the province a case can move to."""
    from desktop.core.services import workflow

    return workflow.transfer_destinations(ctx)


def transfer_case(ctx: AppContext, *, case_id: str, to_commune: str, at: dt.datetime | None = None) -> Changed:
    """The person moved: close here, the hub opens it there."""
    from desktop.core.services import workflow

    return workflow.transfer_case(ctx, case_id, to_commune, at)


def refer_case(ctx: AppContext, *, case_id: str, facility: str, status: str) -> Changed:
    """Record a referral."""
    from desktop.core.services import workflow

    return workflow.refer_case(ctx, case_id, facility, status)


def todo(ctx: AppContext, *, limit: int = 100) -> dict[str, Any]:
    """The to-do list."""
    from desktop.core.services import workflow

    return workflow.todo(ctx, limit=limit)


def mark_notice_handled(ctx: AppContext, *, notice_id: str) -> Any:
    """Mark the province's notice on a person handled."""
    from desktop.core.services.duplicate_notices import mark_handled

    return mark_handled(ctx, notice_id)
