"""Effective-dated money values and the programmes' targets: reference data a hub bundle can replace."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base


class ReferenceRate(Base):
    """A national (province NULL) or provincial value in force from a date: base salary, assistance standard…"""

    __tablename__ = "reference_rates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    province_code: Mapped[str | None] = mapped_column(String(2))
    value: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[dt.date] = mapped_column(Date)
    basis: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(1))  # V verified, S secondary source, U unverified


class ReferenceTarget(Base):
    """A programme target for a year, national (province NULL) or provincial: a minimum and/or a maximum."""

    __tablename__ = "reference_targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan: Mapped[str] = mapped_column(String(40))
    province_code: Mapped[str | None] = mapped_column(String(2))
    year: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(40), index=True)
    minimum: Mapped[float | None] = mapped_column(Float)
    maximum: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(300))
    # A target of change (P3: +20% against 2020) is measured against this year's figure.
    baseline_year: Mapped[int | None] = mapped_column(Integer)
