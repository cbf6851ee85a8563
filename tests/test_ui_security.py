"""The window's side of issue 13: Cài đặt › Tài khoản and Nhật ký by role, adding an account, the lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from tests.conftest import PASSPHRASE, make_profile, open_signed_in

pytestmark = pytest.mark.usefixtures("qapp")


def test_an_admin_adds_a_collaborator_picked_from_the_roster_by_name(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.services import auth, roster
    from desktop.ui.operations import accounts as ops
    from desktop.ui.pages.accounts import AddAccountDialog
    from desktop.ui.pages.settings import SettingsPage

    made = make_profile(tmp_path / "p")
    worker, _ = roster.create_worker(made, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    made.db.dispose()
    open_signed_in(backend, tmp_path / "p")
    page = SettingsPage(backend)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.tabs.isTabVisible(2)  # the audit trail, for the ADMIN
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.accounts.table.rowCount() == 1, timeout=5000)
    choices = ops.roster_choices(backend.ctx)
    assert ("Lê Thị Hoa", worker) in choices  # by name, never an internal id
    dialog = AddAccountDialog(backend, choices, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("le.hoa")
    dialog.worker.setCurrentIndex(dialog.worker.findText("Lê Thị Hoa"))
    dialog.passphrase.setText("ngan")
    dialog.passphrase2.setText("ngan")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5000)
    assert "ít nhất 10 ký tự" in dialog.problem.text()
    dialog.passphrase.setText("hoa sen ho tay mua he")
    dialog.passphrase2.setText("hoa sen ho tay mua he")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog._submit()
    [hoa] = [u for u in auth.list_users(backend.ctx) if u["username"] == "le.hoa"]
    assert hoa["role"] == "COLLABORATOR" and hoa["worker_id"] == worker and hoa["display_name"] == "Lê Thị Hoa"


def test_an_officer_sees_neither_the_account_list_nor_the_audit_trail(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.services import auth
    from desktop.ui.pages.settings import SettingsPage

    made = make_profile(tmp_path / "p")
    auth.create_user(made, "canbo2", PASSPHRASE, "OFFICER")
    made.db.dispose()
    open_signed_in(backend, tmp_path / "p", "canbo2")
    page = SettingsPage(backend)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert not page.tabs.isTabVisible(2) and not page.restore_button.isVisible()
    page.tabs.setCurrentIndex(1)
    assert not page.accounts.table.isVisible() and page.accounts.own_button.isVisible()


def test_the_window_locks_hiding_every_page_and_open_dialog_and_unlocks_with_the_passphrase(
        qtbot, backend, tmp_path: Path) -> None:
    from desktop.ui.app import AppController
    from desktop.ui.dialogs.login import LoginDialog

    make_profile(tmp_path / "p").db.dispose()
    controller = AppController(backend, tmp_path / "p", None, "overview")
    controller.start()
    login = controller.dialog
    assert isinstance(login, LoginDialog)
    login.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(login.accepted, timeout=10000):
        login._submit()
    window = controller.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.body.isVisible(), timeout=5000)
    unsaved = QDialog(window)  # an intake form with unsaved work, say
    unsaved.setObjectName("unsaved")
    unsaved.show()
    controller.lock("lock_idle")
    lock = controller.dialog
    assert not window.body.isVisible() and window.locked_note.isVisible() and not unsaved.isVisible()
    lock.passphrase.setText("khong phai mat khau")
    lock._submit()
    qtbot.waitUntil(lambda: lock.problem.isVisible(), timeout=5000)
    assert not window.body.isVisible()
    lock.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(lock.accepted, timeout=10000):
        lock._submit()
    assert window.body.isVisible() and unsaved.isVisible()  # the dialog and its work come back
    from desktop.core.services.audit import list_entries

    actions = [e["action"] for e in list_entries(backend.ctx)][::-1]
    assert actions[-3:] == ["lock_idle", "sign_in_failed", "unlock"]
    unsaved.close()
    controller.idle.set_minutes(0)
    controller.backup_timer.stop()
    qtbot.waitUntil(lambda: not backend.runner._callbacks, timeout=5000)  # the window's reloads, before it goes


def test_the_hub_window_recovers_a_laptop_profile_with_the_recovery_sheet(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.context import open_context
    from desktop.ui.pages.accounts import RecoverDialog
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore

    sheet = tmp_path / "phieu.txt"
    init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", PASSPHRASE), escrow_out=sheet).db.dispose()
    laptop = make_profile(tmp_path / "laptop")
    hub = open_context(tmp_path / "hub", "quantri", PASSPHRASE)
    TrustStore(laptop.profile.root).add(card(hub), laptop.partition, laptop.device_id)
    hub.db.dispose()
    laptop.db.dispose()
    open_signed_in(backend, tmp_path / "hub", "quantri")
    dialog = RecoverDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(tmp_path / "laptop"))
    dialog.sheet.setText(str(sheet))
    dialog.username.setText("canbo")
    dialog.new.setText("mat khau moi sau khi mat")
    dialog.new2.setText("mat khau moi sau khi mat")
    from PySide6.QtWidgets import QMessageBox

    original = QMessageBox.information
    QMessageBox.information = staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Ok)  # type: ignore
    try:
        with qtbot.waitSignal(dialog.accepted, timeout=10000):
            dialog._submit()
    finally:
        QMessageBox.information = original  # type: ignore[method-assign]
    recovered = open_context(tmp_path / "laptop", "canbo", "mat khau moi sau khi mat")
    from desktop.core.services.audit import list_entries

    assert "recovery" in [e["action"] for e in list_entries(recovered)]
    recovered.db.dispose()


def test_a_daily_backup_is_made_in_the_profile_and_the_reminder_counts_only_copies_off_it(tmp_path: Path) -> None:
    import datetime as dt

    from desktop.core.db import is_plain_sqlite
    from desktop.core.services import maintenance

    ctx = make_profile(tmp_path / "p")
    assert maintenance.backup_overdue(ctx) == -1  # never backed up off the laptop
    first = maintenance.scheduled_backup(ctx)
    assert first is not None and first.parent == ctx.profile.backups_dir and not is_plain_sqlite(first)
    assert maintenance.scheduled_backup(ctx) is None  # one a day
    assert maintenance.backup_overdue(ctx) == -1  # the daily copy is lost with the laptop: it does not count
    stick = tmp_path / "usb"
    stick.mkdir()
    maintenance.backup(ctx, stick)
    assert maintenance.backup_overdue(ctx) is None
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=9)
    assert maintenance.backup_overdue(ctx, later) == 9
    for day in range(1, 10):  # a week and more of daily copies: the newest seven are kept
        maintenance.scheduled_backup(ctx, dt.datetime.now(dt.UTC) + dt.timedelta(days=day))
    assert len(list(ctx.profile.backups_dir.glob("ctxh-auto-*.sqlite3"))) == maintenance.AUTOMATIC_KEPT
    ctx.db.dispose()
