"""Applying changes from other devices (design.md §4): per field, the higher HLC version wins; an edit made
from another base than the field's current version, with another value, is a conflict — the winner is
applied and both are kept for an officer. An edit racing a delete keeps the tombstone and is flagged.

Applying is commutative and idempotent, so every replica converges whatever the order of delivery. A change
whose record (or a record it points to) has not arrived yet waits, and is applied when it has.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Table
from sqlalchemy.orm import Session

from desktop.core.bulk import insert_rows, is_sqlite
from desktop.core.derived import case_keys, person_keys
from desktop.core.models import MODEL_BY_ENTITY, Beneficiary, Case, FormAnswer, ServiceRecord, Synced, Worker
from desktop.core.models.base import table_of, utcnow
from desktop.core.repositories import rows as row_sql
from desktop.core.repositories import sync_store as store
from desktop.core.services.changes import dumps, to_json_value
from desktop.core.stored_values import absent_value, record_problems
from desktop.core.validation import CodeCheck, Rule

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


class ScopeError(MergeError):
    """A change that would write, or point to, a record of another commune (refused as E_SCOPE)."""


def scope_breach(session: Session, lines: list[dict[str, Any]]) -> tuple[int, str] | None:
    """The first of these (checked) lines that would change a record stored under another partition than
    its own, or point to a record of another partition — as (index, reason) — or None.

    A line's partition label is the sender's (checked when the bundle was opened); what matters is where the
    row it lands on lives (T32): otherwise a device of one commune could overwrite another's case by its id."""
    wanted: dict[str, tuple[Table, set[str]]] = {}
    for line in lines:
        table, references = _links(line["entity"])
        wanted.setdefault(table.name, (table, set()))[1].add(line["id"])
        fields = line["fields"]
        for name, target in references:
            value = fields.get(name)
            if isinstance(value, str):
                wanted.setdefault(target.name, (target, set()))[1].add(value)
    stored = {name: row_sql.partitions_of(session, table, ids) for name, (table, ids) in wanted.items()}
    for index, line in enumerate(lines):
        table, references = _links(line["entity"])
        home = stored[table.name].get(line["id"])
        if home is not None and home != line["partition"]:
            return index, f"{line['entity']} {line['id']} is a record of {home}, not of {line['partition']}"
        for name, target in references:
            value = line["fields"].get(name)
            home = stored[target.name].get(value) if isinstance(value, str) else None
            if home is not None and home != line["partition"]:
                return index, f"{line['entity']} {line['id']} points to {target.name} {value} of {home}"
    return None


_LINKS: dict[str, tuple[Table, list[tuple[str, Table]]]] = {}


def _links(entity: str) -> tuple[Table, list[tuple[str, Table]]]:
    """An entity's table and its references to records of a commune (field, table), read once."""
    found = _LINKS.get(entity)
    if found is None:
        table = table_of(MODEL_BY_ENTITY[entity])
        found = (table, [(fk.parent.name, fk.column.table) for fk in table.foreign_keys
                         if "partition" in fk.column.table.c])
        _LINKS[entity] = found
    return found


@dataclass
class MergeStats:
    """What merging a set of changes did."""

    applied: int = 0
    superseded: int = 0
    pending: int = 0
    conflicts: int = 0
    newest_version: str = ""
    touched: dict[str, set[str]] = field(default_factory=dict)
    created: set[str] = field(default_factory=set)  # ids inserted here, their derived columns already right
    partitions: set[str] = field(default_factory=set)  # communes whose records were written

    def touch(self, entity: str, record_id: str, partition: str, created: bool = False) -> None:
        """Note a record written (in `partition`) whose derived columns (or whose case's) may need recomputing."""
        self.touched.setdefault(entity, set()).add(record_id)
        self.partitions.add(partition)
        if created:
            self.created.add(record_id)


def check_line(line: dict[str, Any], known_code: CodeCheck | None = None) -> type[Synced]:
    """The model a change line writes to, after checking its shape and every value (codes against
    `known_code`, the receiver's lists, when given); raises MergeError."""
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
    shape = _shape_problem(line)
    if shape:
        raise MergeError(f"{model.__entity__} {line['id'][:36]}: {shape}")
    problems = record_problems(table_of(model), model.__synced_fields__, fields, create="base" not in line,
                               rules=_rules().get(model.__entity__), json_fields=_JSON_FIELDS,
                               known_code=known_code)
    if problems:
        raise MergeError(f"{model.__entity__} {line['id']}: {problems[0]}")
    return model


_JSON_FIELDS = ("answers", "as_written")  # as_written: {"field": "text"} kept by an import
_VERSION_MAX = 64


def _shape_problem(line: dict[str, Any]) -> str | None:
    """What is wrong with a change's envelope (its id, version, author, base), or None."""
    if not 1 <= len(line["id"]) <= 36:
        return "an id is 1 to 36 characters"
    if not isinstance(line.get("partition"), str) or len(line["partition"]) > 20:
        return "a change names its commune"
    if not 1 <= len(line["version"]) <= _VERSION_MAX:
        return "a version is 1 to 64 characters"
    if line.get("author") is not None and (not isinstance(line["author"], str) or len(line["author"]) > 120):
        return "the author is a user name"
    if "seen" in line and not (isinstance(line["seen"], str) and len(line["seen"]) <= _VERSION_MAX):
        return "seen is a version"
    base = line.get("base")
    if "base" in line and not (isinstance(base, dict) and all(
            isinstance(v, str) and len(v) <= _VERSION_MAX for v in base.values())):
        return "a base maps fields to versions"
    return None


_RULES: dict[str, Mapping[str, Rule]] = {}


def _rules() -> dict[str, Mapping[str, Rule]]:
    """The services' field rules of each entity: a change from outside meets the rules an officer's input does."""
    if not _RULES:
        from desktop.core.services.allowances import DECISION_RULES
        from desktop.core.services.case_log import NOTE_RULES
        from desktop.core.services.cases import BENEFICIARY_RULES, CASE_RULES, SERVICE_RULES
        from desktop.core.services.consent import CONSENT_RULES
        from desktop.core.services.duplicate_notices import NOTICE_RULES
        from desktop.core.services.registers import BASELINE_RULES, FACILITY_RULES, REFERRAL_RULES
        from desktop.core.services.roster import WORKER_RULES
        from desktop.core.services.roster_extras import ALLOWANCE_RULES
        from desktop.core.services.training import ATTENDANCE_RULES, COURSE_RULES

        _RULES.update({"worker": WORKER_RULES, "worker_allowance": ALLOWANCE_RULES, "training_course": COURSE_RULES,
                       "training_attendance": ATTENDANCE_RULES, "beneficiary": BENEFICIARY_RULES,
                       "case": CASE_RULES, "service_record": SERVICE_RULES, "consent": CONSENT_RULES,
                       "facility": FACILITY_RULES, "referral": REFERRAL_RULES, "baseline_figure": BASELINE_RULES,
                       "allowance_decision": DECISION_RULES, "duplicate_notice": NOTICE_RULES,
                       "case_note": NOTE_RULES})
    return _RULES


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
    return all(values.get(fk.parent.name) is None or row_sql.value_exists(session, fk.column, values[fk.parent.name])
               for fk in table.foreign_keys)


def _derived(session: Session, model: type[Synced], values: dict[str, Any],
             people: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A record's local columns (sort and search keys; a new case's last contact is its opening), looking
    the case's person up in `people` (those a bulk run holds) before the database."""
    if model in (Worker, Beneficiary):
        return person_keys(values)
    if model is Case:
        person_id = values["beneficiary_id"]
        person = (people or {}).get(person_id) or row_sql.people_by_id(session, [person_id]).get(person_id, {})
        return {**case_keys(values.get("case_no"), person), "last_contact_on": values.get("opened_on")}
    return {}


def merge_line(session: Session, line: dict[str, Any], origin: str, stats: MergeStats) -> str:
    """Apply one change; returns "applied", "superseded" or "pending"."""
    model = check_line(line)
    table: Table = table_of(model)
    fields: dict[str, Any] = line["fields"]
    version: str = line["version"]
    stats.newest_version = max(stats.newest_version, version)
    row = row_sql.row_of(session, table, line["id"])
    if row is None:
        if "base" in line:
            return "pending"  # an edit of a record that has not arrived yet
        # A create: fields a sender's older schema did not have yet are empty.
        values = {name: _from_json(table, name, fields.get(name, absent_value(table, name)))
                  for name in model.__synced_fields__}
        if not _parents_present(session, table, values):
            return "pending"
        now = utcnow()
        row_sql.insert_rows(session, table, [dict(
            **values, **_derived(session, model, values), id=line["id"], partition=line["partition"],
            deleted=bool(fields.get("deleted", False)), field_versions=dumps({"*": version}),
            updated_by=line.get("author"), updated_device=origin, created_at=now, updated_at=now)])
        stats.touch(model.__entity__, line["id"], line["partition"], created=True)
        return "applied"
    if row["partition"] != line["partition"]:  # callers check first (scope_breach); never write across communes
        raise ScopeError(f"{model.__entity__} {line['id']} is a record of {row['partition']}")
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
    row_sql.update_row(session, table, line["id"], dict(
        **values, **derived, field_versions=dumps(versions), updated_by=line.get("author"), updated_device=origin,
        updated_at=utcnow()))
    stats.touch(model.__entity__, line["id"], row["partition"])
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


def recompute_derived(session: Session, stats: MergeStats, contacts: bool = True) -> None:
    """Sort and search keys of cases whose person changed, and (unless `contacts` is False) the last contact
    of cases whose services, home visits or opening changed — local columns the merge must keep true, as the
    services do. A hub passes False: no page of it reads last contact dates (they serve a laptop's to-do list),
    and rewriting a thousand cases a bundle was a tenth of its import on PostgreSQL."""
    from desktop.core.repositories.workflow import refresh_last_contact_many

    touched = stats.touched
    case_ids = {i for i in touched.get("case", set()) if i not in stats.created}
    people = [i for i in touched.get("beneficiary", set()) if i not in stats.created]
    persons = row_sql.people_by_id(session, people)
    for case_id, case_no, person_id in row_sql.cases_of_people(session, people):
        case_ids.add(case_id)
        row_sql.update_row(session, Case.__table__, case_id, case_keys(case_no, persons.get(person_id, {})))
    if not contacts:
        return
    for model in (ServiceRecord, FormAnswer):
        case_ids |= row_sql.case_ids_of(session, model.__table__, list(touched.get(model.__entity__, set())))
    refresh_last_contact_many(session, sorted(case_ids))


CHUNK = 2000


def merge_run(session: Session, lines: list[dict[str, Any]], origin: str, stats: MergeStats) -> int:
    """Apply one device's changes in counter order, as fast as the database allows; returns how many were
    applied before one had to wait (its record or a parent missing), which is where the caller stops.

    Creates of records not yet here — most of a first sync — are checked against rows fetched once per
    chunk and written with one executemany per run of an entity; anything else goes through merge_line.
    """
    done = 0
    for start in range(0, len(lines), CHUNK):
        chunk = lines[start:start + CHUNK]
        consumed = _merge_chunk(session, chunk, origin, stats)
        done += consumed
        if consumed < len(chunk):
            break
    return done


def _merge_chunk(session: Session, chunk: list[dict[str, Any]], origin: str, stats: MergeStats) -> int:
    # Every line was checked (check_line) when it arrived: by the bundle's opener, or before it was kept waiting.
    models = {line["entity"]: MODEL_BY_ENTITY[line["entity"]] for line in chunk}
    present: dict[str, set[str]] = {}
    for entity, model in models.items():
        present[table_of(model).name] = row_sql.existing_ids(
            session, table_of(model), {line["id"] for line in chunk if line["entity"] == entity})
    # Parents named by the chunk's creates, looked up once per parent table — but not those this run created.
    created = stats.created
    wanted: dict[Table, set[str]] = {}
    for line in chunk:
        if "base" not in line:
            for fk in table_of(models[line["entity"]]).foreign_keys:
                value = line["fields"].get(fk.parent.name)
                if value is not None and value not in created:
                    wanted.setdefault(fk.column.table, set()).add(value)
    for parent, ids in wanted.items():
        present.setdefault(parent.name, set()).update(row_sql.existing_ids(session, parent, ids))
    people = _people_of(session, chunk)
    sqlite = is_sqlite(session)
    convert = _sqlite_row if sqlite else _copy_row
    segment: list[dict[str, Any]] = []
    segment_table: Table | None = None
    consumed = 0
    now: Any = utcnow()
    if sqlite:
        now = _sqlite_value(now)

    def flush() -> None:
        nonlocal segment
        if segment and segment_table is not None:
            insert_rows(session, segment_table, segment)
        segment = []

    for line in chunk:
        model = models[line["entity"]]
        table: Table = table_of(model)
        stats.newest_version = max(stats.newest_version, line["version"])
        is_new_create = "base" not in line and line["id"] not in present.get(table.name, set())
        if not is_new_create:
            flush()
            result = merge_line(session, line, origin, stats)
            if result == "pending":
                return consumed
            stats.applied += result == "applied"
            stats.superseded += result == "superseded"
            if model is Beneficiary:
                people.pop(line["id"], None)
            consumed += 1
            continue
        fields = line["fields"]
        values = convert(table, fields)
        if any(values.get(fk.parent.name) is not None and values[fk.parent.name] not in created
               and values[fk.parent.name] not in present.get(fk.column.table.name, set()) for fk in table.foreign_keys):
            flush()
            return consumed
        if model is Beneficiary:
            people[line["id"]] = values
        derived = _derived(session, model, values, people)
        if segment_table is not table:
            flush()
            segment_table = table
        segment.append({**values, **derived, "id": line["id"], "partition": line["partition"],
                        "deleted": int(bool(fields.get("deleted", False))) if sqlite else bool(fields.get("deleted")),
                        "field_versions": _all_fields_at(line["version"]),
                        "updated_by": line.get("author"), "updated_device": origin, "created_at": now,
                        "updated_at": now})
        present.setdefault(table.name, set()).add(line["id"])
        stats.touch(model.__entity__, line["id"], line["partition"], created=True)
        stats.applied += 1
        consumed += 1
    flush()
    return consumed


def _all_fields_at(version: str) -> str:
    """dumps({"*": version}) — written once per created record, so without the general encoder."""
    return '{"*":' + json.dumps(version, ensure_ascii=False) + "}"


def _people_of(session: Session, chunk: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The beneficiaries the chunk's new cases point to that are already here (for the cases' name keys)."""
    ids = {line["fields"].get("beneficiary_id") for line in chunk if line["entity"] == "case" and "base" not in line}
    ids.discard(None)
    return row_sql.people_by_id(session, list(ids))


def _sqlite_value(value: Any) -> Any:
    """A value as SQLAlchemy stores it in SQLite (its Date and DateTime text formats, booleans as 0/1)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _kinds(table: Table) -> list[tuple[str, str]]:
    kinds = []
    for column in table.columns:
        kind = column.type
        code = "datetime" if isinstance(kind, DateTime) else "date" if isinstance(kind, Date) else \
            "bool" if isinstance(kind, Boolean) else "int" if isinstance(kind, Integer) else ""
        kinds.append((column.name, code))
    return kinds


_KINDS: dict[str, list[tuple[str, str]]] = {}


def _synced_kinds(table: Table) -> list[tuple[str, str]]:
    if table.name not in _KINDS:
        model = next(m for m in MODEL_BY_ENTITY.values() if table_of(m) is table)
        synced = set(model.__synced_fields__)
        _KINDS[table.name] = [(n, k) for n, k in _kinds(table) if n in synced]
    return _KINDS[table.name]


def _copy_row(table: Table, fields: dict[str, Any]) -> dict[str, Any]:
    """A create's fields for PostgreSQL's COPY, straight from JSON: COPY reads ISO dates and timestamps as
    text, so nothing needs converting."""
    return {name: fields[name] if name in fields else absent_value(table, name) for name, _kind in _synced_kinds(table)}


def _sqlite_row(table: Table, fields: dict[str, Any]) -> dict[str, Any]:
    """A create's fields as SQLite stores them, straight from JSON: dates are already ISO text, only
    timestamps and booleans need SQLAlchemy's storage form."""
    row = {}
    for name, kind in _synced_kinds(table):
        value = fields[name] if name in fields else absent_value(table, name)
        if value is not None and kind == "datetime":
            value = dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M:%S.%f")
        elif value is not None and kind == "bool":
            value = int(bool(value))
        row[name] = value
    return row
