"""The roster of social-work staff and collaborators (domain.md §1–2)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class Worker(Synced, Base):
    """A CTXH staff member or collaborator of the commune."""

    __tablename__ = "workers"
    __entity__ = "worker"
    __synced_fields__ = (
        "full_name", "gender", "birth_date", "national_id", "phone", "email", "address",
        "category", "workplace_type", "position", "education_level", "major", "sw_qualification",
        "title_grade", "title_code", "practice_cert_no", "practice_cert_expiry",
        "contract_no", "start_date", "end_date", "status", "notes", "general_education", "as_written",
        "old_national_id", "id_issued_on",
    )

    full_name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[str | None] = mapped_column(String(8))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    national_id: Mapped[str | None] = mapped_column(String(12), index=True)
    old_national_id: Mapped[str | None] = mapped_column(String(12), index=True)  # the old CMND, from the card
    id_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(40))
    workplace_type: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[str | None] = mapped_column(String(120))
    education_level: Mapped[str | None] = mapped_column(String(40))
    major: Mapped[str | None] = mapped_column(String(120))
    sw_qualification: Mapped[str | None] = mapped_column(String(40))
    title_grade: Mapped[str | None] = mapped_column(String(8))
    title_code: Mapped[str | None] = mapped_column(String(20))
    practice_cert_no: Mapped[str | None] = mapped_column(String(40))
    practice_cert_expiry: Mapped[dt.date | None] = mapped_column(Date)
    contract_no: Mapped[str | None] = mapped_column(String(40))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="DANG_LAM")
    notes: Mapped[str | None] = mapped_column(Text)
    # Học vấn (THCS, THPT…), apart from the professional qualification (chuyên môn) in education_level.
    general_education: Mapped[str | None] = mapped_column(String(20))
    # Values an import could not place in a code list, as written: {"field": "text"} in JSON.
    as_written: Mapped[str | None] = mapped_column(Text)
    # Local, derived: not synced, recomputed whenever full_name or the ids change.
    sort_key: Mapped[str] = mapped_column(String(400))
    search_text: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_workers_live_sort", "deleted", "sort_key", "id"),)


class WorkerAllowance(Synced, Base):
    """A monthly allowance (VND) paid to a roster member from a date (until the next one, or an end date)."""

    __tablename__ = "worker_allowances"
    __entity__ = "worker_allowance"
    __synced_fields__ = ("worker_id", "amount", "effective_from", "effective_to", "decision_no", "notes")

    worker_id: Mapped[str] = mapped_column(ForeignKey("workers.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[dt.date] = mapped_column(Date)
    effective_to: Mapped[dt.date | None] = mapped_column(Date)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(Text)
