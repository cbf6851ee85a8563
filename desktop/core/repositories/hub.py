"""The SQL of the province hub: enrolled laptops, what each sent, and the per-commune facts of its status
page, each read for every laptop or commune at once (grouped), never one query per row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, exists, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from desktop.core.models import AdminUnit, Beneficiary, BundleRecord, Case, HubDevice, ReceivedChange, ServiceRecord
from desktop.core.repositories.raw_rows import dbapi_rows
from desktop.core.repositories.sync_store import WAITING, states_with_prefix

devices_t: Table = HubDevice.__table__
bundles_t: Table = BundleRecord.__table__
received_t: Table = ReceivedChange.__table__


def hub_devices(session: Session, order_by_name: bool = False) -> list[dict[str, Any]]:
    """Every enrolled laptop (by commune and id, or by name)."""
    order = (devices_t.c.name,) if order_by_name else (devices_t.c.partition, devices_t.c.id)
    return [dict(r) for r in session.execute(select(devices_t).order_by(*order)).mappings()]


def hub_device(session: Session, device_id: str) -> dict[str, Any] | None:
    """One enrolled laptop, or None."""
    row = session.execute(select(devices_t).where(devices_t.c.id == device_id)).mappings().first()
    return dict(row) if row else None


def save_hub_device(session: Session, device_id: str, values: dict[str, Any]) -> None:
    """Enrol a laptop, or renew its enrolment."""
    if session.scalar(select(devices_t.c.id).where(devices_t.c.id == device_id)):
        session.execute(update(devices_t).where(devices_t.c.id == device_id).values(**values))
    else:
        session.execute(devices_t.insert().values(id=device_id, **values))


def set_revoked(session: Session, device_id: str, moment: str) -> bool:
    """Mark a laptop revoked at `moment`; False if no such laptop is enrolled."""
    done: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # an UPDATE's result has a rowcount
        update(devices_t).where(devices_t.c.id == device_id).values(revoked_at=moment))
    return bool(done.rowcount)


def device_names(session: Session) -> dict[str, str]:
    """Laptop names by id."""
    return {device_id: name for device_id, name in session.execute(select(devices_t.c.id, devices_t.c.name))}


def last_bundles(session: Session) -> dict[str, Any]:
    """When each laptop's newest applied (or waiting) bundle arrived."""
    query = select(bundles_t.c.origin_device, func.max(bundles_t.c.at)).where(
        bundles_t.c.state.in_(("applied", "waiting"))).group_by(bundles_t.c.origin_device)
    return {device: at for device, at in session.execute(query)}


def bundles_in_state(session: Session, state: str) -> dict[str, int]:
    """How many bundles of each laptop are in `state` (e.g. quarantined)."""
    query = select(bundles_t.c.origin_device, func.count()).where(bundles_t.c.state == state).group_by(
        bundles_t.c.origin_device)
    return {device: n for device, n in session.execute(query)}


def alerts_by_device(session: Session, codes: tuple[str, ...], per_device: int = 5) -> dict[str, list[dict[str, Any]]]:
    """The newest quarantined bundles of each laptop refused for one of `codes` (a hostile or forked sender,
    not an accident of transport): {"error", "file", "at"}, at most `per_device` each."""
    query = select(bundles_t.c.origin_device, bundles_t.c.error, bundles_t.c.file_name, bundles_t.c.at).where(
        bundles_t.c.state == "quarantined", bundles_t.c.error.in_(codes)).order_by(bundles_t.c.at.desc())
    found: dict[str, list[dict[str, Any]]] = {}
    for device, error, file_name, at in session.execute(query):
        listed = found.setdefault(device, [])
        if len(listed) < per_device:
            listed.append({"error": error, "file": file_name, "at": at})
    return found


def count_bundles_in_state(session: Session, state: str) -> int:
    """How many bundles are in `state` (e.g. files refused before they could be opened)."""
    return session.scalar(select(func.count()).select_from(bundles_t).where(bundles_t.c.state == state)) or 0


def waiting_by_device(session: Session) -> dict[str, int]:
    """How many received changes of each laptop wait for an earlier bundle."""
    query = select(received_t.c.origin_device, func.count()).where(WAITING).group_by(received_t.c.origin_device)
    return {device: n for device, n in session.execute(query)}


def epochs_by_device(session: Session) -> dict[str, list[int]]:
    """The epochs each laptop sent (more than one: it was restored from a backup)."""
    query = select(received_t.c.origin_device, received_t.c.epoch).distinct().order_by(
        received_t.c.origin_device, received_t.c.epoch)
    found: dict[str, list[int]] = {}
    for device, epoch in session.execute(query):
        found.setdefault(device, []).append(epoch)
    return found


def gaps_by_device(session: Session) -> dict[str, list[dict[str, int]]]:
    """Where each laptop's changes wait for an earlier bundle: per epoch, the counters missing (from, to)."""
    applied = states_with_prefix(session, "hwm:")  # "device:epoch" → the highest counter applied
    query = select(received_t.c.origin_device, received_t.c.epoch, func.min(received_t.c.prev_seq)).where(
        WAITING).group_by(received_t.c.origin_device, received_t.c.epoch)
    gaps: dict[str, list[dict[str, int]]] = {}
    for device, epoch, first_prev in session.execute(query):
        done = int(applied.get(f"{device}:{epoch}", 0))
        if first_prev > done:
            gaps.setdefault(device, []).append({"epoch": epoch, "from": done + 1, "to": first_prev})
    return gaps


def unit_names(session: Session, codes: list[str]) -> dict[str, str]:
    """Administrative unit names by code."""
    units: Table = AdminUnit.__table__
    return {code: name for code, name in session.execute(select(units.c.code, units.c.name).where(
        units.c.code.in_(codes)))} if codes else {}


def partitions_held(session: Session) -> set[str]:
    """Every commune the hub has laptops or cases of."""
    cases: Table = Case.__table__
    return set(session.scalars(select(devices_t.c.partition))) | set(
        session.scalars(select(cases.c.partition).distinct()))


def devices_by_partition(session: Session) -> dict[str, int]:
    """How many laptops each commune has enrolled."""
    query = select(devices_t.c.partition, func.count()).group_by(devices_t.c.partition)
    return {partition: n for partition, n in session.execute(query)}


def cases_by_status(session: Session, partition: str) -> dict[str, int]:
    """Live cases of a commune by status."""
    cases: Table = Case.__table__
    query = select(cases.c.status, func.count()).where(cases.c.partition == partition,
                                                         cases.c.deleted.is_(False)).group_by(cases.c.status)
    return {status: n for status, n in session.execute(query)}


def children_with_case(session: Session, partition: str, groups_like: str) -> tuple[int, int]:
    """People whose target groups match `groups_like` (a LIKE pattern) with a live case in the commune, and
    of them those with a service delivered."""
    ben: Table = Beneficiary.__table__
    cases: Table = Case.__table__
    services: Table = ServiceRecord.__table__
    child_cases = select(cases.c.id).join(ben, ben.c.id == cases.c.beneficiary_id).where(
        cases.c.partition == partition, cases.c.deleted.is_(False), ben.c.target_groups.like(groups_like, escape="\\"))
    with_case = session.scalar(select(func.count()).select_from(child_cases.subquery())) or 0
    served = session.scalar(select(func.count()).select_from(child_cases.where(exists().where(
        services.c.case_id == cases.c.id, services.c.deleted.is_(False))).subquery())) or 0
    return with_case, served


def person_with_national_id(session: Session, partition: str, national_id: str | None) -> str | None:
    """The id of the live beneficiary of a commune holding this CCCD (the oldest, if several), or None."""
    if not national_id:
        return None
    ben: Table = Beneficiary.__table__
    query = (select(ben.c.id).where(ben.c.partition == partition, ben.c.national_id == national_id,
                                    ben.c.deleted.is_(False)).order_by(ben.c.created_at, ben.c.id).limit(1))
    return session.scalar(query)


def transferred_cases(session: Session) -> list[dict[str, Any]]:
    """Live cases closed as moved to another commune."""
    cases: Table = Case.__table__
    rows = session.execute(select(cases).where(cases.c.transfer_to.is_not(None), cases.c.deleted.is_(False)))
    return [dict(r) for r in rows.mappings()]


def live_rows_of_case(session: Session, table: Table, case_id: str) -> list[dict[str, Any]]:
    """The live records of one case in `table` (its steps, services, forms, consents)."""
    rows = session.execute(select(table).where(table.c.case_id == case_id, table.c.deleted.is_(False)))
    return [dict(r) for r in rows.mappings()]


def people_of_province(session: Session, province: str, batch: int = 20_000) -> Iterator[tuple[Any, ...]]:
    """Every live beneficiary of the province's communes as (id, partition, full_name, birth_date, gender,
    national_id, has a guardian) tuples, streamed in batches through the DB-API cursor (a million rows never
    held as ORM rows; the date is SQLite's text or PostgreSQL's date)."""
    ben: Table = Beneficiary.__table__
    query = select(ben.c.id, ben.c.partition, ben.c.full_name, ben.c.birth_date, ben.c.gender,
                   ben.c.national_id, ben.c.guardian_name.is_not(None)).where(
        ben.c.deleted.is_(False), ben.c.partition.like(f"{province}:%"))
    from desktop.core.db import small_cache

    with small_cache(session):  # one pass over the table: SQLite's reading cache would keep 128 MB of it
        yield from dbapi_rows(session, query, batch)


def people_details(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The columns a duplicate pair shows of each of its people, by id."""
    from desktop.core.repositories.records import rows_by_id

    return rows_by_id(session, Beneficiary, ("partition", "full_name", "birth_date", "gender", "national_id",
                                             "guardian_name", "address"), ids)


def guardians_and_addresses(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Each person's guardian and address, by id: what the duplicate search's second stage compares."""
    from desktop.core.repositories.records import rows_by_id

    return rows_by_id(session, Beneficiary, ("guardian_name", "address"), ids)


def duplicate_decisions(session: Session) -> dict[str, dict[str, Any]]:
    """The province's decisions on duplicate pairs, by pair key: what was decided, who keeps her, and which
    communes have marked their notice handled."""
    from desktop.core.models import DuplicateNotice

    notices: Table = DuplicateNotice.__table__
    out: dict[str, dict[str, Any]] = {}
    for row in session.execute(select(notices).where(notices.c.deleted.is_(False))).mappings():
        entry = out.setdefault(row["pair_key"], {"decision": row["decision"], "keeper": row["keeper"],
                                                 "decided_on": row["decided_on"], "handled": {}, "notices": {}})
        entry["handled"][row["partition"]] = row["handled_on"]
        entry["notices"][row["partition"]] = row["id"]
    return out
