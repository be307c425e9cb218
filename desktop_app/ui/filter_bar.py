"""The filter bar under a table's title and search box: what narrows that table's rows.

Users: Active (any / yes / no), created and updated days. Posts: the author (the post form's
type-ahead picker), created and updated days. Each change sets the table model's query at once;
the filters run in the database with the search and the sort (see
``infrastructure/database/filter_conditions``). Esc anywhere in the bar, or "Clear filters",
resets them. Each table view has a bar of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop_app.application.read_models import (
    Cursor,
    PostQuery,
    UserQuery,
    UserReader,
    UserRow,
)
from desktop_app.ui.author_picker import AuthorPicker
from desktop_app.ui.date_filter import TimeFilter, fill
from desktop_app.ui.resources import icon
from desktop_app.ui.table_model import LazyTableModel

ACTIVE_VALUES: tuple[bool | None, ...] = (None, True, False)


class OpenDatabaseUsers(UserReader):
    """The users of whichever database is open, for the author picker (the bar outlives a
    database switch); no database, no users."""

    def __init__(self, reader: Callable[[], UserReader | None]) -> None:
        self._reader = reader

    async def fetch(
        self,
        query: UserQuery,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[UserRow]:
        reader = self._reader()
        if reader is None:
            return []
        return await reader.fetch(query, offset=offset, limit=limit, after=after, total=total)

    async def count(self, query: UserQuery) -> int:
        reader = self._reader()
        return 0 if reader is None else await reader.count(query)


class FilterBar(QWidget):
    """The filters of one table (``table``: "users" or "posts"), applied to ``model``."""

    changed = Signal()

    def __init__(
        self,
        *,
        table: str,
        model: LazyTableModel[Any],
        users: UserReader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.model = model
        self.setObjectName(f"{table}Filters")
        self.setAccessibleName(self.tr("Filters"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(6)
        self.active: QComboBox | None = None
        self.author: AuthorPicker | None = None
        if table == "users":
            self.active = QComboBox()
            self.active.setObjectName("usersActiveFilter")
            self.active.addItems([self.tr("any"), self.tr("yes"), self.tr("no")])
            self.active.setAccessibleName(self.tr("Active"))
            self.active.setAccessibleDescription(self.tr("Show any user, active ones, or not"))
            self.active.currentIndexChanged.connect(self._changed)
            label = QLabel(self.tr("Active:"))
            label.setBuddy(self.active)
            layout.addWidget(label)
            layout.addWidget(self.active)
        else:
            self.author = AuthorPicker(reader=users)
            self.author.setObjectName("postsAuthorFilter")
            self.author.setAccessibleName(self.tr("Author"))
            self.author.setAccessibleDescription(
                self.tr("Type part of a username and pick the author whose posts to show")
            )
            self.author.setPlaceholderText(self.tr("any author"))
            self.author.setMinimumWidth(160)
            self.author.setMaximumWidth(220)
            self.author.author_changed.connect(self._changed)
            label = QLabel(self.tr("Author:"))
            label.setBuddy(self.author)
            layout.addWidget(label)
            layout.addWidget(self.author)
        self.created = TimeFilter(kind="created", table=table)
        self.updated = TimeFilter(kind="updated", table=table)
        for time_filter in (self.created, self.updated):
            layout.addSpacing(10)
            layout.addWidget(time_filter)
            time_filter.changed.connect(self._changed)
        layout.addSpacing(10)
        self.clear_button = QPushButton(icon("filter-clear"), self.tr("Clear filters"))
        self.clear_button.setObjectName(f"{table}ClearFilters")
        self.clear_button.setAccessibleDescription(
            self.tr("Show every row again (Esc in the filter bar does the same)")
        )
        self.clear_button.setToolTip(self.tr("Show every row again (Esc)"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear)
        self._applying = False
        self._sync()

    def applied_to(self, query: UserQuery | PostQuery) -> UserQuery | PostQuery:
        """``query`` with the bar's filters (its search, sort and master-detail kept)."""
        created, updated = self.created.value(), self.updated.value()
        if isinstance(query, UserQuery):
            active = None if self.active is None else ACTIVE_VALUES[self.active.currentIndex()]
            return replace(query, active=active, created=created, updated=updated)
        return replace(query, author_id=self.author_id(), created=created, updated=updated)

    def controls(self) -> list[QWidget]:
        """The bar's controls in the order Tab visits them."""
        first: list[QWidget] = [w for w in (self.active, self.author) if w is not None]
        return [*first, *self.created.controls(), *self.updated.controls(), self.clear_button]

    def author_id(self) -> UUID | None:
        """The author picked, or None (any author) while the text names none."""
        return None if self.author is None else self.author.author_id

    def describe(self) -> list[str]:
        """Each filter in words, for the status bar: "active", "created 2026-01-01 – …"."""
        words = []
        if self.active is not None and self.active.currentIndex():
            words.append(
                self.tr("active") if self.active.currentIndex() == 1 else self.tr("inactive")
            )
        if self.author is not None and self.author_id() is not None:
            words.append(fill(self.tr("by %1"), self.author.text().strip()))
        words.extend(d for d in (self.created.describe(), self.updated.describe()) if d)
        return words

    @property
    def filtering(self) -> bool:
        """Whether a filter narrows the rows."""
        return self.applied_to(self.model.query).filtered

    def clear(self) -> None:
        """Every filter back to "any": the table shows every row its search finds."""
        self._applying = True
        try:
            if self.active is not None:
                self.active.setCurrentIndex(0)
            if self.author is not None:
                self.author.clear()
            self.created.clear()
            self.updated.clear()
        finally:
            self._applying = False
        self._changed()

    def _changed(self, *_args: object) -> None:
        if self._applying:
            return
        self.model.set_query(self.applied_to(self.model.query))
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        self.clear_button.setEnabled(self.filtering)
        if self.author is not None:
            name_line_edit_buttons(self.author)


def name_line_edit_buttons(box: QLineEdit) -> None:
    """Qt's clear button inside ``box`` is a button with no name: give it one."""
    for button in box.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("FilterBar", "Clear the author"))
        button.setAccessibleDescription(box.accessibleDescription())
