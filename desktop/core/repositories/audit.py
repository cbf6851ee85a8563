"""The SQL of the audit trail: append an entry (chained to the one before), list them, find a broken link."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.core.models import AuditEntry

GENESIS = "0" * 64
_FIELDS = ("seq", "at", "device_id", "username", "action", "subject", "detail", "prev_hash")


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 of an entry's fields (all but its own hash) in canonical JSON."""
    canonical = json.dumps({k: entry[k] for k in _FIELDS}, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(session: Session, *, device_id: str, username: str, action: str, subject: str = "",
           detail: dict[str, Any] | None = None, at: str | None = None) -> int:
    """Add one entry after the newest, in the caller's transaction; returns its sequence number."""
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq = (int(last[0]) + 1) if last else 1
    entry: dict[str, Any] = {
        "seq": seq,
        "at": at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "device_id": device_id, "username": username[:32], "action": action[:32], "subject": subject[:80],
        "detail": json.dumps(detail or {}, sort_keys=True, ensure_ascii=False),
        "prev_hash": last[1] if last else GENESIS,
    }
    session.execute(insert(AuditEntry).values(**entry, hash=entry_hash(entry)))
    return seq


def _rows(session: Session) -> Iterator[dict[str, Any]]:
    columns = [getattr(AuditEntry, name) for name in (*_FIELDS, "hash")]
    for row in session.execute(select(*columns).order_by(AuditEntry.seq)).yield_per(2000):
        yield dict(zip((*_FIELDS, "hash"), row, strict=True))


def first_broken(session: Session) -> tuple[int, str] | None:
    """(sequence number, what is wrong) of the first entry that breaks the chain, or None if it holds.
    "gap": entries before it were removed; "link": it does not name its predecessor's hash; "hash": its
    own fields were changed after it was written."""
    expected_seq, previous = 1, GENESIS
    for entry in _rows(session):
        if entry["seq"] != expected_seq:
            return entry["seq"], "gap"
        if entry["prev_hash"] != previous:
            return entry["seq"], "link"
        if entry_hash(entry) != entry["hash"]:
            return entry["seq"], "hash"
        expected_seq, previous = expected_seq + 1, entry["hash"]
    return None


def entries(session: Session, *, action: str | None = None, username: str | None = None,
            since: str | None = None, until: str | None = None, limit: int = 200,
            offset: int = 0) -> list[dict[str, Any]]:
    """Entries, newest first, filtered by action, user and time (ISO strings)."""
    query = select(AuditEntry)
    if action:
        query = query.where(AuditEntry.action == action)
    if username:
        query = query.where(AuditEntry.username == username)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    rows = session.scalars(query.order_by(AuditEntry.seq.desc()).limit(limit).offset(offset))
    return [{"seq": r.seq, "at": r.at, "username": r.username, "action": r.action, "subject": r.subject,
             "detail": json.loads(r.detail or "{}")} for r in rows]


def count(session: Session) -> int:
    """How many entries the trail holds."""
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def after(session: Session, seq: int, limit: int) -> list[dict[str, Any]]:
    """This device's entries numbered after `seq`, oldest first, as they travel in a bundle."""
    columns = [getattr(AuditEntry, name) for name in (*_FIELDS, "hash")]
    rows = session.execute(select(*columns).where(AuditEntry.seq > seq).order_by(AuditEntry.seq).limit(limit))
    return [{"type": "audit", **dict(zip((*_FIELDS, "hash"), row, strict=True))} for row in rows]


def received_problem(session: Session, device_id: str, epoch: int, entries: list[dict[str, Any]]) -> str | None:
    """At a hub: why these entries of one laptop break its chain (None if they hold), checked against what
    earlier bundles brought: each entry's hash must be its own fields', it must name its predecessor's hash,
    and an entry the hub already holds must be the same one."""
    from desktop.core.models import ReceivedAudit

    if not entries:
        return None
    numbers = [int(e["seq"]) for e in entries]
    low = min(numbers)
    known = {row.seq: row.hash for row in session.execute(
        select(ReceivedAudit.seq, ReceivedAudit.hash).where(
            ReceivedAudit.device_id == device_id, ReceivedAudit.epoch == epoch,
            ReceivedAudit.seq >= low - 1, ReceivedAudit.seq <= max(numbers)))}
    previous: str | None = known.get(low - 1, GENESIS if low == 1 else None)
    for entry in entries:
        seq = int(entry["seq"])
        if entry.get("device_id") != device_id:
            return f"entry {seq}: another device's"
        if entry_hash(entry) != entry.get("hash"):
            return f"entry {seq}: its fields were changed"
        if previous is not None and entry.get("prev_hash") != previous:
            return f"entry {seq}: does not follow entry {seq - 1}"
        if seq in known and known[seq] != entry["hash"]:
            return f"entry {seq}: differs from the one received before"
        previous = entry["hash"]
    return None


def store_received(session: Session, device_id: str, epoch: int, entries: list[dict[str, Any]]) -> int:
    """Keep the entries the hub did not hold yet (checked by received_problem first); returns how many."""
    from desktop.core.models import ReceivedAudit

    numbers = [int(e["seq"]) for e in entries]
    if not numbers:
        return 0
    held = set(session.scalars(select(ReceivedAudit.seq).where(
        ReceivedAudit.device_id == device_id, ReceivedAudit.epoch == epoch, ReceivedAudit.seq.in_(numbers))))
    fresh = [e for e in entries if int(e["seq"]) not in held]
    if fresh:
        session.execute(insert(ReceivedAudit), [
            {"device_id": device_id, "epoch": epoch, "seq": int(e["seq"]), "hash": e["hash"],
             "prev_hash": e["prev_hash"], "entry": json.dumps(e, sort_keys=True, ensure_ascii=False)}
            for e in fresh])
    return len(fresh)
