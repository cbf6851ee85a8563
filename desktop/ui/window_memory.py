"""The window as the officer left it: its size and place (maximised or not), each list's column widths and
sort, splitters. Kept in the profile's folder (window.ini, QSettings' INI form): nothing personal, and a
test's or a second laptop's profile does not inherit another's layout.

The first window fits the screen it opens on: a commune laptop's 1366×768, or 1920×1080 at 150% (1280×720
in Qt's units), opens maximised; a larger screen gets 1280×800, centred."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

FILE_NAME = "window.ini"
PREFERRED = (1280, 800)
MARGIN = 40  # a taskbar or a title bar the available geometry may not count


class WindowMemory:
    """Reads and writes the window's layout under `folder` (the profile's)."""

    def __init__(self, folder: Path) -> None:
        self.settings = QSettings(str(folder / FILE_NAME), QSettings.Format.IniFormat)

    def place(self, window: QMainWindow) -> bool:
        """Restore the window's last geometry, or fit it to its screen. Returns True when it should be shown
        maximised (the caller shows it: showMaximized or show)."""
        saved = self.settings.value("main/geometry")
        if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
            return bool(self.settings.value("main/maximized", False, type=bool))
        return fit(window)

    def remember(self, window: QMainWindow) -> None:
        """Save the window's geometry and state (on close)."""
        self.settings.setValue("main/geometry", window.saveGeometry())
        self.settings.setValue("main/maximized", window.isMaximized())
        self.settings.sync()

    def restore_header(self, key: str, header: QHeaderView) -> bool:
        """Column widths, order and sort of a list (True when there was something to restore)."""
        saved = self.settings.value(f"headers/{key}")
        return isinstance(saved, QByteArray) and header.restoreState(saved)

    def remember_header(self, key: str, header: QHeaderView) -> None:
        """Save a list's columns and sort."""
        self.settings.setValue(f"headers/{key}", header.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> None:
        """A splitter's sizes."""
        saved = self.settings.value(f"splitters/{key}")
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)

    def remember_splitter(self, key: str, splitter: QSplitter) -> None:
        """Save a splitter's sizes."""
        self.settings.setValue(f"splitters/{key}", splitter.saveState())

    def sync(self) -> None:
        """Write to disk now."""
        self.settings.sync()


def fit(window: QWidget, area: QRect | None = None) -> bool:
    """Size `window` for the screen it is on (or `area`, that screen's available part): maximised (True)
    where the preferred size does not fit with a margin, else the preferred size centred on the area."""
    if area is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(*PREFERRED)
            return False
        area = screen.availableGeometry()
    width, height = PREFERRED
    if area.width() < width + MARGIN or area.height() < height + MARGIN:
        # The whole available area, so that even where the maximised state is not honoured the status
        # bar and the scroll bars stay on the screen.
        window.setGeometry(area)
        return True
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
    return False
