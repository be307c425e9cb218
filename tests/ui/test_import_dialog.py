"""File → Import… (#12) on the real window over a real SQLite file: the preview shows the first
rows and the guessed fields; a check lists every bad line with its line and field and writes
nothing, keeping the file and the mapping; a changed mapping checks again; an import writes
every row as one undoable step; Cancel writes nothing; a read-only database offers no Import."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop_app.application import import_service
from desktop_app.application.import_rows import FileSource, LineError
from desktop_app.application.import_service import ImportService
from desktop_app.infrastructure.change_store import KeptRows
from desktop_app.ui.import_dialog import ImportDialog
from desktop_app.ui.import_flow import ImportFlow
from desktop_app.ui.main_window import MainWindow
from tests.ui.helpers import Run, seed
from tests.ui.import_helpers import check, fields, problems

HASH = "$pbkdf2-sha256$29000$N2bsvdc6R8iZE0JIyblXqg$Lr7dGq3DCVSYPs9MUHbgJ5LPiC6vPhVjXuQ3dq9Fnwk"


@pytest.fixture
def flow(window: MainWindow) -> ImportFlow:
    """The controller as main_window.py would build it, its action in a File menu."""
    imports = ImportFlow(window)
    imports.add_to(QMenu(window))
    return imports


def count(window: MainWindow, table: str) -> int:
    assert window.database is not None
    path = window.database.url.removeprefix("sqlite+aiosqlite:///")
    with contextlib.closing(sqlite3.connect(path)) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def open_file(flow: ImportFlow, qtbot: QtBot, path: Path) -> ImportDialog:
    """File → Import…, then the file, as if chosen; waits for its preview."""
    assert flow.action.isEnabled()
    flow.action.trigger()
    dialog = flow.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_file(str(path))
    qtbot.waitUntil(lambda: bool(dialog.combos), timeout=10_000)
    return dialog


def write_posts(path: Path, count: int, author: str = "user0") -> Path:
    rows = [f'"Title {n}","Body, with a comma {n}",{author}' for n in range(count)]
    path.write_text("Subject,Body,Author\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_preview_shows_the_first_rows_and_the_guessed_fields(
    window: MainWindow, flow: ImportFlow, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "people.csv"
    lines = [f"person{n}@example.org,person{n},{HASH},Bio {n},x" for n in range(30)]
    source.write_text("E-mail,Name,Password_Hash,About,Notes\n" + "\n".join(lines) + "\n")
    dialog = open_file(flow, qtbot, source)
    assert dialog.kind() == "users"  # the focused table
    assert fields(dialog) == ["email", "username", "hashed_password", "bio", ""]
    grid = dialog.preview
    assert grid.rowCount() == 1 + 20  # the field choosers, then the first 20 rows
    assert grid.verticalHeaderItem(1).text() == "2"  # the line each row starts on
    assert grid.item(1, 0).text() == "person0@example.org"
    assert grid.item(20, 1).text() == "person19"
    assert set(grid.item(1, 2).text()) == {"•"}  # a password column is not shown
    dialog.combos[2].setCurrentIndex(0)
    assert grid.item(1, 2).text() == HASH
    assert "first 20 rows" in dialog.preview_label.text()
    assert dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()


def test_bad_lines_are_listed_and_nothing_is_written(
    window: MainWindow, flow: ImportFlow, run: Run, qtbot: QtBot, tmp_path: Path
) -> None:
    run(seed(window.database, users=1))  # user0 is already there
    source = tmp_path / "people.csv"
    source.write_text(
        "email,username,hashed_password,notes\n"
        f"good@example.org,good,{HASH},x\n"  # line 2
        f"not-an-email,bad1,{HASH},x\n"  # line 3: bad e-mail
        f"twice@example.org,,{HASH},x\n"  # line 4: no username
        f"other@example.org,good,{HASH},x\n"  # line 5: username twice in the file
        f"user0@example.org,again,{HASH},x\n"  # line 6: already in the database
    )
    dialog = open_file(flow, qtbot, source)
    mapping = dialog.mapping()
    before = count(window, "users")
    check(dialog, qtbot)
    expected = [("3", "email"), ("4", "username"), ("5", "username"), ("6", "email")]
    assert problems(dialog) == expected
    assert "nothing can be imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert count(window, "users") == before
    # kept for a second try
    assert dialog.isVisible() and dialog.file() == source and dialog.mapping() == mapping


def test_a_changed_mapping_checks_again_and_imports(
    window: MainWindow, flow: ImportFlow, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "people.jsonl"
    source.write_text(
        "".join(
            f'{{"handle": "fan{n}", "mail": "fan{n}@example.org", "password": "secret-{n}!"}}\n'
            for n in range(3)
        )
    )
    dialog = open_file(flow, qtbot, source)
    assert fields(dialog) == ["", "email", "password"]  # "handle" means nothing to the guess
    check(dialog, qtbot)
    assert problems(dialog) == [("1", "username"), ("2", "username"), ("3", "username")]
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("username"))
    assert not dialog.import_button.isEnabled()  # the last check no longer holds
    check(dialog, qtbot)
    assert problems(dialog) == [] and not dialog.problems.isVisible()
    assert dialog.import_button.isEnabled()
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("skip"))
    assert not dialog.import_button.isEnabled()  # any change voids the check
    assert "check again" in dialog.summary.text()
    check(dialog, qtbot)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=20_000)
    assert count(window, "users") == 3


def test_an_import_writes_every_row_as_one_undoable_step(
    window: MainWindow, flow: ImportFlow, run: Run, qtbot: QtBot, tmp_path: Path
) -> None:
    run(seed(window.database, users=2))
    window.posts_panel.focused.emit()  # the posts table last focused: preselected
    dialog = open_file(flow, qtbot, write_posts(tmp_path / "posts.csv", 25))
    assert dialog.kind() == "posts"
    assert fields(dialog) == ["title", "content", "author"]
    steps = window.history.stack.count()
    check(dialog, qtbot)
    assert dialog.import_button.isEnabled(), dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=20_000)
    status = window.statusBar().currentMessage()
    assert "25 posts added" in status and "Undo" in status
    assert flow.dialog is None  # closed (and deleted) once the rows are in
    assert count(window, "posts") == 25
    qtbot.waitUntil(lambda: window.posts_model.row_count.rows == 25, timeout=10_000)
    assert window.history.stack.count() == steps + 1
    assert window.history.undo_action.text() == "&Undo Import 25 posts"
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: count(window, "posts") == 0 and not window.history.busy)
    assert count(window, "users") == 2


def test_a_big_import_is_one_step_kept_on_disk_and_undone_exactly(
    window: MainWindow,
    flow: ImportFlow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An import too big to keep its plan (here: any, and batches of 50) is written as the
    file is read again, and its undo step goes to the undo history's temporary file as it is
    written; undoing it removes exactly the rows it added."""
    monkeypatch.setattr(import_service, "CHUNK", 50)
    assert window.database is not None
    monkeypatch.setattr(window.database.imports, "_keep_rows", 0)
    run(seed(window.database, users=2, posts_per_user=1))
    window.posts_panel.focused.emit()
    dialog = open_file(flow, qtbot, write_posts(tmp_path / "posts.csv", 400))
    check(dialog, qtbot)
    assert dialog.import_button.isEnabled(), dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=20_000)
    assert count(window, "posts") == 402
    step = window.history._commands()[-1]
    assert isinstance(step.change.posts, KeptRows) and len(step.change.posts) == 400
    assert window.history.undo_action.text() == "&Undo Import 400 posts"
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: count(window, "posts") == 2 and not window.history.busy)
    qtbot.waitUntil(lambda: window.posts_model.row_count.rows == 2, timeout=10_000)


def test_cancel_writes_nothing(
    window: MainWindow,
    flow: ImportFlow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_service, "CHUNK", 1)  # a statement a row: time to cancel
    run(seed(window.database, users=1))
    dialog = open_file(flow, qtbot, write_posts(tmp_path / "posts.csv", 2_000))
    dialog.table.setCurrentIndex(1)  # switched to posts: a new guess
    qtbot.waitUntil(lambda: fields(dialog) == ["title", "content", "author"])
    check(dialog, qtbot)
    steps = window.history.stack.count()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: flow.progress is not None and flow.progress.dialog is not None)
    assert flow.progress is not None and flow.progress.dialog is not None
    dialog.reject()  # Escape while writing: the dialog stays, Cancel is the way out
    assert dialog.isVisible()
    flow.progress.dialog.cancel()
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary.text(), timeout=20_000)
    assert "nothing was written" in dialog.summary.text()
    assert count(window, "posts") == 0
    assert window.history.stack.count() == steps
    assert dialog.isVisible() and dialog.file() is not None and dialog.import_button.isEnabled()


def test_import_needs_a_database_that_may_be_changed(
    window: MainWindow, flow: ImportFlow, run: Run
) -> None:
    assert flow.action.isEnabled() and flow.action.text() == "&Import…"
    assert run(window.open(None, read_only=True))
    assert window.database is not None and window.database.read_only
    assert not flow.action.isEnabled()


def test_the_import_task_cancelled_itself_writes_nothing_and_may_import_again(
    window: MainWindow,
    flow: ImportFlow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not Cancel in the progress dialog but ``task.cancel()`` on the write's task (as the
    loop's shutdown does): the dialog says nothing was written and offers Import again,
    where it stayed busy, its buttons disabled; nothing reaches the crash dialog."""
    monkeypatch.setattr(import_service, "CHUNK", 1)
    hooked: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: hooked.append(exc))
    run(seed(window.database, users=1))
    dialog = open_file(flow, qtbot, write_posts(tmp_path / "posts.csv", 2_000))
    dialog.table.setCurrentIndex(1)
    qtbot.waitUntil(lambda: fields(dialog) == ["title", "content", "author"])
    check(dialog, qtbot)
    steps = window.history.stack.count()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: flow.progress is not None and flow.progress.dialog is not None)
    [task] = [
        t for t in asyncio.all_tasks() if getattr(t.get_coro(), "__name__", "") == "run_import"
    ]
    task.cancel()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.cancelled() and hooked == []
    assert "nothing was written" in dialog.summary.text()
    assert dialog.isVisible() and dialog.import_button.isEnabled() and not dialog.writing
    assert count(window, "posts") == 0 and window.history.stack.count() == steps


def test_the_check_task_cancelled_itself_leaves_the_dialog_ready_to_check_again(
    window: MainWindow,
    flow: ImportFlow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancelled while the check reads a (slow) file: Check is offered again, not "Checking…"
    for ever; a second check reports the file."""
    run(seed(window.database, users=1))
    dialog = open_file(flow, qtbot, write_posts(tmp_path / "posts.csv", 10))
    dialog.table.setCurrentIndex(1)
    qtbot.waitUntil(lambda: fields(dialog) == ["title", "content", "author"])
    decodes, reading = FileSource.decodes, threading.Event()

    def slow(source: FileSource, errors: list[LineError], stop: Any = None) -> bool:
        reading.set()
        deadline = time.monotonic() + 10  # a file that takes long to read, till the cancel
        while time.monotonic() < deadline and not (stop is not None and stop.wait(0.01)):
            pass
        return decodes(source, errors, stop)

    monkeypatch.setattr(FileSource, "decodes", slow)
    dialog.check_button.click()
    qtbot.waitUntil(reading.is_set)
    [task] = [t for t in asyncio.all_tasks() if getattr(t.get_coro(), "__name__", "") == "check"]
    task.cancel()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert dialog.check_button.isEnabled() and "Checking" not in dialog.summary.text()
    monkeypatch.setattr(FileSource, "decodes", decodes)
    check(dialog, qtbot)
    assert dialog.import_button.isEnabled()


def test_full_collections_wait_while_checking_and_importing(
    window: MainWindow,
    flow: ImportFlow,
    run: Run,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full collection walks the whole heap while the window waits (40-80 ms on a million
    lines): the check and the write hold them off, as an export does, and give them back."""
    original = gc.get_threshold()
    seen: dict[str, int] = {}
    check_service, write_service = ImportService.check, ImportService.write

    async def checking(self: ImportService, *args: Any, **kwargs: Any) -> Any:
        seen["check"] = gc.get_threshold()[2]
        return await check_service(self, *args, **kwargs)

    async def writing(self: ImportService, *args: Any, **kwargs: Any) -> Any:
        seen["write"] = gc.get_threshold()[2]
        return await write_service(self, *args, **kwargs)

    monkeypatch.setattr(ImportService, "check", checking)
    monkeypatch.setattr(ImportService, "write", writing)
    run(seed(window.database, users=1))
    window.posts_panel.focused.emit()  # posts preselected
    dialog = open_file(flow, qtbot, write_posts(tmp_path / "posts.csv", 3))
    check(dialog, qtbot)
    assert gc.get_threshold() == original
    assert dialog.import_button.isEnabled(), dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=20_000)
    assert seen["check"] > original[2] and seen["write"] > original[2]
    assert gc.get_threshold() == original
