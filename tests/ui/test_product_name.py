"""The product's name (issue #13, item 5): Quillbase in the title, About, the menus and the
desktop entry, while the directories and settings keep the package's name, so an existing
user's settings, recent files, logs and default database stay where they are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import APP_NAME, PRODUCT_NAME
from desktop_app.core import paths
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


def test_directories_and_settings_keep_the_old_name(tmp_path: Path) -> None:
    """The app shows its new name but reads its settings where it always did (in German here,
    which DESKTOP_APP_LANGUAGE picks at start-up)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "DESKTOP_APP_LANGUAGE": "de",
    }
    done = subprocess.run(
        [sys.executable, "-c", START_UP], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    started = json.loads(done.stdout.strip().splitlines()[-1])
    assert started["display"] == "Quillbase"
    assert started["name"] == started["organization"] == APP_NAME == "desktop_app"
    assert started["settings"] == str(tmp_path / "config" / "desktop_app" / "desktop_app.conf")
    assert started["file_menu"] == "&Datei"
    assert paths.config_dir().name == paths.data_dir().name == "desktop_app"


def test_the_desktop_entry_names_the_product() -> None:
    entry = (ROOT / "resources" / "linux" / "org.desktop_app.Editor.desktop").read_text()
    assert "\nName=Quillbase\n" in entry
    metainfo = (ROOT / "resources" / "linux" / "org.desktop_app.Editor.metainfo.xml").read_text()
    assert "<name>Quillbase</name>" in metainfo
