"""The window starts in two steps (``MainWindow(build=False)``, then ``build``): its frame
paints first, at its remembered size and place, and the tables, menus and the flows behind
them are imported and built right after. These tests hold the frame to being a usable window
on its own, ``build`` to making the same window a one-step start makes, and the start to
loading the window's parts only after the frame has painted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from pytestqt.qtbot import QtBot

from desktop_app import PRODUCT_NAME
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow


def _frame(qtbot: QtBot, ini: Path, *, build: bool = False) -> MainWindow:
    opener = DatabaseOpener()
    window = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=lambda _url: None,
        settings=QSettings(str(ini), QSettings.Format.IniFormat),
        build=build,
    )
    qtbot.addWidget(window)
    return window


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_frame_paints_alone_then_build_fills_it_in_once(qtbot: QtBot, tmp_path: Path) -> None:
    window = _frame(qtbot, tmp_path / "ui.ini")
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == PRODUCT_NAME
    assert not window.built
    assert not hasattr(window, "users_panel")
    assert _menu_titles(window) == []
    assert window.loading_label.text() == "Starting…"
    assert window.database_label.text() == "No database"

    window.build()
    assert window.built
    assert window.centralWidget().objectName() != "startingPlaceholder"
    qtbot.waitUntil(lambda: window.users_panel.isVisible() and window.posts_panel.isVisible())
    assert window.loading_label.text() == ""
    built_menus = _menu_titles(window)
    one_step = _frame(qtbot, tmp_path / "other.ini", build=True)
    assert built_menus == _menu_titles(one_step) == ["&File", "&Edit", "&View", "&Help"]

    window.build()  # a second call builds nothing more
    assert _menu_titles(window) == built_menus
    assert len(window.findChildren(type(window.users_panel))) == 2


def test_the_frame_opens_where_the_window_was_left(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "ui.ini"
    first = _frame(qtbot, ini, build=True)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)
    first.close()

    frame = _frame(qtbot, ini)
    assert (frame.width(), frame.height()) == (700, 500)  # before it is shown or built


def test_a_frame_closed_before_it_was_built_keeps_the_tables_layout(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Closing the frame at once (the start-up benchmark does) saves its geometry and leaves
    the splitter's and the tables' remembered state alone: it has no tables to take it from."""
    ini = tmp_path / "ui.ini"
    built = _frame(qtbot, ini, build=True)
    built.show()
    qtbot.waitExposed(built)
    built.users_panel.table.setColumnHidden(2, True)
    built.close()
    saved = QSettings(str(ini), QSettings.Format.IniFormat).value("users/header")
    assert isinstance(saved, QByteArray) and not saved.isEmpty()

    frame = _frame(qtbot, ini)
    frame.show()
    qtbot.waitExposed(frame)
    frame.close()
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("users/header") == saved

    again = _frame(qtbot, ini, build=True)
    assert again.users_panel.table.isColumnHidden(2)


# What the frame must not wait for: asyncio and qasync, the window's parts, the domain and the
# database layer.
LOADED_AFTER_PAINT = (
    "asyncio",
    "qasync",
    "desktop_app.ui.table_model",
    "desktop_app.ui.table_panel",
    "desktop_app.ui.copy_flow",
    "desktop_app.ui.window_chrome",
    "desktop_app.ui.post_preview",
    "desktop_app.domain.errors",
    "desktop_app.application.read_models",
    "sqlalchemy",
    "pydantic",
)

# ``desktop-app --quit-after-start window`` (what the start-up benchmark runs), noting which of
# the watched modules are loaded when the frame has painted.
_START = """
import json, sys
from desktop_app import gui
from desktop_app.cli import main
watched, loaded = set(sys.argv[1:]), []
paint = gui.paint_frame
def noting(app):
    paint(app)
    loaded.append(sorted(name for name in sys.modules if name in watched))
gui.paint_frame = noting
code = main(["--quit-after-start", "window"])
print(json.dumps({"code": code, "loaded": loaded}))
"""


def test_the_frame_paints_before_the_window_parts_are_imported(tmp_path: Path) -> None:
    """A fresh interpreter, started as the packaged app starts: when the frame has painted,
    none of asyncio, the window's parts, the domain or the database layer has been imported;
    the start then goes on to build the whole window and reports both times."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", _START, *LOADED_AFTER_PAINT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert json.loads(lines[-1]) == {"code": 0, "loaded": [[]]}
    words = lines[-2].split()
    painted, built = float(words[words.index("painted-at") + 1]), float(words[-1])
    assert painted <= built
