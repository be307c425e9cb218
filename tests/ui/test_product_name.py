"""The product's name (issue #13, item 5): Quillbase in the title, About, the menus, the desktop
entry, and a new user's directories and settings; a user of version 0.1 keeps the directories
named after the package, so their settings, recent files, logs and default database stay where
they are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import APP_NAME, PRODUCT_NAME
from desktop_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

START_UP = """
import json
from desktop_app.gui import make_application
from PySide6.QtCore import QCoreApplication, QSettings
app = make_application()
print(json.dumps({
    "display": app.applicationDisplayName(),
    "name": app.applicationName(),
    "organization": app.organizationName(),
    "settings": QSettings().fileName(),
    "file_menu": QCoreApplication.translate("WindowChrome", "&File"),
}))
"""


def test_the_window_and_about_carry_the_product_name(window: MainWindow, qtbot: QtBot) -> None:
    assert PRODUCT_NAME == "Quillbase"
    assert window.windowTitle().endswith(" — Quillbase")  # "SQLite: …/ui.db — Quillbase"
    assert window.act_about.text() == "&About Quillbase"
    window.act_about.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "aboutBox") is not None)
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None
    assert box.windowTitle() == "About Quillbase"
    assert "Quillbase" in box.text()
    qtbot.waitUntil(lambda: "reading" not in box.informativeText(), timeout=10_000)
    box.close()


def started(tmp_path: Path) -> dict[str, str]:
    """What a fresh process's application is called, where its settings go, and its File
    menu (in German, which DESKTOP_APP_LANGUAGE picks at start-up), in the home ``tmp_path``."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "DESKTOP_APP_LANGUAGE": "de",
    }
    done = subprocess.run(
        [sys.executable, "-c", START_UP], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_a_new_user_s_directories_and_settings_carry_the_product_name(tmp_path: Path) -> None:
    found = started(tmp_path)
    assert found["display"] == "Quillbase"
    assert found["name"] == found["organization"] == "Quillbase"
    assert found["settings"] == str(tmp_path / "config" / "Quillbase" / "Quillbase.conf")
    assert found["file_menu"] == "&Datei"


def test_a_user_of_0_1_keeps_the_directories_and_settings_they_have(tmp_path: Path) -> None:
    """Shown with its new name, the app reads its settings where version 0.1 kept them."""
    (tmp_path / "data" / APP_NAME).mkdir(parents=True)
    found = started(tmp_path)
    assert found["display"] == "Quillbase"
    assert found["name"] == found["organization"] == APP_NAME == "desktop_app"
    assert found["settings"] == str(tmp_path / "config" / "desktop_app" / "desktop_app.conf")


def test_the_desktop_entry_names_the_product() -> None:
    entry = (ROOT / "resources" / "linux" / "org.desktop_app.Editor.desktop").read_text()
    assert "\nName=Quillbase\n" in entry
    metainfo = (ROOT / "resources" / "linux" / "org.desktop_app.Editor.metainfo.xml").read_text()
    assert "<name>Quillbase</name>" in metainfo
