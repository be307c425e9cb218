"""View → SQL log (issue #13, item 7) in the real window on a real SQLite file: off (and
hooking nothing) by default, the statements of a refresh shown with their timings, never a
parameter, a failure by its error's class, closing unhooks, and another database is followed."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QThread
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from desktop_app.application.statement_log import StatementEntry
from desktop_app.domain.entities import CreateUserDTO
from desktop_app.ui.database import Database
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.sql_log import SqlLog
from desktop_app.ui.sql_log_model import COLUMNS, StatementModel
from tests.ui.helpers import Run

# Distinctive, and free of characters a repr() would escape: a hit is a real leak.
PASSWORD = "Quokka7Zebra4Umbra-sqllog"
BIO = "Tangerine periscope mandolin 4417"
EMAIL = "kestrel.yodel.7731@example.org"


def sql_log(window: MainWindow) -> SqlLog:
    log = window.findChild(SqlLog, "sqlLog")
    assert isinstance(log, SqlLog)
    return log


def hooked(database: Database | None) -> list[str]:
    """The recorder's hooks the database's engine carries now."""
    assert database is not None
    recorder = database.statements
    engine = database.engine.sync_engine  # type: ignore[attr-defined]
    return [name for name, hook in recorder.hooks if event.contains(engine, name, hook)]  # type: ignore[attr-defined]


def texts(log: SqlLog) -> str:
    """Everything the dock shows or tells: cells, tooltips, headers, labels, buttons."""
    model = log.model
    found = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(COLUMNS))]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                found.append(str(index.data(role)))
    found += [label.text() for label in log.dock.findChildren(QLabel)]
    found += [log.clear_button.text(), log.copy_button.text(), log.dock.windowTitle()]
    return "\n".join(found)


def statements(log: SqlLog) -> list[str]:
    return [entry.statement for entry in log.model.entries]


def open_log(window: MainWindow, qtbot: QtBot) -> SqlLog:
    action = window.findChild(type(window.act_refresh), "actionSqlLog")
    assert action is not None and action.isCheckable()
    view_menu = window.menuBar().actions()[2].menu()
    assert action in view_menu.actions()  # type: ignore[union-attr]
    action.trigger()
    log = sql_log(window)
    qtbot.waitUntil(log.dock.isVisible)
    return log


def test_off_by_default_and_hooking_nothing(window: MainWindow) -> None:
    log = sql_log(window)
    assert window.findChild(QDockWidget, "sqlLogDock") is log.dock
    assert log.dock.isHidden() and not log.action.isChecked()
    assert log.action.text().replace("&", "") == "SQL log"
    assert not log.listening
    assert hooked(window.database) == []
    assert not window.database.statements.listening  # type: ignore[union-attr]


def test_statements_of_a_refresh_appear_with_their_timings(
    window: MainWindow, qtbot: QtBot
) -> None:
    log = open_log(window, qtbot)
    assert log.listening
    assert hooked(window.database) == [
        "before_cursor_execute",
        "after_cursor_execute",
        "handle_error",
    ]
    window.refresh()
    # a page of users (its LIMIT is a placeholder), not the count, which may come first
    qtbot.waitUntil(
        lambda: any("FROM users" in s and "LIMIT" in s for s in statements(log)), timeout=10_000
    )
    qtbot.waitUntil(lambda: any("FROM posts" in s for s in statements(log)), timeout=10_000)
    model = log.model
    row = next(r for r, s in enumerate(statements(log)) if "FROM users" in s and "LIMIT" in s)
    time_text, ms_text = (model.index(row, c).data() for c in (0, 1))
    assert len(time_text) == len("12:34:56.789") and float(ms_text.replace(",", "")) >= 0
    statement_cell = model.index(row, 3).data()
    assert "\n" not in statement_cell and "  " not in statement_cell  # one line
    assert model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole) == statements(log)[row].strip()
    assert "?" in statement_cell  # placeholders as they are


def test_no_hash_bio_or_email_reaches_the_dock_or_the_clipboard(
    window: MainWindow, qtbot: QtBot, run: Run
) -> None:
    log = open_log(window, qtbot)
    database = window.database
    assert database is not None
    user = run(
        database.users.create_user(
            CreateUserDTO(email=EMAIL, username="kestrel", password=PASSWORD, bio=BIO)
        )
    )
    window.refresh()  # the users table reads the bio back
    qtbot.waitUntil(lambda: any("INSERT INTO users" in s for s in statements(log)), timeout=10_000)
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "kestrel", timeout=10_000)
    log.drain()
    log.copy()
    clipboard = QApplication.clipboard().text()
    assert "INSERT INTO users" in clipboard and " ms\t" in clipboard
    shown = texts(log) + "\n" + clipboard + "\n" + repr(log.model.entries)
    secrets = [PASSWORD, user.hashed_password, user.hashed_password.rsplit("$", 1)[-1]]
    secrets += [BIO, EMAIL, str(user.id), user.id.hex]
    assert [s for s in secrets if s in shown] == []


def test_a_failed_statement_shows_its_error_class(
    window: MainWindow, qtbot: QtBot, run: Run
) -> None:
    log = open_log(window, qtbot)
    engine = window.database.engine  # type: ignore[union-attr]

    async def fail() -> str:
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT secret_column FROM no_such_table"))
        except Exception as error:
            return type(error).__name__
        return "no error"

    assert run(fail()) == "OperationalError"
    qtbot.waitUntil(lambda: "no_such_table" in "".join(statements(log)), timeout=10_000)
    row = next(r for r, s in enumerate(statements(log)) if "no_such_table" in s)
    assert log.model.index(row, 2).data() == "failed: OperationalError"
    assert log.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    tip = log.model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Failed: OperationalError")
    assert "no such table" not in texts(log)  # the class, not the message


def test_closing_the_dock_removes_the_hooks(window: MainWindow, qtbot: QtBot) -> None:
    log = open_log(window, qtbot)
    window.refresh()
    qtbot.waitUntil(lambda: log.model.rowCount() > 0, timeout=10_000)
    log.dock.close()
    assert not log.action.isChecked() and not log.listening
    assert hooked(window.database) == []
    assert not window.database.statements.listening  # type: ignore[union-attr]
    shown = log.model.rowCount()
    qtbot.waitUntil(lambda: not window.users_model.is_loading, timeout=10_000)
    window.refresh()
    qtbot.waitUntil(lambda: not window.users_model.is_loading, timeout=10_000)
    qtbot.wait(3 * 150)  # three drains' time: nothing arrives
    assert log.model.rowCount() == shown

    log.action.trigger()  # shown again: hooked again
    assert log.listening and len(hooked(window.database)) == 3


def test_another_database_is_followed(
    window: MainWindow, qtbot: QtBot, run: Run, tmp_path: Path, migrated_template: Path
) -> None:
    log = open_log(window, qtbot)
    first = window.database
    other = tmp_path / "other.db"
    other.write_bytes(migrated_template.read_bytes())
    assert run(window.open(f"sqlite+aiosqlite:///{other}"))
    second = window.database
    assert second is not first
    assert hooked(first) == [] and not first.statements.listening  # type: ignore[union-attr]
    assert len(hooked(second)) == 3 and log.listening
    log.clear()
    assert log.model.rowCount() == 0
    window.refresh()
    qtbot.waitUntil(lambda: any("FROM users" in s for s in statements(log)), timeout=10_000)
    # let the refresh finish its reads, so no connection is still open when the window goes
    qtbot.waitUntil(
        lambda: window.users_model.row_count.exact and window.posts_model.row_count.exact,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: any("FROM posts" in s for s in statements(log)), timeout=10_000)


def _entry(n: int) -> StatementEntry:
    return StatementEntry(statement=f"SELECT {n}", duration=0.001, when=datetime.now(UTC))


def test_entries_from_a_worker_thread_reach_the_table_on_the_gui_thread(
    window: MainWindow, qtbot: QtBot
) -> None:
    log = open_log(window, qtbot)
    inserted_on: list[QThread] = []
    log.model.rowsInserted.connect(lambda *_: inserted_on.append(QThread.currentThread()))
    recorder = window.database.statements  # type: ignore[union-attr]
    worker = threading.Thread(target=recorder._hand_out, args=(_entry(1),))  # type: ignore[attr-defined]
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "SELECT 1" in statements(log), timeout=5_000)
    assert set(inserted_on) == {QApplication.instance().thread()}  # type: ignore[union-attr]


def test_the_log_keeps_the_newest_and_follows_the_bottom(window: MainWindow, qtbot: QtBot) -> None:
    log = open_log(window, qtbot)
    log._stop()  # fed by hand below, not by the database
    for n in range(300):
        log._pending.append(_entry(n))
    log.drain()
    bar = log.view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()  # at the bottom
    bar.setValue(0)  # the user scrolls up: new rows do not pull the view down
    log._pending.append(_entry(300))
    log.drain()
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    log._pending.append(_entry(301))
    log.drain()
    assert bar.value() == bar.maximum()

    model = StatementModel(limit=5)
    assert model.append([_entry(n) for n in range(4)]) == 0
    assert model.append([_entry(n) for n in range(4, 7)]) == 2
    assert [e.statement for e in model.entries] == [f"SELECT {n}" for n in range(2, 7)]


def test_the_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = StatementModel(limit=3)
    model.append([_entry(1), _entry(2)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.append([_entry(3), _entry(4)])
    model.clear()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_copy_key_in_the_log_copies_statements_not_the_table(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Ctrl+C with the log focused copies the selected statement; the window's Edit → Copy
    (the same key) copies the focused table as before."""
    log = open_log(window, qtbot)
    log._stop()  # fed by hand below, not by the database
    for n in range(3):
        log._pending.append(_entry(n))
    log.drain()
    log.view.setFocus()
    qtbot.waitUntil(log.view.hasFocus)
    flags = QItemSelectionModel.SelectionFlag
    log.view.selectionModel().select(log.model.index(1, 0), flags.ClearAndSelect | flags.Rows)
    assert [index.row() for index in log.view.selectionModel().selectedRows()] == [1]
    QApplication.clipboard().setText("")
    qtbot.keySequence(log.view, QKeySequence(QKeySequence.StandardKey.Copy))
    copied = QApplication.clipboard().text().splitlines()
    assert len(copied) == 1 and copied[0].endswith("\tSELECT 1"), copied
