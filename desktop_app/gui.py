"""Start the GUI: the qasync event loop, the database from settings, the main window.

Closing the window lets running work finish, disposes the engine and returns 0: no "Event loop
is closed" or pending-task noise on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME
from desktop_app.core.logging_setup import LOG_FILE_NAME, set_debug, setup_logging
from desktop_app.core.paths import log_dir
from desktop_app.domain.errors import StorageError
from desktop_app.ui.crash import CrashReporter
from desktop_app.ui.database import Database
from desktop_app.ui.gc_guard import GarbageCollector
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.resources import app_icon
from desktop_app.ui.table_model import LazyTableModel
from desktop_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from desktop_app.application.consent import Ask
    from desktop_app.config import Settings


async def _import_database_layer() -> None:
    """Import SQLAlchemy, pydantic and the rest of the database layer in a worker thread: on
    the event loop's thread they would freeze the freshly painted window for ~300 ms."""
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

        if self._configured is None:
            try:
                self._configured = load_settings_with_url(self._database_url)
            except SettingsError as error:
                raise StorageError(str(error)) from None
            if self._configured.DEBUG:  # libraries that log secrets at DEBUG stay quieter
                set_debug(True)
        return self._configured

    def settings_for(self, url: str | None) -> Settings:
        from desktop_app.config import SettingsError, load_settings
        from desktop_app.config.store import with_remembered_password

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
            raise StorageError(str(error)) from None

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

    async def test(self, url: str) -> str:
        await _import_database_layer()
        from desktop_app import bootstrap

        return await bootstrap.probe(self.settings_for(url))

    def save(self, url: str) -> None:
        from desktop_app.config.store import save_database_url

        save_database_url(url)


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app)
    return app


async def _next_qt_turn() -> None:
    """Return after Qt has run its pending events (show, expose, paint) once."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def resolve() -> None:
        if not done.done():
            done.set_result(None)

    QTimer.singleShot(0, resolve)
    await done


async def _until(predicate: Callable[[], bool], seconds: float) -> bool:
    """Poll a UI condition every 50 ms (there is no single signal for "painted with rows")."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def _screenshot_when_ready(window: MainWindow, path: Path) -> None:
    """Wait until both tables show rows (or are empty), save the window as PNG, close it."""

    def shown(model: LazyTableModel) -> bool:
        count = model.row_count
        return count.exact and (count.rows == 0 or model.cache.get(0) is not None)

    await _until(lambda: shown(window.users_model) and shown(window.posts_model), 60)
    if window.users_model.row_count.rows and window.session is not None:
        # show master-detail with substance: the most prolific of the first users on screen
        rows = [window.users_model.row_at(n) for n in range(min(15, window.users_model.rowCount()))]
        counts = [await window.session.users.count_posts_of([r.id]) for r in rows if r]
        window.users_panel.select_row(max(range(len(counts)), key=counts.__getitem__))
        await _until(lambda: shown(window.posts_model), 60)
    await asyncio.sleep(0.4)  # let the last repaint land
    path.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(path))
    window.close()


def run_gui(
    *,
    database_url: str | None = None,
    path: str | None = None,
    screenshot: Path | None = None,
    quit_after_start: str | None = None,
    read_only: bool = False,
) -> int:
    """Run the window until it closes; ``path`` (desktop-app FILE) is the SQLite file to open
    instead of the configured database, through the same consent question as any other."""
    app = make_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if path is not None:
        from desktop_app.ui.connection_dialog import sqlite_url

        database_url = sqlite_url(path)
    opener = DatabaseOpener(database_url=database_url)
    window = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=opener.save,
        settings=QSettings(),
    )
    reporter = CrashReporter(log_path=str(log_dir() / LOG_FILE_NAME), parent=lambda: window)
    reporter.install(loop)
    collector = GarbageCollector(parent=app)
    collector.start()

    async def main() -> int:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.show()
        await _next_qt_turn()  # the window paints before the database layer loads
        painted_at = time.time()
        setup_logging()  # the log file, once the window is up
        if quit_after_start == "window":
            print(f"painted-at {painted_at:.6f}", flush=True)
            window.close()
            await closed.wait()
            return 0
        opened = await window.open(None, read_only=read_only)
        gc.freeze()  # modules and start-up objects live for good: keep them out of every GC pass
        shooting = None
        if screenshot is not None:
            if opened:
                shooting = asyncio.ensure_future(_screenshot_when_ready(window, screenshot))
            else:
                window.close()
        if quit_after_start == "rows":
            await _until(
                lambda: (
                    window.users_model.cache.get(0) is not None
                    or (
                        window.users_model.row_count.exact
                        and window.users_model.row_count.rows == 0
                    )
                ),
                60,
            )
            await _next_qt_turn()  # the first rows paint
            print(f"painted-at {painted_at:.6f} rows-at {time.time():.6f}", flush=True)
            window.close()
        await closed.wait()
        if shooting is not None:
            await shooting
        await window.shutdown()
        return 0 if (screenshot is None or opened) else 1

    try:
        with contextlib.closing(loop):
            code = int(loop.run_until_complete(main()))
    finally:
        collector.stop(collect=False)  # the process ends: nothing left worth collecting
    return code
