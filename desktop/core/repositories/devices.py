"""This profile's own device row: the newest clock version it issued (kept across restarts and restores)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.core.models import Device


def local_last_version(session: Session) -> str:
    """The newest version this device's clock issued ("" before its first write)."""
    return session.scalar(select(Device.last_version).where(Device.is_local.is_(True))) or ""


def save_last_version(session: Session, device_id: str, version: str) -> None:
    """Keep the device's newest clock version, in the caller's transaction."""
    session.execute(update(Device).where(Device.id == device_id).values(last_version=version))
