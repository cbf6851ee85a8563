"""One search box over people and cases, on the folded text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import lists
from desktop.core.services.access import case_scope, without_contacts


def search(ctx: AppContext, text: str, limit: int = 50) -> dict[str, Sequence[Mapping[str, Any]]]:
    """Workers, beneficiaries and cases matching `text` ("nguyen van a" finds "Nguyễn Văn A").

    A collaborator finds only their own cases and the people in them.
    """
    scope = case_scope(ctx)
    people_scope = [lists.beneficiary_has_case(scope)] if scope else None
    with ctx.db.reader() as session:
        return {
            "workers": without_contacts(ctx, list(lists.person_matches(session, lists.WORKERS, text, limit))),
            "beneficiaries": lists.person_matches(session, lists.BENEFICIARIES, text, limit, people_scope),
            "cases": lists.case_page(session, text, limit=limit, where=scope or None),
        }
