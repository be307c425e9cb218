"""The main window against a real SQLite file: every flow a person uses, driven like a person."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from desktop_app.application import bulk_delete
from desktop_app.application.read_models import UserRow
from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.post_dialog import PostDialog
from desktop_app.ui.table_model import LOADING
from desktop_app.ui.user_dialog import UserDialog
from tests.ui.helpers import Consent, Run, answer_question, seed


@pytest.fixture
def window(qtbot: QtBot, run: Run, sqlite_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))
    saved: list[str] = []
    win = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=saved.append,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    win.saved_urls = saved  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    assert run(win.open(None))
    yield win
    run(win.shutdown())


def wait_rows(qtbot: QtBot, model: object, rows: int) -> None:
    qtbot.waitUntil(
        lambda: model.row_count.exact and model.row_count.rows == rows,  # type: ignore[attr-defined]
        timeout=10_000,
    )
    if rows:
        qtbot.waitUntil(lambda: model.cache.get(0) is not None, timeout=10_000)  # type: ignore[attr-defined]


def cell(model: object, row: int, column: int) -> str:
    return str(model.index(row, column).data())  # type: ignore[attr-defined]


def closed(widget: object) -> bool:
    """Dialogs delete themselves on close: gone or hidden both count."""
    return not isValid(widget) or not widget.isVisible()  # type: ignore[attr-defined]


def find_dialog(kind: type) -> object:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(dialogs) == 1, dialogs
    return dialogs[0]


def test_window_shows_newest_users_and_all_posts(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    run(seed(window.database, users=3, posts_per_user=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 3)
    wait_rows(qtbot, window.posts_model, 6)
    assert [cell(window.users_model, r, 0) for r in range(3)] == ["user2", "user1", "user0"]
    header = window.users_panel.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        4,  # "Created", newest first
        Qt.SortOrder.DescendingOrder,
    )
    assert window.users_model.query.sort == "created_at"
    assert cell(window.posts_model, 0, 1) == "user2"  # author shown by username
    headers = [window.users_model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert "Password" not in " ".join(str(h) for h in headers)
    assert window.database_label.text().startswith("SQLite: ")
    assert window.database_label.text().endswith("ui.db")
    assert window.revision_label.text() == "schema 0007"
    assert window.findChild(object, "usersTable") is window.users_panel.table
    assert window.findChild(object, "postsSearch") is window.posts_panel.search


def test_models_pass_qt_modeltester(
    window: MainWindow, run: Run, qtbot: QtBot, qtmodeltester: object
) -> None:
    run(seed(window.database, users=5, posts_per_user=1))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 5)
    wait_rows(qtbot, window.posts_model, 5)
    qtmodeltester.check(window.users_model)  # type: ignore[attr-defined]
    qtmodeltester.check(window.posts_model)  # type: ignore[attr-defined]


def test_selecting_users_shows_their_posts(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    run(seed(window.database, users=3, posts_per_user=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 3)
    window.users_panel.select_row(1)  # user1
    wait_rows(qtbot, window.posts_model, 2)
    assert {cell(window.posts_model, r, 1) for r in range(2)} == {"user1"}
    assert window.posts_panel.title.text() == "Posts by user1"
    window.users_panel.table.setFocus()
    qtbot.keyClick(window.users_panel.table, Qt.Key.Key_Escape)  # Esc clears the selection
    wait_rows(qtbot, window.posts_model, 6)
    assert window.posts_panel.title.text() == "All posts"


def test_search_filters_on_the_server_and_never_blocks_typing(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    run(seed(window.database, users=12))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 12)
    qtbot.keyClicks(window.users_panel.search, "user1")
    assert window.users_panel.search.text() == "user1"  # typed at once, nothing waited
    wait_rows(qtbot, window.users_model, 3)  # user1, user10, user11
    assert {cell(window.users_model, r, 0) for r in range(3)} == {"user1", "user10", "user11"}
    window.users_panel.search.clear()
    wait_rows(qtbot, window.users_model, 12)


def test_clicking_a_header_sorts_on_the_server(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    run(seed(window.database, users=4))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 4)
    header = window.users_panel.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # as a click on "Username" does
    qtbot.waitUntil(lambda: window.users_model.query.sort == "username")
    wait_rows(qtbot, window.users_model, 4)
    assert [cell(window.users_model, r, 0) for r in range(4)] == [
        "user0",
        "user1",
        "user2",
        "user3",
    ]
    header.setSortIndicator(3, Qt.SortOrder.AscendingOrder)  # "Bio" does not sort
    qtbot.wait(50)
    assert window.users_model.query.sort == "username"


def test_new_user_dialog_creates_a_user(window: MainWindow, qtbot: QtBot) -> None:
    window.act_new_user.trigger()
    dialog = find_dialog(UserDialog)
    assert isinstance(dialog, UserDialog)
    qtbot.keyClicks(dialog.email, "ann@example.org")
    qtbot.keyClicks(dialog.username, "ann")
    qtbot.keyClicks(dialog.password, "a good password")
    qtbot.keyClicks(dialog.confirm, "a good password")
    dialog.bio.setPlainText("Writes about databases")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_rows(qtbot, window.users_model, 1)
    assert cell(window.users_model, 0, 0) == "ann"
    assert cell(window.users_model, 0, 3) == "Writes about databases"


def test_validation_errors_appear_beside_fields_and_keep_the_input(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    run(seed(window.database, users=1))  # type: ignore[arg-type]
    window.act_new_user.trigger()
    dialog = find_dialog(UserDialog)
    assert isinstance(dialog, UserDialog)
    qtbot.keyClicks(dialog.email, "not-an-email")
    qtbot.keyClicks(dialog.username, "x")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("email") != "", timeout=10_000)
    assert "@" in dialog.errors.message("email")
    assert "3-50" in dialog.errors.message("username")
    assert "at least 8" in dialog.errors.message("password")
    assert dialog.isVisible()
    assert (dialog.email.text(), dialog.username.text()) == ("not-an-email", "x")

    # now a duplicate e-mail (different case): the message sits beside the e-mail field
    dialog.email.setText("USER0@example.org")
    dialog.username.setText("someone")
    dialog.password.setText("long enough now")
    dialog.confirm.setText("long enough now")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exists" in dialog.errors.message("email"), timeout=10_000)
    assert dialog.username.text() == "someone"
    assert dialog.save_button.isEnabled()
    dialog.reject()


def test_mismatched_passwords_are_caught_before_saving(window: MainWindow, qtbot: QtBot) -> None:
    window.act_new_user.trigger()
    dialog = find_dialog(UserDialog)
    assert isinstance(dialog, UserDialog)
    dialog.password.setText("first password")
    dialog.confirm.setText("second password")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("confirm") != "")
    assert dialog.errors.message("confirm") == "The two passwords differ."
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    dialog.reject()


def test_inline_edit_saves_and_a_bad_value_stays_visible_with_the_reason(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    run(seed(window.database, users=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 2)
    model = window.users_model
    assert model.setData(model.index(0, 3), "New bio", Qt.ItemDataRole.EditRole)
    with qtbot.waitSignal(model.edit_saved, timeout=10_000):
        pass
    user = run(window.database.users.list_users())  # type: ignore[union-attr]
    assert user[0].bio == "New bio"

    assert model.setData(model.index(0, 0), "bad name!", Qt.ItemDataRole.EditRole)
    with qtbot.waitSignal(model.edit_failed, timeout=10_000) as failed:
        pass
    assert "only letters" in failed.args[0]
    assert cell(model, 0, 0) == "bad name!"  # what was typed is still there
    assert "Not saved" in str(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert run(window.database.users.list_users())[0].username == "user1"  # type: ignore[union-attr]
    window.discard_failed_edits()
    assert cell(model, 0, 0) == "user1"


def test_toggling_active_saves(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    run(seed(window.database, users=1))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 1)
    model = window.users_model
    index = model.index(0, 2)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(model.edit_saved, timeout=10_000):
        pass
    assert run(window.database.users.list_users())[0].is_active is False  # type: ignore[union-attr]


def test_delete_asks_once_and_names_the_cascade(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    run(seed(window.database, users=3, posts_per_user=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 3)
    window.users_panel.table.setFocus()
    window.users_panel.table.selectRow(0)
    window.users_panel.table.selectionModel().select(
        window.users_model.index(1, 0),
        window.users_panel.table.selectionModel().SelectionFlag.Select
        | window.users_panel.table.selectionModel().SelectionFlag.Rows,
    )
    window.act_delete.trigger()
    texts = answer_question(qtbot, "Cancel")
    assert texts[0] == "Delete 2 users?"
    assert "also deletes 4 posts" in texts[1]
    qtbot.wait(50)
    # Cancel deleted nothing: every user and post is still there
    users = window.database.users  # type: ignore[union-attr]
    everyone = run(users.list_users(limit=100))
    assert len(everyone) == 3
    assert run(users.count_posts_of([u.id for u in everyone])) == 6
    window.act_delete.trigger()
    answer_question(qtbot, "Delete")
    wait_rows(qtbot, window.users_model, 1)
    wait_rows(qtbot, window.posts_model, 2)
    assert "Deleted 2 users and 4 posts" in window.statusBar().currentMessage()


def test_new_post_with_the_author_picker(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    run(seed(window.database, users=30))  # type: ignore[arg-type]
    window.act_new_post.trigger()
    dialog = find_dialog(PostDialog)
    assert isinstance(dialog, PostDialog)
    qtbot.keyClicks(dialog.title, "Hello")
    dialog.content.setPlainText("A first post")
    dialog.author.setFocus()
    qtbot.keyClicks(dialog.author, "user17")
    qtbot.waitUntil(lambda: dialog.author.author_id is not None, timeout=10_000)
    assert dialog.author.matches.rowCount() == 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_rows(qtbot, window.posts_model, 1)
    assert (cell(window.posts_model, 0, 0), cell(window.posts_model, 0, 1)) == ("Hello", "user17")


def test_post_dialog_requires_an_author_from_the_list(window: MainWindow, qtbot: QtBot) -> None:
    window.act_new_post.trigger()
    dialog = find_dialog(PostDialog)
    assert isinstance(dialog, PostDialog)
    qtbot.keyClicks(dialog.title, "Keep me")
    qtbot.keyClicks(dialog.author, "nobody")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("author") != "")
    assert "Choose an author" in dialog.errors.message("author")
    assert dialog.title.text() == "Keep me"
    dialog.reject()


def test_edit_post_loads_the_whole_content(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    [author] = run(seed(window.database, users=1))  # type: ignore[arg-type]
    from desktop_app.domain.entities import CreatePostDTO

    long = "word " * 200
    run(window.database.posts.create_post(CreatePostDTO("Long one", long, author.id)))  # type: ignore[union-attr]
    window.refresh()
    wait_rows(qtbot, window.posts_model, 1)
    window.posts_panel.table.setFocus()
    window.posts_panel.select_row(0)
    window.act_edit.trigger()
    dialog = find_dialog(PostDialog)
    assert isinstance(dialog, PostDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    assert dialog.content.toPlainText() == long
    dialog.title.setText("")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("title") != "", timeout=10_000)
    assert dialog.errors.message("title") == "Title is required."
    dialog.reject()


def test_lost_connection_in_a_dialog_keeps_the_input(qtbot: QtBot, run: Run) -> None:
    from functools import partial

    from desktop_app.application.user_service import UserService
    from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
    from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork

    engine = make_engine("postgresql+asyncpg://u:pw@127.0.0.1:9/gone")
    users = UserService(partial(SQLAlchemyUnitOfWork, make_session_factory(engine)))
    dialog = UserDialog(users=users)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.email.setText("ann@example.org")
    dialog.username.setText("ann")
    dialog.password.setText("a good password")
    dialog.confirm.setText("a good password")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.general != "", timeout=15_000)
    assert "Could not connect to the database" in dialog.errors.general
    assert "input is kept" in dialog.errors.general
    assert (dialog.email.text(), dialog.password.text()) == ("ann@example.org", "a good password")
    assert dialog.save_button.isEnabled()
    run(engine.dispose())


def test_unreachable_database_shows_a_banner_with_retry(
    qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    opener = DatabaseOpener(load_settings(DATABASE_URL="postgresql://u:pw@127.0.0.1:9/gone"))
    win = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=lambda _url: None,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(win)
    win.show()
    assert not run(win.open(None))
    assert win.banner.isVisible()
    assert "Could not open the database" in win.banner.message.text()
    assert "pw" not in win.banner.message.text()
    assert not win.act_new_user.isEnabled()
    run(win.shutdown())


def test_big_table_loads_only_what_is_shown(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    run(seed(window.database, users=1_050))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 1_050)
    model = window.users_model
    assert model.index(1_000, 0).data() == LOADING  # not loaded: nobody looked at it
    before = model.fetches
    window.users_panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.cache.get(1_049) is not None, timeout=10_000)
    assert cell(model, 1_049, 0) == "user0"
    assert model.fetches - before <= 2  # the last block(s), not the ten in between
    assert len(model.cache.cached_blocks()) <= 3


def test_an_answer_to_an_old_query_is_dropped(
    window: MainWindow, run: Run, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first search's page arrives after the second search's (a driver may finish a
    statement whose caller was cancelled): it must not land in the new query's rows."""
    from dataclasses import replace

    run(seed(window.database, users=5))  # type: ignore[arg-type]
    model = window.users_model
    reader = model.reader
    assert reader is not None
    original = reader.fetch
    started: list[str] = []
    late: list[str] = []

    async def fetch(query: Any, **kwargs: Any) -> Any:
        if query.search != "user1":
            return await original(query, **kwargs)
        started.append(query.search)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(0.3)
        await asyncio.sleep(0.3)  # answered well after the newer query's page
        rows = await original(query, **kwargs)
        late.append(query.search)
        return rows

    monkeypatch.setattr(reader, "fetch", fetch)
    model.set_query(replace(model.query, search="user1"))
    qtbot.waitUntil(lambda: started == ["user1"], timeout=5_000)
    model.set_query(replace(model.query, search="user3"))  # typed on before the first answered
    wait_rows(qtbot, model, 1)
    qtbot.waitUntil(lambda: late == ["user1"], timeout=5_000)
    qtbot.wait(200)  # the old page has been answered and handed to the model by now
    assert model.rowCount() == 1
    assert cell(model, 0, 0) == "user3"
    assert isinstance(model.row_at(0), UserRow)


@pytest.mark.postgres
def test_switching_to_postgresql_reconnects_without_a_restart(
    window: MainWindow, run: Run, qtbot: QtBot, consent: Consent
) -> None:
    from tests.integration.conftest import create_postgres_database, drop_postgres_database

    run(seed(window.database, users=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 2)
    url = run(create_postgres_database())
    consent("Create")  # an empty database: the window asks before creating the tables
    try:
        window._switch_database(url)
        qtbot.waitUntil(lambda: window.saved_urls == [url], timeout=20_000)  # type: ignore[attr-defined]
        assert window.database is not None
        assert window.database.url.startswith("postgresql")
        wait_rows(qtbot, window.users_model, 0)  # a new, empty database
        run(seed(window.database, users=3, posts_per_user=1))  # type: ignore[arg-type]
        window.refresh()
        wait_rows(qtbot, window.users_model, 3)
        wait_rows(qtbot, window.posts_model, 3)
        assert window.revision_label.text() == "schema 0007"
        assert window.database_label.text().startswith("PostgreSQL: postgres@127.0.0.1:")
    finally:
        run(window.shutdown())
        run(drop_postgres_database(url))


@pytest.mark.postgres
def test_connection_test_against_the_server(window: MainWindow, run: Run) -> None:
    from tests.integration.conftest import postgres_admin_url

    message = run(window._test_connection(postgres_admin_url()))
    assert str(message).startswith("Connected: PostgreSQL 15")  # a Message, English here
    with pytest.raises(Exception, match="Could not connect"):
        run(window._test_connection("postgresql+asyncpg://u@127.0.0.1:9/none"))


def test_a_long_delete_shows_progress_and_cancelling_keeps_everything(
    window: MainWindow, run: Run, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(seed(window.database, users=300, posts_per_user=1))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 300)
    table = window.users_panel.table
    table.setFocus()
    table.scrollToBottom()
    qtbot.waitUntil(lambda: window.users_model.cache.get(299) is not None, timeout=10_000)
    table.scrollToTop()
    qtbot.waitUntil(lambda: window.users_model.cache.get(0) is not None, timeout=10_000)
    for block_start in (100, 200):
        table.scrollTo(window.users_model.index(block_start + 50, 0))
        qtbot.waitUntil(
            lambda b=block_start: window.users_model.cache.get(b) is not None, timeout=10_000
        )
    users = window.database.users  # type: ignore[union-attr]
    original = users.delete_users
    reported: list[int] = []
    monkeypatch.setattr(bulk_delete, "ROWS_PER_CHUNK", 50)  # progress comes between chunks

    async def delete_and_press_cancel(
        ids: list[object], *, versions: object, progress: object
    ) -> object:
        def report(done: int, total: int) -> bool:
            reported.append(done)
            if done == 100:  # Cancel pressed after two chunks were deleted
                assert window.progress_dialog is not None
                window.progress_dialog.cancel()
            return progress(done, total)  # type: ignore[operator, no-any-return]

        return await original(ids, versions=versions, progress=report)  # type: ignore[arg-type]

    monkeypatch.setattr(users, "delete_users", delete_and_press_cancel)
    table.selectAll()
    window.act_delete.trigger()
    texts = answer_question(qtbot, "Delete")
    assert texts[0] == "Delete 300 users?"
    qtbot.waitUntil(lambda: "Cancelled" in window.statusBar().currentMessage(), timeout=10_000)
    assert reported == [0, 50, 100]
    assert len(run(users.list_users(limit=1000))) == 300


def test_posts_pane_and_actions_follow_a_selection_the_users_table_drops(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    """A search, a sort or a shrinking refresh empties the users' selection without a
    selectionChanged: the posts pane must not go on naming users nobody has selected."""
    run(seed(window.database, users=12, posts_per_user=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 12)
    wait_rows(qtbot, window.posts_model, 24)
    table, selection = window.users_panel.table, window.users_panel.table.selectionModel()

    def select_two(first: int, names: str) -> None:
        table.setFocus()
        table.selectRow(first)
        selection.select(
            window.users_model.index(first + 1, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
        wait_rows(qtbot, window.posts_model, 4)
        assert window.posts_panel.title.text() == f"Posts by {names}"
        assert window.act_edit.isEnabled() and window.act_delete.isEnabled()

    def all_posts_and_no_actions(posts: int) -> None:
        wait_rows(qtbot, window.posts_model, posts)
        assert window.posts_panel.title.text() == "All posts"
        assert window.posts_model.query.author_ids is None  # type: ignore[union-attr]
        assert window.posts_panel.count_label.text() == f"{posts} posts"
        assert not selection.hasSelection()
        assert not window.act_edit.isEnabled() and not window.act_delete.isEnabled()

    select_two(0, "user11, user10")
    qtbot.keyClicks(window.users_panel.search, "user3")  # a search: the model resets
    wait_rows(qtbot, window.users_model, 1)
    all_posts_and_no_actions(24)

    window.users_panel.search.clear()
    wait_rows(qtbot, window.users_model, 12)
    select_two(0, "user11, user10")
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # a sort
    qtbot.waitUntil(lambda: window.users_model.query.sort == "username")
    wait_rows(qtbot, window.users_model, 12)
    all_posts_and_no_actions(24)

    select_two(10, "user8, user9")  # the last two rows, by username
    users = window.database.users  # type: ignore[union-attr]
    gone = [row.id for row in window.users_panel.selected_rows()]  # type: ignore[attr-defined]
    run(users.delete_users(gone))  # by someone else; then F5 drops the two rows
    window.refresh()
    wait_rows(qtbot, window.users_model, 10)
    all_posts_and_no_actions(20)


def test_after_a_refresh_the_posts_pane_follows_the_users_now_in_the_selected_rows(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    """The selection is row numbers: when a refresh puts other users there, the posts shown
    are those of the users highlighted (the ones Edit and Delete would act on)."""
    run(seed(window.database, users=3, posts_per_user=2))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 3)
    window.users_panel.select_row(0)
    wait_rows(qtbot, window.posts_model, 2)
    assert window.posts_panel.title.text() == "Posts by user2"
    run(seed(window.database, users=1, posts_per_user=1, start=3))  # type: ignore[arg-type]
    shown: list[str] = []
    window.posts_model.modelReset.connect(lambda: shown.append(window.posts_panel.title.text()))
    window.refresh()  # user3, the newest, is row 0 now
    wait_rows(qtbot, window.users_model, 4)
    qtbot.waitUntil(lambda: window.posts_panel.title.text() == "Posts by user3", timeout=10_000)
    wait_rows(qtbot, window.posts_model, 1)
    assert window.users_panel.table.selectionModel().isRowSelected(0)
    assert shown == ["Posts by user3"]  # no "All posts" while the page was on its way


def test_the_status_bar_names_a_file_under_home_from_tilde(
    window: MainWindow, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the database file is tmp_path / "ui.db"
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert run(window.open(None))
    assert window.database_label.text() == f"SQLite: {Path('~') / 'ui.db'}"
    assert window.windowTitle().startswith(f"SQLite: {Path('~') / 'ui.db'} — ")
    assert str(tmp_path) in window.database_label.toolTip()  # the full URL stays at hand
