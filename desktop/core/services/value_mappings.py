"""What the officer answered in an import's mapping step, remembered for the profile: the next list that
writes "Đối tượng NKT nặng (cũ)" the same way needs no question."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.context import AppContext
from desktop.core.models.base import utcnow
from desktop.core.repositories import value_mappings as repo
from desktop.core.services.access import require
from desktop.core.text import fold


def remembered(ctx: AppContext) -> dict[tuple[str, str], str | None]:
    """(list, folded value) -> code, or None for "keep as written"."""
    with ctx.db.reader() as session:
        return repo.all_mappings(session)


def remember(ctx: AppContext, choices: Mapping[tuple[str, str], str | None], written: Mapping[str, str]) -> None:
    """Keep the mapping step's answers: (list, written value) -> code or None; `written` gives each value as
    the file wrote it (by its folded form), for the settings page to show."""
    require(ctx, "write")
    if not choices:
        return
    with ctx.db.session() as session:
        repo.save_mappings(session, {(name, fold(value)): (code, written.get(fold(value), value))
                                     for (name, value), code in choices.items()},
                           ctx.actor.username, utcnow())
