"""Đồng bộ: what waits for the province, exporting to a stick (checked before "safe to remove"), importing
bundles, the ledger of bundles, and the conflicts that wait for an officer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.dialogs.cards import show_this_laptop_card, trust_a_card
from desktop.ui.i18n import tr
from desktop.ui.operations import sync as ops
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.tables import read_only_table


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def sync_warning_texts(warnings: dict[str, Any]) -> list[str]:
    """The warnings of the window's banner and of the Đồng bộ page, in the officer's words."""
    texts = []
    fresh = warnings["freshness"]
    if fresh["frozen"]:
        texts.append(tr("⚠ No bundle from the province for {days} days (more than {limit}). Revocations and new "
                        "forms may not be reaching this laptop: ask the province for a fresh bundle.",
                        days=fresh["age_days"], limit=fresh["freeze_days"]))
    fork = warnings["fork_notice"]
    if fork:
        texts.append(tr("⚠ The province found two different copies of this laptop's data (was a backup copied "
                        "back by hand?). This laptop now sends everything again under a new series: export a "
                        "bundle and send it to the province."))
    return texts


class SyncPage(QWidget):
    """Reloads its facts when shown and after every export, import or change."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        title = QLabel(tr("Sync"))
        title.setObjectName("pageTitle")
        self.facts: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (key, caption) in enumerate((
            ("waiting", tr("Changes the province has not confirmed")),
            ("not_exported", tr("Changes not exported yet")),
            ("last_export", tr("Last export")),
            ("acked", tr("Confirmed by the province up to")),
            ("province_fresh", tr("Newest bundle from the province")),
            ("hub", tr("Province (hub) card")),
            ("peers", tr("Other laptops of this commune")),
            ("definitions", tr("Forms and code lists")),
        )):
            label = QLabel("…")
            label.setWordWrap(True)
            self.facts[key] = label
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        export_box = QGroupBox(tr("Send to the province"))
        export_layout = QHBoxLayout(export_box)
        self.destination = QComboBox()
        self.destination.setMinimumWidth(320)
        choose = QPushButton(tr("Another folder…"))
        choose.clicked.connect(self._choose_folder)
        self.export_button = QPushButton(tr("Export bundle"))
        self.export_button.setObjectName("primaryButton")
        self.export_button.clicked.connect(self._export)
        for widget in (QLabel(tr("Write to")), self.destination, choose, self.export_button):
            export_layout.addWidget(widget)
        export_layout.addStretch(1)
        cards_box = QGroupBox(tr("Cards: this laptop and those it trusts"))
        cards_layout = QHBoxLayout(cards_box)
        self.card_button = QPushButton(tr("This laptop's card…"))
        self.card_button.setToolTip(tr("Show this laptop's fingerprint and save its card for the province"))
        self.card_button.clicked.connect(lambda: show_this_laptop_card(self.backend, self, self.message.setText))
        self.trust_button = QPushButton(tr("Trust a card…"))
        self.trust_button.setToolTip(tr("Install the province's card, or another laptop of this commune's, from a "
                                        "file: its fingerprint is read over the phone first"))
        self.trust_button.clicked.connect(lambda: trust_a_card(self.backend, self, self._trusted))
        cards_layout.addWidget(self.card_button)
        cards_layout.addWidget(self.trust_button)
        cards_layout.addStretch(1)
        import_box = QGroupBox(tr("Receive"))
        import_layout = QHBoxLayout(import_box)
        self.import_button = QPushButton(tr("Import bundles…"))
        self.import_button.clicked.connect(self._choose_imports)
        self.conflicts_button = QPushButton(tr("Conflicts"))
        self.conflicts_button.clicked.connect(self._open_conflicts)
        import_layout.addWidget(self.import_button)
        import_layout.addWidget(self.conflicts_button)
        import_layout.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("note")
        self.ledger_holder = QVBoxLayout()
        self.ledger = read_only_table([], [])
        self.ledger_holder.addWidget(self.ledger)
        self.warning = QLabel()
        self.warning.setObjectName("warningBanner")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.warning)
        layout.addLayout(grid)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addWidget(cards_box)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(tr("Bundles written and received")))
        layout.addLayout(self.ledger_holder, 1)
        backend.changed.connect(self._changed_elsewhere)  # bound: dropped with the page

    def _changed_elsewhere(self, _changed: object) -> None:
        """Something was written: refresh if the page is in view."""
        if self.isVisible():
            self.refresh()

    def activate(self) -> None:
        """Refresh the facts and the list of drives each time the page is shown."""
        self.refresh()

    def refresh(self) -> None:
        """Fetch the sync facts and the removable drives on the worker."""
        self.backend.call(ops.sync_page, on_done=self._show)

    def _show(self, loaded: Any) -> None:
        facts, drives = loaded
        self.facts["waiting"].setText(_n(facts["waiting"]))
        self.facts["not_exported"].setText(_n(facts["not_exported"]))
        self.facts["last_export"].setText(
            tr("{when}, up to no. {seq}", when=facts["last_export_at"][:16].replace("T", " "),
               seq=_n(facts["last_export_seq"])) if facts["last_export_at"] else tr("never"))
        self.facts["acked"].setText(_n(facts["acked_seq"]) if facts["acked_seq"] else tr("nothing confirmed yet"))
        receipt = facts.get("receipt_code")
        if receipt and facts["acked_seq"]:
            self.facts["acked"].setText(tr("{n} — receipt code {code} (the district reads the same on its screen)",
                                           n=_n(facts["acked_seq"]), code=receipt["code"]))
        hub = facts["hub"]
        self.facts["hub"].setText(f"{hub['name']} — {hub['fingerprint']}" if hub else tr(
            "not installed: ask the province for its card, then “Trust a card…” below"))
        self.facts["peers"].setText(", ".join(p["name"] for p in facts["peers"]) or tr("none"))
        fresh = facts["freshness"]
        self.facts["province_fresh"].setText(
            tr("{days} day(s) ago (a warning after {limit})", days=fresh["age_days"], limit=fresh["freeze_days"])
            if fresh["age_days"] is not None else tr("none received yet"))
        warnings = sync_warning_texts(facts)
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        definitions = facts["definitions"]
        if definitions["warning"]:
            self.facts["definitions"].setText(tr(
                "⚠ The province's set no. {n} was altered on this computer and is not used; the app's own forms "
                "are in use until the province sends it again.", n=definitions["installed"]))
        elif definitions["serial"]:
            self.facts["definitions"].setText(tr("the province's set no. {n}", n=definitions["serial"]))
        else:
            self.facts["definitions"].setText(tr("those shipped with the app"))
        self.conflicts_button.setText(tr("Conflicts ({n})", n=facts["conflicts"]))
        self.conflicts_button.setEnabled(facts["conflicts"] > 0)
        can_export = facts["not_exported"] > 0 and bool(hub or facts["peers"])
        self.export_button.setEnabled(can_export)
        if can_export:
            self.export_button.setToolTip(tr("Write the changes not sent yet, encrypted for the province"))
        elif not (hub or facts["peers"]):
            self.export_button.setToolTip(tr("First trust the province's card (“Trust a card…” below): a bundle is "
                                             "encrypted for it"))
        else:
            self.export_button.setToolTip(tr("Nothing new to send: every change is already in a bundle"))
        current = self.destination.currentData()
        self.destination.clear()
        for drive in drives:
            self.destination.addItem(tr("USB: {path}", path=str(drive)), str(drive))
        if not drives and not current:
            self.destination.addItem(tr("No USB stick found: choose a folder"), None)
        if current and self.destination.findData(current) < 0:
            self.destination.addItem(current, current)
        if current:
            self.destination.setCurrentIndex(self.destination.findData(current))
        rows = [[r["at"].strftime("%d/%m/%Y %H:%M"), tr("sent") if r["direction"] == "out" else tr("received"),
                 bundle_state(r["state"]), _n(r["changes"]), r["file_name"] or ""] for r in facts["ledger"]]
        table = read_only_table([tr("When"), tr("Direction"), tr("State"), tr("Changes"), tr("File")], rows)
        self.ledger_holder.replaceWidget(self.ledger, table)
        self.ledger.deleteLater()
        self.ledger = table

    def _trusted(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Where to write the bundle"))
        if folder:
            self.destination.addItem(folder, folder)
            self.destination.setCurrentIndex(self.destination.count() - 1)

    def _export(self) -> None:
        target = self.destination.currentData()
        if not target:
            self._choose_folder()
            target = self.destination.currentData()
            if not target:
                return
        self.export_button.setEnabled(False)
        self.message.setText(tr("Writing and checking…"))

        def done(result: Any) -> None:
            self.message.setText(tr(
                "Written and checked: {n} changes in {files} file(s) in {folder}. The stick can be removed safely.",
                n=_n(result.changes), files=len(result.files), folder=target) if result.files else tr(
                "Nothing new to send."))
            self.refresh()

        self.backend.long(ops.export_bundles, tr("Exporting…"), self, folder=Path(target), on_done=done,
                          on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText("\n".join(error_lines(error)))
        self.refresh()

    def _choose_imports(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("Bundles to import"), "",
                                                tr("CTXH bundles (*.age);;All files (*)"))
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        """Import bundle files on the worker, then say what became of each."""
        def done(result: tuple[list[Any], Any]) -> None:
            from desktop.core.messages import format_message

            outcomes = result[0]

            lines = []
            for o in outcomes:
                name = Path(o.file).name
                if not o.ok:
                    lines.append(tr("{file}: refused — {why}", file=name,
                                    why=format_message(o.error, o.reason_params())))
                elif o.state == "duplicate":
                    lines.append(tr("{file}: already imported", file=name))
                else:
                    lines.append(tr("{file}: {applied} applied, {conflicts} conflict(s), {waiting} waiting",
                                    file=name, applied=o.applied, conflicts=o.conflicts, waiting=o.waiting))
            self.message.setText("\n".join(lines))
            self.refresh()

        # A write: the Changed it returns (the records the bundles touched) makes the other pages reload.
        self.backend.long(ops.import_bundles, tr("Importing…"), self, writes=True, paths=paths, on_done=done,
                          on_error=self._failed)

    def _open_conflicts(self) -> None:
        from desktop.ui.dialogs.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.backend, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()


def bundle_state(state: str) -> str:
    """What became of a bundle, in the officer's words (the Đồng bộ and hub inbox pages)."""
    return {"written": tr("written and checked"), "applied": tr("applied"), "duplicate": tr("already had it"),
            "waiting": tr("waiting for an earlier bundle"), "quarantined": tr("quarantined"),
            "refused": tr("refused")}.get(state, state)
