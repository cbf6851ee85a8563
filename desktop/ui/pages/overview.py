"""Tổng quan: the Program 112 indicators of a period against the targets of this commune's own province (or
the national programme), each with its trend over the periods before, and the period's counts. Every number
opens the records behind it in the roster or the case list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import reports as ops
from desktop.ui.widgets.period_choice import PeriodChoice
from desktop.ui.widgets.trend_chart import TrendChart


def _fmt(n: float | int | None) -> str:
    return "—" if n is None else f"{n:,.0f}".replace(",", ".")


def _captions() -> dict[str, str]:
    return {
        "P1": tr("P1 · The commune has social-work staff paid at least the base salary"),
        "P2": tr("P2 · Facilities in the master plan offering CTXH services"),
        "P3": tr("P3 · People in hardship counselled or supported, against the baseline year"),
        "P4": tr("P4 · Social-work staff and collaborators trained"),
        "P5": tr("P5 · Priority children supported"),
        "collaborators": tr("Social-work collaborators in the commune"),
    }


def figure_text(figure: Any) -> str:
    """A figure's value the way the tiles show it."""
    if figure is None or figure.value is None:
        return "—"
    if figure.unit == "yes_no":
        return tr("Met") if figure.value else tr("Not met")
    if figure.unit == "share":
        return f"{figure.value:.0%}"
    if figure.unit == "change":
        return f"{figure.value:+.0%}"
    return _fmt(figure.value)


def _detail(key: str, figure: Any) -> str:
    if figure is None:
        return ""
    if key == "P1":
        return tr("{n} social-work staff on the period's last day; every collaborator must be paid at least the "
                  "base salary", n=len(figure.ids))
    if key == "P3":
        if figure.denominator is None:
            return tr("{n} people this period; no baseline yet (enter it under Reports › Baseline figures)",
                      n=figure.numerator)
        return tr("{n} people this period, {base} in the baseline year", n=figure.numerator, base=figure.denominator)
    if figure.unit == "share":
        if not figure.denominator:
            return tr("nothing to count in this period")
        return tr("{part} of {whole}", part=figure.numerator, whole=figure.denominator)
    return ""


def _target_text(figure: Any) -> str:
    if figure is None or not figure.targets:
        return tr("No target set for this province")
    t = figure.targets[0]
    if figure.unit in ("share", "yes_no"):
        shown = f"{t.minimum:.0%}"
    elif figure.unit == "change":
        shown = f"{t.minimum:+.0%}"
    else:
        shown = f"{t.minimum:g}"
    return tr("Target {year}: at least {value} — {note}", year=t.year, value=shown, note=t.note)


class IndicatorTile(QFrame):
    """One indicator: the number (a button: the records behind it), what it is made of, the target with a
    bar of how far the number has come, and the trend."""

    def __init__(self, key: str, caption: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        self.value = QPushButton("…")
        self.value.setObjectName("figureButton")
        self.value.setFlat(True)
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value.setToolTip(tr("Show the records behind this number"))
        self.state = QLabel()
        self.state.setObjectName("cardDetail")
        top = QHBoxLayout()
        top.addWidget(self.value)
        top.addWidget(self.state, 1)
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.target = QLabel()
        self.target.setObjectName("cardDetail")
        self.target.setWordWrap(True)
        self.chart = TrendChart()
        for widget in (self.caption,):
            layout.addWidget(widget)
        layout.addLayout(top)
        for widget in (self.detail, self.progress, self.target, self.chart):
            layout.addWidget(widget)

    def show_figure(self, figure: Any, previous: Any, trend: list[tuple[str, Any]]) -> None:
        """Fill the tile from a Figure, the one of the period before, and (label, Figure) of the trend."""
        self.value.setText(figure_text(figure))
        self.value.setEnabled(figure is not None and bool(figure.ids))
        met = figure.met() if figure is not None else None
        change = ""
        if previous is not None and previous.value is not None:
            change = tr("previous period: {value}", value=figure_text(previous))
        self.state.setText(("✓ " + tr("meets the target") if met else "✗ " + tr("below the target")
                            if met is False else "") + ("\n" + change if change else ""))
        self.setProperty("state", "none" if met is None else ("ok" if met else "short"))
        self.style().unpolish(self)
        self.style().polish(self)
        self.detail.setText(_detail(self.key, figure))
        self.target.setText(_target_text(figure))
        goal = figure.targets[0].minimum if figure is not None and figure.targets else None
        if goal and figure is not None and figure.value is not None:
            self.progress.setValue(max(0, min(100, round(100 * figure.value / goal))))
            self.progress.show()
        else:
            self.progress.hide()
        self.chart.set_points([(label, f.value if f is not None else None, figure_text(f)) for label, f in trend],
                              goal)


class CountCard(QFrame):
    """A count of the period with what it is made of."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.value = QPushButton("…")
        self.value.setObjectName("figureButton")
        self.value.setFlat(True)
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value.setToolTip(tr("Show the records behind this number"))
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for widget in (self.value, self.caption, self.detail):
            layout.addWidget(widget)


def _short(period: Any) -> str:
    if period.kind in ("year", "reporting_year"):
        return str(period.end.year)
    if period.kind == "quarter":
        return f"Q{(period.start.month - 1) // 3 + 1}/{period.start.year % 100:02d}"
    if period.kind == "month":
        return f"{period.start.month:02d}/{period.start.year % 100:02d}"
    if period.kind == "half":
        return f"{'H1' if period.end.month == 6 else 'H2'}/{period.end.year % 100:02d}"
    return period.end.strftime("%d/%m")


class OverviewPage(QWidget):
    """The indicators and counts of the chosen period, refreshed after every change."""

    records_requested = Signal(str, list, str)  # entity, ids, what they are

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.data: dict[str, Any] | None = None
        self.title = QLabel(tr("Overview"))
        self.title.setObjectName("pageTitle")
        self.choice = PeriodChoice()
        self.choice.changed.connect(lambda _p: self.activate())
        self.tiles = {key: IndicatorTile(key, caption) for key, caption in _captions().items()}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 3, i % 3)
            tile.value.clicked.connect(lambda _c=False, k=tile.key: self._drill(k))
        self.cards = {
            "worker": CountCard(tr("Social-work staff and collaborators on the period's last day")),
            "case": CountCard(tr("Cases open on the period's last day")),
            "service_record": CountCard(tr("Services delivered in the period")),
            "training_course": CountCard(tr("Classes ended in the period")),
        }
        keys = {"worker": "staff.total", "case": "cases.open_at_end", "service_record": "services.total",
                "training_course": "training.classes"}
        counts = QHBoxLayout()
        for entity, card in self.cards.items():
            counts.addWidget(card, 1)
            card.value.clicked.connect(lambda _c=False, k=keys[entity]: self._drill(k))
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(grid)
        inner.addLayout(counts)
        inner.addWidget(self.note)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(16)
        head.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        # A change elsewhere recomputes the figures only while they are on screen (the window activates a page
        # each time it is shown): on a large profile a report keeps the one database worker busy for seconds.
        backend.changed.connect(self._changed_elsewhere)  # bound: dropped with the page

    def _changed_elsewhere(self, _changed: object) -> None:
        """Something was written: refresh if the page is in view."""
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """Compute the period's figures on the database worker."""
        self.backend.call(ops.overview, period=self.choice.period(), on_done=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        figures = data["figures"]
        trend = data["trend"]
        previous = trend[-2]["figures"] if len(trend) > 1 else {}
        for key, tile in self.tiles.items():
            tile.show_figure(figures.get(key), previous.get(key),
                             [(_short(p["period"]), p["figures"].get(key)) for p in trend])
        get = figures.get
        self.cards["worker"].value.setText(_fmt(get("staff.total").value))
        self.cards["worker"].detail.setText(tr("{n} collaborators", n=_fmt(get("collaborators").value)))
        self.cards["case"].value.setText(_fmt(get("cases.open_at_end").value))
        self.cards["case"].detail.setText(tr("{opened} opened and {closed} closed in the period",
                                             opened=_fmt(get("cases.opened").value),
                                             closed=_fmt(get("cases.closed").value)))
        self.cards["service_record"].value.setText(_fmt(get("services.total").value))
        self.cards["service_record"].detail.setText(tr("to {n} people", n=_fmt(get("people.supported").value)))
        self.cards["training_course"].value.setText(_fmt(get("training.classes").value))
        self.cards["training_course"].detail.setText(
            tr("{n} person-attendances", n=_fmt(get("training.attendances").value)))
        period = data["period"]
        self.note.setText(tr("Figures of {label} ({start} – {end}), counted as the records stood then. The commune's "
                             "own screen shows exact numbers; reports sent out show 1 to 4 people as “<5”.",
                             label=period.label, start=period.start.strftime("%d/%m/%Y"),
                             end=period.end.strftime("%d/%m/%Y")))

    def _drill(self, key: str) -> None:
        if self.data is None:
            return
        figure = self.data["figures"].get(key)
        if figure is None or not figure.entity:
            return
        names = {**_captions(), "staff.total": self.cards["worker"].caption.text(),
                 "cases.open_at_end": self.cards["case"].caption.text(),
                 "services.total": self.cards["service_record"].caption.text(),
                 "training.classes": self.cards["training_course"].caption.text()}
        caption = tr("{what} — {period}: {n} record(s)", what=names.get(key, key),
                     period=self.data["period"].label, n=len(figure.ids))
        self.records_requested.emit(figure.entity, list(figure.ids), caption)
