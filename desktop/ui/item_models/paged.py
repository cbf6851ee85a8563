"""A table model over a list of any size: it holds the rows fetched so far and asks for more.

Rows come in pages by keyset ("after the last key"), on the database worker, when the view
scrolls near the end. A new search or sort starts a new generation; late pages of an old one
are dropped. The model never holds a Session, only plain row dicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[str, str, bool, tuple[Any, str] | None, int], list[dict[str, Any]]]


@dataclass(frozen=True)
class Column:
    """One column: its header, how a row shows in it, and the sort name it maps to (if any)."""

    header: str
    display: Callable[[dict[str, Any]], str]
    sort: str | None = None
    key_field: str | None = None  # the row field holding the sort value, for the keyset
    align_right: bool = False


class PagedTableModel(QAbstractTableModel):
    """Rows of a keyset-paged list; `total_changed` tells how many rows match in all."""

    total_changed = Signal(int)
    first_rows_loaded = Signal()
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, runner: TaskRunner, columns: list[Column], fetch: Fetch, count: Callable[[str], int],
        page_size: int = 200, default_sort: tuple[str, bool] = ("name", False), parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._columns = columns
        self._fetch = fetch
        self._count = count
        self._page_size = page_size
        self._rows: list[dict[str, Any]] = []
        self._total = 0
        self._search = ""
        self._sort, self._descending = default_sort
        self._generation = 0
        self._fetching = False
        self._exhausted = False

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == self.ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._request_page()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.set_sort(column, order):
            self.reload()

    def set_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Sort by `column` from the next load on (no load now); False if that column does not sort."""
        sort = self._columns[column].sort
        if sort is None:
            return False
        self._sort, self._descending = sort, order == Qt.SortOrder.DescendingOrder
        return True

    # Our interface
    @property
    def total(self) -> int:
        """How many rows match the current search (all of them, not only those loaded)."""
        return self._total

    def sortable_columns(self) -> set[int]:
        """Indexes of the columns that can be sorted."""
        return {i for i, c in enumerate(self._columns) if c.sort}

    def row_id(self, row: int) -> str | None:
        """The record id shown at `row`."""
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_data(self, row: int) -> dict[str, Any] | None:
        """The plain values shown at `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_search(self, text: str) -> None:
        """Show only the rows matching `text` (folded full-text search)."""
        if text != self._search:
            self._search = text
            self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a search, sort or a change)."""
        self._generation += 1
        self._fetching = False
        self._exhausted = False
        generation, search = self._generation, self._search
        self._runner.submit(lambda: self._count(search), lambda total: self._set_total(generation, total))
        self._request_page(reset=True)

    def _set_total(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self._total = total
            self.total_changed.emit(total)

    def _request_page(self, reset: bool = False) -> None:
        self._fetching = True
        generation = self._generation
        search, sort, descending = self._search, self._sort, self._descending
        after = None if reset or not self._rows else self._key(self._rows[-1])
        limit = self._page_size

        def fetch() -> list[dict[str, Any]]:
            return self._fetch(search, sort, descending, after, limit)

        self._runner.submit(fetch, lambda rows: self._add_page(generation, rows, reset))

    def _key(self, row: dict[str, Any]) -> tuple[Any, str]:
        field = next((c.key_field for c in self._columns if c.sort == self._sort and c.key_field), "sort_key")
        return (row[field], row["id"])

    def _add_page(self, generation: int, rows: list[dict[str, Any]], reset: bool) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._exhausted = len(rows) < self._page_size
        if reset:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            self.first_rows_loaded.emit()
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
