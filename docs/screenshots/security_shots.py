"""Screenshots of signing in, the accounts, the lock and the audit trail (issue 13), under Xvfb at 1366×768.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/security_shots.py

Makes a small demo profile in a temporary folder (an ADMIN, an officer, a collaborator, a viewer; a few wrong
passphrases), then grabs: the sign-in refusing a wrong passphrase, the backup reminder, Cài đặt (this laptop),
Cài đặt › Tài khoản, the add-account dialog, Cài đặt › Nhật ký, and the window locked.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))

PASSPHRASE = "lua chin vang dong que"


def grab(name: str) -> None:
    """Save the whole screen."""
    QApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
    print("saved", name)


def run_steps(steps: list[tuple[int, Callable[[], None]]], quit_after: bool = True) -> None:
    """Run (delay ms, action) steps one after another, then quit (unless told not to)."""
    def step(i: int) -> None:
        if i == len(steps):
            if quit_after:
                QApplication.quit()
            return
        delay, action = steps[i]
        QTimer.singleShot(delay, lambda: (action(), step(i + 1)))
    step(0)


def run_signed_in(profile: Path, scenes: Callable[[object], None], passphrase: str = PASSPHRASE) -> None:
    """Open the window on `profile` as the officer would: sign in with `passphrase`, maximise the window, then
    call `scenes(controller)` once (it queues its steps with run_steps)."""
    import desktop.ui.app as appmod

    original_ready = appmod.AppController._ready
    original_ask = appmod.AppController._ask_sign_in

    def ask(self: appmod.AppController) -> None:
        original_ask(self)
        self.dialog.passphrase.setText(passphrase)
        self.dialog._submit()

    def ready(self: appmod.AppController) -> None:
        original_ready(self)
        if getattr(self, "_shots_started", False):
            return
        self._shots_started = True
        self.window.showMaximized()
        scenes(self)

    appmod.AppController._ready = ready
    appmod.AppController._ask_sign_in = ask
    try:
        appmod.run_gui(profile, language="vi")
    finally:
        appmod.AppController._ready = original_ready
        appmod.AppController._ask_sign_in = original_ask


def make_profile(root: Path) -> None:
    """A commune's laptop with accounts of every role and a few entries in its audit trail."""
    from desktop.core.context import open_context
    from desktop.core.errors import AuthError
    from desktop.core.services import auth, cases, roster
    from desktop.core.services.demo import generate
    from desktop.core.services.setup import SetupRequest, initialise_profile

    ctx = initialise_profile(root, SetupRequest("01", "00004", "Máy cán bộ VHXH", "nguyen.lan", PASSPHRASE,
                                                "Nguyễn Thị Lan"))
    generate(ctx, cases=120, workers=6, seed=3)
    worker, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    auth.create_user(ctx, "tran.binh", "ca nho ba dinh mua thu", "OFFICER", display_name="Trần Văn Bình")
    auth.create_user(ctx, "le.hoa", "hoa sen ho tay mua he", "COLLABORATOR", worker)
    auth.create_user(ctx, "chu.tich", "uy ban phuong ba dinh", "APPROVER", display_name="Phạm Minh Đức")
    auth.create_user(ctx, "thanh.tra", "chi xem khong sua gi", "VIEWER", display_name="Đoàn thanh tra")
    for case in cases.list_cases(ctx, limit=3):
        cases.get_case(ctx, case["id"])  # "viewed a case"
    ctx.db.dispose()
    for _ in range(2):
        try:
            open_context(root, "le.hoa", "sai mat khau roi")
        except AuthError:
            pass


def main() -> None:
    """The sign-in refusing a wrong passphrase; then the settings' tabs, the add-account dialog, the lock."""
    import desktop.ui.app as appmod

    work = Path(tempfile.mkdtemp())
    profile = work / "profile"
    make_profile(profile)
    original_ready = appmod.AppController._ready
    original_ask = appmod.AppController._ask_sign_in

    def ask(self: appmod.AppController) -> None:
        original_ask(self)
        dialog = self.dialog

        def wrong() -> None:
            dialog.passphrase.setText("mat khau sai")
            dialog._submit()

        def right() -> None:
            dialog.passphrase.setText(PASSPHRASE)
            dialog._submit()

        run_steps([(800, wrong), (1800, lambda: grab("login")), (0, right)], quit_after=False)

    def ready(self: appmod.AppController) -> None:
        original_ready(self)
        if getattr(self, "_shots_started", False):
            return
        self._shots_started = True
        window = self.window
        window.showMaximized()

        def settings() -> object:
            return window.page("settings")

        def add_account() -> None:
            from desktop.ui.pages.accounts import AddAccountDialog

            page = settings().accounts  # type: ignore[attr-defined]

            def show(choices: list[tuple[str, str]]) -> None:
                dialog = AddAccountDialog(page.backend, choices, page)
                dialog.username.setText("vo.thu")
                dialog.display_name.setText("Võ Thị Thu")
                dialog.worker.setCurrentIndex(1)
                dialog.passphrase.setText("ngan")
                dialog.passphrase2.setText("ngan")
                dialog.show()
                QTimer.singleShot(300, dialog._submit)

            from desktop.ui.operations import accounts as ops

            page.backend.call(ops.roster_choices, on_done=show)

        def close_dialogs() -> None:
            from PySide6.QtWidgets import QDialog

            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()

        run_steps([
            (1500, lambda: grab("overview-backup-reminder")),
            (0, lambda: window.show_page("settings")),
            (1200, lambda: grab("settings")),
            (300, lambda: settings().tabs.setCurrentIndex(1)),  # type: ignore[attr-defined]
            (1500, lambda: grab("accounts")),
            (0, add_account),
            (1800, lambda: grab("account-add")),
            (0, close_dialogs),
            (300, lambda: settings().tabs.setCurrentIndex(2)),  # type: ignore[attr-defined]
            (1500, lambda: grab("audit")),
            (0, lambda: self.lock("lock_idle")),
            (1500, lambda: grab("locked")),
        ])

    appmod.AppController._ready = ready
    appmod.AppController._ask_sign_in = ask
    try:
        appmod.run_gui(profile, language="vi")
    finally:
        appmod.AppController._ready = original_ready
        appmod.AppController._ask_sign_in = original_ask


if __name__ == "__main__":
    main()
