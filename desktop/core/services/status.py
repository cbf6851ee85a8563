"""Counts and the content digest of a profile (design.md §4).

The digest is SHA-256 over the sorted canonical JSON lines of every synced record — entity, id,
field values, tombstone — and nothing else, so two replicas holding the same content have the
same digest whatever order the changes reached them in.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.context import AppContext
from desktop.core.models import SYNCED_MODELS
from desktop.core.repositories import records as repo
from desktop.core.services.changes import dumps, to_json_value


def content_digest(session: Session, partition: str | None = None) -> str:
    """The hex SHA-256 content digest of every synced record (or of one partition)."""
    lines: list[bytes] = []
    for model in SYNCED_MODELS:
        for row in repo.synced_rows(session, model, partition):
            record = {
                "entity": model.__entity__,
                "id": row["id"],
                "fields": {f: to_json_value(row[f]) for f in model.__synced_fields__},
                "deleted": bool(row["deleted"]),
            }
            lines.append(dumps(record).encode("utf-8"))
    lines.sort()
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line)
        digest.update(b"\n")
    return digest.hexdigest()


def status(ctx: AppContext) -> dict[str, Any]:
    """{"counts": {entity: live records}, "digest": hex} plus who and where this profile is."""
    with ctx.db.reader() as session:
        counts = {model.__entity__: repo.live_count(session, model) for model in SYNCED_MODELS}
        digest = content_digest(session)
    return {
        "counts": counts,
        "digest": digest,
        "device": {"id": ctx.device_id, "name": ctx.device_name, "partition": ctx.partition},
    }
