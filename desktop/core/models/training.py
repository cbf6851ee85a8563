"""Training courses and who attended them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, Synced


class TrainingCourse(Synced, Base):
    """A class held (tập huấn, bồi dưỡng, đào tạo) with its organiser, dates and hours."""

    __tablename__ = "training_courses"
    __entity__ = "training_course"
    __synced_fields__ = ("title", "kind", "level", "organiser", "start_date", "end_date", "hours", "location", "notes")

    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(40))
    organiser: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    hours: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_training_courses_live_start", "deleted", "start_date", "id"),)


class TrainingAttendance(Synced, Base):
    """One roster member's attendance of one course (one lượt người)."""

    __tablename__ = "training_attendances"
    __entity__ = "training_attendance"
    __synced_fields__ = ("course_id", "worker_id", "certificate_no", "completed")

    course_id: Mapped[str] = mapped_column(ForeignKey("training_courses.id"), index=True)
    worker_id: Mapped[str] = mapped_column(ForeignKey("workers.id"), index=True)
    certificate_no: Mapped[str | None] = mapped_column(String(40))
    completed: Mapped[bool] = mapped_column(default=True)
