"""Hướng dẫn sử dụng: the user guide in the app. One Markdown file per topic under resources/guide (with its
screenshots in resources/guide/images), a list of topics beside the text; F1 opens the topic of the page in
view; the first start opens it at "Bắt đầu". Giới thiệu (about) is written here, with the version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from desktop.paths import resources_dir
from desktop.ui.i18n import tr

GUIDE_DIR = resources_dir() / "guide"
# (key, file): the order of the list; each file's first line ("# …") is its title.
TOPICS = (
    ("start", "01-bat-dau.md"),
    ("setup", "02-cai-dat-may.md"),
    ("roster", "03-doi-ngu.md"),
    ("excel", "04-nhap-excel.md"),
    ("cases", "05-ho-so.md"),
    ("todo", "06-viec-can-lam.md"),
    ("allowances", "07-tro-cap.md"),
    ("reports", "08-bao-cao.md"),
    ("sync", "09-dong-bo.md"),
    ("backup", "10-sao-luu.md"),
    ("lost", "11-mat-may.md"),
    ("keys", "12-phim-tat.md"),
    ("about", ""),
)
# The page in view → the topic F1 opens.
PAGE_TOPICS = {"overview": "start", "todo": "todo", "roster": "roster", "cases": "cases", "allowances": "allowances",
               "training": "roster", "reports": "reports", "sync": "sync", "settings": "backup",
               "hub_communes": "sync", "hub_inbox": "sync", "hub_duplicates": "allowances", "hub_devices": "setup"}


def topic_title(file_name: str) -> str:
    """A topic's title: the first heading of its file."""
    first = (GUIDE_DIR / file_name).read_text(encoding="utf-8").splitlines()[0]
    return first.lstrip("# ").strip()


def about_html() -> str:
    """Giới thiệu: what the program is, its version, where the officer's data is kept."""
    from desktop.version import VERSION

    title = tr("About CTXH Desk")
    what = tr("Social-work staff, cases and the social-allowance list of a commune, kept on this laptop, "
              "encrypted, and sent to the province by USB stick or e-mail.")
    where = tr("Your data is in the profile folder shown in Settings › This laptop, never in the program "
               "folder: installing a new version or uninstalling leaves it as it is.")
    return f"<h1>{title}</h1><p><b>CTXH Desk {VERSION}</b></p><p>{what}</p><p>{where}</p>"


class GuideWindow(QWidget):
    """The guide in a window of its own, beside the main window (so the officer can follow it while working)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import Qt

        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(tr("User guide — CTXH Desk"))
        self.resize(980, 680)
        self.topics = QListWidget()
        self.topics.setFixedWidth(250)
        self.keys: list[str] = []
        for key, file_name in TOPICS:
            title = topic_title(file_name) if file_name else tr("About CTXH Desk")
            self.topics.addItem(QListWidgetItem(title))
            self.keys.append(key)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setSearchPaths([str(GUIDE_DIR)])
        self.text.anchorClicked.connect(self._follow)
        self.text.setOpenLinks(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.topics)
        layout.addWidget(self.text, 1)
        self.topics.currentRowChanged.connect(self._show_row)

    def show_topic(self, key: str) -> None:
        """Show a topic by its key (the first one if unknown) and bring the window forward."""
        row = self.keys.index(key) if key in self.keys else 0
        self.topics.setCurrentRow(row)
        self._show_row(row)
        self.show()
        self.raise_()
        self.activateWindow()

    def current_key(self) -> str:
        """The key of the topic in view."""
        return self.keys[max(0, self.topics.currentRow())]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        file_name = TOPICS[row][1]
        if not file_name:
            self.text.setHtml(about_html())
            return
        self.text.setSource(QUrl.fromLocalFile(str(GUIDE_DIR / file_name)))

    def _follow(self, url: QUrl) -> None:
        # Links between topics are written as their file names ("05-ho-so.md").
        name = Path(url.path()).name
        for key, file_name in TOPICS:
            if file_name and file_name == name:
                self.show_topic(key)
                return


_window: GuideWindow | None = None


def open_guide(topic: str = "start") -> GuideWindow:
    """The one guide window of the app, at `topic`."""
    global _window
    import shiboken6

    if _window is None or not shiboken6.isValid(_window):
        _window = GuideWindow()
    _window.show_topic(topic)
    return _window
