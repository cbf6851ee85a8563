"""`ctxh hub export`: one bundle per enrolled laptop — a receipt for the changes the hub applied (only then
are they delivered, D3), the revocations, the snapshot of reference data and forms the laptops must share
(sync.hub.publish), and the changes of a commune's other laptops."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.files import replace_atomically
from desktop.core.repositories import hub as hub_repo
from desktop.core.repositories import sync_store as store
from sync.bundle import build, payload_bytes
from sync.exporting import outbox_line
from sync.hub.devices import enroll, issue_certificate
from sync.hub.profile import card, hub_keys, root_chain
from sync.hub.publish import snapshot_lines
from sync.hub.transfers import carry_out
from sync.trust import iso_utc, now_iso

EXPIRES_DAYS = 60


def receipts_for(ctx: AppContext, device_id: str) -> list[dict[str, Any]]:
    """A receipt per epoch of the device: the changes applied here, in order, up to `through`."""
    with ctx.db.reader() as session:
        applied = store.states_with_prefix(session, f"hwm:{device_id}:")
    return [{"type": "receipt", "device": device_id, "epoch": int(epoch), "through": through}
            for epoch, through in applied.items()]


def fork_notice(ctx: AppContext, device_id: str) -> list[dict[str, Any]]:
    """If a bundle of the device was quarantined as a fork (E_FORK, E_REPLAY): a line telling it, so that it
    starts a new epoch and sends its data again under new counters, instead of waiting for ever."""
    with ctx.db.reader() as session:
        fork = store.get_state(session, f"fork:{device_id}")
    if not fork:
        return []
    return [{"type": "fork", "device": device_id, "epoch": int(fork["epoch"]), "at": str(fork["at"]),
             "error": str(fork.get("error", "E_FORK"))}]


def hub_bundle(ctx: AppContext, device: dict[str, Any], lines: list[dict[str, Any]], folder: Path,
               chain: list[dict[str, Any]] | None = None) -> Path:
    """Sign and encrypt a hub bundle for one laptop and write it (atomically) into `folder`. The manifest
    carries the root rotations (`chain`: the hub's own unless given), so a laptop can follow them."""
    signer, _identity = hub_keys(ctx)
    with ctx.db.session() as session:
        version = store.get_state(session, f"hub_version:{device['id']}", 0) + 1
        store.set_state(session, f"hub_version:{device['id']}", version)
    payload, count, raw = payload_bytes(lines)
    hub = card(ctx)
    # A hub bundle is good for a limited time: a laptop refuses one past it (a withheld or replayed old one).
    expires = iso_utc(dt.datetime.now(dt.UTC) + dt.timedelta(days=EXPIRES_DAYS))
    manifest = {"bundle_id": str(uuid.uuid4()), "kind": "hub", "created_at": now_iso(), "version": version,
                "expires": expires,
                "sender": {"device": hub["id"], "name": hub["name"], "partition": "*", "sign_key": hub["sign_key"]},
                "recipient_device": device["id"], "payload": {"lines": count, "uncompressed": raw}}
    chain = root_chain(ctx) if chain is None else chain
    if chain:
        manifest["root_chain"] = chain
    data = build(manifest, payload, signer, [device["age_recipient"]])
    # The random tail of the id: ids of laptops set up in the same minute share their first characters.
    name = f"ctxh-hub_{device['partition'].replace(':', '-')}_{device['id'][-12:]}_v{version}.ctxh.age"
    folder.mkdir(parents=True, exist_ok=True)
    return replace_atomically(folder / name, lambda partial: partial.write_bytes(data))


def enrolment_bundle(ctx: AppContext, card: Any, folder: Path) -> Path:
    """Enrol a laptop from its card (its fingerprint confirmed with the commune) and write its certificate, in a
    hub bundle for it, into `folder`."""
    from desktop.core.services.access import require

    require(ctx, "keys")
    certificate = enroll(ctx, card)
    return hub_bundle(ctx, card, [{"type": "certificate", **certificate}], folder)


def export_all(ctx: AppContext, folder: Path, with_reference: bool = True) -> list[Path]:
    """A bundle for every enrolled laptop that is not revoked."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    folder.mkdir(parents=True, exist_ok=True)
    carry_out(ctx)  # cases moved between communes go out with this export
    with ctx.db.reader() as session:
        enrolled = hub_repo.hub_devices(session)
    revocations = [{"type": "revocation", "device": d["id"], "at": d["revoked_at"]} for d in enrolled
                   if d["revoked_at"]]
    reference = snapshot_lines(ctx) if with_reference else []
    written = []
    for device in enrolled:
        if device["revoked_at"]:
            continue
        peers = [d["id"] for d in enrolled if d["partition"] == device["partition"] and d["id"] != device["id"]]
        relayed = _relay(ctx, device["id"], peers, device["partition"])
        # Its certificate again, signed by the current root: after a rotation, or if the enrolment bundle was lost.
        renewed = [{"type": "certificate", **issue_certificate(ctx, device)}]
        lines = receipts_for(ctx, device["id"]) + renewed + revocations + fork_notice(ctx, device["id"]) + \
            reference + relayed
        written.append(hub_bundle(ctx, device, lines, folder))
    return written


def _relay(ctx: AppContext, target: str, peers: list[str], partition: str) -> list[dict[str, Any]]:
    """The changes of the commune's other laptops that `target` has not said it applied (its bundles carry
    what it applied, by device and epoch), as relayed lines that keep their origin device, epoch, counter and
    predecessor, so they merge like the originals. Until the laptop confirms them they are sent again: a lost
    hub bundle costs a repeat, never a gap."""
    with ctx.db.reader() as session:
        reported = store.get_state(session, f"applied_by:{target}", {})
        after = {(key.rsplit(":", 1)[0], int(key.rsplit(":", 1)[1])): seq for key, seq in reported.items()}
        rows = store.relayable(session, peers, after)
        # A laptop restored from a backup lost what it had sent under its earlier epochs: those come back.
        epochs = store.epochs_of(session, target)
        if len(epochs) > 1:
            own = store.relayable(session, [target], after)
            rows += [row for row in own if row["epoch"] < max(epochs)]
        hub_lines = _hub_changes(ctx, session, partition, after.get((ctx.device_id, 1), 0))
    return [{"type": "change", "device": row["origin_device"], "epoch": row["epoch"], "prev": row["prev_seq"],
             **json.loads(row["line"])} for row in rows] + hub_lines


def _hub_changes(ctx: AppContext, session: Any, partition: str, after: int) -> list[dict[str, Any]]:
    """The hub's own changes in a commune (cases transferred there) that its laptop has not applied. Each
    names the hub's previous change in that commune as its predecessor: the laptop sees only its commune's
    share of the hub's counters, and applies it in order."""
    lines, previous = [], 0
    for entry in store.outbox_of_partition(session, partition):
        if entry["seq"] > after:
            lines.append({"type": "change", "device": ctx.device_id, "epoch": 1, "prev": previous,
                          **outbox_line(entry)})
        previous = entry["seq"]
    return lines
