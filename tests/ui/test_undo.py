"""Undo and redo (issue #11) in the real window on a real SQLite file: the Edit menu and its
shortcuts, the History panel, a cascaded delete taken back, and switching databases."""

from __future__ import annotations

import gc
from pathlib import Path
from uuid import uuid4

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop_app.application.change_set import ChangeSet, RowChange
from desktop_app.domain.entities import Post, UpdateUserDTO, User
from desktop_app.infrastructure.change_store import KeptRows
from desktop_app.ui import undo_memory
from desktop_app.ui.main_window import MainWindow
from tests.ui.helpers import Run, answer_question, seed


def user_now(run: Run, window: MainWindow, user: User) -> User:
    return run(window.database.users.get_user(user.id))  # type: ignore[union-attr]


def rename(run: Run, window: MainWindow, user: User, name: str) -> User:
    current = user_now(run, window, user)
    return run(  # type: ignore[no-any-return]
        window.database.users.update_user(  # type: ignore[union-attr]
            user.id, UpdateUserDTO(username=name), expected_updated_at=current.updated_at
        )
    )


def wait_name(qtbot: QtBot, run: Run, window: MainWindow, user: User, name: str) -> None:
    """Wait until the database has ``user`` named ``name`` and no undo is running."""
    for _ in range(200):
        if not window.history.busy and user_now(run, window, user).username == name:
            return
        qtbot.wait(25)
    assert user_now(run, window, user).username == name


def test_undo_and_redo_through_the_edit_menu(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    [user] = run(seed(window.database, users=1))  # type: ignore[arg-type]
    history = window.history
    assert not history.undo_action.isEnabled()  # nothing done yet
    rename(run, window, user, "ann")
    assert history.undo_action.isEnabled()
    assert history.undo_action.text() == "&Undo edit user user0"
    edit_menu = window.menuBar().actions()[1].menu()
    assert history.undo_action in edit_menu.actions()  # type: ignore[union-attr]

    history.undo_action.trigger()
    wait_name(qtbot, run, window, user, "user0")
    assert history.redo_action.text() == "&Redo edit user user0"
    assert not history.undo_action.isEnabled()
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "user0", timeout=10_000)
    assert "Undid edit user user0" in window.statusBar().currentMessage()

    history.redo_action.trigger()
    wait_name(qtbot, run, window, user, "ann")
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "ann", timeout=10_000)
    assert history.undo_action.isEnabled() and not history.redo_action.isEnabled()


def test_undo_and_redo_through_the_keyboard(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    [user] = run(seed(window.database, users=1))  # type: ignore[arg-type]
    rename(run, window, user, "ann")
    rename(run, window, user, "bob")
    window.activateWindow()
    window.users_panel.table.setFocus()
    undo = QKeySequence(QKeySequence.StandardKey.Undo)
    redo = QKeySequence(QKeySequence.StandardKey.Redo)
    assert window.history.undo_action.shortcut() == undo

    qtbot.keySequence(window.users_panel.table, undo)
    wait_name(qtbot, run, window, user, "ann")
    qtbot.keySequence(window.users_panel.table, undo)
    wait_name(qtbot, run, window, user, "user0")
    qtbot.keySequence(window.users_panel.table, redo)
    wait_name(qtbot, run, window, user, "ann")


def test_history_panel_jumps_back_several_steps(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    [user] = run(seed(window.database, users=1))  # type: ignore[arg-type]
    for name in ("ann", "bob", "cat"):
        rename(run, window, user, name)
    history = window.history
    history.history_action.trigger()
    qtbot.waitUntil(history.dock.isVisible)
    view = history.view
    assert view.model().rowCount() == 4  # "Opened" and three edits
    assert view.model().index(0, 0).data() == "Opened"

    # Click the entry "edit user ann" (row 1): two steps back, the database follows.
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: history.stack.index() == 1, timeout=10_000)
    wait_name(qtbot, run, window, user, "ann")

    rect = view.visualRect(view.model().index(0, 0))  # back to where it was opened
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: history.stack.index() == 0, timeout=10_000)
    wait_name(qtbot, run, window, user, "user0")

    rect = view.visualRect(view.model().index(3, 0))  # and forward again, all three
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: history.stack.index() == 3, timeout=10_000)
    wait_name(qtbot, run, window, user, "cat")


def test_undo_of_a_cascaded_delete_shows_the_posts_again(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    run(seed(window.database, users=2, posts_per_user=3))  # type: ignore[arg-type]
    window.refresh()
    qtbot.waitUntil(lambda: window.posts_model.row_count.rows == 6, timeout=10_000)
    # the users' rows arrive a moment after the posts' count: select once they are there
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "user1", timeout=10_000)
    window.users_panel.select_row(0)  # user1, newest first
    window.users_panel.table.setFocus()
    qtbot.waitUntil(window.act_delete.isEnabled)
    window.act_delete.trigger()
    texts = answer_question(qtbot, "Delete")
    assert "Edit → Undo" in texts[1] and "cannot be undone" not in texts[1]
    qtbot.waitUntil(lambda: window.history.stack.count() == 1, timeout=10_000)
    assert window.history.undo_action.text() == "&Undo delete user user1 and 3 posts"
    qtbot.waitUntil(
        lambda: window.posts_model.row_count.exact and window.posts_model.row_count.rows == 3,
        timeout=10_000,
    )

    window.history.undo_action.trigger()
    qtbot.waitUntil(
        lambda: window.posts_model.row_count.exact and window.posts_model.row_count.rows == 6,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: window.users_model.row_count.rows == 2, timeout=10_000)
    qtbot.waitUntil(  # the rows arrive a moment after their count
        lambda: {window.posts_model.index(r, 1).data() for r in range(6)} == {"user0", "user1"},
        timeout=10_000,
    )


def test_switching_databases_clears_the_history(
    window: MainWindow, run: Run, qtbot: QtBot, tmp_path: Path, migrated_template: Path
) -> None:
    [user] = run(seed(window.database, users=1))  # type: ignore[arg-type]
    rename(run, window, user, "ann")
    assert window.history.stack.count() == 1
    other = tmp_path / "other.db"
    other.write_bytes(migrated_template.read_bytes())
    window.lifecycle.switch_database(f"sqlite+aiosqlite:///{other}")
    qtbot.waitUntil(lambda: window.history.stack.count() == 0, timeout=10_000)
    qtbot.waitUntil(
        lambda: (
            "Undo history cleared: now editing SQLite:" in window.statusBar().currentMessage()
            and "other.db" in window.statusBar().currentMessage()
        ),
        timeout=10_000,
    )
    assert not window.history.undo_action.isEnabled()
    assert window.history.undo_action.text() == "&Undo"
    # The old database's journal no longer reaches this history; the new one's does.
    [new_user] = run(seed(window.database, users=1))  # type: ignore[arg-type]
    rename(run, window, new_user, "zed")
    assert window.history.stack.count() == 1


def test_a_big_change_is_kept_out_of_full_collections_until_the_history_goes(
    window: MainWindow, run: Run
) -> None:
    """A 5,000-row step is frozen out of the garbage collector's scans (each full collection
    would otherwise walk it and hold the window); clearing the history lets it be scanned."""
    database = window.database
    assert database is not None
    author = uuid4()
    small = ChangeSet(
        "delete 10 posts", posts=tuple(RowChange(Post("t", "c", author), None) for _ in range(10))
    )
    big = ChangeSet(
        "delete 5,000 posts",
        posts=tuple(RowChange(Post("t", "c", author), None) for _ in range(5_000)),
    )
    gc.unfreeze()
    database.changes.record(small)
    assert gc.get_freeze_count() == 0
    database.changes.record(big)
    assert window.history.stack.count() == 2
    assert gc.get_freeze_count() > 0
    window.history.detach()
    assert gc.get_freeze_count() == 0


def test_steps_over_the_memory_budget_undo_from_the_temporary_file(
    window: MainWindow, run: Run, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With a budget of 2 rows, the delete of a user and 3 posts moves to the temporary file
    (a later one-row edit stays in memory); Undo twice puts everything back from there, and
    switching databases deletes the file."""
    monkeypatch.setattr(undo_memory, "MEMORY_ROWS", 2)
    [_user0, user1] = run(seed(window.database, users=2, posts_per_user=3))  # type: ignore[arg-type]
    window.refresh()
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "user1", timeout=10_000)
    outcome = run(window.database.users.delete_users([user1.id]))
    assert outcome.posts == 3
    [other] = run(seed(window.database, users=1, start=5))  # type: ignore[arg-type]
    rename(run, window, other, "ann")
    assert window.history.memory is not None
    run(window.history.memory.settled())
    deletion, edit = (window.history.stack.command(i) for i in range(2))
    assert isinstance(deletion.change.posts, KeptRows)  # type: ignore[attr-defined]
    assert isinstance(edit.change.users, tuple)  # type: ignore[attr-defined]
    store = window.database.change_store
    path = store.path  # type: ignore[attr-defined]
    assert path is not None and path.exists()

    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: window.history.stack.index() == 1, timeout=10_000)
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: window.history.stack.index() == 0, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.posts_model.row_count.exact and window.posts_model.row_count.rows == 6,
        timeout=10_000,
    )
    assert run(window.database.users.get_user(user1.id)) == user1

    other_file = tmp_path / "other.db"
    other_file.write_bytes(Path(window.database.url.split("///", 1)[1]).read_bytes())
    saved: list[str] = []  # the switch's last await is behind it once the new URL is saved
    save = window.lifecycle._save_database_url
    monkeypatch.setattr(
        window.lifecycle, "_save_database_url", lambda u: [save(u), saved.append(u)]
    )
    window.lifecycle.switch_database(f"sqlite+aiosqlite:///{other_file}")
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert not path.exists()
