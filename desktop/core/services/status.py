"""Counts and the content digest of a profile (design.md §4).

The digest is SHA-256 over the sorted canonical JSON lines of every synced record — entity, id,
non-null field values, tombstone — and nothing else, so two replicas holding the same content have the
same digest whatever order the changes reached them in.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.context import AppContext
from desktop.core.domain.case_rules import is_open
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
                # Null fields are left out: absent and null are the same content, so a field added by a
                # newer version does not change the digest of records that never set it.
                "fields": {f: to_json_value(row[f]) for f in model.__synced_fields__ if row[f] is not None},
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


def overview(ctx: AppContext) -> dict[str, Any]:
    """The figures of the Overview page: live counts, cases by status and workers by category."""
    from desktop.core.models import Case, Worker

    with ctx.db.reader() as session:
        counts = {model.__entity__: repo.live_count(session, model) for model in SYNCED_MODELS}
        cases_by_status = repo.live_count_by(session, Case, "status")
        workers_by_category = repo.live_count_by(session, Worker, "category")
    return {"counts": counts, "cases_by_status": cases_by_status, "workers_by_category": workers_by_category,
            "cases_open": sum(n for status, n in cases_by_status.items() if is_open(status)),
            "cases_closed": sum(n for status, n in cases_by_status.items() if not is_open(status))}


def profile_info(ctx: AppContext) -> dict[str, Any]:
    """Where and what this profile is: device, commune, data folder, schema and reference versions."""
    from desktop.core.db import current_revision
    from desktop.core.repositories.reference import admin_unit, loaded_versions

    with ctx.db.reader() as session:
        province = admin_unit(session, ctx.province_code)
        commune = admin_unit(session, ctx.commune_code)
        versions = loaded_versions(session)
    return {
        "device_name": ctx.device_name, "device_id": ctx.device_id, "partition": ctx.partition,
        "province": province.name if province else ctx.province_code,
        "commune": commune.name if commune else ctx.commune_code,
        "data_dir": str(ctx.profile.root), "schema": current_revision(ctx.db.engine),
        "reference_versions": versions, "user": ctx.actor.username, "role": ctx.role,
    }
