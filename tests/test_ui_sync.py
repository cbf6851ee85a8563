"""The Đồng bộ page and the conflicts dialog, driven offscreen over two real laptop profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, reopen

pytestmark = pytest.mark.usefixtures("qapp")


def test_export_on_one_laptop_import_and_resolve_on_the_other(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.services import cases
    from desktop.core.services.auth import sign_in
    from desktop.ui.dialogs.conflicts import ConflictsDialog
    from desktop.ui.main_window import MainWindow
    from tests.conftest import open_signed_in
    from tests.sync_helpers import Hub, digest, export, import_, laptops

    hub = Hub.make()
    a, b = laptops(tmp_path, ["a", "b"], hub)
    case_id = cases.open_case(a, {"full_name": "Nguyễn Văn Bé"}, {"opened_on": "02/11/2026"})[0]
    import_(b, *export(a, tmp_path / "first"))
    sign_in(b, "canbo_b", PASSPHRASE)
    cases.update_case(b, case_id, {"summary": "Sửa trên máy B"})
    from_b = export(b, tmp_path / "from-b")
    b.db.dispose()
    cases.update_case(a, case_id, {"summary": "Sửa trên máy A"})
    a.db.dispose()
    ctx = open_signed_in(backend, tmp_path / "a", "canbo_a")
    assert ctx.device_id == a.device_id
    win = MainWindow(backend, "sync")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
    win.show_page("sync")
    page = win.page("sync")
    qtbot.waitUntil(lambda: page.facts["waiting"].text() == "4", timeout=5000)
    assert page.facts["not_exported"].text() == "1" and page.facts["acked"].text() == "chưa xác nhận"
    assert hub.card["fingerprint"] in page.facts["hub"].text()
    stick = tmp_path / "usb"
    stick.mkdir()
    page.destination.addItem(str(stick), str(stick))
    page.destination.setCurrentIndex(page.destination.count() - 1)
    page._export()
    qtbot.waitUntil(lambda: "Có thể rút USB an toàn" in page.message.text(), timeout=10000)
    assert len(list(stick.glob("*.ctxh.age"))) == 1 and not list(stick.glob("*.partial"))
    qtbot.waitUntil(lambda: page.facts["not_exported"].text() == "0", timeout=5000)
    assert page.ledger.rowCount() >= 1 and page.ledger.item(0, 2).text() == "đã ghi và kiểm tra"
    # B's edit arrives on A: one conflict, settled in the dialog; the choice is an ordinary change.
    page.import_paths(from_b)
    qtbot.waitUntil(lambda: "1 xung đột" in page.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: page.conflicts_button.isEnabled(), timeout=5000)
    assert page.conflicts_button.text() == "Xung đột (1)"
    dialog = ConflictsDialog(backend, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    values = {dialog.table.item(0, 2).text(), dialog.table.item(0, 4).text()}
    assert values == {"Sửa trên máy A", "Sửa trên máy B"}
    dialog.combined.setText("Sửa trên cả hai máy: đã thống nhất")
    dialog._resolve("value", dialog.combined.text())
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    assert cases.get_case(ctx, case_id)["summary"] == "Sửa trên cả hai máy: đã thống nhất"
    files = export(ctx, tmp_path / "resolution")

    other = reopen(tmp_path / "b")
    assert import_(other, *files)[0].state == "waiting"  # A's earlier bundle (on the stick) comes first
    import_(other, *stick.glob("*.ctxh.age"))
    assert cases.get_case(other, case_id)["summary"] == "Sửa trên cả hai máy: đã thống nhất"
    assert digest(other) == digest(ctx)
    other.db.dispose()


def test_the_laptop_s_card_and_the_province_s_are_handled_from_the_window(qtbot, backend, tmp_path: Path,
                                                                          monkeypatch) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.dialogs.cards import CardDialog
    from desktop.ui.main_window import MainWindow
    from sync.keys import TrustStore
    from tests.conftest import make_profile, open_signed_in
    from tests.sync_helpers import Hub

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    win = MainWindow(backend, "sync")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
    page = win.page("sync")
    qtbot.waitUntil(lambda: "chưa cài" in page.facts["hub"].text(), timeout=5000)
    assert "Tin cậy một thẻ" in page.facts["hub"].text()  # what to do, in the window — no command to type
    assert not page.export_button.isEnabled() and "thẻ của tỉnh" in page.export_button.toolTip()

    def dialog() -> CardDialog:
        qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(CardDialog)), timeout=5000)
        return next(d for d in win.findChildren(CardDialog) if d.isVisible())

    # This laptop's card: its fingerprint shown large, then saved where the officer chooses.
    saved = tmp_path / "the-may.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    page.card_button.click()
    shown = dialog()
    fingerprint = ctx_card(ctx)["fingerprint"]
    assert shown.findChild(type(shown.problem), "fingerprint").text().replace("\n", "  ").split("  ") == \
        fingerprint.split("-")
    shown.buttons.accepted.emit()
    qtbot.waitUntil(lambda: saved.exists() and not shown.isVisible(), timeout=5000)
    assert json.loads(saved.read_text(encoding="utf-8"))["fingerprint"] == fingerprint

    # A province card altered on the way is refused with a sentence, and nothing is installed.
    hub = Hub.make()
    forged = tmp_path / "hub-forged.json"
    altered = dict(hub.card)
    altered["sign_key"] = Hub.make().card["sign_key"]
    forged.write_text(json.dumps(altered), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(forged), ""))
    page.trust_button.click()
    qtbot.waitUntil(lambda: "đã bị sửa" in page.message.text(), timeout=5000)
    assert TrustStore(tmp_path / "p").hub() is None

    # The real one: its fingerprint to read over the phone, then trusted; the page says so.
    real = tmp_path / "hub.json"
    real.write_text(json.dumps(hub.card), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(real), ""))
    page.trust_button.click()
    confirm = dialog()
    assert "Sở Y tế Hà Nội" in confirm.findChildren(type(confirm.problem))[1].text()
    assert TrustStore(tmp_path / "p").hub() is None  # not before the officer confirms
    confirm.buttons.accepted.emit()
    qtbot.waitUntil(lambda: TrustStore(tmp_path / "p").hub() is not None, timeout=5000)
    qtbot.waitUntil(lambda: hub.card["fingerprint"] in page.facts["hub"].text(), timeout=5000)
    assert page.message.text().startswith("Đã tin cậy: Sở Y tế Hà Nội")


def ctx_card(ctx):
    from sync.cards import this_laptop_card

    return this_laptop_card(ctx)
