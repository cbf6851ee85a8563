"""The to-do page and the case page, driven offscreen over a real profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import make_profile, open_signed_in

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

    dialog = CasePage(backend, case_id, win)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Đánh giá nguy cơ ban đầu" in dialog.state.text(), timeout=5000)
    for _ in range(2):  # → detailed assessment → plan
        dialog.advance_button.click()
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not backend.runner._callbacks, timeout=5000)
    qtbot.waitUntil(lambda: "· Xây dựng kế hoạch ·" in dialog.state.text(), timeout=5000)
    assert "hạn " in dialog.state.text()  # the plan is due within 5 working days
    assert not dialog.advance_button.isEnabled() and dialog.request_button.isEnabled()
    dialog.request_button.click()
    qtbot.waitUntil(lambda: dialog.approve_button.isEnabled(), timeout=5000)
    assert "chờ phê duyệt" in dialog.state.text()
    qtbot.waitUntil(lambda: page.sections["approvals"][1].rowCount() == 1, timeout=5000)
    dialog.approve_button.click()
    qtbot.waitUntil(lambda: dialog.advance_button.isEnabled(), timeout=5000)
    dialog.advance_button.click()
    qtbot.waitUntil(lambda: "Thực hiện kế hoạch" in dialog.state.text(), timeout=5000)
    dialog.service_day.setText("32/01/2026")
    dialog._add_service()
    qtbot.waitUntil(lambda: "không hợp lệ" in dialog.problem.text(), timeout=5000)
    dialog.service_day.setText(dt.date.today().strftime("%d/%m/%Y"))
    dialog._add_service()
    qtbot.waitUntil(lambda: dialog.problem.text() == "" and len(cases.get_case(ctx, case_id)["services"]) == 1,
                    timeout=5000)
    dialog.reason.setCurrentIndex(dialog.reason.findData("DAT_MUC_TIEU"))
    dialog._close()
    qtbot.waitUntil(lambda: "Đã kết thúc" in dialog.state.text(), timeout=5000)
    assert not dialog.advance_button.isEnabled() and not dialog.close_button.isEnabled()
