"""The SQL behind `ctxh db-check`: SQLite's own checks and the app's invariants."""

from __future__ import annotations

import json

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.core.migrations.fts import SEARCH_TABLES
from desktop.core.models import SYNCED_MODELS, ChangeEntry, Device
from desktop.core.models.base import table_of


def sqlite_problems(session: Session) -> list[str]:
    """integrity_check, foreign_key_check and the FTS5 indexes' own integrity checks."""
    problems: list[str] = []
    result = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
    if result != ["ok"]:
        problems.extend(f"integrity_check: {r}" for r in result[:20])
    for row in session.execute(text("PRAGMA foreign_key_check")).fetchall()[:20]:
        problems.append(f"foreign_key_check: {tuple(row)}")
    for table in SEARCH_TABLES:
        try:
            session.execute(text(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)"))
        except Exception as exc:  # the FTS5 check reports corruption as an SQL error
            problems.append(f"{table}_fts: {exc.__class__.__name__}")
    return problems


def invariant_problems(session: Session) -> list[str]:
    """Every record has readable versions with a default; the device clock is past its outbox."""
    problems: list[str] = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        for record_id, versions in session.execute(select(table.c.id, table.c.field_versions)):
            try:
                parsed = json.loads(versions)
                assert isinstance(parsed, dict) and "*" in parsed
            except (ValueError, AssertionError):
                problems.append(f"{model.__entity__} {record_id}: field_versions")
                if len(problems) > 20:
                    return problems
    device = session.scalars(select(Device).where(Device.is_local.is_(True))).first()
    if device is None:
        return [*problems, "no local device"]
    newest = session.scalar(select(ChangeEntry.payload).order_by(ChangeEntry.seq.desc()).limit(1))
    if newest is not None:
        version = json.loads(newest)["version"]
        if not device.last_version or device.last_version < version:
            problems.append("device clock is behind its outbox")
    return problems
