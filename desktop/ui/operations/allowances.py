"""The allowance register, the province's duplicate notices and, at the hub, its duplicate search — for the
window. Each runs on the database worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.progress import CancelToken, ProgressSink
    from desktop.core.services.allowances import Register


def register(ctx: AppContext, *, month: dt.date) -> Register:
    """The register in a month."""
    from desktop.core.services.allowances import register as read

    return read(ctx, month)


def add_recipient(ctx: AppContext, *, person: dict[str, Any], decision: dict[str, Any]) -> Any:
    """A new person on the allowance list and her decision."""
    from desktop.core.services.allowances import add_recipient as add

    return add(ctx, person, decision)


def add_decision(ctx: AppContext, *, values: dict[str, Any]) -> Any:
    """Another decision for a person already on the list."""
    from desktop.core.services.allowances import add_decision as add

    return add(ctx, values)


def end_decision(ctx: AppContext, *, decision_id: str, last_month: dt.date, reason: str) -> Any:
    """End a decision."""
    from desktop.core.services.allowances import end_decision as end

    return end(ctx, decision_id, last_month, reason)


def standard_changes(ctx: AppContext) -> list[dict[str, Any]]:
    """What the waiting standards would change."""
    from desktop.core.services.allowances import standard_changes as changes

    return changes(ctx)


def accept_standards(ctx: AppContext) -> int:
    """Accept the waiting standards."""
    from desktop.core.services.allowances import accept_standards as accept

    return accept(ctx)


def save_payments(ctx: AppContext, *, month: dt.date, path: Path, progress: ProgressSink,
                  cancel: CancelToken) -> dict[str, Any]:
    """The month's payment list and increases and decreases, as .xlsx or .pdf (printed by Qt on this thread)."""
    from desktop.core.services.allowance_documents import export_payments
    from desktop.core.services.allowances import payment_list
    from desktop.ui.printing import save_pdf

    return export_payments(ctx, payment_list(ctx, month), path, save_pdf)


def payments_html(ctx: AppContext, *, month: dt.date) -> str:
    """The month's lists as printable HTML."""
    from desktop.core.services.allowance_documents import payments_html as html
    from desktop.core.services.allowances import payment_list

    return html(payment_list(ctx, month))


def find_duplicates(ctx: AppContext, *, progress: ProgressSink, cancel: CancelToken) -> list[dict[str, Any]]:
    """At the hub: every undecided pair, double payments first."""
    from sync.hub.duplicates import find_duplicates as find

    return find(ctx, progress)


def decide_pair(ctx: AppContext, *, pair: str, decision: str, keeper: str | None) -> dict[str, Any]:
    """At the hub: the decision on a pair."""
    from sync.hub.duplicates import decide

    return decide(ctx, pair, decision, keeper)
