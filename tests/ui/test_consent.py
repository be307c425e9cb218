"""Consent before change (issue #9 item 2), in the window: a file that is not the app's is
changed only after the user says so, an old schema is backed up before its upgrade, and a
read-only open disables every editing action.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine
from desktop_app.ui.connection_dialog import ConnectionDialog, sqlite_url
from desktop_app.ui.main_window import MainWindow
from tests.ui.helpers import Consent, Run, seed
from tests.ui.test_main_window import wait_rows
from tests.ui.windows import show_window

MakeWindow = Callable[[str], MainWindow]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign_file(path: Path) -> Path:
    """Someone else's SQLite file: one ``notes`` table, rollback journal."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
        connection.commit()
    return path


@pytest.fixture
def make_window(qtbot: QtBot, run: Run, tmp_path: Path) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make(url: str) -> MainWindow:
        opener = DatabaseOpener(load_settings(DATABASE_URL=url))
        window = show_window(qtbot, opener, tmp_path / "ui.ini")
        windows.append(window)
        return window

    yield make
    for window in windows:
        run(window.shutdown())


def test_a_foreign_file_is_left_alone_when_the_user_cancels(
    make_window: MakeWindow, run: Run, consent: Consent, tmp_path: Path
) -> None:
    path = foreign_file(tmp_path / "notes.db")
    digest = sha256(path)
    seen = consent("Cancel")
    window = make_window(f"sqlite+aiosqlite:///{path}")
    assert not run(window.open(None))
    assert window.database is None
    assert seen and "This file has no users and posts tables. Create them?" in seen[0]
    assert "other tables (notes)" in seen[0]
    assert "nothing in it was changed" in window.statusBar().currentMessage()
    assert not window.banner.isVisible()  # saying no is not an error
    assert sha256(path) == digest
    assert not list(tmp_path.glob("notes.db-*"))  # no journal, no WAL left behind


def test_test_connection_changes_nothing_and_creates_nothing(
    qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    path = foreign_file(tmp_path / "notes.db")
    digest = sha256(path)
    opener = DatabaseOpener(load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}"))
    dialog = ConnectionDialog(current_url="", test_connection=opener.test)
    qtbot.addWidget(dialog)
    dialog.sqlite_path.setText(str(path))
    dialog.test()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and dialog.test_result.text() != "")
    qtbot.waitUntil(lambda: "Connecting" not in dialog.test_result.text())
    assert "no users and posts tables (it has notes)" in dialog.test_result.text()
    assert sha256(path) == digest
    typo = tmp_path / "no such folder" / "typo.db"
    dialog.sqlite_path.setText(str(typo))
    dialog.test()
    qtbot.waitUntil(lambda: "does not exist" in dialog.test_result.text(), timeout=10_000)
    assert not typo.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_opening_a_mistyped_path_and_cancelling_creates_nothing(
    make_window: MakeWindow, run: Run, consent: Consent, tmp_path: Path
) -> None:
    typo = tmp_path / "no such folder" / "typo.db"
    seen = consent("Cancel")
    window = make_window(sqlite_url(str(typo)))
    assert not run(window.open(None))
    assert "This file does not exist. Create a new database there?" in seen[0]
    assert not typo.parent.exists()


def test_an_old_schema_is_backed_up_before_the_upgrade(
    make_window: MakeWindow, run: Run, consent: Consent, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"

    async def at_0003() -> None:
        engine = make_engine(url, pool_size=1, max_overflow=0)
        try:
            await migrations.upgrade(engine, url, "0003")
        finally:
            await engine.dispose()

    run(at_0003())
    seen = consent("Upgrade")
    window = make_window(url)
    assert run(window.open(None))
    assert window.database is not None and window.database.revision == migrations.head_revision()
    [backup] = tmp_path.glob("old.backup-0003-*.db")
    assert "older desktop_app schema (0003" in seen[0]
    assert str(backup) in seen[0]  # the dialog names the copy
    with contextlib.closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as copy:
        [(revision,)] = copy.execute("SELECT version_num FROM desktop_app_alembic_version")
    assert revision == "0003"


def test_read_only_disables_every_editing_action(
    make_window: MakeWindow, run: Run, qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    writer = make_window(sqlite_url)
    assert run(writer.open(None))
    run(seed(writer.database, users=2, posts_per_user=1))  # type: ignore[arg-type]
    run(writer.shutdown())
    path = tmp_path / "ui.db"
    digest = sha256(path)
    window = make_window(sqlite_url)
    assert run(window.open(None, read_only=True))
    wait_rows(qtbot, window.users_model, 2)
    wait_rows(qtbot, window.posts_model, 2)
    window.users_panel.select_row(0)
    qtbot.waitUntil(lambda: bool(window.users_panel.selected_rows()))
    assert window.read_only_label.isVisible() and window.read_only_label.text() == "Read-only"
    for action in (window.act_new_user, window.act_new_post, window.act_edit, window.act_delete):
        assert not action.isEnabled(), action.text()
    for model in (window.users_model, window.posts_model):
        for column in range(model.columnCount()):
            flags = model.flags(model.index(0, column))
            assert not flags & Qt.ItemFlag.ItemIsEditable
            assert not flags & Qt.ItemFlag.ItemIsUserCheckable  # the Active toggle
    window.new_user()  # a shortcut that slipped through still cannot write
    run(asyncio.sleep(0.1))
    assert sha256(path) == digest


def test_open_read_only_from_the_question_changes_nothing(
    make_window: MakeWindow, run: Run, consent: Consent, tmp_path: Path, qtbot: QtBot
) -> None:
    path = foreign_file(tmp_path / "notes.db")
    digest = sha256(path)
    consent("Open read-only")
    window = make_window(f"sqlite+aiosqlite:///{path}")
    assert run(window.open(None))
    assert window.database is not None and window.database.read_only
    assert "no users and posts tables" in window.statusBar().currentMessage()
    wait_rows(qtbot, window.users_model, 0)
    assert not window.act_new_user.isEnabled()
    assert sha256(path) == digest


def test_a_read_only_open_of_an_old_schema_says_it_is_old(
    make_window: MakeWindow, run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"

    async def at(revision: str) -> None:
        engine = make_engine(url, pool_size=1, max_overflow=0)
        try:
            await migrations.upgrade(engine, url, revision)
        finally:
            await engine.dispose()

    run(at("0001"))
    digest = sha256(path)
    window = make_window(url)
    opened = run(window.open(None, read_only=True))
    text = window.statusBar().currentMessage() if opened else window.banner.message.text()
    assert "older" in text and "0001" in text, text
    assert sha256(path) == digest
    assert window.database is None or window.database.revision == "0001"
