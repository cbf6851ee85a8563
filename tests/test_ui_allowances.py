"""Trợ cấp xã hội and the hub's review queue, driven as an officer and the province would (offscreen): the
register's month, a flagged coefficient, a decision ended from the window, the new standard accepted after
its changes are shown, the payment list saved; a pair decided from the queue; the notice in Việc cần làm."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from tests.conftest import make_profile, open_signed_in, signed_in_window

pytestmark = pytest.mark.usefixtures("qapp")


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_register_page(qtbot, backend, tmp_path: Path, monkeypatch) -> None:
    from desktop.core.models import ReferenceRate
    from desktop.core.services.allowance_import import import_allowances
    from desktop.core.services.allowances import register
    from tests.list_corpus import xls_allowance_by_village

    ctx = make_profile(tmp_path / "xa")
    import_allowances(ctx, xls_allowance_by_village(tmp_path / "ds.xls").path,
                      choices={("allowance_clause", "khoan 6 dieu 5 (dbn)"): "TCXH_06_DBN"})
    register(ctx, dt.date(2026, 11, 1))
    with ctx.db.session() as session:
        session.add(ReferenceRate(kind="SOCIAL_ASSISTANCE_STANDARD", province_code="01", value=600_000,
                                  effective_from=dt.date(2027, 1, 1), basis="NQ HĐND", status="U"))
    ctx.db.dispose()
    win = signed_in_window(qtbot, backend, tmp_path / "xa", "allowances")
    page = win.page("allowances")
    page.month.setDate(QDate(2026, 11, 1))
    qtbot.waitUntil(lambda: page.table.rowCount() == 5 and "11/2026" in page.summary.text(), timeout=10000)
    assert "mức chuẩn 540.000 đ" in page.summary.text() and "5 người được chi trả" in page.summary.text()
    names = _cells(page.table, 0)
    be = names.index("Lò Thị Bé")
    assert page.table.item(be, 4).text() == "810.000"
    assert "Hệ số trong quyết định khác" in page.table.item(be, 5).text()
    assert page.banner.isVisible() and "600.000 đ từ 01/01/2027" in page.banner_text.text()

    # End Hà Văn Cả's decision from the window: the last month paid is November, she died.
    from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox

    page.table.selectRow(names.index("Hà Văn Cả"))
    page._end()
    dialog = next(w for w in page.findChildren(QDialog) if w.isVisible())
    reason = dialog.findChild(QComboBox)
    reason.setCurrentIndex(reason.findData("CHET"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    page.month.setDate(QDate(2026, 12, 1))
    qtbot.waitUntil(lambda: "12/2026" in page.summary.text() and "4 người được chi trả" in page.summary.text(),
                    timeout=10000)

    # The new standard: its changes shown first, nothing applied until accepted.
    page._see_standard()
    qtbot.waitUntil(lambda: any(w.isVisible() and w.windowTitle() == "Mức chuẩn mới thay đổi những gì"
                                for w in page.findChildren(QDialog)), timeout=10000)
    changes = next(w for w in page.findChildren(QDialog) if w.windowTitle() == "Mức chuẩn mới thay đổi những gì")
    from PySide6.QtWidgets import QTableWidget

    shown = changes.findChild(QTableWidget)
    assert shown.rowCount() == 4 and set(_cells(shown, 0)) == {"01/2027"}
    changes.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=10000)
    page.month.setDate(QDate(2027, 1, 1))
    qtbot.waitUntil(lambda: "mức chuẩn 600.000 đ" in page.summary.text(), timeout=10000)

    # The payment list, as the district receives it.
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "chi tra.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr("desktop.ui.widgets.messages.confirm_personal_data", lambda parent: True)
    page._save_payments()
    qtbot.waitUntil(lambda: out.exists() and "Đã lưu" in page.message.text(), timeout=15000)
    assert "giảm 0" in page.message.text()


def test_the_queue_decides_and_the_commune_hears(qtbot, backend, province, tmp_path: Path) -> None:
    from desktop.core.services.allowances import add_recipient
    from desktop.ui.main_window import MainWindow
    from tests.test_hub_duplicates import _deliver, _send

    hub, a1, a2, b1 = province
    month = dt.date.today().replace(day=1)
    decision = {"clause": "TCXH_05A", "decision_no": "15/QĐ-UBND", "decision_date": month, "start_month": month}
    add_recipient(a1, {"full_name": "Đặng Thị Thu", "birth_date": "05/06/1950", "national_id": "001150012345"},
                  decision)
    add_recipient(b1, {"full_name": "Đặng Thị Thu", "birth_date": "05/06/1950", "national_id": "001150012345"},
                  decision)
    _send(a1, hub, tmp_path / "in-a")
    _send(b1, hub, tmp_path / "in-b")
    root = hub.profile.root
    open_signed_in(backend, root, "quantri")
    win = MainWindow(backend, "hub_duplicates", hub=True)
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Sở Y tế Hà Nội", "quantri")
    page = win.page("hub_duplicates")
    page._search()
    qtbot.waitUntil(lambda: page.queue.rowCount() == 1, timeout=15000)
    assert page.queue.item(0, 0).text() == "Có" and page.queue.item(0, 1).text() == "Cùng số CCCD"
    assert "Cùng một người" in page.keep_a.text() and page.detail.isEnabled()
    keeper = page.pairs[0]["records"][0]["partition"]
    page.keep_a.click()
    qtbot.waitUntil(lambda: page.queue.rowCount() == 0 and "Đã quyết định" in page.message.text(), timeout=10000)
    _deliver(hub, [a1, a2, b1], tmp_path / "back")
    other = b1 if keeper == a1.partition else a1
    from desktop.core.services.workflow import todo

    [notice] = todo(other)["notices"]
    assert notice["action"] == "END" and notice["full_name"] == "Đặng Thị Thu"
