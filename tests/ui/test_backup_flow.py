"""File → Back up…, Restore… and Save a local copy… (#12) on the real window over a real SQLite
file: the copy holds the rows and the status bar names it; a restore asks with both files and
where the current one goes, then reopens the restored database; anything else is refused in
words with nothing changed; the actions follow the database open."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop_app.backups import DatabaseBackups
from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.backup_flow import BackupFlow
from desktop_app.ui.main_window import MainWindow
from tests.ui.helpers import Consent, Run, answer_question, seed
from tests.ui.windows import show_window


@pytest.fixture
def flow(window: MainWindow, opener: DatabaseOpener) -> BackupFlow:
    """The controller as main_window.py would build it, its actions in a File menu."""
    backups = BackupFlow(window=window, backups=DatabaseBackups(opener.settings_for))
    backups.add_to(QMenu(window))
    return backups


def current_file(window: MainWindow) -> Path:
    assert window.database is not None
    return Path(window.database.url.removeprefix("sqlite+aiosqlite:///"))


def usernames(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [r[0] for r in db.execute("SELECT username FROM users ORDER BY username")]


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the next save dialogs with ``path``; returns the names they proposed."""
    proposed: list[str] = []

    def answer(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        proposed.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


def open_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_back_up_writes_the_copy_and_names_it(
    window: MainWindow, flow: BackupFlow, run: Run, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    run(seed(window.database, users=30, posts_per_user=2))
    target = tmp_path / "copies" / "monday"
    proposed = save_as(monkeypatch, target)
    assert flow.act_back_up.isVisible() and flow.act_back_up.isEnabled()
    flow.act_back_up.trigger()
    qtbot.waitUntil(lambda: "Backed up to" in status(window), timeout=15_000)
    copy = target.with_suffix(".db")  # the extension added
    assert str(copy) in status(window)
    assert usernames(copy) == usernames(current_file(window))
    assert Path(proposed[0]).parent == current_file(window).parent  # a dated name beside it
    assert Path(proposed[0]).name.startswith("ui-")


def test_restore_asks_naming_both_files_then_reopens_the_backup(
    window: MainWindow, flow: BackupFlow, run: Run, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    run(seed(window.database, users=3))
    backup = tmp_path / "backup.db"
    save_as(monkeypatch, backup)
    flow.act_back_up.trigger()
    qtbot.waitUntil(lambda: "Backed up to" in status(window), timeout=15_000)
    run(seed(window.database, users=2, start=3))  # made after the backup
    before = window.database
    open_as(monkeypatch, backup)
    flow.act_restore.trigger()
    question = answer_question(qtbot, "Restore")
    current = current_file(window)
    assert f"Replace {current} with the backup {backup}?" == question[0]
    [aside] = [word for word in question[1].split() if ".replaced-" in word]
    qtbot.waitUntil(lambda: "Restored" in status(window), timeout=15_000)
    assert window.database is not None and window.database is not before  # opened again
    assert usernames(current) == ["user0", "user1", "user2"]
    kept = Path(aside.rstrip("."))
    assert kept.parent == current.parent and usernames(kept) == [f"user{n}" for n in range(5)]
    qtbot.waitUntil(lambda: window.users_model.rowCount() == 3, timeout=10_000)
    assert flow.act_restore.isEnabled()


def test_restoring_a_file_that_is_not_a_backup_says_so_and_changes_nothing(
    window: MainWindow, flow: BackupFlow, run: Run, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    run(seed(window.database, users=2))
    offered = tmp_path / "users.csv"
    offered.write_text("username\nann\n")
    open_as(monkeypatch, offered)
    database = window.database
    flow.act_restore.trigger()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
    assert "is not a SQLite database" in window.banner.message.text()
    assert window.database is database  # still open, not closed and reopened
    assert usernames(current_file(window)) == ["user0", "user1"]
    assert list(tmp_path.glob("*.replaced-*")) == []


def test_declining_the_restore_changes_nothing(
    window: MainWindow, flow: BackupFlow, run: Run, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    backup = tmp_path / "backup.db"
    save_as(monkeypatch, backup)
    flow.act_back_up.trigger()
    qtbot.waitUntil(lambda: "Backed up to" in status(window), timeout=15_000)
    run(seed(window.database, users=1))
    database = window.database
    open_as(monkeypatch, backup)
    flow.act_restore.trigger()
    answer_question(qtbot, "Cancel")
    qtbot.wait(100)
    assert window.database is database
    assert usernames(current_file(window)) == ["user0"]


def test_actions_follow_the_database(
    window: MainWindow, flow: BackupFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert flow.act_back_up.isEnabled() and flow.act_restore.isEnabled()
    assert not flow.act_save_local_copy.isVisible()
    server = SimpleNamespace(url="postgresql+asyncpg://ann@db.example:5432/site", read_only=False)
    monkeypatch.setattr(window.lifecycle, "database", server)
    flow.update_actions()
    assert not flow.act_back_up.isVisible() and flow.act_save_local_copy.isVisible()
    assert flow.act_save_local_copy.isEnabled() and not flow.act_restore.isEnabled()
    read_only = SimpleNamespace(url="sqlite+aiosqlite:////data/blog.db", read_only=True)
    monkeypatch.setattr(window.lifecycle, "database", read_only)
    flow.update_actions()
    assert flow.act_back_up.isEnabled() and not flow.act_restore.isEnabled()
    monkeypatch.setattr(window.lifecycle, "database", None)
    flow.update_actions()
    assert not flow.act_back_up.isEnabled() and not flow.act_restore.isEnabled()


def test_a_window_given_no_backups_shows_no_backup_actions(window: MainWindow) -> None:
    flow = BackupFlow(window=window, backups=None)
    actions = (flow.act_back_up, flow.act_save_local_copy, flow.act_restore)
    assert not any(action.isVisible() or action.isEnabled() for action in actions)


@pytest.mark.postgres
def test_save_a_local_copy_of_a_server_database(
    qtbot: QtBot, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, consent: Consent
) -> None:
    from tests.integration.conftest import create_postgres_database, drop_postgres_database

    url = run(create_postgres_database())
    opener = DatabaseOpener(load_settings(DATABASE_URL=url))
    win = show_window(qtbot, opener, tmp_path / "ui.ini")
    try:
        consent("Create")  # an empty server database: the app asks before adding its tables
        assert run(win.open(None))
        flow = BackupFlow(window=win, backups=DatabaseBackups(opener.settings_for))
        assert flow.act_save_local_copy.isEnabled() and not flow.act_back_up.isVisible()
        run(seed(win.database, users=3, posts_per_user=2))
        proposed = save_as(monkeypatch, tmp_path / "offline.db")
        flow.act_save_local_copy.trigger()
        qtbot.waitUntil(lambda: "Saved 3 users and 6 posts" in status(win), timeout=20_000)
        assert "File → Open…" in status(win)
        assert Path(proposed[0]).name.startswith(url.rsplit("/", 1)[1] + "-")
        assert usernames(tmp_path / "offline.db") == ["user0", "user1", "user2"]
    finally:
        run(win.shutdown())
        run(drop_postgres_database(url))


@pytest.mark.postgres
def test_a_local_copy_of_the_posts_in_view_asks_and_holds_them_with_their_author(
    qtbot: QtBot, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, consent: Consent
) -> None:
    """With one user selected, the posts view shows theirs: asked, "The posts in view" saves
    those posts and that one author; Cancel saves nothing."""
    from tests.integration.conftest import create_postgres_database, drop_postgres_database

    url = run(create_postgres_database())
    opener = DatabaseOpener(load_settings(DATABASE_URL=url))
    win = show_window(qtbot, opener, tmp_path / "ui.ini")
    try:
        consent("Create")
        assert run(win.open(None))
        flow = BackupFlow(window=win, backups=DatabaseBackups(opener.settings_for))
        run(seed(win.database, users=3, posts_per_user=2))
        win.refresh()
        qtbot.waitUntil(lambda: win.users_model.index(0, 0).data() == "user2", timeout=10_000)
        win.users_panel.select_row(1)  # user1
        qtbot.waitUntil(
            lambda: win.posts_model.row_count.exact and win.posts_model.row_count.rows == 2,
            timeout=10_000,
        )
        save_as(monkeypatch, tmp_path / "cancelled.db")
        flow.act_save_local_copy.trigger()
        texts = answer_question(qtbot, "Cancel")
        assert "2 posts" in texts[1] and "users selected above" in texts[1]
        save_as(monkeypatch, tmp_path / "view.db")
        flow.act_save_local_copy.trigger()
        answer_question(qtbot, "The posts in view")
        qtbot.waitUntil(lambda: "Saved 1 user and 2 posts" in status(win), timeout=20_000)
        assert usernames(tmp_path / "view.db") == ["user1"]
        assert not (tmp_path / "cancelled.db").exists()
    finally:
        run(win.shutdown())
        run(drop_postgres_database(url))
