"""Start the GUI: the main window, the qasync event loop, the database from settings.

The window appears as soon as a plain Qt program's would: its frame (title, size and place,
status bar) paints on a Qt event loop of its own, before asyncio, qasync and the window's parts
are imported; the tables, menus and toolbar are built right after, and the database layer loads
in a worker thread once all of that has painted.

Closing the window lets running work finish, disposes the engine and returns 0: no "Event loop
is closed" or pending-task noise on the way out.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import DESKTOP_ID, PRODUCT_NAME, __version__
from desktop_app.core.logging_setup import LOG_FILE_NAME, set_debug, setup_logging
from desktop_app.core.memory import keep_large_blocks_mapped
from desktop_app.core.paths import directory_name, log_dir
from desktop_app.ui.gc_guard import GarbageCollector
from desktop_app.ui.i18n import install_translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.resources import app_icon
from desktop_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from desktop_app.application.consent import Ask
    from desktop_app.config import Settings
    from desktop_app.domain.messages import Message
    from desktop_app.ui.database import Database


async def _import_database_layer() -> None:
    """Import SQLAlchemy, pydantic and the rest of the database layer in a worker thread: on
    the event loop's thread they would freeze the freshly painted window for ~300 ms."""
    import asyncio  # loaded by now (see run_gui)

    await asyncio.to_thread(importlib.import_module, "desktop_app.bootstrap")


class DatabaseOpener:
    """Opens databases for the window: ``None`` means the configured one.

    The settings and the database layer (SQLAlchemy, pydantic, Alembic) load on first use,
    after the window has appeared. ``configured`` may be given (tests); otherwise the settings
    are read then, with ``database_url`` (the --database-url option) winning.
    """

    def __init__(self, configured: Settings | None = None, *, database_url: str | None = None):
        self._configured = configured
        self._database_url = database_url

    def configured(self) -> Settings:
        from desktop_app.config import SettingsError, load_settings_with_url
        from desktop_app.domain.errors import StorageError  # the domain loads after first paint

        if self._configured is None:
            try:
                self._configured = load_settings_with_url(self._database_url)
            except SettingsError as error:  # its Message, to be said in the window's language
                raise StorageError(*error.args) from None
            if self._configured.DEBUG:  # libraries that log secrets at DEBUG stay quieter
                set_debug(True)
        return self._configured

    def settings_for(self, url: str | None) -> Settings:
        from desktop_app.config import SettingsError, load_settings
        from desktop_app.config.store import with_remembered_password
        from desktop_app.domain.errors import StorageError

        configured = self.configured()
        try:
            chosen = configured.DATABASE_URL if url is None else url
            return configured.model_copy(
                update={
                    "DATABASE_URL": load_settings(
                        DATABASE_URL=with_remembered_password(chosen)
                    ).DATABASE_URL
                }
            )
        except SettingsError as error:
            raise StorageError(*error.args) from None

    async def open(
        self,
        url: str | None,
        *,
        ask: Ask | None = None,
        read_only: bool = False,
        new: bool = False,
    ) -> Database:
        await _import_database_layer()
        from desktop_app import bootstrap

        return await bootstrap.open_database(
            self.settings_for(url), ask=ask, read_only=read_only, create_without_asking=new
        )

    async def test(self, url: str) -> Message:
        await _import_database_layer()
        from desktop_app import bootstrap

        return await bootstrap.probe(self.settings_for(url))

    def save(self, url: str) -> None:
        from desktop_app.config.store import save_database_url

        save_database_url(url)


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    # Qt's settings (window layout, recent files) live beside ours, under the same name.
    name = directory_name()
    app.setApplicationName(name)
    app.setOrganizationName(name)
    app.setApplicationDisplayName(PRODUCT_NAME)  # dialogs' titles end in it, as desktops expect
    app.setApplicationVersion(__version__)
    # Wayland matches windows to resources/linux/<this>.desktop (its menu entry and icon).
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    install_translations(app)  # before any window: widgets take their text when made
    apply_theme(app)
    return app


def paint_frame(app: QApplication) -> None:
    """Let Qt run its pending events (show, expose, paint) once, on a Qt event loop of its
    own: the window's frame paints before asyncio and qasync are imported (a sixth of the
    start-up), just as a plain Qt program paints its first window."""
    turn = QEventLoop(app)
    QTimer.singleShot(0, turn.quit)
    turn.exec()


async def next_qt_turn() -> None:
    """Return after Qt has run its pending events (show, expose, paint) once."""
    import asyncio  # loaded by now: the window's loop runs on it

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def resolve() -> None:
        if not done.done():
            done.set_result(None)

    QTimer.singleShot(0, resolve)
    await done


AfterPaint = Callable[[MainWindow, float, float], Awaitable[bool]]
AfterOpen = Callable[[MainWindow, bool], Awaitable[int]]


def run_gui(
    *,
    database_url: str | None = None,
    path: str | None = None,
    read_only: bool = False,
    after_paint: AfterPaint | None = None,
    after_open: AfterOpen | None = None,
) -> int:
    """Run the window until it closes; ``path`` (desktop-app FILE) is the SQLite file to open
    instead of the configured database, through the same consent question as any other.

    The hooks are for the start-up harness (``harness.py``): ``after_paint(window, painted_at,
    built_at)`` runs once the window's frame has painted and then the whole window (the two
    times), and returning False closes it before any database is opened; ``after_open(window,
    opened)`` runs beside the window once the database opened (or failed to), and its result
    is the exit code.
    """
    keep_large_blocks_mapped()  # an export's network buffers go back to the system when freed
    app = make_application()
    if path is not None:
        from desktop_app.ui.sqlite_files import sqlite_url

        database_url = sqlite_url(path)
    from desktop_app.backups import DatabaseBackups

    opener = DatabaseOpener(database_url=database_url)
    window = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=opener.save,
        backups=DatabaseBackups(opener.settings_for),
        settings=QSettings(),
        build=False,  # the frame paints first; ``build`` fills it in (see MainWindow)
    )
    closed_early: list[bool] = []  # closed before the asyncio loop runs (it can be, at once)
    window.closed.connect(lambda: closed_early.append(True))
    window.show()
    paint_frame(app)
    painted_at = time.time()

    # asyncio, qasync and the window's parts load once the frame is on screen.
    import asyncio

    import qasync

    from desktop_app.ui.crash import CrashReporter

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    reporter = CrashReporter(log_path=str(log_dir() / LOG_FILE_NAME), parent=lambda: window)
    reporter.install(loop)
    collector = GarbageCollector(parent=app)
    collector.start()

    async def main() -> int:
        if closed_early:  # closed while its frame was all there was: nothing to finish
            return 0
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.build()
        await next_qt_turn()  # the whole window paints before the database layer loads
        built_at = time.time()
        setup_logging()  # the log file, once the window is up
        if after_paint is not None and not await after_paint(window, painted_at, built_at):
            window.close()
            await closed.wait()
            return 0
        opened = await window.open(None, read_only=read_only)
        gc.freeze()  # modules and start-up objects live for good: keep them out of every GC pass
        driving = None
        if after_open is not None:
            driving = asyncio.ensure_future(after_open(window, opened))
        await closed.wait()
        code = 0 if driving is None else await driving
        await window.shutdown()
        return code

    try:
        with contextlib.closing(loop):
            code = int(loop.run_until_complete(main()))
    finally:
        collector.stop(collect=False)  # the process ends: nothing left worth collecting
    return code
