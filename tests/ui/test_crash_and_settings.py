"""Bugs reach the user as a dialog and the app goes on; the window remembers its layout."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.crash import CrashReporter
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.main_window import MainWindow
from tests.ui.helpers import Run


def test_a_bug_shows_details_to_copy_and_is_logged(
    qtbot: QtBot, event_loop_qt: asyncio.AbstractEventLoop, tmp_path: Path, caplog: object
) -> None:
    reporter = CrashReporter(log_path=str(tmp_path / "app.log"), parent=lambda: None)
    try:
        raise KeyError("username")
    except KeyError:
        reporter.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert "KeyError" in dialog.details.toPlainText()
    assert "Traceback" in dialog.details.toPlainText()
    dialog.copy_details()
    assert "KeyError: 'username'" in QGuiApplication.clipboard().text()
    assert "unexpected error: KeyError" in caplog.text  # type: ignore[attr-defined]
    dialog.close()


def test_a_failing_task_is_reported_too(
    qtbot: QtBot, event_loop_qt: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    reporter = CrashReporter(log_path=str(tmp_path / "app.log"), parent=lambda: None)
    reporter.loop_exception(event_loop_qt, {"message": "boom", "exception": ValueError("bad")})
    assert reporter.reports == 1
    for _ in range(5):  # a loop of errors must not bury the screen
        reporter.report("again", "details")
    open_dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]
    assert len(open_dialogs) == 3
    for dialog in open_dialogs:
        qtbot.addWidget(dialog)
        dialog.close()


def test_window_size_and_columns_are_remembered(
    qtbot: QtBot, run: Run, sqlite_url: str, tmp_path: Path
) -> None:
    settings_path = str(tmp_path / "ui.ini")
    opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))

    def make() -> MainWindow:
        window = MainWindow(
            open_database=opener.open,
            test_connection=opener.test,
            save_database_url=lambda _url: None,
            settings=QSettings(settings_path, QSettings.Format.IniFormat),
        )
        qtbot.addWidget(window)
        return window

    first = make()
    first.show()
    first.resize(700, 520)  # within the offscreen platform's 800x600 screen
    first.users_panel.table.setColumnWidth(0, 222)
    first.close()
    second = make()
    second.show()
    assert (second.width(), second.height()) == (700, 520)
    assert second.users_panel.table.columnWidth(0) == 222
    run(first.shutdown())
    run(second.shutdown())


def test_a_bad_setting_is_a_message_in_the_window(qtbot: QtBot, run: Run, tmp_path: Path) -> None:
    opener = DatabaseOpener(database_url="mysql://u@h/db")  # settings read on first use
    window = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=lambda _url: None,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    assert not run(window.open(None))
    assert "--database-url:" in window.banner.message.text()  # the option, not the environment
    assert "unsupported driver 'mysql'" in window.banner.message.text()
    run(window.shutdown())
