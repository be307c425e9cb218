"""The real main window over a real DatabaseOpener, as the UI tests build it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow


def show_window(qtbot: QtBot, opener: DatabaseOpener, ini: Path) -> MainWindow:
    """A shown MainWindow opening databases through ``opener``, its QSettings in ``ini``."""
    window = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=lambda _url: None,
        settings=QSettings(str(ini), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    return window
