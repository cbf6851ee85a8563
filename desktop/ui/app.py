"""Start-up: show a window fast, open the profile on the worker, then sign in and load pages."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.profile import HUB, Profile
from desktop.paths import resources_dir
from desktop.ui.backend import Backend
from desktop.ui.i18n import install_translator, tr
from desktop.ui.tasks import TaskRunner

BENCH_MARKS = "CTXH_BENCH_MARKS"  # print "mark NAME UNIX_TIME" to stderr at start-up milestones
QUIT_AFTER = "CTXH_QUIT_AFTER"  # quit at a milestone: window_shown | first_rows


def mark(name: str) -> None:
    """Report a start-up milestone for bench/: time and peak memory (no-op unless CTXH_BENCH_MARKS is set)."""
    if os.environ.get(BENCH_MARKS):
        print(f"mark {name} {time.time():.6f} {peak_rss_kib()}", file=sys.stderr, flush=True)
    if os.environ.get(QUIT_AFTER) == name:
        QTimer.singleShot(0, QApplication.quit)


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM; 0 where /proc is not available).

    getrusage's ru_maxrss is not used: Linux carries it across fork and exec, so a child started
    by a big benchmark process would report its parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class AppController(QObject):
    """Decides between first-run setup, sign-in, or (with --user and CTXH_PASSPHRASE) straight in."""

    def __init__(self, backend: Backend, data_dir: Path, user: str | None, page: str) -> None:
        super().__init__()
        self.backend = backend
        self.profile = Profile(data_dir)
        self.user = user
        self.page = page
        self.window: Any = None
        self.dialog: Any = None

    def start(self) -> None:
        """Show the first window."""
        if not self.profile.exists():
            from desktop.ui.dialogs.setup import SetupDialog

            self.dialog = SetupDialog(self.backend, self.profile.root)
            self.dialog.accepted.connect(self._show_main_ready)
            self.dialog.rejected.connect(QApplication.quit)
            self.dialog.show()
            mark("window_shown")
            return
        passphrase = os.environ.get("CTXH_PASSPHRASE")
        if self.user and passphrase:
            self._show_main()
            user = self.user
            self.backend.runner.submit(lambda: self._open_profile(user, passphrase), lambda _ctx: self._ready(),
                                       self._auto_login_failed)
            return
        self._ask_sign_in()

    def _open_profile(self, username: str, passphrase: str) -> Any:
        """Runs on the worker: sign in — unlock and open (and upgrade) the profile, load the code lists; once
        open, unlock it again (after the window locked)."""
        from desktop.ui.operations import profile as ops

        if self.backend.ctx is None:
            self.backend.opened(*ops.open_profile(self.profile.root, username=username, passphrase=passphrase))
        else:
            ops.sign_in(self.backend.ctx, username=username, passphrase=passphrase)
        return self.backend.ctx

    def _ask_sign_in(self) -> None:
        from desktop.ui.dialogs.login import LoginDialog

        last_user = self.profile.read_settings().get("last_user", self.user or "")
        self.dialog = LoginDialog(self.backend, self._open_profile, last_user)
        self.dialog.accepted.connect(self._signed_in)
        self.dialog.rejected.connect(QApplication.quit)
        self.dialog.show()
        mark("window_shown")

    def _auto_login_failed(self, error: BaseException) -> None:
        from desktop.ui.widgets.messages import show_error

        show_error(self.window, error)
        self.window.hide()
        self._ask_sign_in()

    def _signed_in(self) -> None:
        self._show_main()
        self._ready()

    def _show_main_ready(self) -> None:
        self._show_main()
        self._ready()
        self.window.open_guide("start")  # the first start: the guide's first steps beside the window

    def _show_main(self) -> None:
        from desktop.ui.main_window import MainWindow

        if self.window is None:
            # Before the database opens (the window shows first), so from the profile, not the context.
            from desktop.ui.window_memory import WindowMemory

            self.window = MainWindow(self.backend, self.page, hub=self.profile.role == HUB,
                                     memory=WindowMemory(self.profile.root))
            if os.environ.get(BENCH_MARKS) or os.environ.get(QUIT_AFTER):
                self.window.page_built.connect(self._watch_page)
        if self.window.start_maximized:
            self.window.showMaximized()
        else:
            self.window.show()
        mark("window_shown")

    def _watch_page(self, name: str, page: Any) -> None:
        if hasattr(page, "model"):
            page.model.first_rows_loaded.connect(lambda: self._painted(name, page))

    @staticmethod
    def _painted(name: str, page: Any) -> None:
        page.table.viewport().repaint()  # the milestone is rows on screen, not rows in memory
        mark(f"first_rows_{name}")

    def _ready(self) -> None:
        from desktop.ui.operations import profile as ops

        self.backend.call(ops.remember_user)

        def show_ready(info: dict[str, Any]) -> None:
            mark("profile_ready")
            name = info["device_name"] if info["role"] == HUB else info["commune"]
            self.window.profile_ready(f"{name}, {info['province']}", info["user"])

        self.backend.call(ops.profile_info, on_done=show_ready)
        self.backend.ready.emit()
        if self.page == "guide":
            self.window.open_guide("start")
        self._watch_idle()

    # --- the lock -------------------------------------------------------------------------------------
    def _watch_idle(self) -> None:
        from desktop.ui.idle_lock import IdleWatcher
        from desktop.ui.operations import accounts as account_ops

        if getattr(self, "idle", None) is None:
            # Once a day, a minute after signing in (not in the way of the first page), quietly: a failure shows
            # as the reminder on the next start, and the fault log has it.
            self.backup_timer = QTimer(self)
            self.backup_timer.setSingleShot(True)
            self.backup_timer.timeout.connect(lambda: self.backend.call(account_ops.scheduled_backup,
                                                                        on_error=lambda _e: None))
            self.backup_timer.start(60_000)
            minutes = int(self.profile.read_settings().get("idle_lock_minutes", 10))
            self.idle = IdleWatcher(minutes, self)
            self.idle.timed_out.connect(lambda: self.lock("lock_idle"))
            self.window.lock_requested.connect(self.lock)

    def lock(self, reason: str = "lock") -> None:
        """Hide the data (every page, every open dialog, which keep their unsaved work) and ask for the
        passphrase again; "sign_out" lets another account sign in."""
        from desktop.ui.dialogs.login import LoginDialog
        from desktop.ui.operations import profile as ops

        if getattr(self, "locked", False):
            return
        self.locked = True
        self.idle.pause(True)
        self.backend.call(ops.lock, reason=reason, on_error=lambda _e: None)
        self.hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.window]
        for widget in self.hidden:
            widget.hide()
        self.window.set_locked(True)
        user = self.backend.ctx.actor.username if self.backend.ctx is not None else ""
        self.dialog = LoginDialog(self.backend, self._open_profile, "" if reason == "sign_out" else user,
                                  self.window, locked=reason != "sign_out")
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(QApplication.quit)
        self.dialog.show()

    def _unlocked(self) -> None:
        self.locked = False
        self.window.set_locked(False)
        for widget in self.hidden:
            widget.show()
        self.hidden = []
        self.idle.pause(False)
        self._ready()


def run_gui(data_dir: Path, user: str | None = None, language: str | None = None, page: str | None = None) -> int:
    """Run the window on the profile in `data_dir` until it is closed; returns the exit code."""
    if QApplication.instance() is None:
        # 125% and 150% laptop screens: scale by the true factor rather than rounding to 1× or 2×.
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CTXH Desk")
    app.setOrganizationName("CTXH")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "ctxh.png")))
    settings = Profile(data_dir).read_settings()
    language = language or settings.get("language", "vi")
    from desktop.core.fault_log import set_fault_dir

    set_fault_dir(Profile(data_dir).logs_dir)
    install_translator(app, language)
    from desktop.ui.instance_lock import hold

    lock = hold(data_dir)
    if lock is None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, tr("CTXH Desk"), tr(
            "CTXH Desk is already open on this profile in another window. Use that window (look on the taskbar); "
            "two copies on one profile would each show the other's work out of date."))
        return 1
    style = resources_dir() / "styles" / "app.qss"
    if style.exists():
        from desktop.ui.text_size import scaled_style

        app.setStyleSheet(scaled_style(style.read_text(encoding="utf-8"), settings.get("text_size", 100)))
    runner = TaskRunner()
    backend = Backend(runner)
    backend.language = language
    controller = AppController(backend, data_dir, user, page or "overview")
    controller.start()
    from desktop.core.messages import set_language  # error texts are needed only after the first window

    set_language(language)
    app.aboutToQuit.connect(runner.shutdown)
    from desktop.ui.gc_guard import GuiGarbageCollector

    collector = GuiGarbageCollector(app, runner)
    backend.ready.connect(lambda: QTimer.singleShot(2000, collector.settle))  # once the first page has loaded
    app.aboutToQuit.connect(collector.stop)
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    del controller
    lock.unlock()
    return code


__all__ = ["run_gui", "tr"]
