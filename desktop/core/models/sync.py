"""The outbox: every local write appends a change entry here in the same transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
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
