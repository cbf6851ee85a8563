"""The steps a case goes through (one record per step started), and public holidays for deadlines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class CaseStep(Synced, Base):
    """One step of a case's process: when it started, when it is due, who is responsible, and, where the
    law asks, the approval: when it was asked for, when it is due, and the decision."""

    __tablename__ = "case_steps"
    __entity__ = "case_step"
    __synced_fields__ = (
        "case_id", "step_code", "started_at", "due_at", "completed_at", "responsible_worker_id",
        "approval_requested_at", "approval_due_at", "decided_at", "decision", "decided_by", "notes",
        "decision_no", "decision_date", "approver_name", "completed_by", "recorded_at",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    step_code: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    responsible_worker_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"))
    approval_requested_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    approval_due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decision: Mapped[str | None] = mapped_column(String(20))  # APPROVED | REJECTED
    decided_by: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)
    # The chair's decision as written on paper: its number, its date and who signed it (decided_by is
    # the user who entered it).
    decision_no: Mapped[str | None] = mapped_column(String(40))
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    approver_name: Mapped[str | None] = mapped_column(String(120))
    # A step finished on paper is entered later: completed_at is when it was done, recorded_at when it
    # was entered and completed_by by whom.
    completed_by: Mapped[str | None] = mapped_column(String(120))
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_case_steps_open_due", "completed_at", "due_at"),
        Index("ix_case_steps_approval", "decided_at", "approval_requested_at"),
    )


class CaseNote(Synced, Base):
    """A line in a case's progress log: what happened on `noted_on`, written by `author`. A reopening
    is kept as a note of kind REOPEN with its reason, so the case's timeline says why it came back."""

    __tablename__ = "case_notes"
    __entity__ = "case_note"
    __synced_fields__ = ("case_id", "noted_on", "kind", "text", "author")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    noted_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))  # NOTE | REOPEN
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(120))


class PublicHoliday(Base):
    """A day off for public administration (reference data, updatable by the hub)."""

    __tablename__ = "public_holidays"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(1))
