"""Small shared widgets: an honest empty state, an undo bar, a filterable list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget

from desktop.core.text import fold
from desktop.ui.i18n import tr

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10
CODE_ROLE = Qt.ItemDataRole.UserRole + 11


class EmptyState(QWidget):
    """A page that says plainly what is not there yet, and why."""

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(title)
        heading.setObjectName("emptyTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(body)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setObjectName("emptyBody")
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(2)


class UndoBar(QWidget):
    """"Deleted X. [Undo]" for a few seconds after a delete."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self._label = QLabel()
        self._button = QPushButton(tr("Undo"))
        self._button.clicked.connect(self._undo)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._button)
        self._timer = QTimer(self, singleShot=True, interval=12000)
        self._timer.timeout.connect(self.hide)
        self._action: Callable[[], None] | None = None
        self.hide()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        """Show `message` with an Undo button that calls `undo`."""
        self._label.setText(message)
        self._action = undo
        self.show()
        self._timer.start()

    def trigger(self) -> bool:
        """Undo now (Ctrl+Z); False if there is nothing to undo."""
        if self._action is None or not self.isVisible():
            return False
        self._undo()
        return True

    def _undo(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action:
            action()


class FilterList(QWidget):
    """A search box above a list; typing "ha noi" finds "Thành phố Hà Nội"."""

    selected = Signal(str)  # the code of the chosen item

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterRole(FOLDED_ROLE)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._proxy.setFilterFixedString(fold(text)))
        self.view = QListView()
        self.view.setModel(self._proxy)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Replace the items: (code, label) pairs."""
        self._model.clear()
        for code, label in items:
            item = QStandardItem(label)
            item.setData(f"{fold(label)} {code}", FOLDED_ROLE)
            item.setData(code, CODE_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)

    def current_code(self) -> str | None:
        """The code of the selected item, or None."""
        index = self.view.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def select_code(self, code: str) -> None:
        """Select the item with `code` if it is listed."""
        for row in range(self._proxy.rowCount()):
            index = self._proxy.index(row, 0)
            if index.data(CODE_ROLE) == code:
                self.view.setCurrentIndex(index)
                return

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self.selected.emit(current.data(CODE_ROLE))
