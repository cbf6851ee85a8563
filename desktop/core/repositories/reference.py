"""Queries and bulk loads of reference data (administrative units, code lists)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.models import AdminUnit, CodeItem, ReferenceVersion


def loaded_version(session: Session, kind: str) -> str | None:
    """The version of a reference set in the database, or None if it was never loaded."""
    return session.scalar(select(ReferenceVersion.version).where(ReferenceVersion.kind == kind))


def replace_admin_units(session: Session, rows: Iterable[dict[str, Any]]) -> None:
    """Replace every administrative unit with `rows`."""
    session.execute(delete(AdminUnit))
    session.execute(insert(AdminUnit), list(rows))


def replace_code_items(session: Session, rows: Iterable[dict[str, Any]]) -> None:
    """Replace every code list entry with `rows`."""
    session.execute(delete(CodeItem))
    session.execute(insert(CodeItem), list(rows))


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
