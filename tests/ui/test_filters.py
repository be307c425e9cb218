"""The filter bars (issue #13, item 2): each filter narrows the table's rows and its count, the
status bar says what is filtered, Esc and "Clear filters" reset, each table has its own."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.application.row_filters import TimeRange
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.table_panel import TablePanel
from tests.ui.helpers import Run, db, seed

# Users' created_at as another writer stored them: one per month, in three text formats.
CREATED = {
    "user0": "2026-01-05 12:00:00",
    "user1": "2026-02-10T12:00:00Z",
    "user2": "2026-02-20T14:00:00+02:00",
    "user3": "2026-03-01 12:00:00.000000",
    "user4": "2026-04-15 12:00:00",
    "user5": "2026-05-15 12:00:00",
}
INACTIVE = ("user1", "user4")
NEVER_EDITED = ("user0", "user2", "user5")


def wait_rows(qtbot: QtBot, panel: TablePanel, rows: int) -> None:
    model = panel.model
    qtbot.waitUntil(lambda: model.row_count.exact and model.row_count.rows == rows)
    qtbot.waitUntil(lambda: all(model.row_at(n) is not None for n in range(rows)))


def idle(qtbot: QtBot, window: MainWindow) -> None:
    """Until no page, count or total is being read (a read in flight at the end of a test
    would leave a connection to be collected unclosed)."""
    qtbot.waitUntil(
        lambda: (
            not window.users_model.is_loading
            and not window.posts_model.is_loading
            and not window.filters.busy
        )
    )


def choose_active(qtbot: QtBot, window: MainWindow, index: int, rows: int, says: str) -> None:
    """Active (1: yes, 2: no) in the users' bar, then wait for the rows and the status."""
    bar = window.filters.bars["users"]
    assert bar.active is not None
    bar.active.setCurrentIndex(index)
    wait_rows(qtbot, window.users_panel, rows)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: says in window.filters.label.text())


def shown_usernames(panel: TablePanel) -> set[str]:
    rows = [panel.model.row_at(n) for n in range(panel.model.row_count.rows)]
    return {getattr(r, "username", None) or getattr(r, "author_username", "") for r in rows}


def site(window: MainWindow, run: Run, qtbot: QtBot, path: str) -> None:
    """Six users with two posts each; their times and activity as another writer left them."""
    run(seed(db(window), users=6, posts_per_user=2))
    with closing(sqlite3.connect(path)) as connection:
        for name, created in CREATED.items():
            connection.execute(
                "UPDATE users SET created_at = ? WHERE username = ?", (created, name)
            )
        connection.executemany(
            "UPDATE users SET is_active = 0 WHERE username = ?", [(n,) for n in INACTIVE]
        )
        connection.executemany(
            "UPDATE users SET updated_at = NULL WHERE username = ?", [(n,) for n in NEVER_EDITED]
        )
        connection.commit()
    window.refresh()
    wait_rows(qtbot, window.users_panel, 6)
    wait_rows(qtbot, window.posts_panel, 12)


def file_of(url: str) -> str:
    return url.removeprefix("sqlite+aiosqlite:///")


def test_active_filter_narrows_rows_and_count_and_esc_resets(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    site(window, run, qtbot, file_of(sqlite_url))
    bar = window.filters.bars["users"]
    assert bar.active is not None
    bar.active.setFocus()
    qtbot.keyClick(bar.active, Qt.Key.Key_Down)  # any → yes
    qtbot.keyClick(bar.active, Qt.Key.Key_Down)  # yes → no
    wait_rows(qtbot, window.users_panel, 2)
    assert shown_usernames(window.users_panel) == set(INACTIVE)
    assert window.users_panel.count_label.text().startswith("2 users")
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "2 of 6 users" in window.filters.label.text())
    assert window.filters.label.text().startswith("Filtered: inactive")
    assert window.posts_model.query == PostQuery()  # the posts have filters of their own
    assert bar.clear_button.isEnabled()

    qtbot.keyClick(bar.active, Qt.Key.Key_Escape)  # Esc in the bar: every filter off
    wait_rows(qtbot, window.users_panel, 6)
    assert bar.active.currentIndex() == 0 and not bar.clear_button.isEnabled()
    assert window.users_model.query == UserQuery()
    assert window.filters.label.text() == ""
    idle(qtbot, window)


def test_created_days_and_never_edited_narrow_and_combine_with_search(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    site(window, run, qtbot, file_of(sqlite_url))
    bar = window.filters.bars["users"]
    bar.created.set_value(date(2026, 2, 1), date(2026, 2, 28))  # both days included
    wait_rows(qtbot, window.users_panel, 2)
    assert shown_usernames(window.users_panel) == {"user1", "user2"}
    query = window.users_model.query
    assert isinstance(query, UserQuery)
    assert query.created == TimeRange.of_local_days(date(2026, 2, 1), date(2026, 2, 28))

    assert bar.updated.mode is not None
    bar.updated.mode.setCurrentIndex(2)  # never edited
    wait_rows(qtbot, window.users_panel, 1)
    assert shown_usernames(window.users_panel) == {"user2"}
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "1 of 6 users" in window.filters.label.text())
    assert "created 2026-02-01 – 2026-02-28, never edited" in window.filters.label.text()

    window.users_panel.search.setText("user1")  # the search and the filters together
    wait_rows(qtbot, window.users_panel, 0)
    bar.updated.mode.setCurrentIndex(0)
    wait_rows(qtbot, window.users_panel, 1)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "1 of 1 user" in window.filters.label.text())
    assert "1 of 1 users" not in window.filters.label.text()  # English's singular, from en.ts

    bar.clear_button.click()  # "Clear filters": the search stays
    wait_rows(qtbot, window.users_panel, 1)
    assert window.users_model.query == UserQuery(search="user1")
    window.users_panel.search.clear()
    wait_rows(qtbot, window.users_panel, 6)
    idle(qtbot, window)


def test_author_filter_picks_by_typing_and_sorts_with_the_posts(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    site(window, run, qtbot, file_of(sqlite_url))
    bar = window.filters.bars["posts"]
    assert bar.author is not None
    bar.author.setFocus()
    qtbot.keyClicks(bar.author, "user3")  # the picker finds the user and takes them
    wait_rows(qtbot, window.posts_panel, 2)
    assert shown_usernames(window.posts_panel) == {"user3"}
    window.posts_panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title
    wait_rows(qtbot, window.posts_panel, 2)
    titles = [getattr(window.posts_model.row_at(n), "title", "") for n in range(2)]
    assert titles == ["Post 0 by user3", "Post 1 by user3"]
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "2 of 12 posts" in window.filters.label.text())
    assert "Filtered: by user3" in window.filters.label.text()
    assert window.users_model.query.filtered is False  # type: ignore[union-attr]
    window.users_panel.table.setFocus()  # the status bar speaks of the table in use...
    qtbot.waitUntil(lambda: window.filters.label.text().startswith("Filtered: by user3"))
    window.filters.bars["users"].active.setCurrentIndex(1)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "4 of 6 users" in window.filters.label.text())
    window.filters.bars["users"].clear()  # ...or of the other, when only it is filtered
    qtbot.waitUntil(lambda: "2 of 12 posts" in window.filters.label.text())

    bar.author.setFocus()
    qtbot.waitUntil(bar.author.hasFocus)
    popup = bar.author.completer().popup()
    if popup.isVisible():  # the first Esc closes the picker's list, the next clears
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(bar.author, Qt.Key.Key_Escape)
    wait_rows(qtbot, window.posts_panel, 12)
    assert bar.author.text() == ""
    idle(qtbot, window)


def test_tab_goes_from_the_table_into_its_filters(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    site(window, run, qtbot, file_of(sqlite_url))
    table = window.users_panel.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    bar = window.filters.bars["users"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.active)
    idle(qtbot, window)


def test_opening_a_database_clears_the_filters(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str
) -> None:
    """A picked author is a row of the database it came from: another one starts unfiltered."""
    site(window, run, qtbot, file_of(sqlite_url))
    bar = window.filters.bars["users"]
    assert bar.active is not None
    bar.active.setCurrentIndex(1)
    wait_rows(qtbot, window.users_panel, 4)
    idle(qtbot, window)
    assert run(window.open(sqlite_url))
    wait_rows(qtbot, window.users_panel, 6)
    assert bar.active.currentIndex() == 0 and window.users_model.query == UserQuery()
    idle(qtbot, window)


def test_the_unfiltered_total_is_counted_once_until_the_rows_change(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another filter on the same search keeps the "of 6" total (a COUNT of a million rows is
    some 150 ms); F5 (as after a write or an undo) counts it again, and so does an edit
    saved."""
    site(window, run, qtbot, file_of(sqlite_url))
    reader = window.users_model.reader
    assert reader is not None
    totals: list[UserQuery] = []
    count = reader.count

    async def counting(query: UserQuery) -> int:
        if window.filters.bars["users"].filtering and query == UserQuery():
            totals.append(query)  # the status bar's count, not the table's own
        return await count(query)

    monkeypatch.setattr(reader, "count", counting)
    choose_active(qtbot, window, 1, 4, "4 of 6 users")
    bar = window.filters.bars["users"]
    assert bar.active is not None
    bar.active.setCurrentIndex(2)  # inactive
    wait_rows(qtbot, window.users_panel, 2)
    bar.created.set_value(date(2026, 4, 1), date(2026, 4, 30))
    wait_rows(qtbot, window.users_panel, 1)
    idle(qtbot, window)
    assert "1 of 6 users" in window.filters.label.text()
    assert len(totals) == 1

    with closing(sqlite3.connect(file_of(sqlite_url))) as connection:
        connection.execute("DELETE FROM users WHERE username = 'user0'")  # another writer
        connection.commit()
    window.refresh()  # F5
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "1 of 5 users" in window.filters.label.text())
    assert len(totals) == 2
    window.users_model.edit_saved.emit()  # an edit saved in a cell (no F5 follows)
    idle(qtbot, window)
    assert len(totals) == 3  # counted again at once, not at the next filter
    assert "1 of 5 users" in window.filters.label.text()
    bar.active.setCurrentIndex(1)
    wait_rows(qtbot, window.users_panel, 0)
    idle(qtbot, window)
    assert "0 of 5 users" in window.filters.label.text()
    assert len(totals) == 3


def test_the_status_keeps_its_total_while_the_rows_are_read_again(
    window: MainWindow, run: Run, qtbot: QtBot, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F5 on a filtered table: the status says "2 of 6" until the new total says "2 of 5",
    never a bare "2 users" in between; a search (another total) says "of …" until it is
    counted."""
    site(window, run, qtbot, file_of(sqlite_url))
    choose_active(qtbot, window, 2, 2, "2 of 6 users")
    said: list[str] = []
    label = window.filters.label
    set_text = label.setText
    monkeypatch.setattr(label, "setText", lambda text: (said.append(text), set_text(text)))

    with closing(sqlite3.connect(file_of(sqlite_url))) as connection:
        connection.execute("DELETE FROM users WHERE username = 'user0'")  # another writer
        connection.commit()
    window.refresh()  # F5
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "2 of 5 users" in label.text())
    assert said, "the status was not said again"
    assert all(" of 6 users" in text or " of 5 users" in text for text in said), said

    said.clear()
    window.users_panel.search.setText("user4")
    wait_rows(qtbot, window.users_panel, 1)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "1 of 1 user" in label.text())
    assert any("1 of … users" in text for text in said), said
    assert not any(text.endswith(("· 1 user", "· 1 users")) for text in said), said
