"""Export: this laptop's outbox, by counter range, as signed and encrypted bundles on a stick or in a folder.

Each part is a whole bundle no larger than the limit (an email attachment: 20 MB by default). A file is
written as `.partial`, fsynced, renamed, then read back and opened with this laptop's own key — decrypted,
signature and payload checked — before it counts. Only then does the next export start after it. A pulled
stick or a killed export leaves no file that looks complete, and the next export covers the same range.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories import sync_store as store
from desktop.core.repositories.row_types import OutboxEntry
from sync.bundle import BundleError, build, compress_lines, open_bytes
from sync.keys import DeviceKeys, TrustStore, Verifier, canonical, load_device_keys
from sync.trust import now_iso

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ENVELOPE = 64 * 1024  # tar headers, the manifest and age's chunk tags, with room to spare
AUDIT_PER_PART = 2000  # audit entries that ride along with one part (a few hundred bytes each)


@dataclass
class ExportResult:
    """What an export wrote."""

    files: list[str] = field(default_factory=list)
    changes: int = 0
    seq_from: int = 0
    seq_to: int = 0

    def as_json(self) -> dict[str, Any]:
        """For `ctxh bundle export --json`."""
        return {"files": self.files, "changes": self.changes, "seq_after": self.seq_from, "seq_to": self.seq_to}


def recipients(keys: DeviceKeys, trust: TrustStore) -> list[str]:
    """Who can open this laptop's bundles: the hub and the escrow key, the commune's other laptops, itself."""
    found = [keys.recipient]
    hub = trust.hub()
    if hub:
        found += [hub["age_recipient"], hub["escrow_recipient"]]
    found += [card["age_recipient"] for card in trust.peers().values()]
    return found


def outbox_line(entry: OutboxEntry) -> dict[str, Any]:
    """An outbox entry as a payload line (counter, entity, id, partition, author, version, fields)."""
    payload = json.loads(entry["payload"])
    return {"seq": entry["seq"], "entity": entry["entity"], "id": entry["record_id"],
            "partition": entry["partition"], "author": entry["author"], **payload}


# A line kept for a part: (counter, entity, canonical JSON bytes). Bytes, not dicts: an export of half a
# million changes would otherwise hold half a million dicts, and the cyclic GC would walk them again and again.
Line = tuple[int, str, bytes]


def _write_verified(path: Path, data: bytes, keys: DeviceKeys) -> None:
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
        if os.name == "posix":
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        copy = path.read_bytes()
        if hashlib.sha256(copy).digest() != hashlib.sha256(data).digest():
            raise CtxhError("E_READBACK", file=path.name)
        open_bytes(copy, [keys.identity], lambda _m: Verifier.from_text(keys.signer.public_text), lines=False)
    except BundleError as error:
        path.unlink(missing_ok=True)
        raise CtxhError("E_READBACK", file=path.name) from error
    except BaseException as error:
        partial.unlink(missing_ok=True)
        try:
            if path.exists() and path.read_bytes() != data:
                path.unlink(missing_ok=True)
        except OSError:
            path.unlink(missing_ok=True)
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise CtxhError("E_DISK_FULL", folder=str(path.parent), file=path.name) from error
        if isinstance(error, OSError):
            raise CtxhError("E_WRITE", folder=str(path.parent), reason=error.strerror or "") from error
        raise


def _parts(lines: list[Line], max_bytes: int) -> list[tuple[list[Line], bytes, int]]:
    """Split lines into payloads that each fit `max_bytes` with the envelope; halves a part until it fits."""
    pending = [lines]
    done = []
    while pending:
        chunk = pending.pop(0)
        payload, _count, raw = compress_lines(line[2] for line in chunk)
        if len(payload) + ENVELOPE > max_bytes and len(chunk) > 1:
            half = len(chunk) // 2
            pending[:0] = [chunk[:half], chunk[half:]]
            continue
        if len(payload) + ENVELOPE > max_bytes:
            raise CtxhError("E_BUNDLE_TOO_SMALL", max=max_bytes)
        done.append((chunk, payload, raw))
    return done


def export_bundles(ctx: AppContext, out_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES, after: int | None = None,
                   progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None) -> ExportResult:
    """Write this laptop's changes after counter `after` (by default: after the last verified export) as
    bundles in `out_dir`; returns the files written. Nothing to send writes nothing."""
    from desktop.core.services.access import require

    require(ctx, "bundle")
    keys, trust = load_device_keys(ctx.profile.root), TrustStore(ctx.profile.root)
    to = recipients(keys, trust)
    if len(to) == 1:
        raise CtxhError("E_NO_RECIPIENT")
    if not out_dir.is_dir():
        raise CtxhError("E_FOLDER_MISSING", folder=str(out_dir))
    with ctx.db.reader() as session:
        start = store.get_state(session, "last_export_seq", 0) if after is None else after
        epoch = store.get_state(session, "epoch", 1)
        previous = store.get_state(session, "last_manifest_hash", "")
        if start != store.get_state(session, "last_export_seq", 0):
            # Sent again from an earlier counter: the chain goes on from the newest bundle that ended there.
            ending = [h for h, seq in store.chain_of(session, "out", ctx.device_id, epoch).items() if seq == start]
            previous = ending[-1] if ending else ""
        total = store.outbox_count(session, start)
    result = ExportResult(seq_from=start, seq_to=start)
    budget = max_bytes * 4  # JSON compresses 5–10×; _parts halves whatever still does not fit
    with ctx.db.reader() as session:
        audit_after = store.get_state(session, "audit_sent_seq", 0)
    state = {"low": start, "previous": previous, "done": 0, "audit_after": audit_after, "max_bytes": max_bytes}

    def emit(batch: list[Line]) -> None:
        for chunk, payload, raw in _parts(batch, max_bytes):
            if cancel is not None:
                cancel.check()
            _write_part(ctx, out_dir, keys, trust, to, epoch, state, chunk, payload, raw, result)
            state["done"] += len(chunk)
            progress.report(state["done"], total, "changes")

    batch: list[Line] = []
    size = 0
    cursor = start
    while True:
        # One short read per 1,000 entries: writing a part needs the database too (a single connection), and
        # the driver builds a read's rows without letting go of Python's lock, which the window's thread
        # waits on (5,000 rows held it some 80 ms; the watchdog test allows the window 200).
        with ctx.db.reader() as session:
            entries = list(store.outbox_after(session, cursor, batch=READ_ROWS, limit=READ_ROWS))
        if not entries:
            break
        cursor = entries[-1]["seq"]
        for entry in entries:
            line = canonical(outbox_line(entry))
            if size + len(line) > budget and batch:
                emit(batch)
                batch, size = [], 0
            batch.append((entry["seq"], entry["entity"], line))
            size += len(line) + 1
    if batch:
        emit(batch)
    if result.files:
        from desktop.core.services.audit import record

        record(ctx, "bundle_export", f"folder:{out_dir.name}", files=len(result.files), changes=result.changes)
    return result


READ_ROWS = 1000


def _write_part(ctx: AppContext, out_dir: Path, keys: DeviceKeys, trust: TrustStore, to: list[str], epoch: int,
                state: dict[str, Any], chunk: list[Line], payload: bytes, raw: int, result: ExportResult) -> None:
    """Sign, encrypt, write and read back one part; then record it and move the export's start past it. The
    audit entries not sent yet ride along after the change lines, as many as still fit the part."""
    low, high = state["low"], chunk[-1][0]
    counts: dict[str, int] = {}
    for _seq, entity, _data in chunk:
        counts[entity] = counts.get(entity, 0) + 1
    audit = _audit_lines(ctx, state["audit_after"])
    while audit:
        with_audit, _count, with_raw = compress_lines([*(line[2] for line in chunk), *audit])
        if len(with_audit) + ENVELOPE <= state["max_bytes"]:
            payload, raw = with_audit, with_raw
            break
        audit = audit[:len(audit) // 2]  # the part is full: the rest go with the next part or export
    audit_to = json.loads(audit[-1])["seq"] if audit else state["audit_after"]
    bundle_id = ctx.new_id()
    manifest = {
        "bundle_id": bundle_id, "kind": "changes", "created_at": now_iso(), "epoch": epoch,
        "sender": {"device": ctx.device_id, "name": ctx.device_name, "partition": ctx.partition,
                   "sign_key": keys.signer.public_text},
        "certificate": trust.certificate(), "seq_after": low, "seq_to": high, "prev_hash": state["previous"],
        "payload": {"lines": len(chunk) + len(audit), "uncompressed": raw}, "counts": counts, "schema": _schema(),
        "applied": _applied(ctx),
        **({"audit": {"lines": len(audit), "from": state["audit_after"] + 1, "to": audit_to}} if audit else {}),
    }
    data = build(manifest, payload, keys.signer, to)
    # The random tail of the device id: ids of laptops set up in the same minute share their first characters.
    name = (f"ctxh_{ctx.partition.replace(':', '-')}_{ctx.device_id[-12:]}_{epoch}_{low + 1:07d}-{high:07d}"
            ".ctxh.age")
    path = out_dir / name
    _write_verified(path, data, keys)
    file_hash = hashlib.sha256(data).hexdigest()
    with ctx.db.session() as session:
        store.ledger_add(session, {"bundle_id": bundle_id, "file_hash": file_hash, "direction": "out",
                                   "kind": "changes", "origin_device": ctx.device_id, "epoch": epoch,
                                   "seq_from": low + 1, "seq_to": high, "state": "written", "changes": len(chunk),
                                   "file_name": name})
        store.set_state(session, "last_export_seq", high)
        store.set_state(session, "last_manifest_hash", file_hash)
        store.set_state(session, "last_export_at", now_iso())
        if audit:
            store.set_state(session, "audit_sent_seq", audit_to)
    state["audit_after"] = audit_to
    result.files.append(str(path))
    result.changes += len(chunk)
    result.seq_to = state["low"] = high
    state["previous"] = file_hash


def _audit_lines(ctx: AppContext, after: int) -> list[bytes]:
    """This laptop's audit entries after number `after` (at most AUDIT_PER_PART), as canonical JSON lines."""
    from desktop.core.repositories import audit

    with ctx.db.reader() as session:
        return [canonical(entry) for entry in audit.after(session, after, AUDIT_PER_PART)]


def _applied(ctx: AppContext) -> dict[str, int]:
    """What this laptop has applied of other devices, "device:epoch" -> counter: the hub relays the rest."""
    with ctx.db.reader() as session:
        return store.states_with_prefix(session, "hwm:")


def _schema() -> str:
    from desktop.core.db import HEAD_REVISION

    return HEAD_REVISION
