"""`ctxh hub status`: per commune, its laptops, what arrived last, what waits for a missing bundle, what was
refused, and the content digest (equal to a laptop's `ctxh status` digest when they hold the same content)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from desktop.core.context import AppContext
from desktop.core.models import BundleRecord, HubDevice, ReceivedChange
from desktop.core.repositories import sync_store as store
from desktop.core.services.status import content_digest


def received_bundles(ctx: AppContext, limit: int = 1000) -> list[dict[str, Any]]:
    """The bundles received, newest first, each with the name of the laptop that sent it (if enrolled)."""
    devices_t = HubDevice.__table__
    with ctx.db.reader() as session:
        names = dict(session.execute(select(devices_t.c.id, devices_t.c.name)).all())
        rows = [r for r in store.ledger(session, limit) if r["direction"] == "in"]
    for row in rows:
        row["laptop"] = names.get(row["origin_device"] or "", (row["origin_device"] or "")[-12:])
    return rows


def hub_status(ctx: AppContext) -> dict[str, Any]:
    """{"communes": {partition: {devices (each with its counter gaps), waiting, gaps, quarantined, conflicts,
    digest, name}}, "conflicts": n, "refused_files": files refused before they could be opened (unknown
    sender, altered, not for this hub)}."""
    devices_t, bundles_t, received_t = HubDevice.__table__, BundleRecord.__table__, ReceivedChange.__table__
    communes: dict[str, dict[str, Any]] = {}
    with ctx.db.reader() as session:
        devices = [dict(r) for r in session.execute(select(devices_t).order_by(devices_t.c.name)).mappings()]
        for device in devices:
            last = session.execute(select(func.max(bundles_t.c.at)).where(
                bundles_t.c.origin_device == device["id"], bundles_t.c.state.in_(("applied", "waiting")))).scalar()
            waiting = session.scalar(select(func.count()).select_from(received_t).where(
                received_t.c.origin_device == device["id"], store.WAITING)) or 0
            quarantined = session.scalar(select(func.count()).select_from(bundles_t).where(
                bundles_t.c.origin_device == device["id"], bundles_t.c.state == "quarantined")) or 0
            commune = communes.setdefault(device["partition"], {"devices": [], "waiting": 0, "quarantined": 0,
                                                                "gaps": 0})
            epochs = store.epochs_of(session, device["id"])
            gaps = store.counter_gaps(session, device["id"])
            commune["gaps"] += len(gaps)
            commune["devices"].append({"id": device["id"], "name": device["name"], "last_bundle": last,
                                       "revoked_at": device["revoked_at"], "waiting": waiting, "epochs": epochs,
                                       "gaps": gaps,
                                       # an alert: the laptop was restored from a backup and re-sent its data
                                       "restored": len(epochs) > 1})
            commune["waiting"] += waiting
            commune["quarantined"] += quarantined
        from desktop.core.models import AdminUnit

        units = AdminUnit.__table__
        conflicts_by = store.open_conflicts_by_partition(session)
        for partition, commune in communes.items():
            commune["digest"] = content_digest(session, partition)
            commune["conflicts"] = conflicts_by.get(partition, 0)
            commune["name"] = session.scalar(select(units.c.name).where(
                units.c.code == partition.split(":")[1])) or partition
        conflicts = store.count_open_conflicts(session)
        refused = session.scalar(select(func.count()).select_from(bundles_t).where(bundles_t.c.state == "refused"))
    return {"communes": communes, "conflicts": conflicts, "refused_files": refused or 0}
