"""The monthly social-allowance register (ND 20/2021): one decision per person and clause, and the
province's word on a person two communes both list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class AllowanceDecision(Synced, Base):
    """A decision (quyết định) granting a person a monthly allowance (Art. 5) or care support (Art. 20).

    `clause` is a code of the list allowance_clause (TCXH_… for the allowance, CS_… for care support);
    `coefficient` is what the decision wrote when it differs from what the clause gives (None: the clause's,
    which then follows the person's age month by month). The amount is never stored: it is the standard in
    force that month times the coefficient. `start_month` and `end_month` are first days of months; the end
    month is the last one paid."""

    __tablename__ = "allowance_decisions"
    __entity__ = "allowance_decision"
    __synced_fields__ = ("beneficiary_id", "clause", "sub_clause", "decision_no", "decision_date", "coefficient",
                         "children", "start_month", "end_month", "end_reason", "payee_name", "notes")

    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"))
    clause: Mapped[str] = mapped_column(String(20))
    sub_clause: Mapped[str | None] = mapped_column(String(4))  # Art. 5 cl. 1: sub-cases a–l
    decision_no: Mapped[str] = mapped_column(String(40))
    decision_date: Mapped[dt.date] = mapped_column(Date)
    coefficient: Mapped[float | None] = mapped_column(Float)
    children: Mapped[int | None] = mapped_column(Integer)  # TCXH_04: 1.0 per child raised
    start_month: Mapped[dt.date] = mapped_column(Date)
    end_month: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    payee_name: Mapped[str | None] = mapped_column(String(120))  # care support: who receives it
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_allowance_decisions_live_person", "deleted", "beneficiary_id"),)


class DuplicateNotice(Synced, Base):
    """The province's decision on a person two communes both hold: written by the hub in each commune's
    partition, so each hears of it in its own bundle. `pair_key` is the same in both; `keeper` is the
    partition that keeps her (SAME), the other ends its decision. `handled_on` is set by the commune."""

    __tablename__ = "duplicate_notices"
    __entity__ = "duplicate_notice"
    __synced_fields__ = ("pair_key", "person_id", "other_partition", "decision", "keeper", "decided_on",
                         "evidence", "handled_on", "notes")

    pair_key: Mapped[str] = mapped_column(String(36), index=True)
    person_id: Mapped[str] = mapped_column(String(36))  # this commune's record (no foreign key: the hub's word)
    other_partition: Mapped[str] = mapped_column(String(8))
    decision: Mapped[str] = mapped_column(String(10))  # SAME | DIFFERENT
    keeper: Mapped[str | None] = mapped_column(String(8))
    decided_on: Mapped[dt.date] = mapped_column(Date)
    evidence: Mapped[str | None] = mapped_column(Text)
    handled_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
