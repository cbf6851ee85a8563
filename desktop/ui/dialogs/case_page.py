"""A case's page: where it stands, its timeline of steps and services, and the next actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import format_message
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.case_action import CaseActionDialog, date_edit, day_of, line, reason_box
from desktop.ui.i18n import tr
from desktop.ui.operations import cases as case_ops
from desktop.ui.operations import workflow as ops
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.tables import read_only_table


def when(value: Any) -> str:
    """A datetime as dd/mm/yyyy hh:mm ('' for None)."""
    return value.strftime("%d/%m/%Y %H:%M") if value is not None else ""


def _approval_text(label: Any, step: dict[str, Any]) -> str:
    """An approval as the step table shows it: the decision, its number and signer; or when it was asked."""
    if step["decision"]:
        parts = [label("approval_decision", step["decision"]), step.get("decision_no") or "",
                 step.get("approver_name") or ""]
        return " · ".join(p for p in parts if p)
    if step["approval_requested_at"]:
        return tr("asked {when}", when=when(step["approval_requested_at"]))
    return ""


class CasePage(QDialog):
    """Loads the case and its steps on the worker; every action is a service call, then a reload."""

    def __init__(self, backend: Backend, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.case_id = case_id
        self.setWindowTitle(tr("Case"))
        self.resize(1000, 700)
        self.title = QLabel("…")
        self.title.setObjectName("pageTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        self.problem.setWordWrap(True)
        self.body = QVBoxLayout()
        from desktop.ui.dialogs.case_tabs import ConsentTab, FormsTab

        self.tabs = QTabWidget()
        steps_tab = QWidget()
        self.steps_layout = QVBoxLayout(steps_tab)
        self.steps_layout.addLayout(self.body, 1)
        self.forms_tab = FormsTab(backend, case_id, self.reload)
        self.consent_tab = ConsentTab(backend, case_id, self.reload)
        self.tabs.addTab(steps_tab, tr("Steps and services"))
        self.tabs.addTab(self.forms_tab, tr("Forms"))
        self.tabs.addTab(self.consent_tab, tr("Consent and legal basis"))
        from desktop.ui.dialogs.case_log_tab import CaseLogTab

        self.log_tab = CaseLogTab(backend, case_id, self.reload)
        self.tabs.addTab(self.log_tab, tr("Notes and timeline"))
        self.advance_button = QPushButton(tr("Finish this step and go to the next"))
        self.request_button = QPushButton(tr("Submit for the chair's approval"))
        self.approve_button = QPushButton(tr("Record: approved"))
        self.reject_button = QPushButton(tr("Record: not approved"))
        self.reopen_button = QPushButton(tr("Reopen the case…"))
        self.advance_button.clicked.connect(self._advance)
        self.request_button.clicked.connect(self._request)
        self.approve_button.clicked.connect(lambda: self._decide("APPROVED"))
        self.reject_button.clicked.connect(lambda: self._decide("REJECTED"))
        self.reopen_button.clicked.connect(self._reopen)
        self.page: ops.CasePage | None = None
        actions = QHBoxLayout()
        for button in (self.advance_button, self.request_button, self.approve_button, self.reject_button,
                       self.reopen_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.reason = QComboBox()
        for code, label in backend.items("closure_reason"):
            self.reason.addItem(label, code)
        close = QPushButton(tr("Close the case"))
        close.clicked.connect(self._close)
        self.close_button = close
        self.facility = QLineEdit()
        self.facility.setPlaceholderText(tr("Facility referred to"))
        self.referral = QComboBox()
        for code, label in backend.items("referral_status"):
            self.referral.addItem(label, code)
        refer = QPushButton(tr("Record referral"))
        refer.clicked.connect(self._refer)
        self.refer_button = refer
        self.destination = QComboBox()
        self.destination.setEditable(True)  # a province has over a hundred communes: type to find one
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.destination.lineEdit().setPlaceholderText(tr("Type to find the commune or ward"))
        transfer = QPushButton(tr("Transfer the case"))
        transfer.clicked.connect(self._transfer)
        self.transfer_button = transfer
        self.commune_names: dict[str, str] = {}
        backend.call(ops.transfer_destinations, on_done=self._show_destinations, on_error=self._fail)
        self.service_type = QComboBox()
        for code, label in backend.items("service_type"):
            self.service_type.addItem(label, code)
        self.service_day = QLineEdit()
        self.service_day.setPlaceholderText(tr("dd/mm/yyyy"))
        add_service = QPushButton(tr("Record a service"))
        add_service.clicked.connect(self._add_service)
        self.service_button = add_service
        more = QFormLayout()
        for caption, widgets in ((tr("Service delivered"), (self.service_type, self.service_day, add_service)),
                                 (tr("Referral"), (self.facility, self.referral, refer)),
                                 (tr("Closure reason"), (self.reason, close)),
                                 (tr("Moved to another commune"), (self.destination, transfer))):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            holder = QWidget()
            holder.setLayout(row)
            more.addRow(caption, holder)
        box = QGroupBox(tr("Actions"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(actions)
        box_layout.addLayout(more)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        self.steps_layout.addWidget(box)  # the workflow's actions belong with its steps
        self.notice = QLabel()
        self.notice.setObjectName("doneNotice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Fetch the case, its steps and the process definition."""
        self.backend.call(ops.load_case_page, case_id=self.case_id, on_done=self._show, on_error=self._fail)

    def _show(self, page: ops.CasePage) -> None:
        self.page = page
        case, steps, consent = page.case, page.steps, page.consent
        self.log_tab.reload()
        self.forms_tab.show_forms(page.forms, page.definitions, case)
        self.consent_tab.show_state(consent)
        if consent["missing"]:
            self.tabs.setTabText(2, tr("Consent and legal basis") + " ⚠")
        else:
            self.tabs.setTabText(2, tr("Consent and legal basis"))
        label = self.backend.label
        self.title.setText(f"{case['case_no']} — {case['beneficiary']['full_name']}")
        current = next((s for s in reversed(steps) if s["completed_at"] is None), None)
        parts = [label("process_type", case["process_type"]), label("case_step", case["step"]),
                 label("case_status", case["status"])]
        if current and current["due_at"]:
            parts.append(tr("due {when}", when=when(current["due_at"])))
        if current and current["approval_requested_at"] and not current["decided_at"]:
            parts.append(tr("waiting for approval since {when}", when=when(current["approval_requested_at"])))
        if page.referrals:
            latest = page.referrals[0]
            parts.append(tr("referred to {facility} ({status})", facility=latest["facility_name"],
                            status=label("referral_status", latest["status"])))
        elif case["referred_to"]:  # written by a laptop of before the referral register
            parts.append(tr("referred to {facility} ({status})", facility=case["referred_to"],
                            status=label("referral_status", case["referral_status"])))
        from PySide6.QtWidgets import QCompleter

        completer = QCompleter(page.facility_names, self.facility)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.facility.setCompleter(completer)
        if case.get("transfer_to"):
            code = case["transfer_to"].split(":")[-1]
            parts.append(tr("moved to {commune}", commune=self.commune_names.get(code, code)))
        if case.get("transferred_from"):
            code = case["transferred_from"].split(":")[-1]
            parts.append(tr("came from {commune}", commune=self.commune_names.get(code, code)))
        self.state.setText(" · ".join(parts))
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.body.addWidget(QLabel(tr("Steps")))
        self.body.addWidget(read_only_table(
            [tr("Step"), tr("Started"), tr("Due"), tr("Finished"), tr("Approval")],
            [[label("case_step", s["step_code"]), when(s["started_at"]), when(s["due_at"]), when(s["completed_at"]),
              _approval_text(label, s)] for s in steps]), 1)
        if page.referrals:
            self.body.addWidget(QLabel(tr("Referrals ({n})", n=len(page.referrals))))
            self.body.addWidget(read_only_table(
                [tr("Date"), tr("Facility"), tr("Status")],
                [[format_date(r["referred_on"]), r["facility_name"] or "", label("referral_status", r["status"])]
                 for r in page.referrals]), 1)
        self.body.addWidget(QLabel(tr("Services ({n})", n=len(case["services"]))))
        self.body.addWidget(read_only_table(
            [tr("Date"), tr("Service")],
            [[format_date(s["delivered_on"]), label("service_type", s["service_type"])] for s in case["services"]]), 1)
        # The same rules as the service's guards (desktop/core/domain/case_rules.py): a button is enabled
        # exactly when the action would be accepted, and says why not otherwise.
        step_name = label("case_step", case["step"])
        for action, button in (("advance", self.advance_button), ("request_approval", self.request_button),
                               ("decide", self.approve_button), ("decide", self.reject_button),
                               ("close", self.close_button), ("transfer", self.transfer_button),
                               ("refer", self.refer_button), ("add_service", self.service_button),
                               ("reopen", self.reopen_button)):
            reason = page.actions[action]
            button.setEnabled(reason is None)
            button.setToolTip("" if reason is None else format_message(reason, {"step": step_name}))

    def _fail(self, error: BaseException) -> None:
        self.problem.setText("\n".join(error_lines(error)))

    def _act(self, operation: Any, done_text: str = "", **values: Any) -> None:
        self.problem.clear()
        self.notice.clear()

        def finished(_changed: Any) -> None:
            self.notice.setText(done_text)
            self.reload()

        self.backend.write(operation, **values, on_done=finished, on_error=self._fail)

    def _confirm(self, title: str, explanation: str, confirm: str, operation: Any, done_text: str,
                 values: Any, *, when: bool = True, fields: list[tuple[str, QWidget]] | None = None) -> None:
        """Ask first, saying what will happen; `values(dialog)` reads the dialog's inputs when confirmed."""
        def run(dialog: CaseActionDialog) -> None:
            def finished(_changed: Any) -> None:
                dialog.accept()
                self.problem.clear()
                self.notice.setText(done_text)
                self.reload()

            self.backend.write(operation, case_id=self.case_id, at=dialog.moment(), **values(dialog),
                               on_done=finished, on_error=lambda e: dialog.show_problem("\n".join(error_lines(e))))

        CaseActionDialog(title, explanation, confirm, run, self, when=when, fields=fields).open()

    def _step_names(self) -> tuple[str, str]:
        """The current step's name and the next one's."""
        label = self.backend.label
        case = self.page.case if self.page else {"step": ""}
        following = self.page.process.next_step(case["step"]) if self.page and self.page.process else None
        return label("case_step", case["step"]), label("case_step", following.code) if following else ""

    def _advance(self) -> None:
        step, following = self._step_names()
        note = line(tr("What was done (optional)"))
        self._confirm(
            tr("Finish a step"),
            tr("Step “{step}” will be recorded as finished at the time below, and the case moves on to “{next}”. "
               "A finished step is not reopened.", step=step, next=following),
            tr("Finish “{step}”", step=step), ops.advance_step,
            tr("Step “{step}” finished; the case is now at “{next}”.", step=step, next=following),
            lambda _d: {"notes": note.text().strip() or None}, fields=[(tr("Note"), note)])

    def _request(self) -> None:
        step, _following = self._step_names()
        self._confirm(
            tr("Submit for approval"),
            tr("Step “{step}” will be submitted to the commune chair; the time allowed for the decision runs "
               "from the day below.", step=step),
            tr("Submit"), ops.request_approval, tr("Step “{step}” submitted for approval.", step=step),
            lambda _d: {})

    def _decide(self, decision: str) -> None:
        step, _following = self._step_names()
        number, signer, signed = line(tr("e.g. 21/QĐ-UBND")), line(tr("Full name of the chair who signed")), date_edit()
        for widget, name in ((number, "decision_no"), (signer, "approver_name"), (signed, "decision_date")):
            widget.setObjectName(name)
        if decision == "APPROVED":
            explanation = tr("Record the chair's approval of step “{step}” as written on the decision. Who entered "
                             "it and when are kept with it.", step=step)
            confirm, done_text = tr("Record the approval"), tr("Approval of “{step}” recorded.", step=step)
        else:
            explanation = tr("Record that the chair did not approve step “{step}”: it is done again and submitted "
                             "again.", step=step)
            confirm, done_text = tr("Record: not approved"), tr("“{step}” not approved: redo it and submit again.",
                                                                step=step)
        self._confirm(
            tr("The chair's decision"), explanation, confirm, ops.record_decision, done_text,
            lambda _d: {"decision": decision, "decision_no": number.text(), "approver_name": signer.text(),
                        "decision_date": day_of(signed)},
            fields=[(tr("Decision no."), number), (tr("Signed on"), signed), (tr("Approved by"), signer)])

    def _close(self) -> None:
        reason = self.reason.currentText()
        note = line(tr("What the closure rests on (optional)"))
        self._confirm(
            tr("Close the case"),
            tr("The case will be closed for the reason “{reason}”. A closed case is reopened only with a written "
               "reason, which is kept in its log.", reason=reason),
            tr("Close the case"), ops.close_case, tr("Case closed: {reason}.", reason=reason),
            lambda _d: {"reason": self.reason.currentData(), "notes": note.text().strip() or None},
            fields=[(tr("Note"), note)])

    def _reopen(self) -> None:
        why = reason_box(tr("Why the case is reopened (kept in its log and the audit trail)"))
        why.setObjectName("reason")
        self._confirm(
            tr("Reopen the case"),
            tr("The case will be worked again from the step it closed on. The closure stays in the record's "
               "history."),
            tr("Reopen"), ops.reopen_case, tr("Case reopened."),
            lambda _d: {"reason": why.toPlainText()}, when=False, fields=[(tr("Reason"), why)])

    def _show_destinations(self, communes: list[tuple[str, str]]) -> None:
        self.commune_names.update(communes)
        self.destination.clear()
        for code, name in communes:
            self.destination.addItem(f"{name} ({code})", code)
        self.destination.setCurrentIndex(-1)

    def _transfer(self) -> None:
        code = self.destination.currentData()
        if not code:
            self.problem.setText(tr("Choose the commune the person moved to."))
            return
        commune = self.destination.currentText()
        self._confirm(
            tr("Transfer the case"),
            tr("The case will be closed here (moved away) and the province opens it in {commune} with its history "
               "at the next exchange. This cannot be undone here.", commune=commune),
            tr("Transfer"), ops.transfer_case, tr("Case closed here; {commune} carries it on.", commune=commune),
            lambda _d: {"to_commune": code})

    def _refer(self) -> None:
        self._act(ops.refer_case, tr("Referral recorded."), case_id=self.case_id, facility=self.facility.text(),
                  status=self.referral.currentData())

    def _add_service(self) -> None:
        values = {"case_id": self.case_id, "service_type": self.service_type.currentData(),
                  "delivered_on": self.service_day.text()}
        self._act(case_ops.add_service, tr("Service recorded."), values=values)
