"""File → Export…: the dialog, then the export in the background with progress and Cancel.

The export runs as a task on the window's event loop: each page is read from the database
(awaited, the window stays live) and written to the file in one short step. The file appears
only when the export is complete; Cancel, a failure or closing the window leaves no file
(``export_to_file``). The status bar says how many rows went where. Full garbage collections
wait while the export runs (``gc_guard.full_collections_held``): each would hold the window
for as long as it takes to walk the heap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.application.export_formats import (
    ExportSource,
    ExportTable,
    export_to_file,
)
from desktop_app.domain.errors import DomainError, OperationCancelledError, StorageError
from desktop_app.ui.export_dialog import ExportChoice, ExportDialog, ExportView
from desktop_app.ui.formatting import home_relative
from desktop_app.ui.gc_guard import full_collections_held
from desktop_app.ui.i18n import translate
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.status_bar import STATUS_MS
from desktop_app.ui.table_panel import TablePanel

if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.ui.main_window import MainWindow


class ExportFlow(QObject):
    """File → Export… over ``window``'s open database and its two tables."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._current: TablePanel = window.users_panel  # the table last focused
        for panel in (window.users_panel, window.posts_panel):
            panel.focused.connect(lambda panel=panel: self._focused(panel))
        self.folder = str(Path.home())
        self.action = QAction(self.tr("&Export…"), window)
        self.action.setObjectName("actionExport")
        self.action.setStatusTip(
            self.tr("Write a table, or what its view shows, to a CSV or JSON file")
        )
        self.action.triggered.connect(self.open_dialog)
        window.addAction(self.action)

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    def _focused(self, panel: TablePanel) -> None:
        self._current = panel

    def _exports(self) -> ExportSource | None:
        database = self._window.database
        return database.exports if database is not None else None

    def _views(self) -> dict[ExportTable, ExportView]:
        """What each table's view shows right now, with words for it."""
        window = self._window
        users, posts = window.users_model.query, window.posts_model.query
        user_words = (
            self.tr("users matching “{search}”").format(search=users.search)
            if users.search
            else self.tr("every user")
        )
        post_words = window.posts_panel.title.text()
        if post_words in ("All posts", translate("PostsFollowUsers", "All posts")):
            post_words = self.tr("every post")
        if posts.search:
            post_words = self.tr("{posts} matching “{search}”").format(
                posts=post_words, search=posts.search
            )
        return {
            "users": ExportView(users, f"{user_words} ({self._counted(window.users_panel)})"),
            "posts": ExportView(posts, f"{post_words} ({self._counted(window.posts_panel)})"),
        }

    def _counted(self, panel: TablePanel) -> str:
        count = panel.model.row_count
        if count.exact:
            return self.tr("%Ln row(s)", "", count.rows)
        return self.tr("%Ln+ row(s)", "", count.rows)

    def open_dialog(self) -> None:
        window = self._window
        if self._exports() is None:
            window.statusBar().showMessage(self.tr("Open a database to export from it."), STATUS_MS)
            return
        table: ExportTable = "posts" if self._current is window.posts_panel else "users"
        dialog = ExportDialog(views=self._views(), table=table, folder=self.folder, parent=window)
        dialog.accepted.connect(lambda: self.run_export(dialog.choice()))
        window.dialogs.keep(dialog)
        dialog.open()

    @async_slot(object)
    async def run_export(self, choice: ExportChoice) -> None:
        """Export ``choice`` with progress and Cancel; say in the status bar how it ended."""
        window, source = self._window, self._exports()
        if source is None or not choice.path:
            return
        path = choice.path
        self.folder = str(Path(path).parent)
        shown = home_relative(path)
        status = window.statusBar()
        try:
            total = await source.count(choice.query)
            doing = (
                self.tr("Exporting users to {path}…")
                if choice.table == "users"
                else self.tr("Exporting posts to {path}…")
            ).format(path=shown)
            with window.progress.showing(doing, total) as report, full_collections_held():
                rows = await export_to_file(
                    source,
                    path,
                    choice.query,
                    choice.fmt,
                    with_hashes=choice.with_hashes,
                    bom=choice.bom,
                    progress=lambda done: report(done, total),
                )
        except OperationCancelledError:
            status.showMessage(
                self.tr("Export cancelled: {path} was not written.").format(path=shown), STATUS_MS
            )
            return
        except (StorageError, DomainError) as error:
            window.banner.show_error(
                self.tr("Nothing was exported: {reason}").format(reason=error_text(error))
            )
            return
        done = (
            self.tr("Exported %Ln user(s) to {path}.", "", rows)
            if choice.table == "users"
            else self.tr("Exported %Ln post(s) to {path}.", "", rows)
        )
        status.showMessage(done.format(path=shown), STATUS_MS)
