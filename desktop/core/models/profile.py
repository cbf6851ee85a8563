"""This installation: its devices (the local one and those seen through sync) and its users."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, utcnow


class Device(Base):
    """A laptop or hub. Exactly one row has is_local true: this installation."""

    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    province_code: Mapped[str] = mapped_column(String(2))
    commune_code: Mapped[str] = mapped_column(String(5))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    # The newest HLC version this device issued, saved with every write so that a restarted
    # clock never goes backwards, even when the wall clock does.
    last_version: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AppUser(Base):
    """A person who signs in on this laptop. Passphrases are stored only as Argon2id hashes."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    worker_id: Mapped[str | None] = mapped_column(String(36))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """One entry of the audit trail: who did what to which record, when, on this device. Append-only and
    hash-chained: `hash` covers every other column and the previous entry's hash (desktop/core/audit_chain.py)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action", "action", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO time, UTC
    device_id: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(80), default="")  # "case:<id>", "file:<name>", …
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ReceivedAudit(Base):
    """At a hub: one laptop's audit entry as it arrived in a bundle (the hub checks each device's chain)."""

    __tablename__ = "received_audit"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry: Mapped[str] = mapped_column(Text)  # the entry as sent (canonical JSON)
