"""Copying the selected rows to the clipboard, loaded or not.

Rows the view has not loaded are read from the database (not into the view) and copied as
tab-separated text with a header row; a post's whole content is read for every row (the table
holds a preview), so a copy pastes back as it was. A very large copy asks first, and a long
one shows progress with Cancel. It lives beside the delete flow, apart from the window,
because it too is a use case with its own question, progress and wording.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from desktop_app.domain.errors import DomainError, OperationCancelledError, StorageError
from desktop_app.ui.async_dialogs import confirm
from desktop_app.ui.banner import ErrorBanner
from desktop_app.ui.delayed_progress import DelayedProgress
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.status_bar import STATUS_MS
from desktop_app.ui.table_panel import TablePanel
from desktop_app.ui.table_selection import (
    COPY_ASK_ABOVE,
    copied_columns,
    selection_text,
    table_selection,
)


class CopyFlow(QObject):
    """Copies what the current panel of ``window`` has selected."""

    def __init__(
        self,
        *,
        window: QMainWindow,
        current: Callable[[], TablePanel],
        banner: ErrorBanner,
        progress: DelayedProgress,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current = current
        self._banner = banner
        self._progress = progress

    @async_slot()
    async def copy_selection(self) -> None:
        """Copy every row the table shows selected (rows not loaded are read, not into the
        view, and posts' whole contents) as tab-separated text with a header row; a very
        large copy asks first."""
        panel = self._current()
        selection = table_selection(panel.table, panel.model)  # before anything is awaited
        columns = copied_columns(panel.table, panel.model)
        if not selection.size:
            return
        status = self._window.statusBar()
        if selection.size > COPY_ASK_ABOVE and not await confirm(
            self._window,
            title=self.tr("Copy rows"),
            text=self.tr("Copy %Ln row(s)?", "", selection.size),
            informative=self.tr(
                "They are all read from the database, and the clipboard holds them all."
            ),
            accept_text=self.tr("Copy"),
        ):
            return
        try:
            with self._progress.showing(
                self.tr("Copying %Ln row(s)…", "", selection.size), selection.size
            ) as progress:
                text, copied = await selection_text(
                    panel.model, columns, selection, progress=progress
                )
        except OperationCancelledError:
            status.showMessage(self.tr("Copy cancelled: the clipboard is unchanged."), STATUS_MS)
            return
        except (StorageError, DomainError) as error:
            self._banner.show_error(
                self.tr("Nothing was copied: {reason}").format(reason=error_text(error))
            )
            return
        QGuiApplication.clipboard().setText(text)
        status.showMessage(self.tr("Copied %Ln row(s).", "", copied), 3_000)
