"""A small bar chart of one figure over the last periods, with its target as a dashed line: painted with
QPainter, so the build carries no chart library (Qt Charts would add its module and QML's weight)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#0F4C5C")
LAST = QColor("#E36414")
TARGET = QColor("#9A031E")
AXIS = QColor("#8A9BA8")


class TrendChart(QWidget):
    """Bars of (label, value, text) points, oldest first; `target` draws a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[str, float | None, str]] = []
        self.target: float | None = None
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_points(self, points: Sequence[tuple[str, float | None, str]], target: float | None) -> None:
        """Show these points (label, value or None, the value as text) against `target`."""
        self.points = list(points)
        self.target = target
        self.setAccessibleDescription("; ".join(f"{label}: {text}" for label, _v, text in self.points))
        self.update()

    def _top(self) -> float:
        values = [v for _l, v, _t in self.points if v is not None]
        if self.target is not None:
            values.append(self.target)
        top = max(values, default=0.0)
        return top * 1.1 if top > 0 else 1.0

    def _bar_rects(self) -> list[QRectF]:
        n = max(1, len(self.points))
        width = self.width()
        plot = QRectF(4, 4, width - 8, self.height() - 22)
        slot = plot.width() / n
        top = self._top()
        rects = []
        for i, (_label, value, _text) in enumerate(self.points):
            height = 0.0 if value is None else max(1.0, plot.height() * max(value, 0.0) / top)
            rects.append(QRectF(plot.left() + i * slot + slot * 0.2, plot.bottom() - height, slot * 0.6, height))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rects = self._bar_rects()
        bottom = self.height() - 18
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(QPointF(2, bottom), QPointF(self.width() - 2, bottom))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
        painter.setFont(small)
        for i, rect in enumerate(rects):
            label, value, _text = self.points[i]
            painter.fillRect(rect, LAST if i == len(rects) - 1 else BAR)
            if value is None:
                painter.setPen(QPen(AXIS, 1))
                painter.drawText(QRectF(rect.left() - 10, bottom - 16, rect.width() + 20, 14),
                                 Qt.AlignmentFlag.AlignCenter, "—")
            painter.setPen(QPen(AXIS, 1))
            painter.drawText(QRectF(rect.center().x() - 40, bottom + 2, 80, 14), Qt.AlignmentFlag.AlignCenter, label)
        if self.target is not None:
            y = 4 + (self.height() - 22) * (1 - self.target / self._top())
            pen = QPen(TARGET, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(2, y), QPointF(self.width() - 2, y))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        for rect, (label, _value, text) in zip(self._bar_rects(), self.points, strict=False):
            if rect.left() - 4 <= event.position().x() <= rect.right() + 4:
                QToolTip.showText(event.globalPosition().toPoint(), f"{label}: {text}", self)
                return
        QToolTip.hideText()
