"""The main window: a sidebar of pages and the page area.

Pages are built when first shown (the start page right after the window appears), so the window
shows as fast as a bare Qt window and each page module is imported only when it is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import sync as sync_ops
from desktop.ui.pages.sync import sync_warning_texts
from desktop.ui.window_memory import WindowMemory, fit

PAGE_NAMES = ("overview", "todo", "roster", "cases", "allowances", "training", "reports", "sync", "settings")
# A hub profile (the province) has its own pages.
HUB_PAGE_NAMES = ("hub_communes", "hub_inbox", "hub_duplicates", "hub_devices", "settings")


def _overview(backend: Backend) -> QWidget:
    from desktop.ui.pages.overview import OverviewPage

    return OverviewPage(backend)


def _todo(backend: Backend) -> QWidget:
    from desktop.ui.pages.todo import TodoPage

    return TodoPage(backend)


def _roster(backend: Backend) -> QWidget:
    from desktop.ui.pages.roster import RosterPage

    return RosterPage(backend)


def _cases(backend: Backend) -> QWidget:
    from desktop.ui.pages.cases import CasesPage

    return CasesPage(backend)


def _allowances(backend: Backend) -> QWidget:
    from desktop.ui.pages.allowances import AllowancesPage

    return AllowancesPage(backend)


def _hub_duplicates(backend: Backend) -> QWidget:
    from desktop.ui.pages.hub_duplicates import HubDuplicatesPage

    return HubDuplicatesPage(backend)


def _training(backend: Backend) -> QWidget:
    from desktop.ui.pages.training import TrainingPage

    return TrainingPage(backend)


def _reports(backend: Backend) -> QWidget:
    from desktop.ui.pages.reports import ReportsPage

    return ReportsPage(backend)


def _sync(backend: Backend) -> QWidget:
    from desktop.ui.pages.sync import SyncPage

    return SyncPage(backend)


def _hub_communes(backend: Backend) -> QWidget:
    from desktop.ui.pages.hub import HubCommunesPage

    return HubCommunesPage(backend)


def _hub_inbox(backend: Backend) -> QWidget:
    from desktop.ui.pages.hub import HubInboxPage

    return HubInboxPage(backend)


def _hub_devices(backend: Backend) -> QWidget:
    from desktop.ui.pages.hub import HubDevicesPage

    return HubDevicesPage(backend)


def _settings(backend: Backend) -> QWidget:
    from desktop.ui.pages.settings import SettingsPage

    return SettingsPage(backend)


# page name -> the function that builds it on first show (each imports its page module only then)
PAGE_BUILDERS: dict[str, Callable[[Backend], QWidget]] = {
    "overview": _overview, "todo": _todo, "roster": _roster, "cases": _cases, "training": _training,
    "reports": _reports, "sync": _sync, "hub_communes": _hub_communes, "hub_inbox": _hub_inbox,
    "hub_devices": _hub_devices, "settings": _settings, "allowances": _allowances,
    "hub_duplicates": _hub_duplicates,
}


def _titles() -> dict[str, str]:
    return {
        "overview": tr("Overview"), "todo": tr("To do"), "roster": tr("Collaborators"),
        "cases": tr("Beneficiaries & cases"), "allowances": tr("Social allowances"),
        "hub_duplicates": tr("People in two communes"),
        "training": tr("Training"), "reports": tr("Reports"), "sync": tr("Sync"), "settings": tr("Settings"),
        "hub_communes": tr("Communes"), "hub_inbox": tr("Bundles received"), "hub_devices": tr("Laptops"),
    }


def restore_layout(memory: WindowMemory, name: str, page: QWidget) -> None:
    """A page's list columns (widths, order, sort) and splitters as last left."""
    table = getattr(page, "table", None)
    if isinstance(table, QTableView) and memory.restore_header(name, table.horizontalHeader()):
        restored = getattr(page, "columns_restored", None)
        if restored is not None:
            restored()  # the list sorts its rows as the restored header says
    for i, splitter in enumerate(page.findChildren(QSplitter)):
        memory.restore_splitter(f"{name}/{i}", splitter)


def remember_layout(memory: WindowMemory, name: str, page: QWidget) -> None:
    """Save what restore_layout restores."""
    table = getattr(page, "table", None)
    if isinstance(table, QTableView):
        memory.remember_header(name, table.horizontalHeader())
    for i, splitter in enumerate(page.findChildren(QSplitter)):
        memory.remember_splitter(f"{name}/{i}", splitter)


class MainWindow(QMainWindow):
    """Pages load their data only when shown and once the profile is open."""

    page_shown = Signal(str)
    page_built = Signal(str, object)
    lock_requested = Signal(str)  # "lock" | "sign_out", from Cài đặt › Tài khoản

    def __init__(self, backend: Backend, start_page: str = "overview", hub: bool = False,
                 memory: WindowMemory | None = None) -> None:
        super().__init__()
        self.names = HUB_PAGE_NAMES if hub else PAGE_NAMES
        self.backend = backend
        self.memory = memory  # the layout the officer left (None: a window of a test, fitted only)
        self.setWindowTitle(tr("CTXH Desk"))
        self.start_maximized = memory.place(self) if memory is not None else fit(self)
        self._ready = False
        self.pages: dict[str, Any] = {}
        self.header = QLabel(tr("Opening the data…"))
        self.header.setObjectName("header")
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(210)
        self.stack = QStackedWidget()
        self._slots: dict[str, QWidget] = {}
        titles = _titles()
        for name in self.names:
            self.sidebar.addItem(QListWidgetItem(titles[name]))  # row i is PAGE_NAMES[i]
            slot = QWidget()  # replaced by the page when it is first shown
            slot.setLayout(QVBoxLayout())
            slot.layout().setContentsMargins(0, 0, 0, 0)
            self._slots[name] = slot
            self.stack.addWidget(slot)
        self.warning = QLabel()  # the province silent too long, or a fork: shown on every start (T18)
        self.warning.setObjectName("warningBanner")
        self.warning.setWordWrap(True)
        self.warning.hide()
        content = QVBoxLayout()
        content.addWidget(self.header)
        content.addWidget(self.warning)
        content.addWidget(self.stack, 1)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        inner = QWidget()
        inner.setLayout(content)
        layout.addWidget(inner, 1)
        self.body = body
        self.locked_note = QLabel(tr("CTXH Desk is locked. Sign in to go on: nothing you were doing is lost."))
        self.locked_note.setObjectName("lockedNote")
        self.locked_note.setWordWrap(True)
        self.locked_note.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.locked_note.setContentsMargins(24, 48, 24, 24)
        self.locked_note.hide()
        outer = QWidget()
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.addWidget(body, 1)
        outer_layout.addWidget(self.locked_note, 1)
        self.setCentralWidget(outer)
        self.busy = QLabel()
        self.statusBar().addPermanentWidget(self.busy)
        from PySide6.QtGui import QKeySequence, QShortcut
        from PySide6.QtWidgets import QPushButton

        from desktop.version import VERSION

        guide = QPushButton(tr("User guide (F1)"))
        guide.setObjectName("linkButton")
        guide.setToolTip(tr("How to do each thing, with pictures: opens at the page in view"))
        guide.clicked.connect(self.open_guide)
        self.statusBar().addPermanentWidget(guide)
        self.statusBar().addPermanentWidget(QLabel(f"CTXH Desk {VERSION}"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, activated=self.open_guide)
        # A bound method, not a lambda: Qt drops the connection when the window is destroyed (a lambda would
        # outlive it and touch a deleted label when the worker next turns busy).
        backend.runner.busy_changed.connect(self._show_busy)
        start = self.names.index(start_page) if start_page in self.names else 0
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(start)
        self.sidebar.blockSignals(False)
        self.stack.setCurrentIndex(start)
        self.sidebar.currentRowChanged.connect(self._show_page)
        QTimer.singleShot(0, lambda: self._show_page(self.sidebar.currentRow()))

    def page(self, name: str) -> Any:
        """The page called `name`, built now if it was not yet."""
        if name not in self.pages:
            page = PAGE_BUILDERS[name](self.backend)
            self._slots[name].layout().addWidget(page)
            self.pages[name] = page
            if self.memory is not None:
                restore_layout(self.memory, name, page)
            if hasattr(page, "lock_requested"):
                page.lock_requested.connect(self.lock_requested)
            if hasattr(page, "records_requested"):
                page.records_requested.connect(self.show_records)
            self.page_built.emit(name, page)
        return self.pages[name]

    def _show_busy(self, busy: bool) -> None:
        self.busy.setText(tr("Working…") if busy else "")

    def open_guide(self, topic: str | None = None) -> Any:
        """The user guide at `topic`, or at the topic of the page in view (F1)."""
        from desktop.ui.guide import PAGE_TOPICS, open_guide

        row = self.sidebar.currentRow()
        page = self.names[row] if 0 <= row < len(self.names) else "overview"
        return open_guide(topic or PAGE_TOPICS.get(page, "start"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window and each built page's columns and splitters for the next start."""
        if self.memory is not None:
            for name, page in self.pages.items():
                remember_layout(self.memory, name, page)
            self.memory.remember(self)
        super().closeEvent(event)

    def profile_ready(self, commune: str, user: str) -> None:
        """The profile is open and signed in: say where we are and load the page in view."""
        self._ready = True
        self.header.setText(tr("{commune} — signed in as {user}", commune=commune, user=user))
        if self.names is not HUB_PAGE_NAMES:
            self.backend.call(sync_ops.sync_warnings, on_done=self._show_warnings)
        self._show_page(self.sidebar.currentRow())

    def set_locked(self, locked: bool) -> None:
        """Hide every page (locked) or show them again; the pages keep their state."""
        self.body.setVisible(not locked)
        self.locked_note.setVisible(locked)

    def _show_warnings(self, warnings: dict[str, Any]) -> None:
        self._sync_texts = sync_warning_texts(warnings)
        self._set_warning_text()
        from desktop.ui.operations import accounts as account_ops

        self.backend.call(account_ops.backup_overdue, on_done=self._show_backup_reminder, on_error=lambda _e: None)

    def _show_backup_reminder(self, days: int | None) -> None:
        if days is None:
            self._backup_text = ""
        elif days < 0:
            self._backup_text = tr("This laptop's data has never been backed up onto a USB stick or another disk: "
                                   "Settings › Back up to a folder or USB stick.")
        else:
            self._backup_text = tr("The last backup onto a USB stick or another disk is {days} days old: Settings › "
                                   "Back up to a folder or USB stick.", days=days)
        self._set_warning_text()

    def _set_warning_text(self) -> None:
        texts = [*getattr(self, "_sync_texts", []), *([self._backup_text] if getattr(self, "_backup_text", "") else [])]
        self.warning.setText("\n".join(texts))
        self._update_warning()

    def _update_warning(self) -> None:
        # The Đồng bộ page says the same itself, with what to do next to it: not twice on one screen.
        on_sync = self.names[self.sidebar.currentRow()] == "sync" if self.sidebar.currentRow() >= 0 else False
        self.warning.setVisible(bool(self.warning.text()) and not on_sync)

    def show_records(self, entity: str, ids: list[str], caption: str) -> None:
        """Open the list that holds the records behind a report's figure, showing only them."""
        target = {"worker": ("roster", "ids"), "case": ("cases", "ids"), "beneficiary": ("cases", "people")}.get(entity)
        if entity == "facility":
            self.show_page("reports")
            self.page("reports").show_facilities()
            return
        if entity == "training_course":
            self.show_page("training")
            return
        if target is None or target[0] not in self.names:
            return
        name, key = target
        self.page(name).show_only({key: ids}, caption)
        self.show_page(name)

    def show_page(self, name: str) -> None:
        """Switch to a page by name."""
        self.sidebar.setCurrentRow(self.names.index(name))

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        name = self.names[row]
        page = self.page(name)
        self.stack.setCurrentIndex(row)
        self._update_warning()
        if self._ready and hasattr(page, "activate"):
            page.activate()
        self.page_shown.emit(name)
