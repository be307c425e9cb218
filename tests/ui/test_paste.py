"""Edit → Paste (#12) on the real window over real SQLite files: rows on the clipboard go
through the import path. The dialog shows them with the guessed fields and writes nothing
until Paste; a check lists a bad line with its line in the pasted text and its field and
writes nothing; the write is one undo step "Paste …"; a clipboard without rows opens nothing
and says why; rows copied from the window paste into another database as they were, and
back into the same table without changing a post's text."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from desktop_app.ui.import_dialog import ImportDialog
from desktop_app.ui.main_window import MainWindow
from tests.ui.helpers import Run, db, seed
from tests.ui.import_helpers import check, fields, problems


def tsv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab", lineterminator="\n").writerows(rows)
    return out.getvalue()


def rows_of(window: MainWindow, sql: str) -> list[tuple[object, ...]]:
    path = db(window).url.removeprefix("sqlite+aiosqlite:///")
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def count(window: MainWindow, table: str) -> int:
    return int(rows_of(window, f"SELECT count(*) FROM {table}")[0][0])


def paste(qtbot: QtBot, window: MainWindow, text: str, table: str = "users") -> ImportDialog:
    """Put ``text`` on the clipboard, focus ``table`` and press Ctrl+V; returns the dialog
    once its preview shows."""
    panel = window.users_panel if table == "users" else window.posts_panel
    QGuiApplication.clipboard().setText(text)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.table.setFocus()
    panel.focused.emit()
    qtbot.keySequence(panel.table, QKeySequence(QKeySequence.StandardKey.Paste))
    dialog = window.paster.dialog
    assert dialog is not None, window.statusBar().currentMessage()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: bool(dialog.combos), timeout=10_000)
    return dialog


def write(dialog: ImportDialog, qtbot: QtBot, window: MainWindow) -> str:
    """Press Paste in the dialog; returns the status bar's word once it is done."""
    assert dialog.import_button.isEnabled(), dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Pasted" in window.statusBar().currentMessage(), timeout=20_000)
    return window.statusBar().currentMessage()


PEOPLE = [
    ["Email", "Username", "Password", "Bio"],
    ["ann@example.org", "ann", "secret-ann-1", "Grows tomatoes"],
    ["bob@example.org", "bob", "secret-bob-2", "Keeps bees,\nin Leeds"],  # lines 3-4
    ["cat@example.org", "cat", "secret-cat-3", ""],
]


def test_paste_into_users_goes_through_the_preview_and_is_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    steps = window.history.stack.count()
    action = window.paster.action
    assert action.objectName() == "actionPaste" and action.isEnabled()
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    dialog = paste(qtbot, window, tsv(PEOPLE))
    assert dialog.objectName() == "pasteDialog" and dialog.windowTitle() == "Paste"
    assert dialog.kind() == "users" and dialog.file() is None
    assert fields(dialog) == ["email", "username", "password", "bio"]
    grid = dialog.preview
    assert grid.rowCount() == 1 + 3  # the field choosers, then the rows
    lines = [grid.verticalHeaderItem(row).text() for row in range(1, 4)]
    assert lines == ["2", "3", "5"]  # where each row starts in the pasted text
    assert grid.item(2, 1).text() == "bob"
    assert "of the clipboard" in dialog.preview_label.text()
    assert dialog.import_button.text() == "&Paste" and not dialog.import_button.isEnabled()
    assert count(window, "users") == 0  # nothing written by showing it

    check(dialog, qtbot)
    assert "Every line is good" in dialog.summary.text()
    assert count(window, "users") == 0  # nor by checking it
    status = write(dialog, qtbot, window)
    assert "Pasted from the clipboard: 3 users added" in status
    assert "Undo “Paste 3 users”" in status
    assert window.paster.dialog is None
    assert sorted(r[0] for r in rows_of(window, "SELECT username FROM users")) == [
        "ann",
        "bob",
        "cat",
    ]
    assert rows_of(window, "SELECT bio FROM users WHERE username = 'bob'") == [
        ("Keeps bees,\nin Leeds",)
    ]
    assert window.history.stack.count() == steps + 1
    assert window.history.undo_action.text() == "&Undo Paste 3 users"
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: count(window, "users") == 0 and not window.history.busy)


def test_a_bad_line_shows_its_line_and_field_and_nothing_is_written(
    window: MainWindow, qtbot: QtBot
) -> None:
    rows = [*PEOPLE, ["not-an-email", "dan", "secret-dan-4", "x"]]  # line 6 of the text
    dialog = paste(qtbot, window, tsv(rows))
    mapping = dialog.mapping()
    check(dialog, qtbot)
    assert problems(dialog) == [("6", "email")]
    assert "nothing can be pasted" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert count(window, "users") == 0
    assert dialog.isVisible() and dialog.mapping() == mapping  # kept for a second try


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "the clipboard holds no text"),
        ("   \n", "the clipboard holds no text"),
        ("Dear Ann,\nthanks for the seeds.\n", "first line names none of their columns"),
        # rows without their header row: the first one would be taken for names
        ("ann@example.org\tann\tsecret-ann-1\n", "first line names none of their columns"),
        ("email\tusername\tpassword\n", "a header row but no rows under it"),
    ],
)
def test_a_clipboard_without_rows_opens_nothing_and_says_why(
    window: MainWindow, qtbot: QtBot, text: str, said: str
) -> None:
    QGuiApplication.clipboard().setText(text)
    window.users_panel.focused.emit()
    window.paster.action.trigger()
    status = window.statusBar().currentMessage()
    assert status.startswith("Nothing to paste") and said in status
    assert window.paster.dialog is None
    assert QGuiApplication.clipboard().text() == text  # nothing lost
    assert count(window, "users") == 0


def test_paste_needs_a_database_that_may_be_changed(window: MainWindow, run: Run) -> None:
    assert window.paster.action in window.menuBar().actions()[1].menu().actions()  # Edit
    assert run(window.open(None, read_only=True))
    assert not window.paster.action.isEnabled()


def copy_all(qtbot: QtBot, window: MainWindow, table: str, rows: int) -> str:
    """Select every row of ``table`` and Copy; the clipboard's text."""
    panel = window.users_panel if table == "users" else window.posts_panel
    window.refresh()  # the rows were written behind the window's back
    qtbot.waitUntil(lambda: panel.model.rowCount() == rows, timeout=10_000)
    panel.table.setFocus()
    panel.focused.emit()
    panel.table.selectAll()
    QGuiApplication.clipboard().setText("")
    window.act_copy.trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=15_000)
    return QGuiApplication.clipboard().text()


POSTS_SQL = (
    "SELECT p.id, p.title, p.content, u.username, p.created_at, p.updated_at "
    "FROM posts p JOIN users u ON u.id = p.author_id ORDER BY p.title"
)


@pytest.fixture
def second_url(tmp_path: Path, migrated_template: Path) -> str:
    """Another database with the app's tables and no rows."""
    shutil.copyfile(migrated_template, tmp_path / "other.db")
    return f"sqlite+aiosqlite:///{tmp_path / 'other.db'}"


def test_posts_copied_from_the_window_paste_into_another_database_as_they_were(
    window: MainWindow, run: Run, qtbot: QtBot, second_url: str
) -> None:
    run(seed(db(window), users=2, posts_per_user=2))
    first = rows_of(window, POSTS_SQL)
    copied = copy_all(qtbot, window, "posts", 4)
    assert copied.split("\r\n")[0] == "Title\tAuthor\tContent\tCreated\tUpdated\tID"

    # into the same table: every post is there already; "skip" leaves them as they are
    dialog = paste(qtbot, window, copied, "posts")
    assert fields(dialog) == ["title", "author", "content", "created_at", "updated_at", "id"]
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("skip"))
    check(dialog, qtbot)
    summary = dialog.summary.text()
    assert "Nothing to paste" in summary and "4 already there (skipped)" in summary
    dialog.reject()

    # into another database whose users have the same names (authors go by username)
    assert run(window.open(second_url))
    run(seed(db(window), users=2))
    assert count(window, "posts") == 0
    dialog = paste(qtbot, window, copied, "posts")
    check(dialog, qtbot)
    status = write(dialog, qtbot, window)
    assert "4 posts added" in status and "Undo “Paste 4 posts”" in status
    assert rows_of(window, POSTS_SQL) == first  # ids, text, authors and times as they were


def test_users_copied_from_the_window_carry_no_password_so_new_ones_are_refused(
    window: MainWindow, run: Run, qtbot: QtBot, second_url: str
) -> None:
    run(seed(db(window), users=2))
    copied = copy_all(qtbot, window, "users", 2)
    assert copied.split("\r\n")[0] == "Username\tEmail\tActive\tBio\tCreated\tUpdated\tID"
    assert run(window.open(second_url))
    dialog = paste(qtbot, window, copied, "users")
    expected = ["username", "email", "is_active", "bio", "created_at", "updated_at", "id"]
    assert fields(dialog) == expected
    check(dialog, qtbot)
    assert problems(dialog) == [("2", "password"), ("3", "password")]
    assert count(window, "users") == 0


# 1,000 characters of every kind a cell must carry: CRLF and LF line breaks, a lone CR
# (a line end to a csv reader unless quoted), tabs (the separator) and quotes.
AWKWARD = ('He said "stop"\tthen\r\nleft;\rback\nagain "…" ' * 30)[:1_000]


async def write_post(window: MainWindow, author_id: object, title: str, content: str) -> None:
    from desktop_app.domain.entities import Post

    async with db(window).uow_factory() as uow:  # type: ignore[attr-defined]
        await uow.posts.create(Post(title=title, content=content, author_id=author_id))  # type: ignore[arg-type]
        await uow.commit()


def parsed(copied: str) -> list[list[str]]:
    """The clipboard's rows as a spreadsheet reads them."""
    return list(csv.reader(io.StringIO(copied, newline=""), dialect="excel-tab"))


def test_copy_gives_a_posts_whole_content_exactly(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    [author] = run(seed(db(window), users=1))
    run(write_post(window, author.id, "Awkward", AWKWARD))
    run(write_post(window, author.id, "Plain", "nothing to quote but a lone\rcarriage return"))
    assert len(AWKWARD) == 1_000 and "\r" in AWKWARD.replace("\r\n", "")
    copied = copy_all(qtbot, window, "posts", 2)
    [header, *rows] = parsed(copied)
    assert header[2] == "Content"
    contents = {title: content for title, _author, content, *_rest in rows}
    assert contents["Awkward"] == AWKWARD  # not the cell's one-line preview, cut at 160
    assert contents["Plain"] == "nothing to quote but a lone\rcarriage return"  # not split


def test_posts_copied_and_pasted_back_with_update_are_unchanged(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    """Copy, then Paste into the same table updating the posts already there: every post
    keeps its text, author and times; only ``updated_at`` moves (an update is always a new
    version, whatever the pasted text says: import_plan's rule)."""
    [author, _other] = run(seed(db(window), users=2, posts_per_user=2))
    run(write_post(window, author.id, "Awkward", AWKWARD))
    run(write_post(window, author.id, "Long", "A long story. " * 100))
    every = "SELECT * FROM posts ORDER BY id"
    before = rows_of(window, every)
    copied = copy_all(qtbot, window, "posts", 6)
    dialog = paste(qtbot, window, copied, "posts")
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("update"))
    check(dialog, qtbot)
    assert problems(dialog) == []
    status = write(dialog, qtbot, window)
    assert "6 updated" in status, status
    after = rows_of(window, every)
    names = [r[1] for r in rows_of(window, "PRAGMA table_info(posts)")]
    kept = [n for n, name in enumerate(names) if name != "updated_at"]
    assert len(names) > len(kept)
    assert [[r[n] for n in kept] for r in after] == [[r[n] for n in kept] for r in before]
    assert AWKWARD in [r[names.index("content")] for r in after]


def test_a_paste_keeps_the_table_focused_when_it_opens(window: MainWindow, qtbot: QtBot) -> None:
    """Into posts when the posts table was clicked last, into users otherwise."""
    text = tsv([["title", "content", "author"], ["T", "C", "nobody"]])
    dialog = paste(qtbot, window, text, "posts")
    assert dialog.kind() == "posts"
    dialog.table.setCurrentIndex(0)  # switched to users: a new guess over the same text
    qtbot.waitUntil(lambda: fields(dialog) == ["", "", ""])
    assert dialog.check_button.isEnabled()
