"""Start the GUI: the qasync event loop, the database from settings, the main window.

Closing the window lets running work finish, disposes the engine and returns 0: no "Event loop
is closed" or pending-task noise on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__, bootstrap
from desktop_app.config import Settings, SettingsError, load_settings
from desktop_app.config.store import save_database_url, with_remembered_password
from desktop_app.core.logging_setup import setup_logging
from desktop_app.domain.errors import StorageError
from desktop_app.ui.crash import CrashReporter
from desktop_app.ui.gc_guard import GarbageCollector
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.resources import app_icon
from desktop_app.ui.session import DatabaseSession
from desktop_app.ui.table_model import LazyTableModel
from desktop_app.ui.theme import apply_theme


class DatabaseOpener:
    """Opens databases for the window: ``None`` means the one configured at start-up."""

    def __init__(self, configured: Settings) -> None:
        self._configured = configured

    def settings_for(self, url: str | None) -> Settings:
        try:
            chosen = self._configured.DATABASE_URL if url is None else url
            return self._configured.model_copy(
                update={
                    "DATABASE_URL": load_settings(
                        DATABASE_URL=with_remembered_password(chosen)
                    ).DATABASE_URL
                }
            )
        except SettingsError as error:
            raise StorageError(str(error)) from None

    async def open(self, url: str | None) -> DatabaseSession:
        return await bootstrap.open_database(self.settings_for(url))

    async def test(self, url: str) -> str:
        return await bootstrap.probe(self.settings_for(url))


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app)
    return app


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


def run_gui(settings: Settings, *, screenshot: Path | None = None) -> int:
    log_path = setup_logging(debug=settings.DEBUG)
    app = make_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    opener = DatabaseOpener(settings)
    window = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=save_database_url,
        settings=QSettings(),
    )
    CrashReporter(log_path=str(log_path), parent=lambda: window).install(loop)
    collector = GarbageCollector(parent=app)
    collector.start()

    async def main() -> int:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.show()
        opened = await window.open(None)
        shooting = None
        if screenshot is not None:
            if opened:
                shooting = asyncio.ensure_future(_screenshot_when_ready(window, screenshot))
            else:
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
        collector.stop()
    return code
