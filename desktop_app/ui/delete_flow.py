"""Deleting the selected rows: the wording, the question, the progress and the report.

Every row the table shows selected is deleted, loaded or not: the keys (ids and versions) are
read from the database first, so the question states the exact number, and a row someone else
changed after it was listed is left alone and counted in the report. This lives apart from the
window because it is a use case of its own, with most of the app's wording about deletes.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from desktop_app.application.read_models import RowKey
from desktop_app.application.selection_resolver import Selection, selected_keys
from desktop_app.domain.errors import DomainError, OperationCancelledError, StorageError
from desktop_app.ui.async_dialogs import confirm
from desktop_app.ui.banner import ErrorBanner
from desktop_app.ui.database import Database
from desktop_app.ui.delayed_progress import DelayedProgress
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.status_bar import STATUS_MS
from desktop_app.ui.table_panel import TablePanel
from desktop_app.ui.table_selection import posts_named, table_selection, users_named

UNDO_HINT = QT_TRANSLATE_NOOP("DeleteFlow", "You can take it back with Edit \u2192 Undo.")


class DeleteFlow(QObject):
    """Deletes what the current panel of ``window`` has selected (users with their posts)."""

    def __init__(
        self,
        *,
        window: QMainWindow,
        database: Callable[[], Database | None],
        current: Callable[[], TablePanel],
        users_panel: TablePanel,
        posts_panel: TablePanel,
        banner: ErrorBanner,
        progress: DelayedProgress,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self._current = current
        self._users_panel = users_panel
        self._posts_panel = posts_panel
        self._banner = banner
        self._progress = progress

    @async_slot()
    async def delete_selected(self) -> None:
        """Delete every row the table shows selected, loaded or not: they are read from the
        database first (ids and versions), so the question states the exact number."""
        panel = self._current()
        selection = table_selection(panel.table, panel.model)  # before anything is awaited
        database = self._database()
        if database is None or panel.model.reader is None or not selection.size:
            return
        reading = (
            self.tr("Reading the selected users…")
            if panel is self._users_panel
            else self.tr("Reading the selected posts…")
        )
        try:
            with self._progress.showing(reading, selection.size) as progress:
                keys = await selected_keys(panel.model.reader, selection, progress=progress)
            if keys and panel is self._users_panel:
                await self._delete_users(database, keys, selection)
            elif keys:
                await self._delete_posts(database, keys, selection)
        except OperationCancelledError as error:
            self._window.statusBar().showMessage(error_text(error), STATUS_MS)
        except (StorageError, DomainError) as error:
            self._banner.show_error(
                self.tr("Nothing was deleted: {reason}").format(reason=error_text(error))
            )

    async def _delete_users(
        self, database: Database, keys: list[RowKey], selection: Selection
    ) -> None:
        ids: list[UUID] = [k.id for k in keys]
        cascade = await database.users.count_posts_of(ids)
        who = users_named(keys, selection)
        if cascade:
            also = (
                self.tr("This also deletes %Ln post(s) by them.", "", cascade)
                if len(keys) > 1
                else self.tr("This also deletes %Ln post(s) by this user.", "", cascade)
            )
        else:
            also = (
                self.tr("They have no posts.")
                if len(keys) > 1
                else self.tr("This user has no posts.")
            )
        if not await confirm(
            self._window,
            title=self.tr("Delete users"),
            text=self.tr("Delete {rows}?").format(rows=who),
            informative=f"{also} {self.tr(UNDO_HINT)}",
            accept_text=self.tr("Delete"),
        ):
            return
        with self._progress.showing(
            self.tr("Deleting {rows}…").format(rows=who), len(ids)
        ) as progress:
            outcome = await database.users.delete_users(
                ids, versions={k.id: k.updated_at for k in keys}, progress=progress
            )
        self._users_panel.table.clearSelection()
        self._window.statusBar().showMessage(
            self.tr("Deleted {users} and {posts}.").format(
                users=self.tr("%Ln user(s)", "", outcome.users),
                posts=self.tr("%Ln post(s)", "", outcome.posts),
            )
            + self._left_alone(len(outcome.changed), "user"),
            STATUS_MS,
        )
        self._users_panel.model.refresh()
        self._posts_panel.model.refresh()

    async def _delete_posts(
        self, database: Database, keys: list[RowKey], selection: Selection
    ) -> None:
        what = posts_named(keys, selection)  # "8,000 posts by 1,234 authors"
        if not await confirm(
            self._window,
            title=self.tr("Delete posts"),
            text=self.tr("Delete {rows}?").format(rows=what),
            informative=self.tr(UNDO_HINT),
            accept_text=self.tr("Delete"),
        ):
            return
        with self._progress.showing(
            self.tr("Deleting {rows}…").format(rows=what), len(keys)
        ) as progress:
            outcome = await database.posts.delete_posts(
                [k.id for k in keys], versions={k.id: k.updated_at for k in keys}, progress=progress
            )
        self._posts_panel.table.clearSelection()
        removed = outcome.posts
        self._window.statusBar().showMessage(
            self.tr("Deleted %Ln post(s).", "", removed)
            + self._left_alone(len(outcome.changed), "post"),
            STATUS_MS,
        )
        self._posts_panel.model.refresh()

    def _left_alone(self, count: int, noun: str) -> str:
        """The status bar's word on rows a delete skipped because someone changed them."""
        if not count:
            return ""
        if noun == "user":
            return " " + self.tr(
                "%Ln user(s) changed by someone else after being listed, and left alone.", "", count
            )
        return " " + self.tr(
            "%Ln post(s) changed by someone else after being listed, and left alone.", "", count
        )
