"""Working days and step deadlines (ND 56/2017: emergency within 12 hours, a plan within 5 working days,
approval within 2). Pure functions: the holidays come in as reference data.

Public administration works Monday to Friday; a public holiday is not a working day. A deadline of
N working days after an event falls at the end of the Nth working day after the event's day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

END_OF_DAY = dt.time(23, 59, 59)


def is_working_day(day: dt.date, holidays: Collection[dt.date]) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


def add_working_days(day: dt.date, count: int, holidays: Collection[dt.date]) -> dt.date:
    """The `count`-th working day after `day` (the day itself does not count)."""
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    remaining = count
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date, holidays: Collection[dt.date]) -> int:
    """How many working days come after `start` up to and including `end` (0 if end ≤ start)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current, holidays):
            count += 1
    return count


def due_at(started: dt.datetime, hours: int | None, working_days: int | None,
           holidays: Collection[dt.date]) -> dt.datetime:
    """When a step is due: `hours` after it started (calendar hours, for emergencies), or the end of the
    `working_days`-th working day after the day it started."""
    if hours is not None:
        return started + dt.timedelta(hours=hours)
    if working_days is None:
        raise ValueError("a deadline needs hours or working days")
    return dt.datetime.combine(add_working_days(started.date(), working_days, holidays), END_OF_DAY)
