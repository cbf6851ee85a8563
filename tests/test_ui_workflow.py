"""The to-do page and the case page, driven offscreen over a real profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import approver, confirm_case_action, make_profile, open_signed_in

pytestmark = pytest.mark.usefixtures("qapp")


def test_todo_page_and_case_page_take_a_child_case_through_approval(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.services import cases
    from desktop.core.services import workflow as wf
    from desktop.ui.dialogs.case_page import CasePage
    from desktop.ui.main_window import MainWindow

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    yesterday = dt.date.today() - dt.timedelta(days=1)
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Bé", "birth_date": "01/02/2016"},
                                 {"process_type": "ND56_2017", "opened_on": yesterday.strftime("%d/%m/%Y"),
                                  "serious_danger": True})
    # Received yesterday at 08:00: the 12-hour emergency assessment was due yesterday at 20:00.
    wf.advance(ctx, case_id, dt.datetime.combine(yesterday, dt.time(9, 0)))
    win = MainWindow(backend, "todo")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
    page = win.page("todo")
    qtbot.waitUntil(lambda: page.sections["overdue"][1].rowCount() == 1, timeout=5000)
    assert page.sections["overdue"][0].text() == "Quá hạn (1)"
    assert page.sections["overdue"][1].item(0, 3).text() == "Đánh giá nguy cơ ban đầu"

    dialog = CasePage(backend, case_id, win)  # the window owns it (and closes it with itself)
    dialog.show()
    qtbot.waitUntil(lambda: "Đánh giá nguy cơ ban đầu" in dialog.state.text(), timeout=5000)
    for _ in range(2):  # → detailed assessment → plan, each confirmed first
        confirm_case_action(qtbot, dialog, dialog.advance_button)
    qtbot.waitUntil(lambda: "· Xây dựng kế hoạch ·" in dialog.state.text(), timeout=5000)
    assert "hạn " in dialog.state.text()  # the plan is due within 5 working days
    assert not dialog.advance_button.isEnabled() and dialog.request_button.isEnabled()
    confirm_case_action(qtbot, dialog, dialog.request_button)
    qtbot.waitUntil(lambda: dialog.approve_button.isEnabled(), timeout=5000)
    assert "chờ phê duyệt" in dialog.state.text()
    qtbot.waitUntil(lambda: page.sections["approvals"][1].rowCount() == 1, timeout=5000)
    # An approval names who signed it: without, the dialog stays open and says so.
    confirm_case_action(qtbot, dialog, dialog.approve_button, expect_refusal="người phê duyệt")
    confirm_case_action(qtbot, dialog, dialog.approve_button, approver())
    qtbot.waitUntil(lambda: dialog.advance_button.isEnabled(), timeout=5000)
    assert "21/QĐ-UBND · Nguyễn Văn Chủ" in dialog.body.itemAt(1).widget().item(3, 4).text()
    confirm_case_action(qtbot, dialog, dialog.advance_button)
    qtbot.waitUntil(lambda: "Thực hiện kế hoạch" in dialog.state.text(), timeout=5000)
    dialog.service_day.setText("32/01/2026")
    dialog._add_service()
    qtbot.waitUntil(lambda: "không hợp lệ" in dialog.problem.text(), timeout=5000)
    dialog.service_day.setText(dt.date.today().strftime("%d/%m/%Y"))
    dialog._add_service()
    qtbot.waitUntil(lambda: dialog.problem.text() == "" and len(cases.get_case(ctx, case_id)["services"]) == 1,
                    timeout=5000)
    # "Goal achieved" is the review's finding: not from "carrying out the plan".
    dialog.reason.setCurrentIndex(dialog.reason.findData("DAT_MUC_TIEU"))
    confirm_case_action(qtbot, dialog, dialog.close_button, expect_refusal="bước cuối")
    assert cases.get_case(ctx, case_id)["status"] != "DA_DONG"
    dialog.reason.setCurrentIndex(dialog.reason.findData("DOI_TUONG_DE_NGHI"))
    confirm_case_action(qtbot, dialog, dialog.close_button)
    qtbot.waitUntil(lambda: "Đã kết thúc" in dialog.state.text(), timeout=5000)
    assert not dialog.advance_button.isEnabled() and not dialog.close_button.isEnabled()
    assert dialog.notice.text() == "Đã kết thúc hồ sơ: Đối tượng đề nghị dừng."
    # Reopened with a reason, which the case's log keeps.
    assert dialog.reopen_button.isEnabled()

    def reason(d) -> None:
        from PySide6.QtWidgets import QPlainTextEdit

        d.findChild(QPlainTextEdit, "reason").setPlainText("Gia đình xin tiếp tục hỗ trợ")
    confirm_case_action(qtbot, dialog, dialog.reopen_button, reason)
    qtbot.waitUntil(lambda: "Đang thực hiện" in dialog.state.text(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.log_tab.table.rowCount() > 5, timeout=5000)
    assert "Mở lại hồ sơ — lý do: Gia đình xin tiếp tục hỗ trợ" in dialog.log_tab.table.item(0, 1).text()


def test_a_form_is_filled_from_its_definition_printed_and_consent_recorded(qtbot, backend, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox

    from desktop.core.services import case_forms, cases
    from desktop.ui.dialogs.case_page import CasePage
    from desktop.ui.dialogs.form_dialog import FormDialog
    from desktop.ui.printing import save_pdf

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Bé", "birth_date": "01/02/2016"},
                                 {"process_type": "ND56_2017", "opened_on": "02/11/2026", "serious_danger": True})
    page = CasePage(backend, case_id)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.forms_tab.rows) == 8, timeout=5000)
    assert page.forms_tab.rows[0] == ("ND56_M01", None)  # the current step's form first
    assert page.forms_tab.table.item(0, 2).text() == "Chưa lập"
    page.forms_tab.open_row([r[0] for r in page.forms_tab.rows].index("ND56_M02"))
    dialog = page.forms_tab.findChild(FormDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=5000)
    risk: QComboBox = dialog.inputs.input("muc_do_nguy_co")  # type: ignore[assignment]
    measures = dialog.inputs.input("bien_phap_khan_cap")
    assert not measures.isVisibleTo(dialog)
    risk.setCurrentIndex(risk.findData("NGHIEM_TRONG"))
    assert measures.isVisibleTo(dialog)  # "show when" the risk is serious
    dialog.inputs.input("ngay_danh_gia").setText("02/11/2026")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    error = dialog.inputs._errors["bien_phap_khan_cap"]
    qtbot.waitUntil(lambda: error.isVisibleTo(dialog), timeout=5000)
    assert error.text() == "«Biện pháp khẩn cấp đã áp dụng» là bắt buộc."
    measures.setPlainText("Đưa trẻ về nhà bà ngoại")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: any(r == ("ND56_M02", r[1]) and r[1] for r in page.forms_tab.rows), timeout=5000)
    answer_id = next(r[1] for r in page.forms_tab.rows if r[0] == "ND56_M02")
    assert case_forms.get_form_answer(ctx, answer_id)["layout"]["answers"]["muc_do_nguy_co"] == "NGHIEM_TRONG"
    pdf = save_pdf(case_forms.printable_form(ctx, answer_id), tmp_path / "m02.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") + data.count(
        b"/Type /Page>") + data.count(b"/Type /Page ") >= 1
    # Consent: choosing consent as the legal basis shows who still has to sign.
    page.tabs.setCurrentIndex(2)
    tab = page.consent_tab
    tab.basis.setCurrentIndex(tab.basis.findData("DONG_Y"))
    tab._set_basis(0)
    qtbot.waitUntil(lambda: tab.missing.isVisibleTo(page) and "Trẻ em" in tab.missing.text(), timeout=5000)
    assert page.tabs.tabText(2).endswith("⚠")


@pytest.mark.parametrize("process", ["TT02_2020", "ND56_2017"])
def test_intake_to_closure_with_every_form_filled_in_the_window_and_printed(qtbot, backend, tmp_path: Path,
                                                                           process: str) -> None:
    from desktop.core.services import case_forms, cases
    from desktop.core.services.demo import sample_answers
    from desktop.core.services.records import codebook
    from desktop.ui.dialogs.case_page import CasePage
    from desktop.ui.dialogs.form_dialog import FormDialog, _shown_values
    from desktop.ui.printing import save_pdf

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    opened = dt.date.today() - dt.timedelta(days=3)
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Bé", "birth_date": "01/02/2016"},
                                 {"process_type": process, "opened_on": opened.strftime("%d/%m/%Y")})
    page = CasePage(backend, case_id)
    qtbot.addWidget(page)
    page.show()
    book = codebook(ctx)

    def idle() -> None:
        qtbot.wait(20)
        qtbot.waitUntil(lambda: not backend.runner._callbacks, timeout=5000)

    def fill(code: str) -> None:
        """Open the form from the forms tab, type sample answers into its inputs, save."""
        row = next(i for i, (c, answer) in enumerate(page.forms_tab.rows) if c == code and answer is None)
        page.forms_tab.open_row(row)
        dialog = next(d for d in page.forms_tab.findChildren(FormDialog) if d.isVisible())
        answers = sample_answers(dialog.definition, opened, lambda name: book.items(name)[0][0])
        dialog.inputs.set_values(_shown_values(dialog.definition, answers))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        idle()

    qtbot.waitUntil(lambda: len(page.forms_tab.rows) >= 6, timeout=5000)
    for _ in range(10):
        case = cases.get_case(ctx, case_id)
        step = wf_step(case)
        for code in step.forms:
            fill(code)
        if step.closes:
            break
        if step.approval:
            confirm_case_action(qtbot, page, page.request_button)
            confirm_case_action(qtbot, page, page.approve_button, approver())
        confirm_case_action(qtbot, page, page.advance_button)
        qtbot.waitUntil(lambda s=step: cases.get_case(ctx, case_id)["step"] != s.code, timeout=5000)
    page.reason.setCurrentIndex(page.reason.findData("DAT_MUC_TIEU"))
    confirm_case_action(qtbot, page, page.close_button)
    qtbot.waitUntil(lambda: "Đã kết thúc" in page.state.text(), timeout=5000)
    listed = case_forms.case_forms(ctx, case_id)
    expected = [f["form"] for f in listed if f["step_code"]]
    assert len(expected) == 6 and all(f["filled"] for f in listed if f["step_code"])
    for f in listed:
        for filled in f["filled"]:
            pdf = save_pdf(case_forms.printable_form(ctx, filled["id"]), tmp_path / f"{f['form']}.pdf")
            assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def wf_step(case: dict):  # type: ignore[no-untyped-def]
    from desktop.core.services import workflow as wf

    return wf.processes()[case["process_type"]].step(case["step"])
