"""The roster page's indicators, import wizard, person page and course attendees, driven offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import make_profile, signed_in_window
from tests.excel_files import messy_roster

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def roster_window(qtbot, backend, tmp_path: Path):
    make_profile(tmp_path / "p").db.dispose()
    return signed_in_window(qtbot, backend, tmp_path / "p", "roster")


def visible(cls):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()), None)


def test_import_wizard_previews_corrects_and_imports(qtbot, roster_window, tmp_path: Path) -> None:
    from desktop.ui.dialogs.list_import import RosterImportDialog

    page = roster_window.page("roster")
    qtbot.waitUntil(lambda: page.indicators.collaborators.value.text() == "0", timeout=5000)
    dialog = RosterImportDialog(page.backend, messy_roster(tmp_path / "ds.xlsx"), page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert "dòng tiêu đề ở dòng 5" in dialog.summary.text() and "1 dòng có lỗi" in dialog.summary.text()
    results = [dialog.preview.item(r, 4).text() for r in range(dialog.preview.rowCount())]
    assert results.count("Hợp lệ") == 6 and any(t.startswith("Đã có: Nguyễn Văn An") for t in results)
    # The officer says the "Ghi chú" column should not be imported, and re-checks.
    notes_row = next(r for r in range(dialog.mapping.rowCount()) if dialog.mapping.item(r, 0).text() == "Ghi chú")
    combo = dialog.mapping.cellWidget(notes_row, 1)
    combo.setCurrentIndex(combo.findData(None))
    first_plan = dialog.plan
    dialog._remap()
    qtbot.waitUntil(lambda: dialog.plan is not first_plan, timeout=10000)
    assert "notes" not in dialog.plan.header.columns
    dialog._import()
    qtbot.waitUntil(lambda: hasattr(dialog, "report"), timeout=10000)
    assert dialog.report.imported == 6 and "(lỗi nhập)" in dialog.report.annotated
    assert "Đã nhập 6 người" in dialog.summary.text()
    qtbot.waitUntil(lambda: page.model.total == 6, timeout=5000)
    qtbot.waitUntil(lambda: page.indicators.collaborators.value.text() == "6", timeout=5000)
    # "ít nhất từ 01 đến 02": six collaborators meet it (the norm is a minimum, not a maximum).
    assert "✓" in page.indicators.collaborators.detail.text()
    assert page.indicators.trained.value.text() == "0%"
    assert page.indicators.allowance.value.text() == "0 trên 6"


def test_person_page_records_an_allowance(qtbot, roster_window) -> None:
    from desktop.core.services import roster
    from desktop.ui.dialogs.person import PersonDialog

    page = roster_window.page("roster")
    worker_id, _ = roster.create_worker(page.backend.ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH",
                                                           "sw_qualification": "CC_NGHIEP_VU_CTXH"})
    dialog = PersonDialog(page.backend, worker_id, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.tabs.count() == 5, timeout=5000)
    assert "đã qua đào tạo CTXH" in dialog.title.text()
    dialog.tabs.setCurrentIndex(2)
    dialog.amount.setText("2.530.000")
    dialog.since.setText("32/07/2026")
    dialog._add_allowance()
    qtbot.waitUntil(lambda: "không hợp lệ" in dialog.problem.text(), timeout=5000)
    dialog.since.setText("01/07/2026")
    dialog._add_allowance()
    qtbot.waitUntil(lambda: dialog.tabs.tabText(2) == "Phụ cấp (1)", timeout=5000)
    qtbot.waitUntil(lambda: page.indicators.allowance.value.text() == "1 trên 1", timeout=5000)


def test_course_attendees(qtbot, roster_window) -> None:
    from desktop.core.services import roster, training
    from desktop.ui.dialogs.attendance import AttendanceDialog

    backend = roster_window.backend
    roster.create_worker(backend.ctx, {"full_name": "Phan Văn Tâm", "category": "CTV_CTXH"})
    course, _ = training.create_course(backend.ctx, {"title": "Tập huấn QLTH", "kind": "TAP_HUAN",
                                                     "start_date": "01/03/2026"})
    dialog = AttendanceDialog(backend, course, "Tập huấn QLTH")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.roster._proxy.rowCount() == 1, timeout=5000)
    qtbot.keyClicks(dialog.roster.search, "tam")
    dialog.roster.view.setCurrentIndex(dialog.roster._proxy.index(0, 0))
    dialog.certificate.setText("CC-7")
    dialog._add()
    qtbot.waitUntil(lambda: dialog.attendees.rowCount() == 1, timeout=5000)
    assert dialog.attendees.item(0, 1).text() == "CC-7"
    dialog._add()
    assert dialog.problem.text() == "Người này đã có trong lớp."
    roster_window.show_page("training")
    tpage = roster_window.page("training")
    qtbot.waitUntil(lambda: "1 lượt người" in tpage.totals.text(), timeout=5000)
    dialog.attendees.selectRow(0)
    dialog._remove()
    qtbot.waitUntil(lambda: dialog.attendees.rowCount() == 0, timeout=5000)
