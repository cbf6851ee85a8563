"""The hub's pages (a province profile): communes at a glance, the bundles received and refused, and the
enrolled laptops. Every action is a call into sync/hub on the database worker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import hub as ops
from desktop.ui.widgets.messages import error_lines, show_error
from desktop.ui.widgets.tables import read_only_table


class _HubPage(QWidget):
    """A title, a row of buttons, a message line and a table that `show_rows` replaces."""

    def __init__(self, backend: Backend, title: str) -> None:
        super().__init__()
        self.backend = backend
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("note")
        self.table: QTableWidget = read_only_table([], [])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._layout = layout

    def add_button(self, text: str, action: Any) -> QPushButton:
        """A button in the page's row."""
        button = QPushButton(text)
        button.clicked.connect(action)
        self.buttons.addWidget(button)
        return button

    def show_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        """Replace the table."""
        table = read_only_table(headers, rows)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self._layout.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table

    def failed(self, error: BaseException) -> None:
        """Say what went wrong under the buttons."""
        self.message.setText("\n".join(error_lines(error)))


class HubCommunesPage(_HubPage):
    """Per commune: laptops, last bundle, what waits, what was refused, a restore alert, the digest."""

    def __init__(self, backend: Backend) -> None:
        super().__init__(backend, tr("Communes"))
        self.add_button(tr("Import a folder of bundles…"), self._import)
        self.add_button(tr("Write bundles back to the laptops…"), self._export)
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(dt.date.today().year)
        self.buttons.addWidget(self.year)
        self.add_button(tr("Province report…"), self._report)
        self.commune_button = self.add_button(tr("Report of the chosen commune…"), self._commune_report)
        self.check_button = self.add_button(tr("Check a printed paper…"), self.check_print)
        self.check_button.setToolTip(tr("Is a signed paper from a commune genuine, and does it still match the "
                                        "record? Open a photo or scan of it"))
        self.buttons.addStretch(1)
        self.partitions: list[str] = []
        self.last_import = ""

    def activate(self) -> None:
        """Reload the status."""
        self.backend.call(ops.hub_status, on_done=self._show, on_error=self.failed)

    def check_print(self) -> None:
        """The print check, against what the communes sent."""
        from desktop.ui.dialogs.print_check import PrintCheckDialog

        self.print_check = PrintCheckDialog(self.backend, self)
        self.print_check.open()

    def _show(self, status: dict[str, Any]) -> None:
        rows = []
        self.partitions = [partition for partition, _c in sorted(status["communes"].items())]
        for partition, commune in sorted(status["communes"].items()):
            last = max((d["last_bundle"] for d in commune["devices"] if d["last_bundle"]), default=None)
            restored = [d["name"] for d in commune["devices"] if d["restored"]]
            seen = last.strftime("%d/%m/%Y %H:%M") if last else tr("nothing yet")
            waiting = str(commune["waiting"])
            if commune["gaps"]:
                waiting = tr("{waiting} (a bundle missing from {gaps} laptop(s))", waiting=commune["waiting"],
                             gaps=commune["gaps"])
            alerts = [tr("restored from a backup: {names}", names=", ".join(restored))] if restored else []
            alerts += [_alert_text(alert) for alert in commune["alerts"]]
            rows.append([f"{commune['name']} ({partition})", str(len(commune["devices"])), seen,
                         waiting, str(commune["quarantined"]), str(commune["conflicts"]),
                         "; ".join(alerts), commune["digest"][:16]])
        self.show_rows([tr("Commune"), tr("Laptops"), tr("Last bundle"), tr("Waiting for a missing bundle"),
                        tr("Refused"), tr("Conflicts"), tr("Alert"), tr("Content digest")], rows)
        # The last import's summary (its receipt codes are read over the phone) stays above the status line.
        conflicts = tr("{n} conflict(s) in the province's data.", n=status["conflicts"])
        self.message.setText(f"{self.last_import}\n{conflicts}" if self.last_import else conflicts)

    def _commune_report(self) -> None:
        from desktop.ui.widgets.messages import confirm_personal_data

        row = self.table.currentRow()
        if not 0 <= row < len(self.partitions):
            self.message.setText(tr("Choose a commune in the list first."))
            return
        code, year = self.partitions[row].split(":", 1)[1], self.year.value()
        if not confirm_personal_data(self):
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Report of the chosen commune"),
                                              str(Path.home() / f"chi-tieu-{code}-{year}.xlsx"),
                                              tr("Excel workbooks (*.xlsx)"))
        if path:
            self.backend.long(ops.write_commune_report, tr("Writing the report…"), self, commune_code=code,
                              year=year, path=Path(path), on_error=self.failed,
                              on_done=lambda _r: self.message.setText(tr("Saved to {path}.", path=path)))

    def _import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder of bundles"))
        if not folder:
            return

        def done(totals: dict[str, Any]) -> None:
            counts = {k: v for k, v in totals.items() if k != "receipts"}
            text = tr("{files} file(s), {refused} refused; {received} changes: {applied} applied, {superseded} older, "
                      "{waiting} waiting, {duplicate} already here; {conflicts} conflict(s).", **counts)
            if totals["transferred"]:
                text += "\n" + tr("{n} case(s) of people who moved were opened in their new commune.",
                                  n=totals["transferred"])
            for receipt in totals["receipts"]:
                text += "\n" + tr("{name}: receipt code {code} (up to change {through}) — read it to the commune, "
                                  "who sees the same once they import the province's bundle",
                                  name=receipt["name"], code=receipt["code"], through=receipt["through"])
            self.last_import = text
            self.message.setText(text)
            self.activate()

        self.backend.long(ops.import_folder, tr("Importing…"), self, folder=Path(folder), on_done=done,
                          on_error=self.failed)

    def _export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Where to write the bundles"))
        if folder:
            # Long work for a province of hundreds of laptops: off the GUI thread, with the progress dialog.
            self.backend.long(
                ops.export_all, tr("Writing bundles…"), self, folder=Path(folder),
                on_error=self.failed, on_done=lambda files: self.message.setText(
                    tr("{n} bundle(s) written to {folder}.", n=len(files), folder=folder)))

    def _report(self) -> None:
        from desktop.ui.widgets.messages import confirm_personal_data

        year = self.year.value()
        if not confirm_personal_data(self):
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Province report"), str(Path.home() / f"chi-tieu-{year}.xlsx"),
                                              tr("Excel workbooks (*.xlsx)"))
        if path:
            self.backend.long(
                ops.write_report, tr("Writing the report…"), self, year=year, path=Path(path), on_error=self.failed,
                on_done=lambda totals: self.message.setText(tr(
                    "Report of {n} commune(s) written to {path}.", n=totals["communes"], path=path)))


class HubInboxPage(_HubPage):
    """Every bundle received, with what became of it and why a refused one was refused."""

    def __init__(self, backend: Backend) -> None:
        super().__init__(backend, tr("Bundles received"))
        self.buttons.addStretch(1)

    def activate(self) -> None:
        """Reload the ledger."""
        self.backend.call(ops.received_bundles, on_done=self._show, on_error=self.failed)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        from desktop.ui.pages.sync import bundle_state

        self.show_rows([tr("When"), tr("File"), tr("Laptop"), tr("Counters"), tr("State"), tr("Reason")], [
            [r["at"].strftime("%d/%m/%Y %H:%M"), r["file_name"] or "", r["laptop"],
             f"{r['seq_from']}–{r['seq_to']}" if r["seq_to"] else "", bundle_state(r["state"]),
             refusal_reason(r["error"]) if r["error"] else ""] for r in rows])
        refused = sum(1 for r in rows if r["state"] in ("quarantined", "refused"))
        self.message.setText(tr("{n} bundle(s), {refused} quarantined.", n=len(rows), refused=refused))


class HubDevicesPage(_HubPage):
    """Enrolled laptops: enrol one from its card (after reading the fingerprint aloud), revoke one."""

    def __init__(self, backend: Backend) -> None:
        super().__init__(backend, tr("Laptops"))
        self.add_button(tr("Enrol a laptop from its card…"), self._enroll)
        self.revoke_button = self.add_button(tr("Revoke the selected laptop"), self._revoke)
        self.add_button(tr("Recover a laptop's profile…"), self._recover)
        self.buttons.addStretch(1)
        self.ids: list[str] = []

    def activate(self) -> None:
        """Reload the devices."""
        self.backend.call(ops.devices, on_done=self._show, on_error=self.failed)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.ids = [r["id"] for r in rows]
        self.show_rows([tr("Commune"), tr("Laptop"), tr("Fingerprint"), tr("Certificate until"), tr("Revoked")], [
            [r["partition"], r["name"], r["fingerprint"], r["not_after"][:10], (r["revoked_at"] or "")[:16]]
            for r in rows])

    def _enroll(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Laptop card"), "", tr("Cards (*.json)"))
        if not path:
            return
        try:
            card = json.loads(Path(path).read_text(encoding="utf-8"))
            fingerprint = card["fingerprint"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            show_error(self, error)
            return
        answer = QMessageBox.question(self, tr("Enrol a laptop"), tr(
            "Read this fingerprint aloud with the commune officer on the phone:\n\n{fp}\n\nDoes it match theirs?",
            fp=fingerprint))
        if answer != QMessageBox.StandardButton.Yes:
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Where to write the laptop's certificate bundle"))
        if folder:
            self.enroll_card(card, Path(folder))

    def enroll_card(self, card: dict[str, Any], folder: Path) -> None:
        """Enrol from a card already confirmed, writing the certificate bundle into `folder`."""
        def done(bundle: Path) -> None:
            self.message.setText(tr("Enrolled. Send this file to the laptop: {path}", path=str(bundle)))
            self.activate()

        self.backend.call(ops.enrol, card=card, folder=folder, on_done=done, on_error=self.failed)

    def _recover(self) -> None:
        from desktop.ui.pages.accounts import RecoverDialog

        RecoverDialog(self.backend, self).exec()

    def _revoke(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ids):
            self.backend.call(ops.revoke, device_id=self.ids[row], on_done=lambda _at: self.activate(),
                              on_error=self.failed)


def refusal_reason(code: str) -> str:
    """A refused bundle's reason, short enough for a table cell."""
    return {
        "E_SIG": tr("wrong signature, altered, or a laptop not enrolled"), "E_TRUNC": tr("cut short"),
        "E_DAMAGED": tr("damaged or altered inside"),
        "E_REPLAY": tr("counters already received with other content"), "E_SCOPE": tr("records outside its commune"),
        "E_REVOKED": tr("the laptop was revoked"), "E_EXPIRED": tr("the laptop's certificate has ended"),
        "E_SIZE": tr("too large"), "E_FORMAT": tr("malformed content, or not a CTXH Desk bundle"),
        "E_RECIPIENT": tr("does not open with this hub's key (for another device, or its header damaged)"),
        "E_FORK": tr("does not follow the laptop's previous bundle (copied back from a backup?)"),
        "E_AUDIT": tr("its audit trail was edited or cut (it does not continue what it sent before)"),
        "E_INTERNAL": tr("an error of the program (logged)"),
    }.get(code, code)


def _alert_text(alert: dict[str, Any]) -> str:
    """One alert of the Communes page: which laptop, and why its bundle was held."""
    return tr("⚠ {laptop}: {reason}", laptop=alert["laptop"], reason=refusal_reason(alert["error"]))
