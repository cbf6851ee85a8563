"""Queries and bulk loads of reference data (administrative units, code lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.models import AdminUnit, CodeItem, PublicHoliday, ReferenceRate, ReferenceTarget, ReferenceVersion


def loaded_version(session: Session, kind: str) -> str | None:
    """The version of a reference set in the database, or None if it was never loaded."""
    return session.scalar(select(ReferenceVersion.version).where(ReferenceVersion.kind == kind))


def loaded_versions(session: Session) -> dict[str, str]:
    """The version of every reference set held, by kind."""
    return {kind: version for kind, version in session.execute(select(ReferenceVersion.kind, ReferenceVersion.version))}


def replace_rows(session: Session, model: type, rows: Iterable[dict[str, Any]]) -> None:
    """Replace every row of a reference table with `rows`."""
    session.execute(delete(model))
    session.execute(insert(model), list(rows))


def set_version(session: Session, kind: str, version: str, source: str) -> None:
    """Record which version of a reference set is loaded."""
    session.execute(delete(ReferenceVersion).where(ReferenceVersion.kind == kind))
    session.execute(insert(ReferenceVersion).values(kind=kind, version=version, source=source))


def all_code_items(session: Session) -> list[CodeItem]:
    """Every code list entry, in list order."""
    return list(session.scalars(select(CodeItem).order_by(CodeItem.list_name, CodeItem.position)))


def provinces(session: Session) -> list[AdminUnit]:
    """The provinces, by code."""
    return list(session.scalars(select(AdminUnit).where(AdminUnit.level == "province").order_by(AdminUnit.code)))


def communes(session: Session, province_code: str) -> list[AdminUnit]:
    """The communes of one province, by code."""
    return list(
        session.scalars(
            select(AdminUnit).where(AdminUnit.parent_code == province_code).order_by(AdminUnit.code)
        )
    )


def admin_unit(session: Session, code: str) -> AdminUnit | None:
    """One administrative unit by its code."""
    return session.get(AdminUnit, code)


def rate_in_force(session: Session, kind: str, on: dt.date, province_code: str | None) -> ReferenceRate | None:
    """The rate of `kind` in force on a date: a provincial value wins over the national one from the same date."""
    from sqlalchemy import or_

    query = (
        select(ReferenceRate)
        .where(ReferenceRate.kind == kind, ReferenceRate.effective_from <= on,
               or_(ReferenceRate.province_code.is_(None), ReferenceRate.province_code == province_code))
        .order_by(ReferenceRate.effective_from.desc(), ReferenceRate.province_code.is_(None))
        .limit(1)
    )
    return session.scalars(query).first()


def rates_of(session: Session, kind: str, province_code: str | None) -> list[ReferenceRate]:
    """Every national and provincial rate of `kind`, oldest first; on the same date the provincial one comes
    last, so that a reader taking the latest in force takes it."""
    from sqlalchemy import or_

    query = (
        select(ReferenceRate)
        .where(ReferenceRate.kind == kind,
               or_(ReferenceRate.province_code.is_(None), ReferenceRate.province_code == province_code))
        .order_by(ReferenceRate.effective_from, ReferenceRate.province_code.is_not(None))
    )
    return list(session.scalars(query))


def targets_for(session: Session, indicator: str, province_code: str | None) -> list[ReferenceTarget]:
    """The national targets of an indicator and those of one province, by year."""
    from sqlalchemy import or_

    query = (
        select(ReferenceTarget)
        .where(ReferenceTarget.indicator == indicator,
               or_(ReferenceTarget.province_code.is_(None), ReferenceTarget.province_code == province_code))
        .order_by(ReferenceTarget.year, ReferenceTarget.id)
    )
    return list(session.scalars(query))


def holidays(session: Session) -> set[dt.date]:
    """Every public holiday on record."""
    return set(session.scalars(select(PublicHoliday.day)))
