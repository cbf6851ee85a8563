"""Choosing a report period: a year, a reporting half-year or year (ND 09/2019: 15/12 to 14/6, to 14/12), a
quarter, a month, or any days."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from desktop.core.domain import periods
from desktop.core.domain.periods import Period
from desktop.ui.i18n import tr


def _choices() -> list[tuple[str, str, int]]:
    """(label, kind, number) of every choice of the first box."""
    out = [(tr("Calendar year"), "year", 0), (tr("First half-year (15/12–14/6)"), "half", 1),
           (tr("Second half-year (15/6–14/12)"), "half", 2), (tr("Reporting year (15/12–14/12)"), "reporting_year", 0)]
    out += [(tr("Quarter {n}", n=n), "quarter", n) for n in range(1, 5)]
    out += [(tr("Month {n}", n=n), "month", n) for n in range(1, 13)]
    out.append((tr("Other days…"), "range", 0))
    return out


class PeriodChoice(QWidget):
    """A kind of period and a year (or two dates); `changed` carries the Period chosen."""

    changed = Signal(object)

    def __init__(self, default: str = "year", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for label, kind, number in _choices():
            self.kind.addItem(label, (kind, number))
        self.kind.setCurrentIndex(next(i for i, c in enumerate(_choices()) if c[1] == default))
        self.kind.setMinimumContentsLength(18)
        self.year = QSpinBox()
        self.year.setRange(2010, 2100)
        self.year.setValue(dt.date.today().year)
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        today = QDate.currentDate()
        self.start.setDate(QDate(today.year(), 1, 1))
        self.end.setDate(today)
        self.span = QLabel()
        self.span.setObjectName("cardDetail")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Period:")))
        for widget in (self.kind, self.year, self.start, self.end, self.span):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._emit)
        self.year.valueChanged.connect(self._emit)
        self.start.dateChanged.connect(self._emit)
        self.end.dateChanged.connect(self._emit)
        self._show_inputs()

    def period(self) -> Period:
        """The period chosen now."""
        kind, number = self.kind.currentData()
        year = self.year.value()
        if kind == "range":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            return periods.day_range(min(start, end), max(start, end))  # type: ignore[type-var]
        if kind == "half":
            return periods.half(year, number)
        if kind == "reporting_year":
            return periods.reporting_year(year)
        if kind == "quarter":
            return periods.quarter(year, number)
        if kind == "month":
            return periods.month(year, number)
        return periods.year(year)

    def _show_inputs(self) -> None:
        ranged = self.kind.currentData()[0] == "range"
        self.year.setVisible(not ranged)
        self.start.setVisible(ranged)
        self.end.setVisible(ranged)
        period = self.period()
        self.span.setText(tr("from {start} to {end}", start=period.start.strftime("%d/%m/%Y"),
                             end=period.end.strftime("%d/%m/%Y")))

    def _emit(self, *_args: object) -> None:
        self._show_inputs()
        self.changed.emit(self.period())
