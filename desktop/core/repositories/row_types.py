"""The shapes of the rows the repositories hand to the layers above (typed, so that a misspelt key is caught by
the type checker rather than by an officer's click)."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict


class WorkerListRow(TypedDict):
    """A line of the roster page."""

    id: str
    full_name: str
    gender: str | None
    birth_date: dt.date | None
    category: str
    position: str | None
    education_level: str | None
    phone: str | None
    status: str
    sort_key: str


class CaseListRow(TypedDict):
    """A line of the case list: the case, its person, its case manager."""

    id: str
    case_no: str
    process_type: str
    step: str
    status: str
    opened_on: dt.date
    sort_key: str
    full_name: str
    birth_date: dt.date | None
    gender: str | None
    target_groups: str | None
    assignee_name: str | None


class PersonKey(TypedDict):
    """What the importers compare to find a person already here: the CCCD, or the name and birth date."""

    id: str
    full_name: str
    national_id: str | None
    birth_date: dt.date | None


class OutboxEntry(TypedDict):
    """One change of this profile's outbox, as export reads it (`payload` is the change's canonical JSON)."""

    seq: int
    entity: str
    record_id: str
    partition: str
    payload: str
    author: str | None
