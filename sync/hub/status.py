"""`ctxh hub status`: per commune, its laptops, what arrived last, what waits for a missing bundle, what was
refused, and the content digest (equal to a laptop's `ctxh status` digest when they hold the same content).

Every fact is read for all laptops at once (desktop/core/repositories/hub.py), and the digests are stored, each
computed once after an import changed its commune (sync/digests.py): the Communes page of a province of
a hundred and more communes opens in well under a second.
"""

from __future__ import annotations

from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import hub as repo
from desktop.core.repositories import sync_store as store
from sync.digests import current_digests

# Refusals that say something about the sender, not about the way: a record of another commune, malformed
# content under a valid signature, a fork, a revoked or expired device still sending, a defect of ours.
ALERT_CODES = ("E_SCOPE", "E_FORMAT", "E_FORK", "E_REPLAY", "E_REVOKED", "E_EXPIRED", "E_AUDIT", "E_INTERNAL")


def received_bundles(ctx: AppContext, limit: int = 1000) -> list[dict[str, Any]]:
    """The bundles received, newest first, each with the name of the laptop that sent it (if enrolled)."""
    with ctx.db.reader() as session:
        names = repo.device_names(session)
        rows = [r for r in store.ledger(session, limit) if r["direction"] == "in"]
    for row in rows:
        row["laptop"] = names.get(row["origin_device"] or "", (row["origin_device"] or "")[-12:])
    return rows


def hub_status(ctx: AppContext) -> dict[str, Any]:
    """{"communes": {partition: {devices (each with its counter gaps and alerts), waiting, gaps, quarantined,
    conflicts, alerts (ALERT_CODES refusals of its laptops, and a stream stopped at another commune's record),
    digest, name}}, "conflicts": n, "refused_files": files refused before they could be opened (unknown
    sender, altered, not for this hub)}."""
    communes: dict[str, dict[str, Any]] = {}
    with ctx.db.reader() as session:
        last, quarantined = repo.last_bundles(session), repo.bundles_in_state(session, "quarantined")
        waiting, epochs, gaps = repo.waiting_by_device(session), repo.epochs_by_device(session), \
            repo.gaps_by_device(session)
        alerts = repo.alerts_by_device(session, ALERT_CODES)
        blocked = store.states_with_prefix(session, "blocked:")
        for device in repo.hub_devices(session, order_by_name=True):
            device_id = device["id"]
            commune = communes.setdefault(device["partition"], {"devices": [], "waiting": 0, "quarantined": 0,
                                                                "gaps": 0, "alerts": []})
            its_alerts = alerts.get(device_id, []) + [
                {"error": "E_SCOPE", "file": "", "at": None, "detail": reason}
                for key, reason in blocked.items() if key.rsplit(":", 1)[0] == device_id]
            commune["alerts"] += [{**alert, "device": device_id, "laptop": device["name"]} for alert in its_alerts]
            its_epochs, its_gaps = epochs.get(device_id, []), gaps.get(device_id, [])
            commune["gaps"] += len(its_gaps)
            commune["devices"].append({"id": device_id, "name": device["name"], "last_bundle": last.get(device_id),
                                       "revoked_at": device["revoked_at"], "waiting": waiting.get(device_id, 0),
                                       "epochs": its_epochs, "gaps": its_gaps,
                                       # an alert: the laptop was restored from a backup and re-sent its data
                                       "restored": len(its_epochs) > 1, "alerts": its_alerts})
            commune["waiting"] += waiting.get(device_id, 0)
            commune["quarantined"] += quarantined.get(device_id, 0)
        conflicts_by = store.open_conflicts_by_partition(session)
        names = repo.unit_names(session, [partition.split(":")[1] for partition in communes])
        for partition, commune in communes.items():
            commune["conflicts"] = conflicts_by.get(partition, 0)
            commune["name"] = names.get(partition.split(":")[1], partition)
        conflicts = store.count_open_conflicts(session)
        refused = repo.count_bundles_in_state(session, "refused")
    digests = current_digests(ctx.db, sorted(communes))
    for partition, commune in communes.items():
        commune["digest"] = digests[partition]
    return {"communes": communes, "conflicts": conflicts, "refused_files": refused}
