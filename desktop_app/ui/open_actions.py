"""Opening files as DB Browser for SQLite does: File → Open…, Open read-only…, New database…,
Recent databases, and a file dropped on the window.

Every way in ends in ``DatabaseLifecycle.open`` (database_lifecycle.py, which asks first): a file
without our tables is changed only after the user agrees, whichever way it arrived. Paths become
URLs through ``sqlite_url``, so ``?``, ``%``, ``#`` and spaces name exactly that file. The recent
list lives in the window's QSettings (beside its size), PostgreSQL entries without passwords.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from PySide6.QtCore import QEvent, QMimeData, QObject, QSettings
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from desktop_app.ui.formatting import home_relative
from desktop_app.ui.i18n import translate
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.sqlite_files import SQLITE_FILTER, sqlite_url
from desktop_app.ui.status_bar import STATUS_MS

RECENT_KEY = "recent/databases"
RECENT_MAX = 10


def without_password(url: str) -> str:
    """``url`` without its password: the recent list is a plain settings file (the keyring
    keeps passwords the user chose to remember)."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def sqlite_path(url: str) -> str | None:
    """The file a SQLite URL names (percent-decoded, as SQLAlchemy reads it), else None."""
    scheme, separator, rest = url.partition(":///")
    if not separator or not scheme.startswith("sqlite"):
        return None
    return unquote(rest.partition("?")[0])


def recent_label(url: str) -> str:
    """How a recent entry reads in the menu: a file home-relative, a server as user@host/db."""
    path = sqlite_path(url)
    if path is not None:
        return home_relative(path)
    return "PostgreSQL: " + url.partition("://")[2]


def dropped_file(mime: QMimeData) -> str | None:
    """The one local file (not a folder) in a drag, else None: one database at a time."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return None if Path(path).is_dir() else path


class RecentDatabases:
    """The recently opened databases, most recent first, at most RECENT_MAX, in QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def urls(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a one-item list back as its item
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if v][:RECENT_MAX]

    def add(self, url: str) -> None:
        url = without_password(url)
        self._store([url, *(u for u in self.urls() if u != url)])

    def remove(self, url: str) -> None:
        self._store([u for u in self.urls() if u != url])

    def clear(self) -> None:
        self._store([])

    def _store(self, urls: list[str]) -> None:
        self._settings.setValue(RECENT_KEY, urls[:RECENT_MAX])
        self._settings.sync()


class OpenActions(QObject):
    """The File menu's ways to open a database, and drag and drop onto ``window``."""

    def __init__(
        self,
        *,
        window: QMainWindow,
        open_url: Callable[..., Awaitable[bool]],
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._open_url = open_url
        self.recent = RecentDatabases(settings)
        self._checks = 0  # the Recent menu's builds: a check answers only its own
        self._checking: asyncio.Future[None] | None = None

        self.act_open = self._action(
            self.tr("&Open…"), self.open_file, "actionOpen", QKeySequence.StandardKey.Open
        )
        self.act_open.setStatusTip(self.tr("Open a SQLite file"))
        self.act_open_read_only = self._action(
            self.tr("Open read-&only…"),
            self.open_file_read_only,
            "actionOpenReadOnly",
            "Ctrl+Shift+O",
        )
        self.act_open_read_only.setStatusTip(
            self.tr("Open a SQLite file without changing anything")
        )
        self.act_new_database = self._action(
            self.tr("New data&base…"), self.new_database, "actionNewDatabase", None
        )
        self.act_new_database.setStatusTip(
            self.tr("Create a SQLite file with the users and posts tables")
        )
        self.recent_menu = QMenu(self.tr("&Recent databases"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.update_recent_menu)
        self.act_clear_recent = QAction(self.tr("&Clear recent"), self)
        self.act_clear_recent.setObjectName("actionClearRecent")
        self.act_clear_recent.triggered.connect(self.clear_recent)
        self.update_recent_menu()

        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        name: str,
        shortcut: QKeySequence.StandardKey | str | None,
    ) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def add_to(self, menu: QMenu) -> None:
        """Put New database…, Open…, Open read-only… and Recent databases in ``menu``."""
        for action in (self.act_new_database, self.act_open, self.act_open_read_only):
            menu.addAction(action)
        menu.addMenu(self.recent_menu)

    # -- opening -----------------------------------------------------------------------------

    async def open_path(self, path: str, *, read_only: bool = False, new: bool = False) -> bool:
        """Open the SQLite file at ``path`` in the window (asking first unless ``new``)."""
        return await self._open_url(sqlite_url(path), read_only=read_only, new=new)

    def _start_folder(self) -> str:
        for url in self.recent.urls():
            path = sqlite_path(url)
            if path is not None and Path(path).parent.is_dir():
                return str(Path(path).parent)
        return str(Path.home())

    @async_slot()
    async def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open database"),
            self._start_folder(),
            translate("ConnectionDialog", SQLITE_FILTER),
        )
        if path:
            await self.open_path(path)

    @async_slot()
    async def open_file_read_only(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open database read-only"),
            self._start_folder(),
            translate("ConnectionDialog", SQLITE_FILTER),
        )
        if path:
            await self.open_path(path, read_only=True)

    @async_slot()
    async def new_database(self) -> None:
        """Create a SQLite file with our tables, without the question (the user asked for it).
        A file that is already there is opened as by Open…, asking before it is changed: a
        database is never replaced behind its owner's back."""
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("New database"),
            self._start_folder(),
            translate("ConnectionDialog", SQLITE_FILTER),
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".db"
        exists = await asyncio.to_thread(Path(path).exists)  # a network drive may be slow
        await self.open_path(path, new=not exists)

    # -- recent ------------------------------------------------------------------------------

    def remember(self, url: str | None) -> None:
        """Put ``url`` (its password left out) at the top of Recent databases."""
        if url is None:
            return
        self.recent.add(url)
        self.update_recent_menu()

    def clear_recent(self) -> None:
        self.recent.clear()
        self.update_recent_menu()

    def update_recent_menu(self) -> None:
        """List the recent databases, then mark a file no longer there as not found (disabled).

        Whether each file is there is asked in a worker thread, after the menu is built: a
        file on a network drive that is gone or asleep can take the system seconds to answer,
        and the menu is built while the window starts."""
        self.recent_menu.clear()
        urls = self.recent.urls()
        entries: list[tuple[QAction, str, str]] = []
        for number, url in enumerate(urls, start=1):
            label = recent_label(url).replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number % 10} {label}")
            action.setData(url)
            action.setToolTip(url)
            action.triggered.connect(lambda _=False, url=url: self._open_recent(url))
            path = sqlite_path(url)
            if path is not None:
                entries.append((action, path, action.text()))
        if not urls:
            self.recent_menu.addAction(self.tr("No recent databases")).setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(urls))
        self._checks += 1
        if entries:
            self._checking = asyncio.ensure_future(self._mark_missing(entries, self._checks))

    async def _mark_missing(self, entries: list[tuple[QAction, str, str]], check: int) -> None:
        """Disable and mark the entries whose file is not there (if the menu is still the one
        they were asked for)."""
        paths = [path for _action, path, _text in entries]
        there = await asyncio.to_thread(lambda: [Path(path).exists() for path in paths])
        if check != self._checks:
            return  # the menu was built again meanwhile
        for (action, path, text), present in zip(entries, there, strict=True):
            if not present:
                action.setText(text + " " + self.tr("(not found)"))
                action.setEnabled(False)
                action.setToolTip(self.tr("{path} is not there any more").format(path=path))

    async def wait_checked(self) -> None:
        """Until the Recent menu knows which of its files are there (tests)."""
        if self._checking is not None:
            await self._checking

    async def stop_checking(self) -> None:
        """The window closes: a check still asking a slow drive is not waited for."""
        if self._checking is not None and not self._checking.done():
            self._checking.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checking

    @async_slot(str)
    async def _open_recent(self, url: str) -> None:
        path = sqlite_path(url)
        gone = path is not None and not await asyncio.to_thread(Path(path).exists)
        if path is not None and gone:  # deleted since the menu was built
            self.recent.remove(url)
            self.update_recent_menu()
            self._window.statusBar().showMessage(
                self.tr("{path} is not there any more: removed from Recent databases.").format(
                    path=home_relative(path)
                ),
                STATUS_MS,
            )
            return
        await self._open_url(url)

    # -- drag and drop -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept one local file dragged onto the window, and open it when dropped."""
        if watched is self._window and isinstance(event, QDropEvent):  # drag events too
            path = dropped_file(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.open_dropped(path)
                return True
        return super().eventFilter(watched, event)

    @async_slot(str)
    async def open_dropped(self, path: str) -> None:
        await self.open_path(path)
