"""Beneficiaries (people in difficulty), their cases and the services delivered."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class Beneficiary(Synced, Base):
    """A person the commune supports; `target_groups` is a space-separated list of codes."""

    __tablename__ = "beneficiaries"
    __entity__ = "beneficiary"
    __synced_fields__ = (
        "full_name", "gender", "birth_date", "national_id", "phone", "address", "commune_code",
        "guardian_name", "target_groups", "notes", "as_written", "old_national_id", "id_issued_on", "father_name",
        "mother_name",
    )

    full_name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[str | None] = mapped_column(String(8))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    national_id: Mapped[str | None] = mapped_column(String(12), index=True)
    # From the card's QR (issue 18): the old CMND (or the căn cước's cancelled number), the card's issue date,
    # and the parents' names some căn cước carry.
    old_national_id: Mapped[str | None] = mapped_column(String(12), index=True)
    id_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    father_name: Mapped[str | None] = mapped_column(String(120))
    mother_name: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(300))
    commune_code: Mapped[str | None] = mapped_column(String(5))
    guardian_name: Mapped[str | None] = mapped_column(String(120))
    target_groups: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str | None] = mapped_column(Text)
    # Values an import could not place in a code list, as written: {"field": "text"} in JSON.
    as_written: Mapped[str | None] = mapped_column(Text)
    sort_key: Mapped[str] = mapped_column(String(400))
    search_text: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_beneficiaries_live_sort", "deleted", "sort_key", "id"),)


class Case(Synced, Base):
    """A case file: one beneficiary, one process (TT 02/2020, ND 56/2017…), its step and status.

    `sort_key` and `search_text` copy the beneficiary's name keys so the case list can be paged and
    searched without a join; the services keep them in step when the beneficiary changes.
    """

    __tablename__ = "cases"
    __entity__ = "case"
    __synced_fields__ = (
        "case_no", "beneficiary_id", "process_type", "step", "status", "opened_on", "closed_on",
        "closure_reason", "assigned_worker_id", "summary", "serious_danger", "referred_to", "referral_status",
        "legal_basis", "transfer_to", "transferred_from",
    )

    case_no: Mapped[str] = mapped_column(String(30))
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    process_type: Mapped[str] = mapped_column(String(20))
    step: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(String(40))
    assigned_worker_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"), index=True)
    summary: Mapped[str | None] = mapped_column(Text)
    # ND 56/2017: a child in serious danger needs emergency measures within 12 hours.
    serious_danger: Mapped[bool | None] = mapped_column()  # None: not flagged
    referred_to: Mapped[str | None] = mapped_column(String(200))  # chuyển tuyến: the facility's name
    referral_status: Mapped[str | None] = mapped_column(String(20))
    # Why the commune may process this file (Luật BVDLCN 2025): its statutory duty, or consent.
    legal_basis: Mapped[str | None] = mapped_column(String(30))
    # A person who moves to another commune: the case closes here naming that commune (its partition), and
    # the hub opens a copy there that names where it came from.
    transfer_to: Mapped[str | None] = mapped_column(String(8))
    transferred_from: Mapped[str | None] = mapped_column(String(8))
    sort_key: Mapped[str] = mapped_column(String(400))
    search_text: Mapped[str] = mapped_column(Text)
    # Local, derived: the latest service date, or the opening date; keeps "no contact for a month" cheap.
    last_contact_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_cases_live_sort", "deleted", "sort_key", "id"),
        Index("ix_cases_live_contact", "deleted", "last_contact_on"),
        Index("ix_cases_live_opened", "deleted", "opened_on", "id"),
        Index("ix_cases_live_case_no", "deleted", "case_no", "id"),
    )


class ServiceRecord(Synced, Base):
    """A service delivered in a case: counselling, referral, mediation, a home visit…"""

    __tablename__ = "service_records"
    __entity__ = "service_record"
    __synced_fields__ = ("case_id", "service_type", "delivered_on", "worker_id", "duration_minutes", "notes")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    service_type: Mapped[str] = mapped_column(String(30))
    delivered_on: Mapped[dt.date] = mapped_column(Date)
    worker_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"), index=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
