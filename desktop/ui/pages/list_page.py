"""A searchable, sortable, paged list with add / edit / delete (and undo) — the shape of every list page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.item_models.paged import Column, PagedTableModel
from desktop.ui.widgets.common import UndoBar

# While the officer types, counting stops here: "more than 1,000" is enough and costs far less.
SEARCH_COUNT_CAP = 1000


PRINT_CAP = 5000  # rows a printed list holds: more is a file for Excel, not paper


class ListPage(QWidget):
    """Subclasses give columns, fetch/count functions, and open_add / open_edit / delete_row."""

    entities: tuple[str, ...] = ()
    write_permission = "manage"  # who may add, edit and delete here (desktop/core/services/access.py)

    def __init__(self, backend: Backend, title: str, columns: list[Column], list_op: Callable[..., Any],
                 count_op: Callable[..., Any], empty_text: str, search_hint: str,
                 default_sort: tuple[str, bool] = ("name", False), extra: Callable[[], dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        # The operations run on the worker; `extra` (e.g. the case filters) is read when each page is fetched.
        fetch_page, count_rows, more = backend.bound(list_op), backend.bound(count_op), extra or dict
        # The records behind a report's figure, when the officer clicked one: merged into the page's filters.
        self.only: dict[str, Any] = {}

        def values() -> dict[str, Any]:
            given = dict(more())
            if self.only and "filters" in given:
                given["filters"] = {**given["filters"], **self.only}
            elif self.only:
                given.update(self.only)
            return given

        def fetch(search: str, sort: str, descending: bool, after: Any, limit: int) -> list[dict[str, Any]]:
            return fetch_page(search=search, sort=sort, descending=descending, after=after, limit=limit, **values())

        self._fetch = fetch
        self._columns = columns
        self._title = title
        self.may_write = True  # until the role is known (activate)

        def count(search: str) -> int:
            return count_rows(search=search, cap=SEARCH_COUNT_CAP if search else None, **values())

        self.model = PagedTableModel(backend.runner, columns, fetch, count, default_sort=default_sort, parent=self)
        self._loaded = False
        self._editing: str | None = None  # the id a dialog is editing; None while adding

        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(tr("Edit"))
        self.delete_button = QPushButton(tr("Delete"))
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setToolTip(tr("The list as it is now (search, filters, sort) on paper or as PDF, with a "
                                        "preview first"))
        self.print_button.clicked.connect(self.print_list)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addSpacing(12)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.print_button)
        self.toolbar = bar  # pages add their own buttons here
        self.filter_bar = QHBoxLayout()  # and their filters here

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.empty_label = QLabel(empty_text)
        self.empty_label.setObjectName("emptyBody")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)

        self.undo_bar = UndoBar()
        self.only_bar = QWidget()
        self.only_bar.setObjectName("onlyBar")
        only_layout = QHBoxLayout(self.only_bar)
        only_layout.setContentsMargins(8, 4, 8, 4)
        self.only_label = QLabel()
        self.only_label.setWordWrap(True)
        self.only_clear = QPushButton(tr("Show all"))
        self.only_clear.clicked.connect(lambda: self.show_only({}, ""))
        only_layout.addWidget(self.only_label, 1)
        only_layout.addWidget(self.only_clear)
        self.only_bar.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.only_bar)
        layout.addWidget(self.undo_bar)
        layout.addLayout(self._stack, 1)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_bar.trigger)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self._delete_current)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, activated=self.open_current)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.add_button.click)
        self.search.setToolTip(tr("Search the list (Ctrl+F)"))

        self.model.total_changed.connect(self._total_changed)
        self.model.first_rows_loaded.connect(self._first_rows)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.backend.changed.connect(self._on_changed)
        sort_name, descending = default_sort
        self._sort_column = next((i for i, c in enumerate(columns) if c.sort == sort_name), -1)
        self.table.horizontalHeader().setSortIndicator(
            self._sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self._update_buttons()

    def activate(self) -> None:
        """Load the first page the first time the page is shown; learn whether this role may change the list."""
        if not self._loaded:
            self._loaded = True
            self.model.reload()
            from desktop.ui.operations.profile import may

            self.backend.call(may, permission=self.write_permission, on_done=self._role_known,
                              on_error=lambda _e: None)

    def _role_known(self, allowed: bool) -> None:
        self.may_write = allowed
        self._update_buttons()

    def print_list(self) -> None:
        """Every row of the list as it is now (up to PRINT_CAP), shown in a print preview."""
        model = self.model
        search, sort, descending = model._search, model._sort, model._descending
        fetch = self._fetch

        def show(rows: list[dict[str, Any]]) -> None:
            from desktop.ui.printing import list_html, preview_html

            cells = [[column.display(row) for column in self._columns] for row in rows]
            note = tr("The first {n} rows; export the list to Excel for all of them.",
                      n=f"{PRINT_CAP:,}".replace(",", ".")) if len(rows) >= PRINT_CAP else ""
            heading = self.count_label.text() + (f" — {self.search.text()}" if self.search.text() else "")
            preview_html(list_html(self._title, heading, [c.header for c in self._columns], cells, note), self)

        self.backend.runner.submit(lambda: fetch(search, sort, descending, None, PRINT_CAP), show,
                                   lambda error: self._print_failed(error))

    def _print_failed(self, error: BaseException) -> None:
        from desktop.ui.widgets.messages import show_error

        show_error(self, error)

    def show_only(self, only: dict[str, Any], caption: str) -> None:
        """List only some records (e.g. {"ids": [...]}: those behind a report's figure), saying which, with a
        button to show all again; an empty `only` shows all."""
        self.only = dict(only)
        self.only_label.setText(caption)
        self.only_bar.setVisible(bool(only))
        self._loaded = True
        self.model.reload()

    def current_id(self) -> str | None:
        """The id of the selected row."""
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def current_row(self) -> dict[str, Any] | None:
        """The plain values of the selected row."""
        index = self.table.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    # for subclasses
    def save_record(self, create: Callable[[Any], Any], update: Callable[[Any, str], Any], done: Any,
                    failed: Any) -> None:
        """Run `create(ctx)` for a new record, or `update(ctx, id)` for the one being edited (each a call of
        an operation, made on the worker)."""
        record_id = self._editing
        if record_id:
            self.backend.write(lambda ctx: update(ctx, record_id), on_done=done, on_error=failed)
        else:
            self.backend.write(create, on_done=done, on_error=failed)

    def delete_with_undo(self, delete: Callable[..., Any], restore: Callable[..., Any], message: str,
                         **ids: Any) -> None:
        """Tombstone through the `delete` operation, then offer Undo, which runs `restore`; both get `ids`."""
        self.backend.write(delete, **ids, on_done=lambda _c: self.undo_bar.offer(
            message, lambda: self.backend.write(restore, **ids)))

    def open_add(self) -> None:
        raise NotImplementedError

    def open_edit(self, record_id: str) -> None:
        raise NotImplementedError

    def delete_row(self, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def open_current(self) -> None:
        """What Enter and a double-click do on a row: open it (the edit form, unless a page has a page of
        its own for a record)."""
        self._edit_current()

    def _edit_current(self) -> None:
        record_id = self.current_id()
        if record_id:
            self.open_edit(record_id)

    def _delete_current(self) -> None:
        row = self.current_row()
        if row:
            self.delete_row(row)

    def columns_restored(self) -> None:
        """The header was restored as the officer left it: sort the rows as its indicator says."""
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        if column in self.model.sortable_columns() and self.model.set_sort(column, header.sortIndicatorOrder()):
            self._sort_column = column  # the rows load sorted so when the page is first shown
        else:
            header.setSortIndicator(self._sort_column, header.sortIndicatorOrder())

    def _header_clicked(self, column: int) -> None:
        if column not in self.model.sortable_columns():
            header = self.table.horizontalHeader()
            header.setSortIndicator(self._sort_column, header.sortIndicatorOrder())
            return
        header = self.table.horizontalHeader()
        order = header.sortIndicatorOrder() if column == self._sort_column else Qt.SortOrder.AscendingOrder
        self._sort_column = column
        header.setSortIndicator(column, order)
        self.model.sort(column, order)

    def _total_changed(self, total: int) -> None:
        if self.search.text() and total > SEARCH_COUNT_CAP:
            self.count_label.setText(tr("more than {count} records", count=f"{SEARCH_COUNT_CAP:,}".replace(",", ".")))
        else:
            self.count_label.setText(tr("{count} records", count=f"{total:,}".replace(",", ".")))
        self._stack.setCurrentIndex(1 if total == 0 and not self.has_query() else 0)

    def has_query(self) -> bool:
        """True while a search (or a page's filter) narrows the list: no rows then is not "no records yet"."""
        return bool(self.search.text()) or bool(self.only)

    def _first_rows(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        why = "" if has else tr("Select a row of the list first")
        read_only = tr("Your account may read this list, not change it")
        self.add_button.setEnabled(self.may_write)
        self.add_button.setToolTip(tr("Add a record (Ctrl+N)") if self.may_write else read_only)
        for button, tip in ((self.edit_button, tr("Edit the selected row")),
                            (self.delete_button, tr("Delete the selected row (Delete); it can be undone"))):
            button.setEnabled(has and self.may_write)
            button.setToolTip(read_only if not self.may_write else tip if has else why)

    def _on_changed(self, changed: Any) -> None:
        if self._loaded and any(entity in self.entities for entity in getattr(changed, "ids", {})):
            self.model.reload()
