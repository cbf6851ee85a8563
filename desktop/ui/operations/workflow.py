"""Moving a case through its process, the case page, and the to-do list."""

from __future__ import annotations

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


def advance_step(ctx: AppContext, *, case_id: str) -> Changed:
    """Finish the current step and start the next."""
    from desktop.core.services import workflow

    return workflow.advance(ctx, case_id)


def request_approval(ctx: AppContext, *, case_id: str) -> Changed:
    """Submit the current step to the commune chair."""
    from desktop.core.services import workflow

    return workflow.request_approval(ctx, case_id)


def record_decision(ctx: AppContext, *, case_id: str, decision: str) -> Changed:
    """Record the chair's decision (APPROVED or REJECTED); the record names the signed-in user."""
    from desktop.core.services import workflow

    return workflow.decide(ctx, case_id, decision)


def close_case(ctx: AppContext, *, case_id: str, reason: str) -> Changed:
    """Close a case with a reason."""
    from desktop.core.services import workflow

    return workflow.close_case(ctx, case_id, reason)


def transfer_destinations(ctx: AppContext) -> list[tuple[str, str]]:
    """The communes of the province a case can move to."""
    from desktop.core.services import workflow

    return workflow.transfer_destinations(ctx)


def transfer_case(ctx: AppContext, *, case_id: str, to_commune: str) -> Changed:
    """The person moved: close here, the hub opens it there."""
    from desktop.core.services import workflow

    return workflow.transfer_case(ctx, case_id, to_commune)


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
