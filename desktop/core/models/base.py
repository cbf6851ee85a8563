"""Declarative base, naming convention and the columns every synced record carries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import Boolean, DateTime, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table; named constraints so that batch migrations can find them."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    if TYPE_CHECKING:  # every model here is mapped to a Table (never a view or a join): said for the type checker
        __table__: ClassVar[Table]


def utcnow() -> dt.datetime:
    """Wall-clock time for display columns only; ordering uses HLC versions."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Synced:
    """Columns of a record that travels between laptops and the hub (design.md §3).

    `__entity__` names the record kind in change entries and digests; `__synced_fields__` lists the
    columns whose values travel and are versioned. Other columns are local: derived search and sort
    keys, and bookkeeping (who and which device changed it last, display timestamps).
    `field_versions` is JSON {"*": version, field: version, …}: "*" is the version of every field not
    listed, so a freshly created record stores one version, not one per field.
    """

    __entity__: ClassVar[str]
    __synced_fields__: ClassVar[tuple[str, ...]]

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    partition: Mapped[str] = mapped_column(String(8), index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    field_versions: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_device: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


def table_of(model: type[Synced]) -> Table:
    """The table a synced model is mapped to (what declarative mapping sets; the mixin cannot declare it)."""
    return model.__table__  # type: ignore[attr-defined]
