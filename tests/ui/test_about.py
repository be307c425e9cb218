"""Help → About names the app's version and what it runs on, the database server included."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import desktop_app
from desktop_app.ui.main_window import MainWindow


def test_about_shows_the_versions_of_the_app_qt_sqlalchemy_and_the_database(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.act_about.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "aboutBox") is not None)
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None
    qtbot.waitUntil(lambda: "reading" not in box.informativeText(), timeout=10_000)
    text = box.informativeText()
    assert desktop_app.__version__ in box.text()
    assert "SQLite 3." in text, text
    for version in (qVersion(), pyside_version, platform.python_version()):
        assert version in text
    assert "SQLAlchemy</td><td>2." in text.replace("&nbsp;", "").replace(" ", "")
    box.close()
