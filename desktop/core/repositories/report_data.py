"""The rows a report is computed from, one query per kind of record, grouped by commune (sync partition).

Only the columns the figures use, as tuples, so that a profile of 100,000 cases is read in a fraction of a
second; the figures themselves are the domain's (desktop/core/domain/report_rules.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from desktop.core.domain.periods import VIETNAM
from desktop.core.domain.report_rules import (
    PRIORITY_CHILD_GROUPS,
    AllowanceRow,
    AttendanceRow,
    BaselineRow,
    CaseRow,
    CommuneData,
    CourseRow,
    FacilityRow,
    PersonRow,
    ReferralRow,
    ServiceRow,
    StepRow,
    WorkerRow,
)
from desktop.core.models import (
    BaselineFigure,
    Beneficiary,
    Case,
    CaseStep,
    Facility,
    Referral,
    ServiceRecord,
    TrainingAttendance,
    TrainingCourse,
    Worker,
    WorkerAllowance,
)
from desktop.core.models.base import table_of


def version_day(field_versions: str | None, field: str) -> dt.date | None:
    """The day (Vietnam time) a field was last set, from the record's HLC versions: the same on every replica."""
    if not field_versions:
        return None
    try:
        versions = json.loads(field_versions)
        version = versions.get(field) or versions["*"]
        ms = int(str(version).split(".", 1)[0])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return dt.datetime.fromtimestamp(ms / 1000, VIETNAM).date()


def _day(value: Any) -> dt.date | None:
    """A date column's value: SQLite hands back its text, PostgreSQL a date."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _moment(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _fetch(session: Session, table: Table, columns: Iterable[str], partition: str | None) -> list[Any]:
    """The live rows' partition and `columns`, as tuples (desktop/core/repositories/raw_rows.py)."""
    from desktop.core.repositories.raw_rows import dbapi_rows

    query = select(table.c.partition, *(table.c[c] for c in columns)).where(table.c.deleted.is_(False))
    if partition is not None:
        query = query.where(table.c.partition == partition)
    return list(dbapi_rows(session, query))


def report_data(session: Session, partition: str | None = None, staff_only: bool = False
                ) -> dict[str, CommuneData]:
    """Every commune's report rows (only `partition`'s when given), by partition; only the roster's and the
    training's with `staff_only` (the roster page's figures need no case)."""
    from desktop.core.bulk import without_cyclic_gc

    with without_cyclic_gc():
        return _report_data(session, partition, staff_only)


def _report_data(session: Session, partition: str | None, staff_only: bool) -> dict[str, CommuneData]:
    communes: dict[str, CommuneData] = {}

    def collect(model: type, columns: tuple[str, ...], make: Callable[[Any], Any], target: str) -> None:
        current_partition, bucket = None, None
        for row in _fetch(session, table_of(model), columns, partition):
            if row[0] != current_partition:
                current_partition = row[0]
                found = communes.get(row[0])
                if found is None:
                    found = communes[row[0]] = CommuneData()
                bucket = getattr(found, target)
            bucket.append(make(row))  # type: ignore[union-attr]

    def worker(r: Any) -> WorkerRow:
        end = _day(r[5])
        left = version_day(r[8], "status") if r[3] == "DA_NGHI" and end is None else None
        return WorkerRow(r[1], r[2], r[3], _day(r[4]), end, left, r[6], r[7])

    collect(Worker, ("id", "category", "status", "start_date", "end_date", "sw_qualification", "workplace_type",
                     "field_versions"), worker, "workers")
    collect(WorkerAllowance, ("worker_id", "amount", "effective_from", "effective_to"),
            lambda r: AllowanceRow(r[1], r[2], _day(r[3]), _day(r[4])), "allowances")  # type: ignore[arg-type]
    collect(TrainingCourse, ("id", "kind", "start_date", "end_date"),
            lambda r: CourseRow(r[1], r[2], _day(r[3]), _day(r[4])), "courses")
    collect(TrainingAttendance, ("course_id", "worker_id", "completed"),
            lambda r: AttendanceRow(r[1], r[2], bool(r[3])), "attendances")
    if staff_only:
        return communes

    def person(r: Any) -> PersonRow:
        groups = frozenset((r[3] or "").split())
        known = version_day(r[4], "*") if groups & PRIORITY_CHILD_GROUPS else None
        return PersonRow(r[1], _day(r[2]), groups, known)

    collect(Beneficiary, ("id", "birth_date", "target_groups", "field_versions"), person, "people")
    collect(Case, ("id", "beneficiary_id", "process_type", "opened_on", "closed_on", "closure_reason",
                   "serious_danger"),
            lambda r: CaseRow(r[1], r[2], r[3], _day(r[4]), _day(r[5]), r[6],  # type: ignore[arg-type]
                              None if r[7] is None else bool(r[7])), "cases")
    collect(CaseStep, ("case_id", "step_code", "started_at", "completed_at", "approval_requested_at", "decided_at",
                       "decision"),
            lambda r: StepRow(r[1], r[2], _moment(r[3]), _moment(r[4]), _moment(r[5]),  # type: ignore[arg-type]
                              _moment(r[6]), r[7]), "steps")
    collect(ServiceRecord, ("case_id", "service_type", "delivered_on"),
            lambda r: ServiceRow(r[1], r[2], _day(r[3])), "services")  # type: ignore[arg-type]
    collect(Facility, ("id", "facility_type", "in_master_plan", "offers_ctxh", "ctxh_since", "closed_on"),
            lambda r: FacilityRow(r[1], r[2], bool(r[3]), bool(r[4]), _day(r[5]), _day(r[6])), "facilities")
    collect(Referral, ("case_id", "facility_id", "referred_on", "status"),
            lambda r: ReferralRow(r[1], r[2], _day(r[3]), r[4]), "referrals")  # type: ignore[arg-type]
    collect(BaselineFigure, ("indicator", "year", "value", "source"), lambda r: BaselineRow(*r[1:]), "baselines")
    return communes
