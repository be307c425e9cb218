"""File → Back up…, Restore… and, for PostgreSQL, Save a local copy… (issue #12).

Back up copies the open SQLite file while it stays open (SQLite's backup API, in a worker
thread), with progress and Cancel; the status bar names the copy. Restore replaces the open
SQLite file with a backup after a question naming both files and where the current one is
kept: the database is closed, restored and opened again through the window's lifecycle (so the
tables read it afresh and the undo history of the replaced one goes). On PostgreSQL, Back up
becomes Save a local copy… (every user and post into a new SQLite file the app opens offline,
or, when the posts view is searched or filtered, just the posts it shows and their authors:
asked first) and Restore does not apply. The work itself is ``Backups``, handed in by
``gui.py``: the UI never touches the database layer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from desktop_app.application.read_models import PostQuery
from desktop_app.domain.errors import DomainError, OperationCancelledError, StorageError
from desktop_app.ui.async_dialogs import choose, confirm
from desktop_app.ui.formatting import database_label, home_relative
from desktop_app.ui.i18n import translate
from desktop_app.ui.messages import error_text
from desktop_app.ui.open_actions import sqlite_path
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.sqlite_files import SQLITE_FILTER
from desktop_app.ui.status_bar import STATUS_MS

if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.ui.main_window import MainWindow

# Called with (done, total) on the event loop; returning False cancels.
Progress = Callable[[int, int], bool]


class Backups(Protocol):
    """What the window needs to back up and restore (``desktop_app.backups`` provides it)."""

    def default_backup_path(self, url: str) -> str: ...

    def replaced_path(self, url: str) -> str: ...

    async def back_up(self, url: str, target: str, progress: Progress) -> None: ...

    async def save_local_copy(
        self, url: str, target: str, progress: Progress, view: PostQuery | None = None
    ) -> tuple[int, int]: ...

    async def check_backup(self, backup: str) -> None: ...

    async def restore(
        self, url: str, backup: str, aside: str, progress: Progress
    ) -> str | None: ...


class BackupFlow(QObject):
    """The backup actions of ``window``'s File menu, enabled for the database open in it
    (all hidden when the window was given no ``backups``, as in tests that do not need them)."""

    def __init__(self, *, window: MainWindow, backups: Backups | None) -> None:
        super().__init__(window)
        self._window = window
        self._backups = backups
        self.act_back_up = self._action(self.tr("&Back up…"), self.back_up, "actionBackUp")
        self.act_back_up.setStatusTip(self.tr("Save a copy of the open SQLite database"))
        self.act_save_local_copy = self._action(
            self.tr("Save a &local copy…"), self.save_local_copy, "actionSaveLocalCopy"
        )
        self.act_save_local_copy.setStatusTip(
            self.tr("Save every user and post in a new SQLite file, to open offline")
        )
        self.act_restore = self._action(self.tr("&Restore…"), self.restore, "actionRestore")
        self.act_restore.setStatusTip(self.tr("Replace the open SQLite database with a backup"))
        window.lifecycle.opened.connect(self.update_actions)
        self.update_actions()

    def _action(self, text: str, slot: Callable[[], None], name: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def add_to(self, menu: QMenu) -> None:
        """Put Back up… (or Save a local copy…) and Restore… in ``menu``."""
        menu.addAction(self.act_back_up)
        menu.addAction(self.act_save_local_copy)
        menu.addAction(self.act_restore)

    def _sqlite_url(self) -> str | None:
        database = self._window.database
        return database.url if database is not None and sqlite_path(database.url) else None

    def _work(self) -> Backups:
        assert self._backups is not None  # the actions are hidden without it
        return self._backups

    def update_actions(self, *_args: object) -> None:
        """Back up and Restore for a SQLite file (Restore only if it may be changed); Save a
        local copy in Back up's place for a server; nothing without a database."""
        database = self._window.database if self._backups is not None else None
        server = database is not None and sqlite_path(database.url) is None
        self.act_back_up.setVisible(self._backups is not None and not server)
        self.act_restore.setVisible(self._backups is not None)
        self.act_back_up.setEnabled(database is not None and not server)
        self.act_save_local_copy.setVisible(server)
        self.act_save_local_copy.setEnabled(server)
        self.act_restore.setEnabled(database is not None and not server and not database.read_only)

    # -- backing up --------------------------------------------------------------------------

    def _ask_target(self, title: str, url: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            title,
            self._work().default_backup_path(url),
            translate("ConnectionDialog", SQLITE_FILTER),
        )
        if path and not Path(path).suffix:
            path += ".db"
        return path or None

    @async_slot()
    async def back_up(self) -> None:
        """Copy the open SQLite file to a file the user picks, with progress and Cancel."""
        url = self._sqlite_url()
        if url is None:
            return
        target = self._ask_target(self.tr("Back up database"), url)
        if target is None:
            return
        status = self._window.statusBar()
        try:
            with self._window.progress.showing(
                self.tr("Backing up the database…"), 100
            ) as progress:
                await self._work().back_up(url, target, _percent(progress))
        except OperationCancelledError:
            status.showMessage(self.tr("Backup cancelled: no file was written."), STATUS_MS)
            return
        except (StorageError, DomainError) as error:
            self._window.banner.show_error(
                self.tr("Nothing was backed up: {reason}").format(reason=error_text(error))
            )
            return
        status.showMessage(
            self.tr("Backed up to {path}.").format(path=home_relative(target)), STATUS_MS * 2
        )

    @async_slot()
    async def save_local_copy(self) -> None:
        """Save every user and post of the open server database into a new SQLite file."""
        database = self._window.database
        if database is None or sqlite_path(database.url) is not None:
            return
        go, view = await self._scope()
        if not go:
            return
        target = self._ask_target(self.tr("Save a local copy"), database.url)
        if target is None:
            return
        status = self._window.statusBar()
        try:
            with self._window.progress.showing(self.tr("Saving a local copy…"), 100) as progress:
                users, posts = await self._work().save_local_copy(
                    database.url, target, _percent(progress), view
                )
        except OperationCancelledError:
            status.showMessage(self.tr("Local copy cancelled: no file was written."), STATUS_MS)
            return
        except (StorageError, DomainError) as error:
            self._window.banner.show_error(
                self.tr("No local copy was saved: {reason}").format(reason=error_text(error))
            )
            return
        status.showMessage(
            self.tr(
                "Saved {users} and {posts} to {path}: open it with File → Open… to work offline."
            ).format(
                users=self.tr("%Ln user(s)", "", users),
                posts=self.tr("%Ln post(s)", "", posts),
                path=home_relative(target),
            ),
            STATUS_MS * 2,
        )

    async def _scope(self) -> tuple[bool, PostQuery | None]:
        """Whether to go on, and what a local copy holds: everything (None) unless the posts
        view is searched or filtered and the user picks just what it shows (its query)."""
        query = self._window.posts_model.query
        if not isinstance(query, PostQuery) or (
            not query.search.strip() and query.author_ids is None
        ):
            return True, None
        shown = self._window.posts_model.row_count
        narrowed = (
            self.tr("the search “{search}”").format(search=query.search.strip())
            if query.search.strip()
            else self.tr("the users selected above")
        )
        picked = await choose(
            self._window,
            title=self.tr("Save a local copy"),
            text=self.tr("Save every user and post, or only what the posts view shows?"),
            informative=self.tr(
                "The posts view shows %Ln post(s) for {view}. A copy of the view holds those "
                "posts and their authors.",
                "",
                shown.rows,
            ).format(view=narrowed),
            choices=[self.tr("Everything"), self.tr("The posts in view")],
            name="localCopyScope",
        )
        if picked is None:
            return False, None
        return True, (None if picked == 0 else query)

    # -- restoring ---------------------------------------------------------------------------

    @async_slot()
    async def restore(self) -> None:
        """Replace the open SQLite file with a backup the user picks, after a question that
        names both files and where the current one is kept; then open it again."""
        url = self._sqlite_url()
        current = sqlite_path(url) if url else None
        if url is None or current is None:
            return
        backup, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore from a backup"),
            str(Path(current).parent),
            translate("ConnectionDialog", SQLITE_FILTER),
        )
        if not backup:
            return
        status = self._window.statusBar()
        try:
            await self._work().check_backup(backup)
        except (StorageError, DomainError) as error:
            self._window.banner.show_error(error_text(error))
            return
        aside = self._work().replaced_path(url)
        if not await confirm(
            self._window,
            title=self.tr("Restore database"),
            text=self.tr("Replace {current} with the backup {backup}?").format(
                current=current, backup=backup
            ),
            informative=self.tr(
                "The current database is kept as {aside}. The undo history of the current "
                "database is cleared."
            ).format(aside=aside),
            accept_text=self.tr("Restore"),
        ):
            return
        await self._window.lifecycle.shutdown()  # closed while its file is replaced
        self.update_actions()
        try:
            with self._window.progress.showing(self.tr("Restoring the database…"), 100) as progress:
                kept = await self._work().restore(url, backup, aside, _percent(progress))
        except OperationCancelledError:
            await self._window.lifecycle.open(url)
            status.showMessage(self.tr("Restore cancelled: the database is as it was."), STATUS_MS)
            return
        except (StorageError, DomainError) as error:
            await self._window.lifecycle.open(url)
            self._window.banner.show_error(
                self.tr("Nothing was restored: {reason}").format(reason=error_text(error))
            )
            return
        if await self._window.lifecycle.open(url):
            restored = (
                self.tr("Restored {database} from {backup}; the replaced one was kept as {kept}.")
                if kept
                else self.tr("Restored {database} from {backup}.")
            )
            status.showMessage(
                restored.format(
                    database=database_label("SQLite: " + current),
                    backup=home_relative(backup),
                    kept=home_relative(kept) if kept else "",
                ),
                STATUS_MS * 2,
            )


def _percent(progress: Progress) -> Progress:
    """``progress`` of a 0-100 dialog, fed with any (done, total)."""
    return lambda done, total: progress(done * 100 // max(total, 1), 100)
