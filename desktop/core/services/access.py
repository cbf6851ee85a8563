"""Who may see and do what (design.md §1), enforced here, in the services, never only in widgets.

ADMIN: everything, and alone accounts, keys, restore and settings. OFFICER: the commune's work (roster,
training, cases, exports, backups, bundles). APPROVER (the commune's chair): an officer's work and decisions.
COLLABORATOR: only the cases assigned to them; no backup, no bundle, no phone or CCCD of people outside their
cases. VIEWER: reads only; every write and every export is refused.
"""

from __future__ import annotations

from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError, NotFoundError
from desktop.core.models import Case
from desktop.core.repositories import lists
from desktop.core.repositories import records as repo

MANAGERS = frozenset({"ADMIN", "OFFICER", "APPROVER", "SYSTEM"})

# permission → the roles that hold it
PERMISSIONS: dict[str, frozenset[str]] = {
    "accounts": frozenset({"ADMIN", "SYSTEM"}),
    "keys": frozenset({"ADMIN", "SYSTEM"}),
    "restore": frozenset({"ADMIN", "SYSTEM"}),
    "settings": frozenset({"ADMIN", "SYSTEM"}),
    "audit": frozenset({"ADMIN", "SYSTEM"}),
    "manage": MANAGERS,  # roster, training, assigning cases
    "backup": frozenset({"ADMIN", "OFFICER", "SYSTEM"}),
    "bundle": frozenset({"ADMIN", "OFFICER", "APPROVER", "SYSTEM"}),  # sync: export, import
    "export": frozenset({"ADMIN", "OFFICER", "APPROVER", "COLLABORATOR", "SYSTEM"}),  # Excel, reports, prints
    "write": frozenset({"ADMIN", "OFFICER", "APPROVER", "COLLABORATOR", "SYSTEM"}),
    "hub": frozenset({"ADMIN", "OFFICER", "SYSTEM"}),  # the province's work on a hub
}


def allowed(ctx: AppContext, permission: str) -> bool:
    """True if the signed-in user's role holds `permission`."""
    return ctx.actor.role in PERMISSIONS[permission]


def require(ctx: AppContext, permission: str) -> None:
    """Raise E_FORBIDDEN (naming the user, the role and what was refused) unless the role holds `permission`."""
    if not allowed(ctx, permission):
        raise CtxhError("E_FORBIDDEN", user=ctx.actor.username, role=ctx.actor.role, action=permission)


def is_collaborator(ctx: AppContext) -> bool:
    """True when the signed-in user is a collaborator (limited to assigned cases)."""
    return ctx.actor.role == "COLLABORATOR"


def require_manager(ctx: AppContext) -> None:
    """Raise E_FORBIDDEN unless an admin, officer or approver is acting."""
    require(ctx, "manage")


CONTACT_FIELDS = ("national_id", "phone")


def without_contacts(ctx: AppContext, rows: list[Any]) -> list[Any]:
    """For a collaborator, the rows with their CCCD and phone left out (people outside their own cases: the
    roster's members); for everyone else the rows as they are."""
    if not is_collaborator(ctx):
        return rows
    return [{**row, **{k: None for k in CONTACT_FIELDS if k in row}} for row in rows]


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
