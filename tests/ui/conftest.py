"""UI test fixtures: a qasync event loop per test, and a real migrated SQLite file.

pytest-qt has no qasync support of its own: each test gets a ``qasync.QEventLoop`` that is
both the current and the running loop, so ``asyncSlot``s and ``asyncio.ensure_future`` work
while the test drives widgets with ``qtbot`` and waits with ``qtbot.waitUntil``. Teardown cancels
what is still pending and closes the loop. Exceptions that reach ``sys.excepthook`` (including
those raised inside an ``asyncSlot``) fail the test through pytest-qt's capture.
"""

from __future__ import annotations

import asyncio
import gc
import shutil
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
import qasync
import shiboken6
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop_app.gui import DatabaseOpener
    from desktop_app.ui.database import Database
    from desktop_app.ui.i18n import Translations
    from desktop_app.ui.main_window import MainWindow

T = TypeVar("T")


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> Iterator[Translations]:
    """The UI in English with US number formats, as the app starts where no other language is
    asked for: the English translation holds the plural forms ("1 post", "3 posts")."""
    from desktop_app.ui.i18n import install_translations

    installed = install_translations(qapp, ["en-US"])
    yield installed
    installed.remove()


@pytest.fixture
def german(qapp: QApplication, english: Translations) -> Iterator[Translations]:
    """German instead of English until the test ends (widgets built meanwhile speak German)."""
    from desktop_app.ui.i18n import install_translations

    english.remove()
    installed = install_translations(qapp, ["de-DE"])
    try:
        yield installed
    finally:
        installed.remove()
        english.translators[:] = install_translations(qapp, ["en-US"]).translators


@pytest.fixture
def event_loop_qt(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    gc.disable()  # as the app does: collect only on the GUI thread (see ui/gc_guard.py)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    errors: list[str] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(str(context)))
    try:
        yield loop
        assert not errors, f"exceptions in asyncio tasks: {errors}"
    finally:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        deadline = 200
        while deadline and any(not task.done() for task in pending):
            qapp.processEvents()
            deadline -= 1
        asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)
        # qasync's close() only flags its timer object stopped: a call_later still pending keeps
        # a Qt timer registered on it. Destroyed later by a collection in a worker thread (the
        # garbage collector runs in whichever thread allocates once this fixture re-enables
        # it), its timers could not be unregistered ("QObject::~QObject: Timers cannot be
        # stopped from another thread") and the next event crashed the test process. Deleted
        # here, on the GUI thread, it unregisters them.
        shiboken6.delete(loop._timer)
        gc.collect()
        gc.enable()


@pytest.fixture
def run(event_loop_qt: qasync.QEventLoop, qtbot: object) -> Callable[[Awaitable[T]], T]:
    """Run a coroutine to completion on the test's loop while Qt keeps processing events."""

    def runner(awaitable: Awaitable[T], timeout: int = 20_000) -> T:
        future = asyncio.ensure_future(awaitable)
        qtbot.waitUntil(future.done, timeout=timeout)  # type: ignore[attr-defined]
        return future.result()

    return runner


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to head, copied for each test (migrating costs ~0.5 s)."""
    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import make_engine

    path = tmp_path_factory.mktemp("template") / "migrated.db"
    url = f"sqlite+aiosqlite:///{path}"

    async def migrate() -> None:
        engine = make_engine(url, pool_size=1, max_overflow=0)
        try:
            await migrations.upgrade(engine, url)
        finally:
            await engine.dispose()

    # its own thread: a test's qasync loop may already be the running loop here
    worker = threading.Thread(target=asyncio.run, args=(migrate(),))
    worker.start()
    worker.join()
    assert path.exists()
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, migrated_template: Path) -> str:
    """A SQLite file with the app's tables, as the window opens it without asking anything
    (a file without them, or with an older schema, makes the window ask first)."""
    shutil.copyfile(migrated_template, tmp_path / "ui.db")
    return f"sqlite+aiosqlite:///{tmp_path / 'ui.db'}"


@pytest.fixture
def fresh_sqlite_url(tmp_path: Path) -> str:
    """A SQLite file that does not exist yet."""
    return f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"


@pytest.fixture
def consent(qapp: QApplication) -> Iterator[Callable[[str], list[str]]]:
    """``consent("Create")`` answers the window's consent dialogs from then on; returns the
    questions it saw. Stopped when the test ends."""
    from tests.ui.helpers import answer_consent

    timers = []

    def start(choice: str) -> list[str]:
        for timer in timers:
            timer.stop()
        timer, seen = answer_consent(choice)
        timers.append(timer)
        return seen

    yield start
    for timer in timers:
        timer.stop()
        timer.deleteLater()


@pytest.fixture
def opener(sqlite_url: str) -> DatabaseOpener:
    """Opens the test's SQLite file, as the app's DatabaseOpener does."""
    from desktop_app.config import load_settings
    from desktop_app.gui import DatabaseOpener

    return DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))


@pytest.fixture
def window(
    qtbot: QtBot, run: Callable[[Awaitable[object]], object], opener: DatabaseOpener, tmp_path: Path
) -> Iterator[MainWindow]:
    """The shown main window with the test's database open (closed again after the test)."""
    from tests.ui.windows import show_window

    win = show_window(qtbot, opener, tmp_path / "ui.ini")
    assert run(win.open(None))
    yield win
    run(win.shutdown())


@pytest.fixture
def german_window(german: Translations, window: MainWindow) -> MainWindow:
    """The main window built while German is installed (``german`` is set up first), on the
    test's database."""
    return window


@pytest.fixture
def other(run: Callable[[Awaitable[object]], object], opener: DatabaseOpener) -> Iterator[Database]:
    """A second writer on the test's file, with a journal of its own (not the window's)."""
    database = run(opener.open(None))
    yield database  # type: ignore[misc]
    run(database.close())  # type: ignore[attr-defined]
