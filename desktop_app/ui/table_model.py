"""LazyTableModel: a QAbstractTableModel over async page queries that never loads a whole table.

What the view asks for drives what is fetched: ``data()`` for a row that is not cached answers
"Loading…" and tells the ``PageLoader`` the row's block is wanted; the loader fetches it (and the
exact row count) in the background and the model announces what arrived with Qt's signals.
Nothing here waits on the database in a way that blocks input, and nothing ever asks the user
to wait or abort: a newer request simply supersedes an older one.

The pieces: ``RowCache`` (row_cache.py) keeps the rows, ``PageLoader`` (page_loader.py) fetches
them, ``EditBuffer`` (edit_buffer.py) holds edits not yet saved, and this module is the Qt
interface over the three. The model is generic over its row type, ``LazyTableModel[UserRow]``
or ``LazyTableModel[PostRow]``, like its ``Column``s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Generic
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.application.read_models import RowReader, RowT
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.columns import Column
from desktop_app.ui.edit_buffer import EditBuffer, Editor
from desktop_app.ui.messages import error_text
from desktop_app.ui.page_loader import PageLoader, Query
from desktop_app.ui.row_cache import RowCache, RowCount

LOADING = "Loading…"  # shown as self.tr(LOADING): lupdate takes it from _placeholder
# Shrinking by more rows than this resets the model instead of removing rows (see below).
BIG_CHANGE = 5_000
ModelIndex = QModelIndex | QPersistentModelIndex


def failed_edit_icon() -> QIcon:
    """The warning icon beside a value that was not saved (the style's own, as dialogs use)."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class LazyTableModel(QAbstractTableModel, Generic[RowT]):
    """The rows of one query, fetched a block at a time as the view scrolls to them.

    ``count_changed(rows, exact)`` follows the row count, ``loading_changed(busy)`` the loader,
    ``load_failed(message)`` says loading stopped (Retry reloads); ``edit_failed(message)`` and
    ``edit_saved()`` report in-place edits.
    """

    count_changed = Signal(int, bool)
    # The rows are read again because they may have changed (F5, a write, an undo, another
    # database), not because another query was set: a count kept for this query is stale.
    rows_stale = Signal()
    loading_changed = Signal(bool)
    load_failed = Signal(str)
    edit_failed = Signal(str)
    edit_saved = Signal()

    def __init__(
        self,
        *,
        columns: list[Column[RowT]],
        query: Query,
        editor: Editor[RowT] | None = None,
        block_size: int = 100,
        max_blocks: int = 40,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column[RowT]] = columns
        self._cache: RowCache[RowT] = RowCache(block_size=block_size, max_blocks=max_blocks)
        self._loader: PageLoader[RowT] = PageLoader(
            self._cache,
            query,
            page_arrived=self._page_arrived,
            count_arrived=self._sync_row_count,
            failed=self._load_failed,
            loading_changed=self.loading_changed.emit,
        )
        self._edits: EditBuffer[RowT] = EditBuffer(editor)
        self._rows = 0  # the row count as the view knows it (it lags the cache's by a signal)

    # -- configuration -----------------------------------------------------------------------

    @property
    def query(self) -> Query:
        """Which rows, in which order."""
        return self._loader.query

    @property
    def row_count(self) -> RowCount:
        """How many rows the query has, as far as is known (exact or a lower bound)."""
        return self._cache.count

    @property
    def cache(self) -> RowCache[RowT]:
        """The rows loaded so far (the selection reads them)."""
        return self._cache

    @property
    def fetches(self) -> int:
        """Pages fetched since creation (tests and the status bar read it)."""
        return self._loader.fetches

    def set_reader(
        self, reader: RowReader[Any, RowT] | None, editor: Editor[RowT] | None = None
    ) -> None:
        """Point the model at another database's reader (or none) and start over."""
        self._loader.reader = reader
        self._edits.set_editor(editor)
        self.reload()

    def set_query(self, query: Query) -> None:
        """Show another query's rows (a search, a sort, the posts of other authors)."""
        if query != self._loader.query:
            self._loader.query = query
            self._restart()

    def reload(self) -> None:
        """Start over: empty the model and fetch the first page and the count anew."""
        self.rows_stale.emit()
        self._restart()

    def _restart(self) -> None:
        self._loader.cancel()
        self.beginResetModel()
        self._cache.reset()
        self._rows = 0
        self.endResetModel()
        self._start()

    def refresh(self) -> None:
        """Fetch the visible rows and the count again, keeping the row count and so the user's
        scroll position (F5): rows show "Loading…" for the moment they take to arrive."""
        self.rows_stale.emit()
        self._loader.cancel()
        self._cache.reset(keep_count=True)
        self._emit_all_changed()
        self._start()

    @property
    def is_loading(self) -> bool:
        """Whether a page or the count is being fetched."""
        return self._loader.is_loading

    @property
    def failure(self) -> str | None:
        """Why loading stopped, until a reload; None while it has not."""
        return self._loader.failure

    def _start(self) -> None:
        if not self._loader.start():
            self.count_changed.emit(0, True)

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].label if 0 <= section < len(self.columns) else None
        return QLocale().toString(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if self._cache.get(index.row()) is None or self._edits.editor is None:
            return flags
        if column.check_field:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif column.edit_field:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._rows:
            return None
        row = self._cache.get(index.row())
        column = self.columns[index.column()]
        if row is None:
            return self._placeholder(index, role)
        field = column.edit_field or column.check_field
        pending = self._edits.get(row.id, field) if field else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column.check_field:
                return None
            if pending is not None:
                return str(pending.value)
            return column.display(row)
        if role == Qt.ItemDataRole.EditRole:
            if pending is not None:
                return pending.value
            return column.edit_value(row) if column.edit_value else column.display(row)
        if role == Qt.ItemDataRole.CheckStateRole and column.check_field:
            value = pending.value if pending is not None else getattr(row, column.check_field)
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending is not None and pending.error:
                return self.tr("Not saved: {reason}").format(reason=pending.error)
            return column.tooltip(row) if column.tooltip else None
        if pending is not None and pending.error:  # marked by an icon and words, not colour alone
            if role == Qt.ItemDataRole.DecorationRole:
                return failed_edit_icon()
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return self.tr("Not saved: {reason}").format(reason=pending.error)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(220, 60, 60, 70))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _placeholder(self, index: ModelIndex, role: int) -> Any:
        """What a row not loaded shows; asking for its text is what gets it fetched."""
        if role == Qt.ItemDataRole.DisplayRole:
            if self._loader.failure is not None:  # no retry storm on every repaint: Retry reloads
                return "—" if index.column() == 0 else ""
            self._loader.want(self._cache.block_of(index.row()))
            return self.tr("Loading…") if index.column() == 0 else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loader.reader is not None and not self.row_count.exact

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._loader.want(self._cache.block_of(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self.query, sort=key, descending=descending))  # type: ignore[arg-type]

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the current query, for the header's sort indicator."""
        for number, column in enumerate(self.columns):
            if column.sort == self.query.sort:
                order = (
                    Qt.SortOrder.DescendingOrder
                    if self.query.descending
                    else Qt.SortOrder.AscendingOrder
                )
                return number, order
        return -1, Qt.SortOrder.AscendingOrder

    # -- rows for the rest of the UI ---------------------------------------------------------

    def row_at(self, row: int) -> RowT | None:
        """Row number ``row`` if it is loaded."""
        return self._cache.get(row)

    @property
    def reader(self) -> RowReader[Any, RowT] | None:
        """Where the rows come from (a bulk action reads the selected rows not loaded)."""
        return self._loader.reader

    def replace_row(self, updated: RowT) -> None:
        """Show a row that was saved elsewhere (a dialog) wherever it is cached."""
        for number, _old in list(self._cache.find(lambda r: r.id == updated.id)):
            self._cache.replace(number, updated)
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def discard_failed_edits(self) -> None:
        """Show the database's values again where a save failed."""
        self._edits.discard_failed()
        self._emit_all_changed()

    # -- editing in place --------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._edits.editor is None:
            return False
        row = self._cache.get(index.row())
        column = self.columns[index.column()]
        if row is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and column.check_field:
            field, new = column.check_field, Qt.CheckState(value) == Qt.CheckState.Checked
            current: object = getattr(row, field)
        elif role == Qt.ItemDataRole.EditRole and column.edit_field:
            field, new = column.edit_field, value
            current = column.edit_value(row) if column.edit_value else getattr(row, field)
        else:
            return False
        if not self._edits.begin(row, field, new, current):
            return False
        self.dataChanged.emit(index, index)
        self._loader.spawn(self._save(row, field, new))
        return True

    async def _save(self, row: RowT, field: str, value: object) -> None:
        try:
            saved = await self._edits.save(row, field, value)
        except (DomainError, StorageError) as error:
            self._emit_row_changed(row.id)
            self.edit_failed.emit(error_text(error))
            return
        self.replace_row(saved)
        self.edit_saved.emit()

    async def wait_idle(self) -> None:
        """Until every fetch, count and save started so far has finished (tests, shutdown)."""
        await self._loader.wait_idle()

    # -- what the loader reports, as Qt's signals --------------------------------------------

    def _page_arrived(self, block: int) -> None:
        self._sync_row_count()
        span = self._cache.block_range(block)
        last = min(span.stop, self._rows) - 1
        if last >= span.start:
            self.dataChanged.emit(
                self.index(span.start, 0), self.index(last, len(self.columns) - 1)
            )

    def _load_failed(self, message: str) -> None:
        self.load_failed.emit(message)
        self._emit_all_changed()

    def _sync_row_count(self) -> None:
        """Tell the view the row count the cache now knows (rows inserted, removed, or a reset)."""
        target = self._cache.count.rows
        if target > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, target - 1)
            self._rows = target
            self.endInsertRows()
        elif self._rows - target > BIG_CHANGE:
            # Removing a hundred thousand rows costs QHeaderView seconds (it asks headerData
            # for every section); a reset is instant. The cache keeps the blocks that remain.
            self.beginResetModel()
            self._rows = target
            self.endResetModel()
        elif target < self._rows:
            self.beginRemoveRows(QModelIndex(), target, self._rows - 1)
            self._rows = target
            self.endRemoveRows()
        self.count_changed.emit(self._rows, self._cache.count.exact)

    def _emit_row_changed(self, row_id: UUID) -> None:
        for number, _row in list(self._cache.find(lambda r: r.id == row_id)):
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def _emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(self.columns) - 1)
            )
