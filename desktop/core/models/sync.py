"""The outbox: every local write appends a change entry here in the same transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, utcnow


class ChangeEntry(Base):
    """One change of one record by this device.

    `seq` is the device's counter: AUTOINCREMENT never reuses a value, so it only grows even after
    rows are pruned. `payload` is JSON {field: [new value, version, base version]}; a base of null
    means the field had no version (a new record). Export reads ranges of seq; nothing else needs a
    dirty flag.
    """

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    partition: Mapped[str] = mapped_column(String(8))
    payload: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SyncState(Base):
    """Small local facts of sync (this device's epoch, the last export, what the hub acknowledged)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)  # e.g. "hwm:<device id>:<epoch>"
    value: Mapped[str] = mapped_column(Text)


class ReceivedChange(Base):
    """One change received from another device, by its origin counter: a second copy with the same hash is a
    duplicate (a no-op), one with another hash is a replay or a fork (the bundle is refused)."""

    __tablename__ = "sync_received"
    # Only the few changes still waiting are looked up by state; a hub keeps hundreds of thousands applied.
    __table_args__ = (Index("ix_sync_received_pending", "state", sqlite_where=text("state = 'pending'"),
                            postgresql_where=text("state = 'pending'")),)

    origin_device: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The counter before this one in its bundle (or the bundle's seq_after): counters may have holes, so
    # "the earlier changes are here" means this one's predecessor was applied, not seq - 1.
    prev_seq: Mapped[int] = mapped_column(Integer)
    line_hash: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(12))  # applied | pending (waits for its record or parent)
    line: Mapped[str | None] = mapped_column(Text)  # kept while pending, then cleared


class BundleRecord(Base):
    """The ledger of bundles written and read on this profile, whatever became of them."""

    __tablename__ = "sync_bundles"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    direction: Mapped[str] = mapped_column(String(12))  # out | in
    kind: Mapped[str] = mapped_column(String(12))  # changes | hub
    origin_device: Mapped[str] = mapped_column(String(36))
    epoch: Mapped[int] = mapped_column(Integer)
    seq_from: Mapped[int | None] = mapped_column(Integer)
    seq_to: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))  # written | applied | duplicate | quarantined
    changes: Mapped[int] = mapped_column(Integer, default=0)
    applied: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(40))
    file_name: Mapped[str | None] = mapped_column(String(260))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    prev_hash: Mapped[str | None] = mapped_column(String(64))  # in: the file hash its sender's previous bundle had


class Conflict(Base):
    """Two edits of one field made without seeing each other: the value kept (the higher version) and the
    other, each with its author and device, until an officer resolves it (the resolution is a change)."""

    __tablename__ = "conflicts"
    __table_args__ = (UniqueConstraint("entity", "record_id", "field", "kept_version", "other_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_version: Mapped[str] = mapped_column(String(64))
    kept_value: Mapped[str | None] = mapped_column(Text)  # JSON
    kept_author: Mapped[str | None] = mapped_column(String(64))
    other_version: Mapped[str] = mapped_column(String(64))
    other_value: Mapped[str | None] = mapped_column(Text)  # JSON
    other_author: Mapped[str | None] = mapped_column(String(64))
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))


class HubDevice(Base):
    """A laptop enrolled at the hub: its commune, its keys, its certificate's term, and any revocation."""

    __tablename__ = "hub_devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    partition: Mapped[str] = mapped_column(String(8), index=True)
    sign_key: Mapped[str] = mapped_column(String(80))
    age_recipient: Mapped[str] = mapped_column(String(80))
    fingerprint: Mapped[str] = mapped_column(String(40))
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    not_after: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32))
