"""The commune's register of facilities and service providers, the referrals that point at them, and the
baseline-year figures entered by hand (what Program 112's P2 and P3 are measured from)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class Facility(Synced, Base):
    """A facility or service provider (domain.md §1.3): whether it is in the province's master plan (quy
    hoạch) and whether, since when, it offers CTXH services."""

    __tablename__ = "facilities"
    __entity__ = "facility"
    __synced_fields__ = ("name", "facility_type", "in_master_plan", "offers_ctxh", "ctxh_since", "closed_on",
                         "address", "phone", "notes")

    name: Mapped[str] = mapped_column(String(200))
    facility_type: Mapped[str] = mapped_column(String(40))
    in_master_plan: Mapped[bool] = mapped_column(default=False)
    offers_ctxh: Mapped[bool] = mapped_column(default=False)
    ctxh_since: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)


class Referral(Synced, Base):
    """A referral (chuyển tuyến, kết nối) of a case to a facility of the register, or to one named as written
    when it is not in the register: when it was sent, its status and when it ended."""

    __tablename__ = "referrals"
    __entity__ = "referral"
    __synced_fields__ = ("case_id", "facility_id", "facility_name", "service_type", "referred_on", "status",
                         "ended_on", "notes")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    facility_id: Mapped[str | None] = mapped_column(ForeignKey("facilities.id"), index=True)
    facility_name: Mapped[str | None] = mapped_column(String(200))
    service_type: Mapped[str | None] = mapped_column(String(30))
    referred_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_referrals_live_referred", "deleted", "referred_on"),)


class BaselineFigure(Synced, Base):
    """A figure of a baseline year the records do not reach back to (e.g. people supported in 2020, for P3),
    entered with where it comes from."""

    __tablename__ = "baseline_figures"
    __entity__ = "baseline_figure"
    __synced_fields__ = ("indicator", "year", "value", "source", "notes")

    indicator: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
