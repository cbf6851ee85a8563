"""Applying changes from other devices (design.md §4): per field, the higher HLC version wins; an edit made
from another base than the field's current version, with another value, is a conflict — the winner is
applied and both are kept for an officer. An edit racing a delete keeps the tombstone and is flagged.

Applying is commutative and idempotent, so every replica converges whatever the order of delivery. A change
whose record (or a record it points to) has not arrived yet waits, and is applied when it has.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, insert, select, update
from sqlalchemy.orm import Session

from desktop.core.derived import case_keys, person_keys
from desktop.core.models import MODEL_BY_ENTITY, Beneficiary, Case, FormAnswer, ServiceRecord, Synced, Worker
from desktop.core.models.base import utcnow
from desktop.core.services.changes import dumps, to_json_value
from sync import store

SEEN = "!seen"  # in field_versions: how new the record was when it was deleted (not content)
PARENT = "^"  # in field_versions, "^name": the version the current value of `name` was edited from


def _device(version: str | None) -> str:
    return version.split(".", 2)[2] if version and version.count(".") >= 2 else ""


def _concurrent(version: str, base: str | None, current: str, parent: str | None) -> bool:
    """Two edits of a field that did not see each other. Not when one was edited from the other (its base is
    the other, or the other's base is it), nor when both come from one device, whose edits are in sequence."""
    if version == current or base == current or parent == version:
        return False
    return _device(version) != _device(current)


class MergeError(ValueError):
    """A change line that names no known entity or field (the whole bundle is refused as E_FORMAT)."""


@dataclass
class MergeStats:
    """What merging a set of changes did."""

    applied: int = 0
    superseded: int = 0
    pending: int = 0
    conflicts: int = 0
    newest_version: str = ""
    touched: dict[str, set[str]] = field(default_factory=dict)

    def touch(self, entity: str, record_id: str) -> None:
        """Note a record whose derived columns need recomputing."""
        self.touched.setdefault(entity, set()).add(record_id)


def check_line(line: dict[str, Any]) -> type[Synced]:
    """The model a change line writes to, after checking its shape; raises MergeError."""
    model = MODEL_BY_ENTITY.get(line.get("entity", ""))
    if model is None:
        raise MergeError(f"unknown entity {line.get('entity')!r}")
    fields = line.get("fields")
    if not isinstance(fields, dict) or not isinstance(line.get("id"), str) or not isinstance(line.get("version"), str):
        raise MergeError("a change needs id, version and fields")
    allowed = set(model.__synced_fields__) | {"deleted"}
    unknown = set(fields) - allowed
    if unknown:
        raise MergeError(f"{model.__entity__} has no field {sorted(unknown)[0]!r}")
    return model


def _from_json(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[name].type
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer):
        return int(value)
    return value


def _parents_present(session: Session, table: Table, values: dict[str, Any]) -> bool:
    for fk in table.foreign_keys:
        value = values.get(fk.parent.name)
        if value is not None and session.scalar(
                select(fk.column).where(fk.column == value)) is None:
            return False
    return True


def _derived(session: Session, model: type[Synced], values: dict[str, Any]) -> dict[str, Any]:
    if model in (Worker, Beneficiary):
        return person_keys(values)
    if model is Case:
        person = session.execute(select(Beneficiary.__table__).where(
            Beneficiary.__table__.c.id == values["beneficiary_id"])).mappings().first() or {}
        return {**case_keys(values.get("case_no"), person), "last_contact_on": values.get("opened_on")}
    return {}


def merge_line(session: Session, line: dict[str, Any], origin: str, stats: MergeStats) -> str:
    """Apply one change; returns "applied", "superseded" or "pending"."""
    model = check_line(line)
    table: Table = model.__table__  # type: ignore[assignment]
    fields: dict[str, Any] = line["fields"]
    version: str = line["version"]
    stats.newest_version = max(stats.newest_version, version)
    row = session.execute(select(table).where(table.c.id == line["id"])).mappings().first()
    if row is None:
        if "base" in line or set(model.__synced_fields__) - set(fields):
            return "pending"  # an edit of a record that has not arrived yet
        values = {name: _from_json(table, name, fields.get(name)) for name in model.__synced_fields__}
        if not _parents_present(session, table, values):
            return "pending"
        now = utcnow()
        session.execute(insert(table).values(
            **values, **_derived(session, model, values), id=line["id"], partition=line["partition"],
            deleted=bool(fields.get("deleted", False)), field_versions=dumps({"*": version}),
            updated_by=line.get("author"), updated_device=origin, created_at=now, updated_at=now))
        stats.touch(model.__entity__, line["id"])
        return "applied"
    versions: dict[str, str] = json.loads(row["field_versions"])
    default = versions.get("*", "")
    base: dict[str, Any] = line.get("base") or {}
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        current = versions.get(name, default)
        parent = versions.get(PARENT + name)
        if version > current:
            changes[name] = value
            versions[name] = version
            if name in base:
                versions[PARENT + name] = base[name]
        here = to_json_value(row[name])
        if "base" in line and _concurrent(version, base.get(name), current, parent) and here != value:
            _conflict(session, stats, model, row, name, (current, here, row["updated_by"]),
                      (version, value, line.get("author")))
    _tombstone_conflicts(session, stats, model, row, line, versions)
    if line.get("seen") and fields.get("deleted") is True:
        versions[SEEN] = max(versions.get(SEEN, ""), line["seen"])
    if changes:
        store.settle_conflicts(session, model.__entity__, line["id"], {n: version for n in changes}, utcnow(),
                               line.get("author"))
    if not changes:
        return "superseded"
    values = {name: _from_json(table, name, value) for name, value in changes.items()}
    merged = {**row, **values}
    derived = _derived(session, model, merged) if set(values) & {"full_name", "national_id", "phone", "case_no"} \
        else {}
    derived.pop("last_contact_on", None)
    session.execute(update(table).where(table.c.id == line["id"]).values(
        **values, **derived, field_versions=dumps(versions), updated_by=line.get("author"), updated_device=origin,
        updated_at=utcnow()))
    stats.touch(model.__entity__, line["id"])
    return "applied"


def _tombstone_conflicts(session: Session, stats: MergeStats, model: type[Synced], row: Any,
                         line: dict[str, Any], versions: dict[str, str]) -> None:
    """An edit and a delete that did not see each other: the tombstone stays, the pair is flagged.

    Both sides use one test, so every replica flags the same pair: the edit's version is newer than what the
    deleting device had seen of the record."""
    fields = line["fields"]
    incoming_delete = fields.get("deleted") is True
    if incoming_delete and not row["deleted"]:
        seen = line.get("seen", "")
        newer = {k: v for k, v in versions.items() if k not in ("*", SEEN, "deleted") and not k.startswith(PARENT)
                 and v > seen and v != line["version"]}
        for name in sorted(newer):
            _conflict(session, stats, model, row, "deleted", (line["version"], True, line.get("author")),
                      (newer[name], {name: to_json_value(row[name])}, row["updated_by"]))
    elif row["deleted"] and "deleted" not in fields and line["version"] > versions.get(SEEN, ""):
        kept = versions.get("deleted", versions.get("*", ""))
        _conflict(session, stats, model, row, "deleted", (kept, True, row["updated_by"]),
                  (line["version"], fields, line.get("author")))


def _conflict(session: Session, stats: MergeStats, model: type[Synced], row: Any, name: str,
              ours: tuple[str, Any, str | None], theirs: tuple[str, Any, str | None]) -> None:
    if name == "deleted" and isinstance(ours[1], bool):
        kept, other = ours, theirs  # the tombstone is kept whatever the versions
    else:
        kept, other = (ours, theirs) if ours[0] > theirs[0] else (theirs, ours)
    if store.add_conflict(session, {
        "entity": model.__entity__, "record_id": row["id"], "field": name, "kept_version": kept[0],
        "kept_value": dumps(kept[1]), "kept_author": kept[2], "other_version": other[0],
        "other_value": dumps(other[1]), "other_author": other[2], "detected_at": utcnow(),
    }):
        stats.conflicts += 1


def recompute_derived(session: Session, touched: dict[str, set[str]]) -> None:
    """Sort and search keys of cases whose person changed, and the last contact of cases whose services,
    home visits or opening changed — local columns the merge must keep true, as the services do."""
    from desktop.core.repositories.workflow import refresh_last_contact

    cases_t = Case.__table__
    case_ids = set(touched.get("case", set()))
    people = touched.get("beneficiary", set())
    if people:
        case_ids |= set(session.scalars(select(cases_t.c.id).where(cases_t.c.beneficiary_id.in_(list(people)))))
        for case in session.execute(select(cases_t.c.id, cases_t.c.case_no, cases_t.c.beneficiary_id).where(
                cases_t.c.beneficiary_id.in_(list(people)))).all():
            person = session.execute(select(Beneficiary.__table__).where(
                Beneficiary.__table__.c.id == case.beneficiary_id)).mappings().first() or {}
            session.execute(update(cases_t).where(cases_t.c.id == case.id).values(**case_keys(case.case_no, person)))
    for model in (ServiceRecord, FormAnswer):
        ids = touched.get(model.__entity__)
        if ids:
            table = model.__table__
            case_ids |= set(session.scalars(select(table.c.case_id).where(table.c.id.in_(list(ids)))))
    for case_id in case_ids:
        refresh_last_contact(session, case_id)


def merge_lines(session: Session, lines: Iterable[dict[str, Any]], origin: str) -> tuple[MergeStats, list[str]]:
    """Apply changes in order; returns the stats and, per line, what became of it."""
    stats = MergeStats()
    outcomes = []
    for line in lines:
        outcome = merge_line(session, line, origin, stats)
        outcomes.append(outcome)
        if outcome == "applied":
            stats.applied += 1
        elif outcome == "superseded":
            stats.superseded += 1
        else:
            stats.pending += 1
    return stats, outcomes
