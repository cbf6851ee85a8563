"""Who may see and change what (design.md §1): collaborators see and edit only the cases assigned to
them; the roster and training are kept by officers. Enforced here, in the services, not in widgets."""

from __future__ import annotations

from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError, NotFoundError
from desktop.core.models import Case
from desktop.core.repositories import lists
from desktop.core.repositories import records as repo

MANAGERS = frozenset({"OFFICER", "APPROVER", "SYSTEM"})


def is_collaborator(ctx: AppContext) -> bool:
    """True when the signed-in user is a collaborator (limited to assigned cases)."""
    return ctx.actor.role == "COLLABORATOR"


def require_manager(ctx: AppContext) -> None:
    """Raise E_FORBIDDEN unless an officer (or approver, or the command line) is acting."""
    if ctx.actor.role not in MANAGERS:
        raise CtxhError("E_FORBIDDEN", user=ctx.actor.username)


def case_scope(ctx: AppContext) -> list[Any]:
    """Extra conditions on the case list: none for officers; "assigned to me" for a collaborator."""
    if not is_collaborator(ctx):
        return []
    return [lists.assigned_to(ctx.actor.worker_id)]


def visible_case(ctx: AppContext, session: Any, case_id: str) -> dict[str, Any]:
    """The live case if this user may see it. Otherwise NotFoundError: a collaborator does not even
    learn that someone else's case exists."""
    case = repo.get_row(session, Case, case_id)
    if case is None or case["deleted"] or (
        is_collaborator(ctx) and case["assigned_worker_id"] != ctx.actor.worker_id
    ):
        raise NotFoundError("case", case_id)
    return case
