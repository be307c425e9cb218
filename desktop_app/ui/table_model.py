"""LazyTableModel: a QAbstractTableModel over async page queries that never loads a whole table.

What the view asks for drives what is fetched: ``data()`` for a row that is not cached answers
"Loading…" and records the row's block as wanted; one loader task fetches the newest wanted
block at a time (the latest request wins; wishes the user scrolled away from are forgotten).
Blocks that follow a cached block are fetched by keyset (fast at any depth); a jump fetches by
position. The exact row count is computed in the background and never delays the first rows.
Nothing here waits on the database in a way that blocks input, and nothing ever asks the user
to wait or abort: a newer request simply supersedes an older one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.application.read_models import Cursor, PostQuery, RowReader, UserQuery, cursor_of
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.row_cache import RowCache, RowCount

log = logging.getLogger(__name__)

LOADING = "Loading…"
BIG_CHANGE = 5_000
ModelIndex = QModelIndex | QPersistentModelIndex
Query = UserQuery | PostQuery
Row = Any
Editor = Callable[[Row, str, object], Awaitable[Row]]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: how to show a row's value, and whether it sorts or edits in place."""

    title: str
    display: Callable[[Row], str]
    sort: str | None = None
    edit_field: str | None = None
    edit_value: Callable[[Row], object] | None = None
    check_field: str | None = None
    tooltip: Callable[[Row], str] | None = None
    copy: Callable[[Row], str] | None = None
    align_right: bool = False
    width: int = 140


def copy_value(column: Column, row: Row) -> str:
    """A cell as Copy puts it on the clipboard: full ids and timestamps, whole text."""
    if column.copy is not None:
        return column.copy(row)
    if column.check_field:
        return "true" if getattr(row, column.check_field) else "false"
    return column.display(row)


@dataclass(slots=True)
class PendingEdit:
    """A value the user typed that is not (yet) in the database; ``error`` says why not."""

    value: object
    error: str | None = None


class LazyTableModel(QAbstractTableModel):
    rows_loaded = Signal()
    count_changed = Signal(int, bool)
    loading_changed = Signal(bool)
    load_failed = Signal(str)
    edit_failed = Signal(str)
    edit_saved = Signal()

    def __init__(
        self,
        *,
        columns: list[Column],
        query: Query,
        editor: Editor | None = None,
        block_size: int = 100,
        max_blocks: int = 40,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._query: Query = query
        self._editor = editor
        self._reader: RowReader[Any, Any] | None = None
        self._cache: RowCache[Row] = RowCache(block_size=block_size, max_blocks=max_blocks)
        self._rows = 0
        self._loader: asyncio.Future[None] | None = None
        self._counter: asyncio.Future[None] | None = None
        self._pending: dict[tuple[UUID, str], PendingEdit] = {}
        self._tasks: set[asyncio.Future[Any]] = set()
        self._loading = False
        self._first_rows_seen = False
        self._failed: str | None = None  # loading stopped after this error, until a reload
        self.fetches = 0  # pages fetched since creation (tests and the status bar read it)

    # -- configuration -----------------------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    @property
    def row_count(self) -> RowCount:
        return self._cache.count

    @property
    def cache(self) -> RowCache[Row]:
        return self._cache

    def set_reader(self, reader: RowReader[Any, Any] | None, editor: Editor | None = None) -> None:
        """Point the model at another database's reader (or none) and start over."""
        self._reader = reader
        self._editor = editor
        self._pending.clear()
        self.reload()

    def set_query(self, query: Query) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def reload(self) -> None:
        """Start over: empty the model and fetch the first page and the count anew."""
        self._cancel_loading()
        self.beginResetModel()
        self._cache.reset()
        self._rows = 0
        self._first_rows_seen = False
        self.endResetModel()
        self._start()

    def refresh(self) -> None:
        """Fetch the visible rows and the count again, keeping the row count and so the user's
        scroll position (F5): rows show "Loading…" for the moment they take to arrive."""
        self._cancel_loading()
        self._cache.reset(keep_count=True)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(self.columns) - 1)
            )
        self._start()

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def failure(self) -> str | None:
        return self._failed

    def _cancel_loading(self) -> None:
        """Cancel the page fetch and the count in flight: they answer a question nobody asks
        any more, and a slow one (a long search) would hold a connection and delay the next.
        Saves are left alone: an edit the user made still counts."""
        for task in (self._loader, self._counter):
            if task is not None:
                task.cancel()
        self._loader = self._counter = None

    def _start(self) -> None:
        self._failed = None
        if self._reader is None:
            self._set_loading(False)  # what was loading was cancelled, and nothing will load
            self.count_changed.emit(0, True)
            return
        self._cache.want(0)
        self._kick()
        self._counter = self._spawn(self._count(self._cache.generation, self._query))

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
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return f"{section + 1:,}"

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if self._cache.get(index.row()) is None or self._editor is None:
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
        pending = self._pending.get((row.id, field)) if field else None
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
                return f"Not saved: {pending.error}"
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.BackgroundRole and pending is not None and pending.error:
            return QBrush(QColor(220, 60, 60, 70))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _placeholder(self, index: ModelIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if self._failed is not None:  # no retry storm on every repaint: Retry reloads
                return "—" if index.column() == 0 else ""
            if self._cache.want(self._cache.block_of(index.row())):
                self._kick()
            return LOADING if index.column() == 0 else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._reader is not None and not self._cache.count.exact

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self._cache.want(self._cache.block_of(self._rows)):
            self._kick()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=key, descending=descending))  # type: ignore[arg-type]

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the current query, for the header's sort indicator."""
        for number, column in enumerate(self.columns):
            if column.sort == self._query.sort:
                order = (
                    Qt.SortOrder.DescendingOrder
                    if self._query.descending
                    else Qt.SortOrder.AscendingOrder
                )
                return number, order
        return -1, Qt.SortOrder.AscendingOrder

    # -- rows for the rest of the UI ---------------------------------------------------------

    def row_at(self, row: int) -> Row | None:
        return self._cache.get(row)

    def copy_text(self, index: ModelIndex) -> str:
        row = self._cache.get(index.row())
        if row is None:
            return ""
        return copy_value(self.columns[index.column()], row)

    @property
    def reader(self) -> RowReader[Any, Any] | None:
        """Where the rows come from (a bulk action reads the selected rows not loaded)."""
        return self._reader

    def replace_row(self, updated: Row) -> None:
        """Show a row that was saved elsewhere (a dialog) wherever it is cached."""
        for number, _old in list(self._cache.find(lambda r: r.id == updated.id)):
            self._cache.replace(number, updated)
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def has_failed_edits(self) -> bool:
        return any(p.error for p in self._pending.values())

    def discard_failed_edits(self) -> None:
        self._pending = {k: p for k, p in self._pending.items() if not p.error}
        self._emit_all_changed()

    # -- editing in place --------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._editor is None:
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
        key = (row.id, field)
        if new == current and key not in self._pending:
            return False
        self._pending[key] = PendingEdit(new)
        self.dataChanged.emit(index, index)
        self._spawn(self._save(row, field, new))
        return True

    async def _save(self, row: Row, field: str, value: object) -> None:
        assert self._editor is not None
        key = (row.id, field)
        try:
            saved = await self._editor(row, field, value)
        except (DomainError, StorageError) as error:
            if key in self._pending and self._pending[key].value == value:
                self._pending[key] = PendingEdit(value, str(error))
            self._emit_row_changed(row.id)
            self.edit_failed.emit(str(error))
            return
        if key in self._pending and self._pending[key].value == value:
            del self._pending[key]
        self.replace_row(saved)
        self.edit_saved.emit()

    # -- loading -----------------------------------------------------------------------------

    def _spawn(self, coroutine: Awaitable[None]) -> asyncio.Future[None]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _kick(self) -> None:
        if (
            self._reader is not None
            and self._failed is None
            and (self._loader is None or self._loader.done())
        ):
            self._loader = self._spawn(self._load_wanted())

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    async def _load_wanted(self) -> None:
        try:
            while (block := self._cache.next_wanted()) is not None and self._reader is not None:
                self._set_loading(True)
                generation, query = self._cache.generation, self._query
                previous = self._cache.row_before(block)
                after: Cursor | None = cursor_of(previous, query) if previous else None
                try:
                    count = self._cache.count
                    rows = await self._reader.fetch(
                        query,
                        offset=block * self._cache.block_size,
                        limit=self._cache.block_size,
                        after=after,
                        total=count.rows if count.exact else None,
                    )
                except (StorageError, DomainError) as error:
                    self._cache.drop_wanted(block)
                    self._fail(str(error))
                    return
                self.fetches += 1
                if not self._cache.store(block, rows, generation):
                    continue  # a reset happened meanwhile: this page answers an old question
                self._sync_row_count()
                self._emit_block_changed(block)
                if self._cache.suspect and (self._counter is None or self._counter.done()):
                    self._cache.suspect = False  # the table changed under us: count again
                    self._counter = self._spawn(self._count(generation, query))
                if not self._first_rows_seen:
                    self._first_rows_seen = True
                    self.rows_loaded.emit()
        finally:
            if asyncio.current_task() is self._loader:  # not a loader cancelled by a reload
                self._set_loading(bool(self._counter and not self._counter.done()))

    async def _count(self, generation: int, query: Query) -> None:
        if self._reader is None:
            return
        try:
            total = await self._reader.count(query)
        except (StorageError, DomainError) as error:
            if generation == self._cache.generation:
                self._fail(str(error))
            return
        if self._cache.set_count(total, generation):
            self._sync_row_count()
        if self._loader is None or self._loader.done():
            self._set_loading(False)

    def _fail(self, message: str) -> None:
        if self._failed is None:
            self._failed = message
            self.load_failed.emit(message)
            self._emit_all_changed()

    def _sync_row_count(self) -> None:
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

    def _emit_block_changed(self, block: int) -> None:
        span = self._cache.block_range(block)
        last = min(span.stop, self._rows) - 1
        if last >= span.start:
            self.dataChanged.emit(
                self.index(span.start, 0), self.index(last, len(self.columns) - 1)
            )

    def _emit_row_changed(self, row_id: UUID) -> None:
        for number, _row in list(self._cache.find(lambda r: r.id == row_id)):
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def _emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(self.columns) - 1)
            )

    async def wait_idle(self) -> None:
        """Until every fetch, count and save started so far has finished (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
