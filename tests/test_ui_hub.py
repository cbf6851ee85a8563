"""The window on a hub profile: its own pages — communes, bundles received (with refusals), laptops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("qapp")


def test_hub_pages_show_communes_refusals_and_laptops(qtbot, backend, tmp_path: Path, monkeypatch) -> None:
    from desktop.core.services.demo import generate
    from desktop.ui.main_window import MainWindow
    from sync.hub import devices, inbox
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore
    from tests.conftest import PASSPHRASE, make_profile, open_signed_in
    from tests.sync_helpers import card_of, export

    hub = init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", PASSPHRASE))
    laptop = make_profile(tmp_path / "a")
    stranger = make_profile(tmp_path / "s", commune="00008", user="nguoi_la")
    for ctx in (laptop, stranger):
        TrustStore(ctx.profile.root).add(card(hub), ctx.partition, ctx.device_id)
        generate(ctx, cases=10, workers=2, seed=3)
    devices.enroll(hub, card_of(laptop))
    folder = tmp_path / "inbox"
    folder.mkdir()
    for ctx in (laptop, stranger):
        for path in export(ctx, tmp_path / ctx.device_id[-12:]):
            shutil.copy(path, folder / path.name)
    inbox.import_folder(hub, folder)
    for ctx in (hub, laptop):
        ctx.db.dispose()
    open_signed_in(backend, tmp_path / "hub", "quantri")
    win = MainWindow(backend, "hub_communes", hub=True)
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Sở Y tế Hà Nội", "quantri")
    assert [win.sidebar.item(i).text() for i in range(win.sidebar.count())] == [
        "Các xã", "Gói đã nhận", "Người có ở hai xã", "Máy đã đăng ký", "Cài đặt"]
    page = win.page("hub_communes")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 0).text() == "Phường Ba Đình (01:00004)" and page.table.item(0, 1).text() == "1"
    # Write-back and the province report run off the GUI thread and say where they went.
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path / "back"))
    page._export()
    qtbot.waitUntil(lambda: "gói" in page.message.text() and str(tmp_path / "back") in page.message.text(),
                    timeout=10000)
    assert len(list((tmp_path / "back").glob("*.age"))) == 1  # the one enrolled laptop
    report = tmp_path / "bao-cao.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(report), ""))
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(choice):  # type: ignore[no-untyped-def]
        return lambda _parent, title, _text, *_a, **_k: asked.append(title) or choice

    # The report holds personal data in clear: the officer is told, and a "no" writes nothing.
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    page._report()
    assert asked == ["Tệp không mã hóa"] and not report.exists()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    page._report()
    qtbot.waitUntil(lambda: str(report) in page.message.text(), timeout=10000)
    assert report.exists()
    # Drill-down: one commune's own report, as its laptop would make it.
    mine = tmp_path / "xa.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(mine), ""))
    page.table.selectRow(0)
    page._commune_report()
    qtbot.waitUntil(lambda: str(mine) in page.message.text(), timeout=10000)
    from openpyxl import load_workbook

    heading = load_workbook(mine).active["A1"].value
    assert heading == "UBND PHƯỜNG BA ĐÌNH"
    win.show_page("hub_inbox")
    received = win.page("hub_inbox")
    qtbot.waitUntil(lambda: received.table.rowCount() == 2, timeout=5000)
    reasons = {received.table.item(r, 5).text() for r in range(2)}
    assert "sai chữ ký, bị sửa, hoặc máy chưa đăng ký" in reasons  # the unenrolled laptop's bundle
    win.show_page("hub_devices")
    laptops = win.page("hub_devices")
    qtbot.waitUntil(lambda: laptops.table.rowCount() == 1, timeout=5000)
    laptops.enroll_card(card_of(stranger), tmp_path / "to-stranger")
    qtbot.waitUntil(lambda: laptops.table.rowCount() == 2, timeout=5000)
    assert list((tmp_path / "to-stranger").glob("*.age"))
    laptops.table.selectRow(0)
    laptops._revoke()
    qtbot.waitUntil(lambda: any(laptops.table.item(r, 4).text() for r in range(2)), timeout=5000)
    stranger.db.dispose()


def test_the_imports_receipt_codes_stay_on_the_communes_page(qtbot, backend, tmp_path: Path, monkeypatch) -> None:
    """They are read over the phone: the status reloaded after the import must not wipe them."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.main_window import MainWindow
    from sync.hub import devices
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore
    from tests.conftest import PASSPHRASE, make_profile, open_signed_in
    from tests.sync_helpers import card_of, export

    hub = init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", PASSPHRASE))
    laptop = make_profile(tmp_path / "a")
    TrustStore(laptop.profile.root).add(card(hub), laptop.partition, laptop.device_id)
    devices.enroll(hub, card_of(laptop))
    from desktop.core.services.cases import open_case

    open_case(laptop, {"full_name": "Lê Thị Mai"}, {"process_type": "TT02_2020", "opened_on": "02/11/2026"})
    assert export(laptop, tmp_path / "usb")
    for ctx in (hub, laptop):
        ctx.db.dispose()
    open_signed_in(backend, tmp_path / "hub", "quantri")
    win = MainWindow(backend, "hub_communes", hub=True)
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Sở Y tế Hà Nội", "quantri")
    page = win.page("hub_communes")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path / "usb"))
    page._import()
    qtbot.waitUntil(lambda: "xung đột trong dữ liệu của tỉnh" in page.message.text()
                    and page.table.item(0, 2).text() != "chưa có", timeout=10000)
    assert "Máy thử: mã xác nhận " in page.message.text()
