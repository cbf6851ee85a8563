"""Writes synced records together with their outbox entries, in the caller's transaction.

Every create, edit, delete and restore goes through here, so that no write can miss its change
entry: the record's per-field versions and the outbox row are written by the same statements'
transaction, and a rollback removes both.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.context import AppContext
from desktop.core.errors import NotFoundError
from desktop.core.models import Synced
from desktop.core.models.base import table_of, utcnow
from desktop.core.repositories import rows as row_sql
from desktop.core.repositories.devices import save_last_version


def to_json_value(value: Any) -> Any:
    """A field value as it travels in JSON: dates as ISO strings, the rest unchanged."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dumps(obj: Any) -> str:
    """Canonical compact JSON (sorted keys, UTF-8 kept) for payloads and digests."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass
class Changed:
    """What a service call changed: record ids by entity, and which fields of them."""

    ids: dict[str, list[str]] = field(default_factory=dict)
    fields: dict[str, set[str]] = field(default_factory=dict)

    def add(self, entity: str, record_id: str, fields: Iterable[str]) -> None:
        """Note that `fields` of one record changed."""
        self.ids.setdefault(entity, []).append(record_id)
        self.fields.setdefault(entity, set()).update(fields)

    def __bool__(self) -> bool:
        return bool(self.ids)


class ChangeWriter:
    """Writes through one Session for one AppContext; call flush_clock() before commit."""

    def __init__(self, ctx: AppContext, session: Session) -> None:
        from desktop.core.services.access import require

        require(ctx, "write")  # every change to a record passes here: a VIEWER's never does
        self.ctx = ctx
        self.session = session
        self.changed = Changed()
        self._last_version: str | None = None

    def _version(self) -> str:
        self._last_version = self.ctx.clock.now()
        return self._last_version

    def create_many(self, model: type[Synced], rows: list[dict[str, Any]]) -> list[str]:
        """Insert new records (synced fields plus derived columns) and one change entry each.

        Uses executemany, so creating 100,000 demo cases costs two bulk statements.
        """
        now = utcnow()
        records: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        author = self.ctx.actor.username
        for row in rows:
            record_id = row.get("id") or self.ctx.new_id()
            version = self._version()
            record = {name: row.get(name) for name in model.__synced_fields__}
            record.update({k: v for k, v in row.items() if k not in record and k != "id"})
            record.update(
                id=record_id, partition=row.get("partition", self.ctx.partition), deleted=False,
                field_versions=dumps({"*": version}), updated_by=author,
                updated_device=self.ctx.device_id, created_at=now, updated_at=now,
            )
            records.append(record)
            fields = {name: to_json_value(record[name]) for name in model.__synced_fields__}
            fields["deleted"] = False
            entries.append(
                dict(
                    device_id=self.ctx.device_id, entity=model.__entity__, record_id=record_id,
                    partition=record["partition"], payload=dumps({"version": version, "fields": fields}),
                    author=author, created_at=now,
                )
            )
            self.changed.add(model.__entity__, record_id, fields)
        row_sql.insert_rows(self.session, table_of(model), records)
        row_sql.append_outbox(self.session, entries)
        return [r["id"] for r in records]

    def create(self, model: type[Synced], values: Mapping[str, Any]) -> str:
        """Insert one new record; returns its id."""
        return self.create_many(model, [dict(values)])[0]

    def update(
        self, model: type[Synced], record_id: str, values: Mapping[str, Any],
        derived: Mapping[str, Any] | None = None, force: bool = False,
    ) -> set[str]:
        """Change the synced fields in `values` that differ; returns the names of those that did.

        Each changed field gets the new version; its base (the version it was edited from) goes
        into the change entry, which is how a later merge tells an edit from a conflict.
        """
        table = table_of(model)
        row = row_sql.row_of(self.session, table, record_id)
        if row is None:
            raise NotFoundError(model.__entity__, record_id)
        synced = set(model.__synced_fields__) | {"deleted"}
        # `force` writes a new version even of an unchanged value: settling a conflict must reach every replica.
        changed = {k: v for k, v in values.items() if k in synced and (force or row[k] != v)}
        if not changed:
            return set()
        version = self._version()
        versions = json.loads(row["field_versions"])
        default = versions.get("*")
        base = {name: versions.get(name, default) for name in changed}
        # A delete says how new the record it deleted was: an edit newer than that, made elsewhere, was not
        # seen by whoever deleted, and the merge keeps the tombstone but flags the pair (no silent loss).
        seen = max(v for k, v in versions.items() if k[:1] not in "!^") if changed.get("deleted") is True else None
        versions.update({name: version for name in changed})
        versions.update({f"^{name}": base[name] for name in changed if base[name]})  # what each value replaced
        if seen:
            versions["!seen"] = seen
        now = utcnow()
        row_sql.update_row(self.session, table, record_id, {
            **changed, **(derived or {}), "field_versions": dumps(versions),
            "updated_by": self.ctx.actor.username, "updated_device": self.ctx.device_id, "updated_at": now})
        payload = {
            "version": version,
            "fields": {k: to_json_value(v) for k, v in changed.items()},
            "base": base,
            **({"seen": seen} if seen else {}),
        }
        row_sql.append_outbox(self.session, [dict(
            device_id=self.ctx.device_id, entity=model.__entity__, record_id=record_id,
            partition=row["partition"], payload=dumps(payload), author=self.ctx.actor.username, created_at=now)])
        self.changed.add(model.__entity__, record_id, changed)
        return set(changed)

    def set_deleted(self, model: type[Synced], record_id: str, deleted: bool) -> bool:
        """Tombstone (or restore) a record; the tombstone is a versioned field like any other."""
        return bool(self.update(model, record_id, {"deleted": deleted}))

    def flush_clock(self) -> None:
        """Save the clock's newest version with the device, in the same transaction."""
        if self._last_version is not None:
            save_last_version(self.session, self.ctx.device_id, self._last_version)


class Writing:
    """`with Writing(ctx) as w:` — a transaction with a ChangeWriter that commits on success."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def __enter__(self) -> ChangeWriter:
        self._cm = self.ctx.db.session()
        session = self._cm.__enter__()
        self.writer = ChangeWriter(self.ctx, session)
        return self.writer

    def __exit__(self, exc_type, exc, tb) -> bool | None:
        if exc_type is None:
            self.writer.flush_clock()
        return self._cm.__exit__(exc_type, exc, tb)
