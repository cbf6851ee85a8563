"""One search box over people and cases, on the folded text."""

from __future__ import annotations

from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import lists


def search(ctx: AppContext, text: str, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
    """Workers, beneficiaries and cases matching `text` ("nguyen van a" finds "Nguyễn Văn A")."""
    with ctx.db.reader() as session:
        return {
            "workers": lists.person_matches(session, lists.WORKERS, text, limit),
            "beneficiaries": lists.person_matches(session, lists.BENEFICIARIES, text, limit),
            "cases": lists.case_page(session, text, limit=limit),
        }
