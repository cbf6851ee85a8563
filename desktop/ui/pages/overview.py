"""Tổng quan: what this profile holds today. Only real counts; no invented figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import profile as ops


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Card(QFrame):
    """A number with its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.value = QLabel("…")
        self.value.setObjectName("cardValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardCaption")
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)


class OverviewPage(QWidget):
    """Counts of the roster, cases, services and training, refreshed after every change."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.title = QLabel(tr("Overview"))
        self.title.setObjectName("pageTitle")
        self.cards = {
            "worker": Card(tr("Social-work staff and collaborators")),
            "case": Card(tr("Cases")),
            "service_record": Card(tr("Services delivered")),
            "training_course": Card(tr("Training courses")),
        }
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 2, i % 2)
        note = QLabel(tr("Programme indicators (collaborators per commune, trained share, children supported) "
                         "will appear on the Reports page once it is complete."))
        note.setWordWrap(True)
        note.setObjectName("note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addStretch(1)
        backend.changed.connect(lambda _c: self.activate())

    def activate(self) -> None:
        """Fetch the figures on the database worker."""
        self.backend.call(ops.overview, on_done=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        counts = data["counts"]
        for entity, card in self.cards.items():
            card.value.setText(_fmt(counts.get(entity, 0)))
        self.cards["case"].detail.setText(tr("{open} open, {closed} closed", open=_fmt(data["cases_open"]),
                                             closed=_fmt(data["cases_closed"])))
        by_category = data["workers_by_category"]
        self.cards["worker"].detail.setText(", ".join(
            f"{self.backend.label('worker_category', code)}: {n}" for code, n in sorted(by_category.items())))
        self.cards["training_course"].detail.setText(
            tr("{n} attendances", n=_fmt(counts.get("training_attendance", 0))))
        self.cards["service_record"].detail.setText(tr("{n} beneficiaries", n=_fmt(counts.get("beneficiary", 0))))
