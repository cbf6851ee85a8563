"""What a case's file holds besides steps and services: filled forms, and the consent register."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class FormAnswer(Synced, Base):
    """One filled form (Mẫu 01–06, a home visit…): the answers as JSON, with the form's code and the version
    they were given under, so they stay readable when a newer version of the form arrives."""

    __tablename__ = "form_answers"
    __entity__ = "form_answer"
    __synced_fields__ = ("case_id", "step_code", "form_code", "form_version", "answers", "filled_on",
                         "filled_by_worker_id")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    step_code: Mapped[str | None] = mapped_column(String(40))
    form_code: Mapped[str] = mapped_column(String(40))
    form_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[str] = mapped_column(Text)  # JSON object: field code -> value
    filled_on: Mapped[dt.date] = mapped_column(Date)
    filled_by_worker_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"))


class Consent(Synced, Base):
    """The consent register (Luật BVDLCN 2025, ND 356/2025; TT 02/2020 Art. 9): who agreed, when, to what,
    and when it was withdrawn. A child of 7 or more signs beside the legal representative."""

    __tablename__ = "consents"
    __entity__ = "consent"
    __synced_fields__ = ("beneficiary_id", "case_id", "purpose", "purpose_detail", "signer_role", "signer_name",
                         "given_on", "withdrawn_on", "notes")

    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    purpose_detail: Mapped[str | None] = mapped_column(String(300))
    signer_role: Mapped[str] = mapped_column(String(20))
    signer_name: Mapped[str] = mapped_column(String(120))
    given_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
