"""Fill any form from its definition (forms/definitions): the inputs are built from the fields, "show
when" conditions hide and show them as the officer types, and problems appear under each field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.operations import forms as ops
from desktop.ui.widgets.messages import error_lines

KINDS = {"text": "text", "multiline": "multiline", "date": "date", "number": "text", "boolean": "bool",
         "choice": "code", "multichoice": "codes"}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "en" else pair[0]


def form_inputs(backend: Backend, form: Any) -> tuple[RecordForm, dict[str, list[tuple[str, str]]]]:
    """A RecordForm with one input per field of a form definition, in its sections."""
    language = backend.language
    specs: list[FieldSpec] = []
    options: dict[str, list[tuple[str, str]]] = {}
    for section in form.sections:
        for field in section.fields:
            specs.append(FieldSpec(
                field.code, KINDS[field.type], field.code_list, field.required, _pick(section.title, language),
                label=_pick(field.label, language), help=_pick(field.help, language) if field.help else None))
            if field.choices:
                options[field.code] = [(c[0], c[2] if language == "en" else c[1]) for c in field.choices]
    return RecordForm(backend, specs, options), options


def _shown_values(form: Any, answers: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in form.fields():
        value = answers.get(field.code)
        if field.type == "date" and isinstance(value, str) and value:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                pass
        elif field.type == "number" and value is not None:
            value = str(value)
        values[field.code] = value
    return values


def pdf_name(answer: dict[str, Any]) -> str:
    """A file name an officer recognises: form, case number, date."""
    return f"{answer['form_code']} {answer['case_no']} {answer['filled_on']:%Y-%m-%d}.pdf".replace("/", "-")


class FormDialog(RecordDialog):
    """One form of one case: new (answer_id None) or an edit of a filled one, which can also be printed."""

    def __init__(self, backend: Backend, case_id: str, form: Any, answer: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        self.backend = backend
        self.case_id = case_id
        self.definition = form
        self.answer = answer
        self.inputs, _options = form_inputs(backend, form)
        header = QLabel(f"<b>{_pick(form.title, backend.language)}</b><br/><i>{form.basis}</i>")
        header.setWordWrap(True)
        super().__init__(_pick(form.title, backend.language), [("answers", self.inputs)], self._save_form,
                         parent, header)
        if answer is not None:
            self.inputs.set_values(_shown_values(form, answer["layout"]["answers"]))
        else:  # a new form starts with what the app knows: nothing typed twice
            backend.call(ops.form_prefill, case_id=case_id, form_code=form.code,
                         on_done=lambda known: self._prefilled(known), on_error=lambda _e: None)
        for signal in self.inputs.changed_signals():
            signal.connect(self._apply_conditions)
        self._apply_conditions()
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        self.print_button = QPushButton(tr("Print…"))
        for button in (self.pdf_button, self.print_button):
            self.buttons.addButton(button, self.buttons.ButtonRole.ActionRole)
        self.pdf_button.clicked.connect(lambda: self._after_save(self._save_pdf))
        self.print_button.clicked.connect(lambda: self._after_save(self._print))

    def _prefilled(self, known: dict[str, Any]) -> None:
        current = self.inputs.values()
        typed = {k for k, v in current.items() if v not in (None, "", [], False)}
        shown = _shown_values(self.definition, known)
        # Never over what was typed meanwhile: the known values fill only the empty fields.
        self.inputs.set_values({**current, **{k: shown[k] for k in known if k not in typed}})
        self._apply_conditions()

    def _apply_conditions(self, *_args: Any) -> None:
        values = self.inputs.values()
        for field in self.definition.fields():
            if field.show_when is not None:
                self.inputs.set_field_visible(field.code, field.show_when.holds(values))

    def _answers(self) -> dict[str, Any]:
        values = self.inputs.values()
        return {f.code: values.get(f.code) for f in self.definition.fields()
                if f.show_when is None or f.show_when.holds(values)}

    def _save_form(self, _values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
        self.backend.write(ops.save_form, case_id=self.case_id, form_code=self.definition.code,
                           answers=self._answers(), answer_id=self.answer["id"] if self.answer else None,
                           on_done=done, on_error=failed)

    def _after_save(self, then: Any) -> None:
        """Print what is on screen: save it first (problems stay in the dialog), then reload and print."""
        def saved(result: Any) -> None:
            self.backend.call(ops.get_form_answer, answer_id=result[0], on_done=loaded, on_error=self._failed)

        def loaded(answer: dict[str, Any]) -> None:
            self.answer = answer
            self.buttons.setEnabled(True)
            self.backend.call(ops.printable_form, answer_id=answer["id"], language=self.backend.language,
                              on_done=then, on_error=self._failed)

        self.buttons.setEnabled(False)
        self.summary.hide()
        self.inputs.clear_problems()
        self._save_form({}, saved, self._failed)

    def _save_pdf(self, html: str) -> None:
        from desktop.ui.printing import save_pdf
        from desktop.ui.widgets.messages import confirm_personal_data

        if not confirm_personal_data(self):
            return
        default = str(Path.home() / pdf_name(self.answer or {}))
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as PDF"), default, tr("PDF files (*.pdf)"))
        if path:
            try:
                save_pdf(html, Path(path))
            except OSError as error:
                QMessageBox.warning(self, tr("Save as PDF"), "\n".join(error_lines(error)))

    def _print(self, html: str) -> None:
        from desktop.ui.printing import print_html

        print_html(html, self)
