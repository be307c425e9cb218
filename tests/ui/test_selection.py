"""Selections mean what they show: Delete and Copy act on every row the table shows selected,
including the thousands not loaded, without loading them into the view.

The real window on a real SQLite file: 1,234 users and 8,000 posts (one by each user in turn),
of which the tables load a hundred or two.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, insert, select, update

from desktop_app.application.read_models import PostQuery
from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.infrastructure.database.connection import make_engine
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.table_model import LazyTableModel
from tests.ui.helpers import Run, answer_question
from tests.ui.windows import show_window

USERS, POSTS = 1_234, 8_000
BASE = datetime(2026, 2, 1, tzinfo=UTC)


async def fill(url: str) -> None:
    """Insert the rows in two statements (through the services this would take a minute)."""
    users = [
        {
            "id": uuid4(),
            "email": f"user{n}@example.org",
            "username": f"user{n:04d}",
            "hashed_password": "x",
            "created_at": BASE + timedelta(minutes=n),
            "updated_at": BASE + timedelta(minutes=n),
        }
        for n in range(USERS)
    ]
    posts = [
        {
            "id": uuid4(),
            "title": f"Post {n:04d}",
            "content": f'Text of post {n}, "quoted"',
            "author_id": users[n % USERS]["id"],
            "created_at": BASE + timedelta(seconds=n),
            "updated_at": BASE + timedelta(seconds=n),
        }
        for n in range(POSTS)
    ]
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(insert(UserModel), users)
            await connection.execute(insert(PostModel), posts)
    finally:
        await engine.dispose()


async def counts(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            users = await connection.scalar(select(func.count()).select_from(UserModel))
            posts = await connection.scalar(select(func.count()).select_from(PostModel))
    finally:
        await engine.dispose()
    return int(users or 0), int(posts or 0)


@pytest.fixture
def window(qtbot: QtBot, run: Run, sqlite_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))
    win = show_window(qtbot, opener, tmp_path / "ui.ini")
    assert run(win.open(None))  # migrates the new file
    run(fill(sqlite_url))
    win.refresh()
    for model, rows in ((win.users_model, USERS), (win.posts_model, POSTS)):
        qtbot.waitUntil(lambda m=model, r=rows: counted(m) == r, timeout=10_000)  # type: ignore[misc]
        qtbot.waitUntil(lambda m=model: m.cache.get(0) is not None, timeout=10_000)  # type: ignore[misc]
    yield win
    run(win.shutdown())


def counted(model: LazyTableModel[Any]) -> int | None:
    """The table's row count once it is exact, else None."""
    return model.row_count.rows if model.row_count.exact else None


def loaded_rows(model: LazyTableModel[Any]) -> int:
    return sum(model.cache.get(n) is not None for n in range(model.rowCount()))


def select_all(qtbot: QtBot, window: MainWindow, table_name: str) -> None:
    """Ctrl+A in a table, as a person does it (after clicking into it)."""
    panel = window.users_panel if table_name == "users" else window.posts_panel
    window.activateWindow()  # back from a question box
    qtbot.waitUntil(window.isActiveWindow)
    panel.table.setFocus()
    qtbot.waitUntil(lambda: window._current is panel)
    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    rows = panel.model.rowCount()
    assert rows and counted(panel.model) == rows
    assert len(panel.table.selectionModel().selectedRows()) == rows


def copied(qtbot: QtBot, window: MainWindow) -> list[list[str]]:
    """Press Copy and wait for the clipboard: the text's lines and their fields."""
    QGuiApplication.clipboard().setText("")
    window.act_copy.trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=15_000)
    text = QGuiApplication.clipboard().text()
    lines = text.split("\r\n")  # the dialect's own line ends
    assert "" not in lines  # no blank line, none at the end either
    return list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))


def test_select_all_then_delete_states_and_deletes_every_selected_row(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    assert loaded_rows(window.users_model) <= 300 and loaded_rows(window.posts_model) <= 300

    select_all(qtbot, window, "users")
    window.act_delete.trigger()
    texts = answer_question(qtbot, "Cancel")
    assert texts[0] == "Delete 1,234 users?"
    assert texts[1].startswith("This also deletes 8,000 posts by them.")

    window.users_panel.table.clearSelection()  # all posts again, not only those 1,234 users'
    qtbot.waitUntil(lambda: window.posts_model.query.author_ids is None)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: counted(window.posts_model) == POSTS, timeout=10_000)
    select_all(qtbot, window, "posts")
    window.act_delete.trigger()
    texts = answer_question(qtbot, "Delete")
    assert texts[0] == "Delete 8,000 posts by 1,234 authors?"
    qtbot.waitUntil(lambda: "Deleted" in window.statusBar().currentMessage(), timeout=20_000)
    assert window.statusBar().currentMessage() == "Deleted 8,000 posts."
    assert run(counts(sqlite_url)) == (USERS, 0)  # every post, and no user
    qtbot.waitUntil(lambda: counted(window.posts_model) == 0, timeout=10_000)


def test_copy_of_select_all_gives_every_row_with_a_header(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    select_all(qtbot, window, "posts")
    lines = copied(qtbot, window)
    assert len(lines) == 1 + POSTS
    text = QGuiApplication.clipboard().text()
    assert len(text.splitlines()) == 1 + POSTS  # a record a line (no content holds a break)
    assert text.count("\r\n") == POSTS  # each line ends "\r\n" (excel-tab's), the last none
    assert lines[0] == ["Title", "Author", "Content", "Created", "Updated", "ID"]
    assert all(len(fields) == 6 and fields[0].startswith("Post ") for fields in lines[1:])
    assert len({fields[5] for fields in lines[1:]}) == POSTS  # every post once, by full id
    assert lines[1][0] == "Post 7999"  # newest first, as the table shows them
    assert lines[-1][0] == "Post 0000"
    assert lines[1][2] == 'Text of post 7999, "quoted"'  # quoted (it holds "), read back intact
    assert window.statusBar().currentMessage() == "Copied 8,000 rows."
    assert loaded_rows(window.posts_model) <= 300  # read for the clipboard, not into the view


def test_copy_of_rows_not_loaded_gives_each_posts_whole_content(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    """The table holds a preview of a post's content; Copy writes it whole, read from the
    database, for rows loaded or not."""
    model = window.posts_model
    assert model.cache.get(4_000) is None
    reader = window.database.post_reader  # type: ignore[union-attr]
    [far] = run(reader.fetch(PostQuery(), offset=4_000, limit=1))
    near = model.cache.get(0)
    assert near is not None
    whole = {far.id: 'Far "away"\tpost\rwith\r\nbreaks. ' * 40, near.id: "Near. " * 100}
    run(set_contents(sqlite_url, whole))
    select_all(qtbot, window, "posts")
    lines = copied(qtbot, window)
    assert len(lines) == 1 + POSTS
    by_id = {fields[5]: fields[2] for fields in lines[1:]}
    assert by_id[str(far.id)] == whole[far.id]  # not loaded: read for the clipboard
    assert by_id[str(near.id)] == whole[near.id]  # loaded, with its preview only: read too
    assert model.cache.get(4_000) is None


def test_a_big_copy_asks_first_and_cancel_leaves_the_clipboard_as_it_was(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The question over the limit (lowered here to 5,000), and Cancel in the progress while
    the contents are read a page at a time."""
    monkeypatch.setattr("desktop_app.ui.copy_flow.COPY_ASK_ABOVE", 5_000)
    reader = window.database.post_reader  # type: ignore[union-attr]
    original, pages = reader.contents, []

    async def read_then_cancel(ids: list[Any]) -> dict[Any, str]:
        pages.append(len(ids))
        if len(pages) == 3:
            assert window.progress_dialog is not None
            window.progress_dialog.cancel()  # pressed while the third page is read
        return await original(ids)  # type: ignore[no-any-return]

    monkeypatch.setattr(reader, "contents", read_then_cancel)
    select_all(qtbot, window, "posts")
    QGuiApplication.clipboard().setText("as it was")
    window.act_copy.trigger()
    assert answer_question(qtbot, "Cancel")[0] == "Copy 8,000 rows?"
    assert pages == [] and QGuiApplication.clipboard().text() == "as it was"

    window.act_copy.trigger()
    answer_question(qtbot, "Copy")
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=15_000)
    assert window.statusBar().currentMessage() == "Copy cancelled: the clipboard is unchanged."
    assert pages == [1_000, 1_000, 1_000]
    assert QGuiApplication.clipboard().text() == "as it was"


async def set_contents(url: str, contents: dict[Any, str]) -> None:
    """Write posts' contents behind the window's back."""
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            for post_id, content in contents.items():
                stmt = update(PostModel).where(PostModel.id == post_id).values(content=content)
                await connection.execute(stmt)
    finally:
        await engine.dispose()


def test_copy_of_a_shift_range_over_rows_not_loaded_gives_exactly_those_rows(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    table, model = window.posts_panel.table, window.posts_model

    def click(row: int, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        table.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda: model.cache.get(row) is not None, timeout=10_000)
        rect = table.visualRect(model.index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    table.setFocus()
    click(5)
    click(6_500, Qt.KeyboardModifier.ShiftModifier)
    assert table.selectionModel().isRowSelected(6_500) and table.selectionModel().isRowSelected(5)
    assert not table.selectionModel().isRowSelected(4)
    assert model.cache.get(3_000) is None  # the middle of the range was never loaded
    expected = run(window.database.post_reader.fetch(PostQuery(), offset=5, limit=6_496))  # type: ignore[union-attr]

    lines = copied(qtbot, window)
    assert len(lines) == 1 + 6_496
    assert [fields[5] for fields in lines[1:]] == [str(row.id) for row in expected]
    assert model.cache.get(3_000) is None
