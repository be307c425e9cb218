"""Opening files like DB Browser for SQLite (issue #9 item 7): File → Open…, New database…,
Recent databases (remembered across restarts, PostgreSQL without its password) and a file dropped
on the window, all through the consent question of any other open.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.connection_dialog import sqlite_url
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.open_actions import RECENT_KEY, without_password
from tests.ui.helpers import Consent, Run, seed
from tests.ui.test_consent import foreign_file
from tests.ui.test_main_window import wait_rows
from tests.ui.windows import show_window

ODD_NAME = "my notes? 100% #1.db"  # every character a URL reads differently

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    """The settings store every window of a test shares: a restart reads what the last wrote."""
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, run: Run, sqlite_url: str, ini: Path) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))
        window = show_window(qtbot, opener, ini)
        windows.append(window)
        return window

    yield make
    for window in windows:
        run(window.shutdown())


@pytest.fixture
def odd_file(tmp_path: Path, migrated_template: Path, run: Run) -> Path:
    """Our schema with two users, in a folder and file whose names hold ``?``, ``%``, ``#``."""
    folder = tmp_path / "odd #dir? 50%"
    folder.mkdir()
    path = folder / ODD_NAME
    shutil.copyfile(migrated_template, path)
    opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url(str(path))))
    session = run(opener.open(None))
    run(seed(session, 2))
    run(session.close())
    return path


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file dialogs answer ``path`` (the native ones cannot be driven by a test)."""
    answer = staticmethod(lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def opened(window: MainWindow, path: Path) -> bool:
    return window.database is not None and window.database.display_name.endswith(str(path))


def test_file_open_shows_that_files_rows_whatever_its_name_holds(
    make_window: MakeWindow, run: Run, qtbot: QtBot, odd_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    assert run(window.open(None))
    wait_rows(qtbot, window.users_model, 0)
    choose_file(monkeypatch, odd_file)
    window.open_actions.act_open.trigger()
    qtbot.waitUntil(lambda: opened(window, odd_file), timeout=10_000)
    wait_rows(qtbot, window.users_model, 2)
    assert ODD_NAME in window.windowTitle()
    assert sorted(p.name for p in odd_file.parent.iterdir()) == [ODD_NAME]  # nothing beside it


def test_open_read_only_opens_it_read_only(
    make_window: MakeWindow, run: Run, qtbot: QtBot, odd_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    choose_file(monkeypatch, odd_file)
    window.open_actions.act_open_read_only.trigger()
    qtbot.waitUntil(lambda: opened(window, odd_file), timeout=10_000)
    assert window.database is not None and window.database.read_only
    assert not window.act_new_user.isEnabled()


def test_new_database_creates_our_tables_without_asking(
    make_window: MakeWindow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    consent: Consent,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = consent("Cancel")  # a question would be refused, and the file not created
    path = tmp_path / "brand new #2?.db"
    window = make_window()
    choose_file(monkeypatch, path)
    window.open_actions.act_new_database.trigger()
    qtbot.waitUntil(lambda: opened(window, path), timeout=10_000)
    assert seen == []
    assert not window.database.read_only  # type: ignore[union-attr]
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"users", "posts", "desktop_app_alembic_version"} <= tables


def test_new_database_on_an_existing_file_asks_first(
    make_window: MakeWindow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    consent: Consent,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = foreign_file(tmp_path / "someone else's.db")
    seen = consent("Cancel")
    window = make_window()
    choose_file(monkeypatch, path)
    window.open_actions.act_new_database.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "has no users and posts tables" in seen[0]


def test_recent_databases_survive_a_restart_most_recent_first(
    make_window: MakeWindow, run: Run, qtbot: QtBot, odd_file: Path, sqlite_url: str, ini: Path
) -> None:
    window = make_window()
    assert run(window.open(None))
    assert run(window.open(sqlite_url_of(odd_file)))
    run(window.shutdown())
    window.close()

    again = make_window()  # a restart: a new window on the same settings store
    again.open_actions.update_recent_menu()
    texts = [a.text() for a in again.open_actions.recent_menu.actions() if a.text()]
    assert ODD_NAME.replace("&", "&&") in texts[0]
    assert texts[1].endswith("ui.db")
    assert texts[-1] == "&Clear recent"
    recent = [a for a in again.open_actions.recent_menu.actions() if a.data()]
    recent[0].trigger()  # and an entry opens exactly that file
    qtbot.waitUntil(lambda: opened(again, odd_file), timeout=10_000)
    wait_rows(qtbot, again.users_model, 2)

    again.open_actions.act_clear_recent.trigger()
    assert QSettings(str(ini), QSettings.Format.IniFormat).value(RECENT_KEY) in (None, [], "")


def sqlite_url_of(path: Path) -> str:
    return sqlite_url(str(path))


def test_a_recent_file_that_is_gone_is_shown_disabled(
    make_window: MakeWindow, run: Run, qtbot: QtBot, odd_file: Path
) -> None:
    window = make_window()
    assert run(window.open(sqlite_url_of(odd_file)))
    run(window.shutdown())
    odd_file.unlink()
    window.open_actions.update_recent_menu()
    run(window.open_actions.wait_checked())
    [entry] = [a for a in window.open_actions.recent_menu.actions() if a.data()]
    assert not entry.isEnabled()
    assert entry.text().endswith("(not found)")


def test_the_recent_menu_asks_for_its_files_off_the_gui_thread(
    make_window: MakeWindow, run: Run, odd_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file on a network drive that is gone can take the system seconds to answer: the
    menu is built at once (while the window starts), each file asked for in a worker thread."""
    window = make_window()
    assert run(window.open(sqlite_url_of(odd_file)))
    run(window.shutdown())
    asked_on: list[bool] = []
    exists = Path.exists

    def asked(path: Path) -> bool:
        asked_on.append(threading.current_thread() is threading.main_thread())
        return exists(path)

    monkeypatch.setattr(Path, "exists", asked)
    window.open_actions.update_recent_menu()
    [entry] = [a for a in window.open_actions.recent_menu.actions() if a.data()]
    assert entry.isEnabled() and not asked_on  # built, nothing asked yet on this thread
    run(window.open_actions.wait_checked())
    assert asked_on == [False]
    assert entry.isEnabled() and not entry.text().endswith("(not found)")


def test_a_postgresql_entry_is_remembered_without_its_password(
    make_window: MakeWindow, ini: Path
) -> None:
    url = "postgresql+asyncpg://ann:s3cr%40t@db.example.org:5432/blog?ssl=require"
    window = make_window()
    window.open_actions.remember(url)
    stored = ini.read_text(encoding="utf-8")
    assert "s3cr" not in stored
    again = make_window()
    texts = [a.text() for a in again.open_actions.recent_menu.actions()]
    assert any("ann@db.example.org:5432/blog" in t for t in texts), texts
    assert not any("s3cr" in t for t in texts)
    assert without_password(url) == "postgresql+asyncpg://ann@db.example.org:5432/blog?ssl=require"


def drop(window: MainWindow, *paths: Path) -> tuple[bool, bool]:
    """Drag ``paths`` onto the window and drop them; returns (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(
        where.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    dropped = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_a_file_on_the_window_opens_it(
    make_window: MakeWindow, run: Run, qtbot: QtBot, odd_file: Path
) -> None:
    window = make_window()
    assert drop(window, odd_file) == (True, True)
    qtbot.waitUntil(lambda: opened(window, odd_file), timeout=10_000)
    wait_rows(qtbot, window.users_model, 2)


def test_a_dropped_foreign_file_gets_the_consent_question(
    make_window: MakeWindow, run: Run, qtbot: QtBot, tmp_path: Path, consent: Consent
) -> None:
    path = foreign_file(tmp_path / "notes #3.db")
    seen = consent("Cancel")
    window = make_window()
    drop(window, path)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "has no users and posts tables" in seen[0]
    assert window.database is None


def test_two_files_or_a_folder_are_not_taken(
    make_window: MakeWindow, tmp_path: Path, odd_file: Path
) -> None:
    window = make_window()
    assert drop(window, odd_file, odd_file) == (False, False)
    assert drop(window, tmp_path) == (False, False)
