"""The database open in the window: opening, switching, retrying and closing it, asking before
the app changes it, and read-only mode.

The database layer says what it would change (``ChangeRequest``); here that becomes a question
with Create (or Upgrade) / Open read-only / Cancel. A read-only database gets no cell editors
and disables every editing action. Every way to open one (the Database… dialog, File → Open…,
Recent databases, a dropped file, Retry) ends in ``DatabaseLifecycle.open``, which also puts it
at the top of the recent list; the main window only wires these in.
"""

from __future__ import annotations

import asyncio
import contextlib
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from desktop_app import PRODUCT_NAME
from desktop_app.application.consent import Answer, ChangeRequest
from desktop_app.domain.errors import ChangeDeclinedError, DomainError, StorageError
from desktop_app.ui.async_dialogs import choose
from desktop_app.ui.consent_text import ConsentText
from desktop_app.ui.database import Database, OpenDatabase, SaveDatabaseUrl
from desktop_app.ui.formatting import database_label
from desktop_app.ui.i18n import translate
from desktop_app.ui.messages import error_text, message_text
from desktop_app.ui.open_actions import OpenActions
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.status_bar import HISTORY_CLEARED, STATUS_MS

if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.ui.main_window import MainWindow

CONSENT_DIALOG = "consentDialog"


async def ask_consent(parent: QWidget, request: ChangeRequest) -> Answer:
    """Show ``request`` as a window-modal question; Cancel (the default) changes nothing."""
    words = ConsentText()
    choices = [words.accept(request)]
    if request.can_read_only:
        choices.append(translate("DatabaseLifecycle", "Open read-only"))
    picked = await choose(
        parent,
        title=words.title(request),
        text=words.question(request),
        informative=words.details(request),
        choices=choices,
        name=CONSENT_DIALOG,
    )
    if picked == 0:
        return Answer.PROCEED
    if picked == 1:
        return Answer.READ_ONLY
    return Answer.CANCEL


class DatabaseLifecycle(QObject):
    """The database open in ``window``: opening it (every way in, asking first), switching to
    another, retrying after a failure, and closing it when the window goes."""

    opened = Signal(object)  # the Database now shown (the undo history follows it)

    def __init__(
        self,
        *,
        window: MainWindow,
        open_database: OpenDatabase,
        save_database_url: SaveDatabaseUrl,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._open_database = open_database
        self._save_database_url = save_database_url
        self.database: Database | None = None
        # File → Open…, Recent databases and dropped files all come back to ``open``.
        self.open_actions = OpenActions(window=window, open_url=self.open, settings=settings)

    async def open(
        self, url: str | None = None, *, read_only: bool = False, new: bool = False
    ) -> bool:
        """Open a database and show it, asking before its schema is created or upgraded; on
        failure say why and keep the old one."""
        window = self._window
        window.loading_label.setText(self.tr("Opening database…"))
        try:
            database = await self._open_database(
                url, ask=partial(ask_consent, window), read_only=read_only, new=new
            )
        except ChangeDeclinedError as error:  # the user said no: not an error to show red
            window.statusBar().showMessage(error_text(error), STATUS_MS)
            window.loading_label.setText("")
            return False
        except (StorageError, DomainError) as error:
            window.banner.show_error(
                self.tr("Could not open the database. {reason}").format(reason=error_text(error))
            )
            window.loading_label.setText("")
            return False
        old, self.database = self.database, database
        window.banner.hide()
        self._show(database)
        self.opened.emit(database)
        self.open_actions.remember(database.url)
        if old is not None:
            await old.close()
        return True

    def _show(self, database: Database) -> None:
        """Name the database in the status bar and title, and read the tables from it; a
        read-only one gets no cell editors and no editing actions."""
        from desktop_app.ui.editing import PostCellEditor, UserCellEditor

        window = self._window
        name = database_label(database.display_name)  # "SQLite: ~/blog.db"
        window.database_label.setText(name)
        window.database_label.setToolTip(database.display_url)
        window.revision_label.setText(
            self.tr("schema {revision}").format(revision=database.revision or "—")
        )
        window.setWindowTitle(self.tr("{database} — {app}").format(database=name, app=PRODUCT_NAME))
        window.users_panel.table.clearSelection()
        writable = not database.read_only  # read-only: no editor, so no cell is editable
        window.users_model.set_reader(
            database.user_reader, UserCellEditor(database.users) if writable else None
        )
        window.posts_model.set_reader(
            database.post_reader, PostCellEditor(database.posts) if writable else None
        )
        window.read_only_label.setVisible(database.read_only)
        if database.notice:
            window.statusBar().showMessage(message_text(database.notice), STATUS_MS * 2)
        window.update_actions()

    async def shutdown(self) -> None:
        """Let running work finish (briefly), then close the database."""
        for model in (self._window.users_model, self._window.posts_model):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(model.wait_idle(), timeout=5)
        await self.open_actions.stop_checking()
        if self.database is not None:
            database, self.database = self.database, None
            await database.close()

    @async_slot()
    async def retry(self) -> None:
        """The banner's Retry: open the database again, or read the tables again."""
        self._window.banner.hide()
        if self.database is None:
            await self.open(None)
        else:
            self._window.users_model.reload()
            self._window.posts_model.reload()

    @async_slot(str)
    async def switch_database(self, url: str) -> None:
        """Open the database the connection dialog chose, and remember it for next time."""
        if await self.open(url):
            self._save_database_url(url)
            if translate("StatusBar", HISTORY_CLEARED) in self._window.statusBar().currentMessage():
                return  # that says which database is open now, and what went
            self._window.statusBar().showMessage(
                self.tr("Opened {database}.").format(
                    database=database_label(self.database.display_name) if self.database else url
                ),
                STATUS_MS,
            )
