"""The rows' context menus: what applies to the rows right-clicked, where the pointer is.

A right-click on a row not in the selection selects it first (as file managers do); on a
selected row it keeps the selection and makes that row current. The menu reuses the window's
own Edit…, Delete… and Copy actions, so they are enabled exactly when the menus' are, and
adds what only makes sense on a row: Copy id (the full ids of the selected rows, one a line),
and on a user New post by this user… and Show posts (selects just that user, and the posts
pane follows). The Menu key and Shift+F10 open it at the current row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from desktop_app.application.read_models import UserRow
from desktop_app.domain.errors import DomainError, OperationCancelledError, StorageError
from desktop_app.ui.columns import Column
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.status_bar import STATUS_MS
from desktop_app.ui.table_panel import TablePanel
from desktop_app.ui.table_selection import selection_text, table_selection

if TYPE_CHECKING:  # the window builds the menus and hands itself in
    from desktop_app.ui.main_window import MainWindow

# What Copy id writes for a row: its whole id (selection_text adds a header line, dropped).
ID_COLUMN: Column[Any] = Column("ID", lambda r: str(r.id))


class RowMenu(QObject):
    """The context menu of ``panel``'s rows. ``activate`` makes the panel the window's
    current one (the window's actions act on the current panel)."""

    def __init__(
        self,
        *,
        window: MainWindow,
        panel: TablePanel,
        activate: Callable[[TablePanel], None],
        for_users: bool,
    ) -> None:
        super().__init__(panel)
        self._window = window
        self._panel = panel
        self._activate = activate
        self._for_users = for_users
        self.clicked_row = -1  # the row number right-clicked last
        self.menu: QMenu | None = None  # the menu showing, if any (tests trigger its actions)
        self.act_copy_id = self._own(self.tr("Copy &id"), self.copy_ids, "actionCopyId")
        self.act_copy_id.setStatusTip(self.tr("Copy the full ids of the selected rows, one a line"))
        self.act_new_post_by = self._own(
            self.tr("&New post by this user…"), self.new_post_by, "actionNewPostByUser"
        )
        self.act_new_post_by.setStatusTip(self.tr("Add a post with this user as its author"))
        self.act_show_posts = self._own(self.tr("&Show posts"), self.show_posts, "actionShowPosts")
        self.act_show_posts.setStatusTip(
            self.tr("Select just this user: the posts pane shows theirs")
        )
        panel.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.table.customContextMenuRequested.connect(self._show)
        for key in (QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10")):  # the keyboard's
            shortcut = QShortcut(key, panel.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._show_at_current)

    def _own(self, text: str, slot: Any, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def build(self) -> QMenu:
        """The menu for the rows selected now, around ``clicked_row``."""
        window = self._window
        menu = QMenu(self._panel.table)
        menu.setObjectName(f"{self._panel.table.objectName()}RowMenu")
        menu.setAccessibleName(self.tr("Row actions"))
        for action in (window.act_edit, window.act_delete):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(window.act_copy)
        menu.addAction(self.act_copy_id)
        has_selection = self._panel.table.selectionModel().hasSelection()
        self.act_copy_id.setEnabled(has_selection)
        if self._for_users:
            loaded = isinstance(self._panel.model.row_at(self.clicked_row), UserRow)
            self.act_new_post_by.setEnabled(loaded and window.act_new_post.isEnabled())
            self.act_show_posts.setEnabled(loaded)
            menu.addSeparator()
            menu.addAction(self.act_new_post_by)
            menu.addAction(self.act_show_posts)
        return menu

    def open_at(self, row: int, position: QPoint | None = None) -> QMenu:
        """Right-click on row ``row``: select it unless it is selected, make it current,
        and show the menu (at ``position`` in the table's viewport, else at the row)."""
        table = self._panel.table
        index = self._panel.model.index(row, 0)
        selection = table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if selection.isRowSelected(row):
            selection.setCurrentIndex(index, flags.NoUpdate)
        else:
            selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.clicked_row = row
        self._activate(self._panel)
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build()
        where = position if position is not None else table.visualRect(index).center()
        self.menu.popup(table.viewport().mapToGlobal(where))
        return self.menu

    def _show(self, position: QPoint) -> None:
        index = self._panel.table.indexAt(position)
        if index.isValid():
            self.open_at(index.row(), position)

    def _show_at_current(self) -> None:
        index = self._panel.table.currentIndex()
        if index.isValid():
            self.open_at(index.row())

    # -- the menu's own actions --------------------------------------------------------------

    @async_slot()
    async def copy_ids(self) -> None:
        """Copy the full ids of every selected row (loaded or not), one a line."""
        panel, window = self._panel, self._window
        selection = table_selection(panel.table, panel.model)  # before anything is awaited
        if not selection.size:
            return
        status = window.statusBar()
        try:
            with window.progress.showing(
                self.tr("Copying %Ln id(s)…", "", selection.size), selection.size
            ) as progress:
                text, copied = await selection_text(
                    panel.model, [ID_COLUMN], selection, progress=progress
                )
        except OperationCancelledError:
            status.showMessage(self.tr("Copy cancelled: the clipboard is unchanged."), STATUS_MS)
            return
        except (StorageError, DomainError) as error:
            window.banner.show_error(
                self.tr("Nothing was copied: {reason}").format(reason=error_text(error))
            )
            return
        QGuiApplication.clipboard().setText("\n".join(text.splitlines()[1:]))
        status.showMessage(self.tr("Copied %Ln id(s).", "", copied), 3_000)

    def new_post_by(self) -> None:
        """The new-post form with the right-clicked user as the author."""
        row = self._panel.model.row_at(self.clicked_row)
        if isinstance(row, UserRow):
            self._window.dialogs.new_post_by(row)

    def show_posts(self) -> None:
        """Select just the right-clicked user: the posts pane follows the selection."""
        if 0 <= self.clicked_row < self._panel.model.rowCount():
            self._panel.select_row(self.clicked_row)


def install_row_menus(
    window: MainWindow, activate: Callable[[TablePanel], None]
) -> tuple[RowMenu, RowMenu]:
    """The users' and the posts' row menus on ``window``'s tables."""
    return (
        RowMenu(window=window, panel=window.users_panel, activate=activate, for_users=True),
        RowMenu(window=window, panel=window.posts_panel, activate=activate, for_users=False),
    )
