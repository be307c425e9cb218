"""The filter bars in the window, and the status bar saying what is filtered.

``install_filters`` puts a bar under each table's title and search box and a label in the
status bar: "Filtered: active, created 2026-01-01 – 2026-06-30 · 1,234 of 1,000,000 users",
for the table last used (or the other one, when only it is filtered). The "of" figure is the
rows without the bar's filters (the search and the posts' master-detail kept): one count,
asked when a filtered count arrives and the total of that unfiltered query is not known yet
(nor being counted), newest answer wins. Another filter keeps the total: a COUNT of a million
rows takes some 150 ms. A total goes stale when the rows may have changed (the table read again:
F5, after a write, an undo or redo; an edit saved in a cell): it is counted again, and said
meanwhile, so the status does not flicker to a bare count and back. Another database forgets
it. Until a query's total is first known the status says "12 of … users".
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.bar_scroller import BarScroller
from desktop_app.ui.date_filter import fill
from desktop_app.ui.filter_bar import FilterBar, OpenDatabaseUsers

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def unfiltered(query: UserQuery | PostQuery) -> UserQuery | PostQuery:
    """``query`` without the filter bar's filters."""
    if isinstance(query, UserQuery):
        return replace(query, active=None, created=None, updated=None)
    return replace(query, author_id=None, created=None, updated=None)


class FilterStatus(QObject):
    """Both tables' filter bars and what the status bar says about them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        users = OpenDatabaseUsers(
            lambda: None if window.database is None else window.database.user_reader
        )
        self.bars = {
            "users": FilterBar(table="users", model=window.users_model, users=users),
            "posts": FilterBar(table="posts", model=window.posts_model, users=users),
        }
        self.label = QLabel("")
        self.label.setObjectName("filterStatusLabel")
        self.label.setAccessibleName(self.tr("Filters in use"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setMinimumWidth(80)  # a long description is cut, not the window widened
        window.statusBar().insertPermanentWidget(0, self.label)
        self._totals: dict[str, tuple[object, int]] = {}  # table -> (unfiltered query, rows)
        self._stale: set[str] = set()  # tables whose total is said until it is counted again
        self._generation = {"users": 0, "posts": 0}
        self._counting: dict[str, object] = {}  # table -> unfiltered query being counted
        self._tasks: set[asyncio.Future[None]] = set()
        self._current = "users"  # the table the status bar speaks of
        for (table, bar), panel in zip(
            self.bars.items(), (window.users_panel, window.posts_panel), strict=True
        ):
            layout = panel.layout()
            assert isinstance(layout, QBoxLayout)
            # Under the title and the search box, scrolling sideways when the window is narrow.
            layout.insertWidget(1, BarScroller(bar))
            # Tab order: the search box, the table, then its filters.
            previous: QWidget = panel.table
            for widget in bar.controls():
                QWidget.setTabOrder(previous, widget)
                previous = widget
            bar.changed.connect(lambda table=table: self._use(table))
            panel.focused.connect(lambda table=table: self._use(table))
            bar.model.count_changed.connect(
                lambda _rows, exact, table=table: self._counted(table, exact)
            )
            bar.model.rows_stale.connect(lambda table=table: self._forget(table))
            bar.model.edit_saved.connect(lambda table=table: self._edited(table))
        window.lifecycle.opened.connect(self._database_opened)

    @property
    def busy(self) -> bool:
        """Whether a total is being counted (tests wait for it)."""
        return bool(self._tasks)

    def clear(self) -> None:
        for bar in self.bars.values():
            bar.clear()

    def show_status(self) -> None:
        """Say what filters the current table (the one last used), else the other one."""
        other = "posts" if self._current == "users" else "users"
        text = self._describe(self._current) or self._describe(other) or ""
        self.label.setText(text)
        self.label.setToolTip(text)  # whole, where the status bar has to cut it
        self.label.setVisible(bool(text))

    def _use(self, table: str) -> None:
        self._current = table
        self.show_status()

    def _describe(self, table: str) -> str | None:
        bar = self.bars[table]
        words = bar.describe()
        if not words:
            return None
        count = bar.model.row_count
        shown = QLocale().toString(count.rows) + ("" if count.exact else "+")
        known = self._totals.get(table)
        query = unfiltered(bar.model.query)
        if known is not None and known[0] == query:
            total = known[1]
            rows = (
                self.tr("%1 of %Ln users", "", total)
                if table == "users"
                else self.tr("%1 of %Ln posts", "", total)
            )
            rows = fill(rows, shown)
        else:  # being counted: no figure to say yet
            rows = self.tr("%1 of … users") if table == "users" else self.tr("%1 of … posts")
            rows = fill(rows, shown)
        return fill(self.tr("Filtered: %1 · %2"), ", ".join(words), rows)

    def _database_opened(self, _database: object) -> None:
        for table in self.bars:
            self._forget(table)
            self._totals.pop(table, None)  # another database's figure, not a stale one
        self.clear()  # an author picked belongs to the database it came from

    def _forget(self, table: str) -> None:
        """The rows may have changed: the total known is stale (said until it is counted
        again), and a count in flight no longer answers."""
        if table in self._totals:
            self._stale.add(table)
        self._counting.pop(table, None)
        self._generation[table] += 1

    def _edited(self, table: str) -> None:
        """An edit saved in a cell may take its row in or out of the search: count the total
        again now (the table keeps its rows and count until it is read again, as peers do)."""
        self._forget(table)
        self._counted(table, self.bars[table].model.row_count.exact)

    def _counted(self, table: str, exact: bool) -> None:
        bar = self.bars[table]
        if exact and bar.filtering and bar.model.reader is not None:
            query = unfiltered(bar.model.query)
            known = self._totals.get(table)
            fresh = known is not None and known[0] == query and table not in self._stale
            if not fresh and self._counting.get(table) != query:
                self._generation[table] += 1
                self._counting[table] = query
                task = asyncio.ensure_future(
                    self._count_total(table, query, self._generation[table])
                )
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
        self.show_status()

    async def _count_total(self, table: str, query: object, generation: int) -> None:
        reader: Any = self.bars[table].model.reader
        try:
            total = await reader.count(query)
        except (StorageError, DomainError):
            total = None  # the table's own count says what went wrong
        if generation != self._generation[table]:
            return  # another query, or the rows changed, meanwhile
        del self._counting[table]
        if total is not None:
            self._totals[table] = (query, total)
            self._stale.discard(table)
            self.show_status()


def install_filters(window: MainWindow) -> FilterStatus:
    """A filter bar for each table of ``window``, and the status bar's filter label."""
    status = FilterStatus(window)
    status.show_status()
    return status
