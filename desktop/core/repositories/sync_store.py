"""The SQL of sync: the outbox read by counter, what was received from whom, the bundle ledger, conflicts,
and small sync facts. Typed functions taking a Session, like desktop/core/repositories."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import bindparam, func, insert, literal_column, select, update
from sqlalchemy.orm import Session

from desktop.core.bulk import among, chunks, insert_rows
from desktop.core.models import BundleRecord, ChangeEntry, Conflict, ReceivedChange, SyncState
from desktop.core.models.base import table_of
from desktop.core.repositories.row_types import OutboxEntry

outbox_t = ChangeEntry.__table__
received_t = ReceivedChange.__table__
bundles_t = BundleRecord.__table__
# Written as a literal, not a parameter: only then may SQLite use the partial index of waiting changes.
WAITING = received_t.c.state == literal_column("'pending'")
conflicts_t = Conflict.__table__
state_t = SyncState.__table__


def get_state(session: Session, key: str, default: Any = None) -> Any:
    """A sync fact (JSON value) or `default`."""
    value = session.scalar(select(state_t.c.value).where(state_t.c.key == key))
    return default if value is None else json.loads(value)


def states_with_prefix(session: Session, prefix: str) -> dict[str, Any]:
    """Sync facts whose key starts with `prefix`, by the rest of the key (JSON values)."""
    rows = session.execute(select(state_t.c.key, state_t.c.value).where(state_t.c.key.startswith(prefix))).all()
    return {key[len(prefix):]: json.loads(value) for key, value in rows}


def set_state(session: Session, key: str, value: Any) -> None:
    """Store a sync fact."""
    text = json.dumps(value)
    if session.scalar(select(func.count()).select_from(state_t).where(state_t.c.key == key)):
        session.execute(update(state_t).where(state_t.c.key == key).values(value=text))
    else:
        session.execute(insert(state_t).values(key=key, value=text))


def delete_states(session: Session, keys: list[str]) -> None:
    """Forget these sync facts."""
    if keys:
        session.execute(state_t.delete().where(state_t.c.key.in_(keys)))


def outbox_max_seq(session: Session) -> int:
    """The newest outbox counter (0 when nothing was ever written)."""
    return session.scalar(select(func.max(outbox_t.c.seq))) or 0


def outbox_count(session: Session, after: int) -> int:
    """How many outbox entries have a counter above `after`."""
    return session.scalar(select(func.count()).select_from(outbox_t).where(outbox_t.c.seq > after)) or 0


def outbox_after(session: Session, after: int, batch: int = 5000, limit: int | None = None
                 ) -> Iterator[OutboxEntry]:
    """Outbox entries with counters above `after`, in counter order, fetched in batches (plain tuples from the
    driver: an export reads hundreds of thousands); at most `limit` of them when given."""
    columns = ("seq", "entity", "record_id", "partition", "payload", "author")
    query = select(*(outbox_t.c[name] for name in columns)).where(outbox_t.c.seq > bindparam("after")) \
        .order_by(outbox_t.c.seq).limit(batch)
    while True:
        rows = session.execute(query, {"after": after}).all()
        if not rows:
            return
        for row in rows:
            yield cast(OutboxEntry, dict(zip(columns, row, strict=True)))
        after = rows[-1][0]
        if limit is not None:
            limit -= len(rows)
            if limit <= 0:
                return


def outbox_of_partition(session: Session, partition: str) -> list[OutboxEntry]:
    """This profile's own changes to records of one partition, in counter order (at a hub: the cases it
    opened in a commune after a transfer; never pruned there)."""
    columns = ("seq", "entity", "record_id", "partition", "payload", "author")
    rows = session.execute(select(*(outbox_t.c[name] for name in columns)).where(
        outbox_t.c.partition == partition).order_by(outbox_t.c.seq)).all()
    return [cast(OutboxEntry, dict(zip(columns, row, strict=True))) for row in rows]


def received(session: Session, origin: str, epoch: int, seqs: list[int]) -> dict[int, tuple[str, str]]:
    """For counters of one origin device: {seq: (line hash, state)} of those already received."""
    found: dict[int, tuple[str, str]] = {}
    for chunk in chunks(session, seqs):
        for seq, line_hash, state in session.execute(
                select(received_t.c.seq, received_t.c.line_hash, received_t.c.state).where(
                    received_t.c.origin_device == origin, received_t.c.epoch == epoch,
                    among(session, received_t.c.seq, chunk))):
            found[seq] = (line_hash, state)
    return found


def add_received(session: Session, rows: list[dict[str, Any]]) -> None:
    """Remember received changes (origin_device, epoch, seq, prev_seq, line_hash, bundle_id, state, line)."""
    insert_rows(session, received_t, rows)


def pending_lines(session: Session) -> list[dict[str, Any]]:
    """Received changes still waiting for their record or its parent, with their lines."""
    rows = session.execute(select(received_t.c.origin_device, received_t.c.epoch, received_t.c.seq,
                                  received_t.c.prev_seq, received_t.c.line).where(WAITING)
                           ).mappings().all()
    return [dict(r) for r in rows]


def mark_applied(session: Session, origin: str, epoch: int, first: int, last: int, keep_lines: bool = False) -> None:
    """Waiting changes first..last of one device have now been applied (their lines dropped, unless kept)."""
    values: dict[str, Any] = {"state": "applied"} if keep_lines else {"state": "applied", "line": None}
    session.execute(update(received_t).where(received_t.c.origin_device == origin, received_t.c.epoch == epoch,
                                             received_t.c.seq.between(first, last)).values(**values))


def relayable(session: Session, partition_devices: list[str], after: dict[tuple[str, int], int],
              limit: int = 50_000) -> list[dict[str, Any]]:
    """Applied changes of these devices, above what was already relayed (by device and epoch), in order."""
    rows = []
    for origin in partition_devices:
        query = select(received_t.c.origin_device, received_t.c.epoch, received_t.c.seq, received_t.c.prev_seq,
                       received_t.c.line).where(received_t.c.origin_device == origin,
                                                received_t.c.state == "applied", received_t.c.line.is_not(None))
        for row in session.execute(query.order_by(received_t.c.epoch, received_t.c.seq)).mappings():
            if row["seq"] > after.get((row["origin_device"], row["epoch"]), 0):
                rows.append(dict(row))
                if len(rows) >= limit:
                    return rows
    return rows


def has_pending(session: Session, origin: str, epoch: int) -> bool:
    """True if changes of this device wait for earlier ones."""
    return (session.scalar(select(func.count()).select_from(received_t).where(
        received_t.c.origin_device == origin, received_t.c.epoch == epoch, WAITING)) or 0) > 0


def ledger_add(session: Session, row: dict[str, Any]) -> None:
    """Add a bundle to the ledger (replacing a refused attempt of the same bundle id)."""
    session.execute(bundles_t.delete().where(bundles_t.c.bundle_id == row["bundle_id"]))
    session.execute(insert(bundles_t).values(**row))


def ledger_find(session: Session, bundle_id: str) -> dict[str, Any] | None:
    """A ledger row by bundle id."""
    row = session.execute(select(bundles_t).where(bundles_t.c.bundle_id == bundle_id)).mappings().first()
    return dict(row) if row else None


def start_new_epoch(session: Session, epoch: int) -> int:
    """Move this replica from `epoch` to the next: its outbox counters are new under it and the whole outbox
    is exported again, as a chain of its own (after a restore, or a fork the hub found). Returns the new one."""
    set_state(session, "epoch", epoch + 1)
    set_state(session, "last_export_seq", 0)
    set_state(session, "last_manifest_hash", "")
    return epoch + 1


TAKEN = ("applied", "waiting", "duplicate", "written")


def chain_of(session: Session, direction: str, origin: str, epoch: int) -> dict[str, int]:
    """The bundles of one device and epoch in the ledger that were taken (or, out, written): file hash ->
    the counter it ends at. The chain their prev_hash fields must follow."""
    query = select(bundles_t.c.file_hash, bundles_t.c.seq_to).where(
        bundles_t.c.direction == direction, bundles_t.c.origin_device == origin, bundles_t.c.epoch == epoch,
        bundles_t.c.kind == "changes", bundles_t.c.state.in_(TAKEN)).order_by(bundles_t.c.at)
    return {file_hash: seq_to for file_hash, seq_to in session.execute(query)}


def ledger(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """The newest ledger rows first."""
    return [dict(r) for r in session.execute(select(bundles_t).order_by(bundles_t.c.at.desc()).limit(limit))
            .mappings()]


def add_conflict(session: Session, row: dict[str, Any]) -> bool:
    """Record a conflict unless the same pair is already recorded; True if it is new."""
    exists = session.scalar(select(func.count()).select_from(conflicts_t).where(
        conflicts_t.c.entity == row["entity"], conflicts_t.c.record_id == row["record_id"],
        conflicts_t.c.field == row["field"], conflicts_t.c.kept_version == row["kept_version"],
        conflicts_t.c.other_version == row["other_version"]))
    if exists:
        return False
    session.execute(insert(conflicts_t).values(**row))
    return True


def open_conflicts(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """Conflicts not resolved yet, oldest first."""
    query = select(conflicts_t).where(conflicts_t.c.resolved_at.is_(None)).order_by(conflicts_t.c.id).limit(limit)
    return [dict(r) for r in session.execute(query).mappings()]


def conflict(session: Session, conflict_id: int) -> dict[str, Any] | None:
    """One conflict."""
    row = session.execute(select(conflicts_t).where(conflicts_t.c.id == conflict_id)).mappings().first()
    return dict(row) if row else None


def resolve_conflict(session: Session, conflict_id: int, by: str, at: Any) -> None:
    """Mark a conflict resolved."""
    session.execute(update(conflicts_t).where(conflicts_t.c.id == conflict_id).values(resolved_at=at, resolved_by=by))


def count_open_conflicts(session: Session) -> int:
    """How many conflicts wait for an officer."""
    return session.scalar(select(func.count()).select_from(conflicts_t).where(conflicts_t.c.resolved_at.is_(None))
                          ) or 0


def open_conflicts_by_partition(session: Session) -> dict[str, int]:
    """Open conflicts counted by the partition (commune) of their record."""
    from desktop.core.models import MODEL_BY_ENTITY

    counts: dict[str, int] = {}
    for entity, model in MODEL_BY_ENTITY.items():
        table = table_of(model)
        query = select(table.c.partition, func.count()).select_from(
            conflicts_t.join(table, table.c.id == conflicts_t.c.record_id)).where(
            conflicts_t.c.entity == entity, conflicts_t.c.resolved_at.is_(None)).group_by(table.c.partition)
        for partition, count in session.execute(query):
            counts[partition] = counts.get(partition, 0) + count
    return counts


def settle_conflicts(session: Session, entity: str, record_id: str, versions: dict[str, str], at: Any,
                     by: str | None) -> None:
    """Open conflicts of these fields that a newer edit supersedes (a resolution made elsewhere) are settled."""
    for name, version in versions.items():
        session.execute(update(conflicts_t).where(
            conflicts_t.c.entity == entity, conflicts_t.c.record_id == record_id, conflicts_t.c.field == name,
            conflicts_t.c.resolved_at.is_(None), conflicts_t.c.kept_version < version,
            conflicts_t.c.other_version < version).values(resolved_at=at, resolved_by=by or "sync"))


def epochs_of(session: Session, device: str) -> list[int]:
    """The epochs of a device seen here (more than one: it was restored from a backup)."""
    return list(session.scalars(select(received_t.c.epoch).where(received_t.c.origin_device == device).distinct()
                                .order_by(received_t.c.epoch)))
