"""Report periods: a month, a quarter, a half-year, a year or any range of days, and the one before it.

The TT 02/2020 half-year and yearly reports close their figures the way the reporting regime of
ND 09/2019/NĐ-CP Art. 12 does: the half-year runs from 15 December of the year before to 14 June, the year
from 15 December of the year before to 14 December, so that a report due before 15 June or 15 December can
be sent on time. The Program 112 indicators and the workforce report are counted by calendar year (their
targets are "by 2025", "by 2030"). Every period includes both its first and its last day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

# Days are Vietnam's: the day a record's field was set (its HLC version) and "today" are read on the same
# clock on every laptop and at the hub, wherever the machine's own zone is set.
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def today() -> dt.date:
    """Today in Vietnam."""
    return dt.datetime.now(VIETNAM).date()


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included; `kind` and `label` say how it was chosen."""

    kind: str
    start: dt.date
    end: dt.date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after the day it starts")

    def contains(self, day: dt.date | None) -> bool:
        """True if `day` falls within the period."""
        return day is not None and self.start <= day <= self.end

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return (self.end - self.start).days + 1

    def months(self) -> list[tuple[dt.date, dt.date]]:
        """The calendar months the period touches, each cut to the period: (first day, last day)."""
        spans = []
        first = self.start
        while first <= self.end:
            last_of_month = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            spans.append((first, min(last_of_month, self.end)))
            first = last_of_month + dt.timedelta(days=1)
        return spans

    def previous(self) -> Period:
        """The period just before, of the same kind (a range: the same number of days just before)."""
        if self.kind == "month":
            day = self.start - dt.timedelta(days=1)
            return month(day.year, day.month)
        if self.kind == "quarter":
            day = self.start - dt.timedelta(days=1)
            return quarter(day.year, (day.month - 1) // 3 + 1)
        if self.kind == "half":
            its_year, half_no = _half_of(self)
            return half(its_year - 1, 2) if half_no == 1 else half(its_year, 1)
        if self.kind == "year":
            return year(self.start.year - 1)
        if self.kind == "reporting_year":
            return reporting_year(self.end.year - 1)
        end = self.start - dt.timedelta(days=1)
        return day_range(end - dt.timedelta(days=self.days - 1), end)

    def shifted_years(self, years: int) -> Period:
        """The same days `years` earlier (negative) or later: a baseline year's matching span."""
        return Period(self.kind, _shift(self.start, years), _shift(self.end, years),
                      f"{self.label} ({years:+d})")

    def to_json(self) -> dict[str, str]:
        """The period as the command line prints it."""
        return {"kind": self.kind, "from": self.start.isoformat(), "to": self.end.isoformat(), "label": self.label}


def _shift(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _half_of(period: Period) -> tuple[int, int]:
    return (period.end.year, 1) if period.end.month == 6 else (period.end.year, 2)


def month(year_no: int, month_no: int) -> Period:
    """A calendar month."""
    last = calendar.monthrange(year_no, month_no)[1]
    return Period("month", dt.date(year_no, month_no, 1), dt.date(year_no, month_no, last),
                  f"Tháng {month_no:02d}/{year_no}")


def quarter(year_no: int, quarter_no: int) -> Period:
    """A calendar quarter (1–4)."""
    if quarter_no not in (1, 2, 3, 4):
        raise ValueError("a quarter is 1 to 4")
    first_month = 3 * (quarter_no - 1) + 1
    last_month = first_month + 2
    return Period("quarter", dt.date(year_no, first_month, 1),
                  dt.date(year_no, last_month, calendar.monthrange(year_no, last_month)[1]),
                  f"Quý {quarter_no}/{year_no}")


def half(year_no: int, half_no: int) -> Period:
    """A reporting half-year (ND 09/2019 Art. 12): the first from 15/12 of the year before to 14/6, the second
    from 15/6 to 14/12."""
    if half_no == 1:
        return Period("half", dt.date(year_no - 1, 12, 15), dt.date(year_no, 6, 14), f"6 tháng đầu năm {year_no}")
    if half_no == 2:
        return Period("half", dt.date(year_no, 6, 15), dt.date(year_no, 12, 14), f"6 tháng cuối năm {year_no}")
    raise ValueError("a half-year is 1 or 2")


def year(year_no: int) -> Period:
    """A calendar year (the Program 112 indicators and the workforce report)."""
    return Period("year", dt.date(year_no, 1, 1), dt.date(year_no, 12, 31), f"Năm {year_no}")


def reporting_year(year_no: int) -> Period:
    """The TT 02/2020 yearly report's year (ND 09/2019 Art. 12): 15/12 of the year before to 14/12."""
    return Period("reporting_year", dt.date(year_no - 1, 12, 15), dt.date(year_no, 12, 14), f"Năm {year_no}")


def day_range(start: dt.date, end: dt.date) -> Period:
    """Any days from `start` to `end`."""
    return Period("range", start, end, f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")


def last_periods(current: Period, count: int) -> list[Period]:
    """`count` periods ending with `current`, oldest first (a trend chart's points)."""
    periods = [current]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods[::-1]
