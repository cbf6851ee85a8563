"""Reference data: administrative units and code lists, versioned so a hub bundle can replace them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, utcnow


class AdminUnit(Base):
    """A province (2-digit code) or commune (5-digit code) in force since 1 July 2025."""

    __tablename__ = "admin_units"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    level: Mapped[str] = mapped_column(String(8))  # "province" | "commune"
    name: Mapped[str] = mapped_column(String(120))
    division_type: Mapped[str] = mapped_column(String(40))
    parent_code: Mapped[str | None] = mapped_column(String(2), index=True)
    folded: Mapped[str] = mapped_column(String(120))


class CodeItem(Base):
    """One entry of a code list (categories, target groups, service types…), with both labels."""

    __tablename__ = "code_items"

    list_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_vi: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    # A code no longer offered (a process the province stopped, a category renamed): still known, so records
    # that hold it stay valid and still arrive from laptops (T34), but not in any picker.
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    # The ways lists write this code (the law's own phrase, short forms, abbreviations, clause numbers), folded,
    # as a JSON list: what an import matches a written value against.
    phrases: Mapped[str | None] = mapped_column(Text)


class ReferenceVersion(Base):
    """Which version of each reference data set is loaded, and from where."""

    __tablename__ = "reference_versions"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(300))
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ValueMapping(Base):
    """A value an import could not place, and what the officer chose for it (a code, or None: keep as written).
    Remembered for the profile, so the next list with the same wording needs no question."""

    __tablename__ = "value_mappings"

    list_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    folded: Mapped[str] = mapped_column(String(200), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40))
    written: Mapped[str] = mapped_column(String(200))
    chosen_by: Mapped[str] = mapped_column(String(32), default="", server_default="")
    chosen_at: Mapped[dt.datetime] = mapped_column(DateTime)
