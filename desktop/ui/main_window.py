"""The main window: a sidebar of pages and the page area."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.pages.cases import CasesPage
from desktop.ui.pages.overview import OverviewPage
from desktop.ui.pages.roster import RosterPage
from desktop.ui.pages.settings import SettingsPage
from desktop.ui.pages.training import TrainingPage
from desktop.ui.widgets.common import EmptyState

PAGE_NAMES = ("overview", "roster", "cases", "training", "reports", "sync", "settings")


class MainWindow(QMainWindow):
    """Pages are built at once but load their data only when first shown and the profile is open."""

    page_shown = Signal(str)

    def __init__(self, backend: Backend, start_page: str = "overview") -> None:
        super().__init__()
        self.backend = backend
        self.setWindowTitle(tr("CTXH Desk"))
        self.resize(1280, 800)
        self._ready = False
        self.header = QLabel(tr("Opening the data…"))
        self.header.setObjectName("header")
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(210)
        self.stack = QStackedWidget()
        self.pages = {
            "overview": OverviewPage(backend),
            "roster": RosterPage(backend),
            "cases": CasesPage(backend),
            "training": TrainingPage(backend),
            "reports": EmptyState(tr("Reports"), tr(
                "Programme indicator reports (Decision 112: P1–P5; the half-year and yearly reports of "
                "TT 02/2020) are not built yet. They will be computed from the roster and cases kept here.")),
            "sync": EmptyState(tr("Sync"), tr(
                "Sending data to the province by USB stick or e-mail (signed, encrypted bundles) is not "
                "built yet. Every change is already recorded, so nothing will need to be entered again.")),
            "settings": SettingsPage(backend),
        }
        titles = {
            "overview": tr("Overview"), "roster": tr("Collaborators"), "cases": tr("Beneficiaries & cases"),
            "training": tr("Training"), "reports": tr("Reports"), "sync": tr("Sync"), "settings": tr("Settings"),
        }
        for name in PAGE_NAMES:
            item = QListWidgetItem(titles[name])
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.sidebar.addItem(item)
            self.stack.addWidget(self.pages[name])
        self.sidebar.currentRowChanged.connect(self._show_page)
        content = QVBoxLayout()
        content.addWidget(self.header)
        content.addWidget(self.stack, 1)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        inner = QWidget()
        inner.setLayout(content)
        layout.addWidget(inner, 1)
        self.setCentralWidget(body)
        self.busy = QLabel()
        self.statusBar().addPermanentWidget(self.busy)
        backend.runner.busy_changed.connect(lambda busy: self.busy.setText(tr("Working…") if busy else ""))
        self.sidebar.setCurrentRow(PAGE_NAMES.index(start_page) if start_page in PAGE_NAMES else 0)

    def profile_ready(self, commune: str, user: str) -> None:
        """The profile is open and signed in: say where we are and load the page in view."""
        self._ready = True
        self.header.setText(tr("{commune} — signed in as {user}", commune=commune, user=user))
        self._show_page(self.sidebar.currentRow())

    def show_page(self, name: str) -> None:
        """Switch to a page by name."""
        self.sidebar.setCurrentRow(PAGE_NAMES.index(name))

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        name = PAGE_NAMES[row]
        self.stack.setCurrentIndex(row)
        page = self.pages[name]
        if self._ready and hasattr(page, "activate"):
            page.activate()
        self.page_shown.emit(name)
