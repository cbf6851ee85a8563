"""What the Đồng bộ page and `ctxh status` say about sync: changes waiting for the hub, the last export,
what the hub acknowledged, conflicts, and the ledger of bundles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import sync_store as store
from forms.library import definitions, installed_serial
from sync.keys import TrustStore
from sync.trust import FREEZE_DAYS


def hub_freshness(made: str | None, freeze_days: int, now: dt.datetime) -> dict[str, Any]:
    """{"newest_hub_bundle": when it was made (or None), "age_days", "freeze_days", "frozen": no hub bundle
    for longer than the hub's threshold — revocations or forms it sent may be withheld (T18)}."""
    age = None
    if made:
        try:
            age = max(0, (now - dt.datetime.fromisoformat(made)).days)
        except (TypeError, ValueError):
            age = None
    return {"newest_hub_bundle": made, "age_days": age, "freeze_days": freeze_days,
            "frozen": age is not None and age > freeze_days}


def sync_overview(ctx: AppContext, now: dt.datetime | None = None) -> dict[str, Any]:
    """{"waiting", "outbox_seq", "last_export_seq", "last_export_at", "acked_seq", "conflicts", "ledger",
    "hub", "peers", "definitions": {"serial": the province's snapshot in use (0: the app's own), "installed",
    "warning"}, "freshness" (hub_freshness), "fork_notice": set when the hub found this laptop forked}.
    Waiting = changes no verified hub receipt covers yet (D3), exported or not."""
    with ctx.db.reader() as session:
        acked = store.get_state(session, "acked_seq", 0)
        facts = {
            "outbox_seq": store.outbox_max_seq(session), "acked_seq": acked,
            "waiting": store.outbox_count(session, acked),
            "not_exported": store.outbox_count(session, store.get_state(session, "last_export_seq", 0)),
            "last_export_seq": store.get_state(session, "last_export_seq", 0),
            "last_export_at": store.get_state(session, "last_export_at"),
            "conflicts": store.count_open_conflicts(session), "ledger": store.ledger(session, 50),
            "fork_notice": store.get_state(session, "fork_notice"),
            # The code of the province's latest receipt for this laptop, to compare with what the district reads.
            "receipt_code": store.get_state(session, "receipt_code"),
        }
        made = store.get_state(session, "hub_bundle_made_at")
        freeze_days = store.get_state(session, "freeze_days", FREEZE_DAYS)
    facts["freshness"] = hub_freshness(made, freeze_days, now or dt.datetime.now(dt.UTC))
    trust = TrustStore(ctx.profile.root)
    hub = trust.hub()
    facts["hub"] = {"name": hub["name"], "fingerprint": hub["fingerprint"]} if hub else None
    facts["peers"] = [{"name": c["name"], "fingerprint": c["fingerprint"]} for c in trust.peers().values()]
    found = definitions(ctx.profile.root)
    facts["definitions"] = {"serial": found.serial, "installed": installed_serial(ctx.profile.root),
                            "warning": found.warning}
    return facts


def sync_warnings(ctx: AppContext, now: dt.datetime | None = None) -> dict[str, Any]:
    """What the window warns of on every start: {"freshness" (hub_freshness), "fork_notice"}."""
    with ctx.db.reader() as session:
        made = store.get_state(session, "hub_bundle_made_at")
        freeze_days = store.get_state(session, "freeze_days", FREEZE_DAYS)
        fork = store.get_state(session, "fork_notice")
    return {"freshness": hub_freshness(made, freeze_days, now or dt.datetime.now(dt.UTC)), "fork_notice": fork}


def latest_receipt(ctx: AppContext) -> dict[str, Any] | None:
    """The province's latest receipt for this laptop: {"code" (to compare with what the district reads),
    "through" (the last change it covers)}, or None before the first."""
    with ctx.db.reader() as session:
        value = store.get_state(session, "receipt_code")
    return dict(value) if value else None
