"""The roster indicators as three small cards, each with the target it is measured against."""

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

    def show(self, result: Any) -> None:  # type: ignore[override]
        """Fill the cards from a RosterIndicators."""
        targets = result.collaborator_targets
        parts = []
        for t in targets:
            span = (f"{t.minimum:g}–{t.maximum:g}" if t.minimum is not None and t.maximum is not None
                    else f"≥ {t.minimum:g}" if t.minimum is not None else f"≤ {t.maximum:g}")
            mark = "✓" if t.met_by(result.collaborators) else "✗"
            parts.append(tr("{plan}: {span} per commune {mark}", plan=t.note, span=span, mark=mark))
        self.collaborators.show_state(str(result.collaborators), "\n".join(parts) or tr("No target set"),
                                      all(t.met_by(result.collaborators) for t in targets) if targets else None)
        if result.trained_share is None:
            self.trained.show_state("—", tr("Nobody is active on the roster yet."), None)
        else:
            target = result.trained_target
            detail = tr("{trained} of {active} active people", trained=result.trained, active=result.active)
            if target is not None and target.minimum is not None:
                detail += "\n" + tr("Target {year}: ≥ {share:.0%} ({note})", year=target.year, share=target.minimum,
                                    note=target.note)
            self.trained.show_state(f"{result.trained_share:.0%}", detail,
                                    target.met_by(result.trained_share) if target else None)
        if result.collaborators == 0:
            self.allowance.show_state("—", tr("No active collaborators."), None)
        else:
            self.allowance.show_state(
                f"{result.collaborators_paid_at_least_base}/{result.collaborators}",
                tr("Base salary in force: {amount}; {missing} without an allowance recorded",
                   amount=money(result.base_salary),
                   missing=result.collaborators - result.collaborators_with_allowance),
                result.collaborators_paid_at_least_base == result.collaborators,
            )
