"""The roster's three figures as small cards, each saying what it counts, on which day, against which target."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.i18n import tr


def money(amount: int | None) -> str:
    """VND the Vietnamese way: 2.530.000 đ."""
    return "—" if amount is None else f"{amount:,} đ".replace(",", ".")


class _Card(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("indicator")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardCaption")
        self.value = QLabel("…")
        self.value.setObjectName("indicatorValue")
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for widget in (self.caption, self.value, self.detail):
            layout.addWidget(widget)

    def show_state(self, value: str, detail: str, ok: bool | None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setProperty("state", "none" if ok is None else ("ok" if ok else "short"))
        self.style().unpolish(self)
        self.style().polish(self)


class IndicatorStrip(QWidget):
    """Collaborators per commune, trained share, allowance ≥ base salary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.collaborators = _Card(tr("Collaborators in the commune"))
        self.trained = _Card(tr("Staff and collaborators trained"))
        self.allowance = _Card(tr("Collaborators paid at least the base salary"))
        for card in (self.collaborators, self.trained, self.allowance):
            layout.addWidget(card, 1)

    def show(self, strip: Any) -> None:  # type: ignore[override]
        """Fill the cards from a RosterStrip (services/reports.py): what each number counts, on which day,
        against which target of this commune's own province or the national programme."""
        on = strip.on.strftime("%d/%m/%Y")
        collaborators = strip.collaborators
        parts = [tr("On {day}", day=on)]
        for t in collaborators.targets:
            mark = "✓" if t.met_by(collaborators.value) else "✗"
            parts.append(tr("Target: at least {n} per commune ({note}) {mark}", n=f"{t.minimum:g}", note=t.note,
                            mark=mark))
        if not collaborators.targets:
            parts.append(tr("No target set"))
        self.collaborators.show_state(f"{collaborators.value:g}", "\n".join(parts), collaborators.met())
        trained = strip.trained
        if trained.value is None:
            self.trained.show_state("—", tr("Nobody is on the roster as social-work staff yet."), None)
        else:
            detail = tr("{trained} of the {total} social-work staff and collaborators on {day}",
                        trained=trained.numerator, total=trained.denominator, day=on)
            for t in trained.targets:
                detail += "\n" + tr("Target {year}: at least {share:.0%} ({note})", year=t.year, share=t.minimum,
                                    note=t.note)
            self.trained.show_state(f"{trained.value:.0%}", detail, trained.met())
        paid = strip.paid
        if not paid.denominator:
            self.allowance.show_state("—", tr("No collaborators on the roster."), None)
        else:
            self.allowance.show_state(
                tr("{paid} of {total}", paid=paid.numerator, total=paid.denominator),
                tr("collaborators paid at least the base salary in force on {day} ({amount})", day=on,
                   amount=money(strip.base_salary)),
                paid.numerator == paid.denominator,
            )
