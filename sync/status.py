"""What the Đồng bộ page and `ctxh status` say about sync: changes waiting for the hub, the last export,
what the hub acknowledged, conflicts, and the ledger of bundles."""

from __future__ import annotations

from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import sync_store as store
from forms.library import definitions, installed_serial
from sync.keys import TrustStore


def sync_overview(ctx: AppContext) -> dict[str, Any]:
    """{"waiting", "outbox_seq", "last_export_seq", "last_export_at", "acked_seq", "conflicts", "ledger",
    "hub", "peers", "definitions": {"serial": the province's snapshot in use (0: the app's own), "installed",
    "warning"}}. Waiting = changes no verified hub receipt covers yet (D3), exported or not."""
    with ctx.db.reader() as session:
        acked = store.get_state(session, "acked_seq", 0)
        facts = {
            "outbox_seq": store.outbox_max_seq(session), "acked_seq": acked,
            "waiting": store.outbox_count(session, acked),
            "not_exported": store.outbox_count(session, store.get_state(session, "last_export_seq", 0)),
            "last_export_seq": store.get_state(session, "last_export_seq", 0),
            "last_export_at": store.get_state(session, "last_export_at"),
            "conflicts": store.count_open_conflicts(session), "ledger": store.ledger(session, 50),
        }
    trust = TrustStore(ctx.profile.root)
    hub = trust.hub()
    facts["hub"] = {"name": hub["name"], "fingerprint": hub["fingerprint"]} if hub else None
    facts["peers"] = [{"name": c["name"], "fingerprint": c["fingerprint"]} for c in trust.peers().values()]
    found = definitions(ctx.profile.root)
    facts["definitions"] = {"serial": found.serial, "installed": installed_serial(ctx.profile.root),
                            "warning": found.warning}
    return facts
