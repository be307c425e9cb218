"""Qt conventions (issue #13, item 3): header and row context menus, Select All, Tab leaving
the tables, failed edits marked by more than colour, and names for every control."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.table_panel import TablePanel
from tests.ui.helpers import Run
from tests.ui.windows import show_window


def menu_action(menu: QMenu | None, name: str) -> QAction:
    assert menu is not None and menu.isVisible()
    [action] = [a for a in menu.actions() if a.objectName() == name]
    return action


def header_menu(panel: TablePanel) -> QMenu | None:
    """Right-click the header (as the mouse does, through the context menu request)."""
    panel.table.horizontalHeader().customContextMenuRequested.emit(QPoint(5, 5))
    return panel.header_menu.menu


def test_a_column_hidden_from_the_header_menu_stays_hidden_after_a_restart(
    window: MainWindow, run: Run, qtbot: QtBot, opener: DatabaseOpener, tmp_path: Path
) -> None:
    header = window.users_panel.table.horizontalHeader()
    menu_action(header_menu(window.users_panel), "showColumn3").trigger()  # Bio
    assert header.isSectionHidden(3)
    window.close()

    second = show_window(qtbot, opener, tmp_path / "ui.ini")
    assert run(second.open(None))
    panel = second.users_panel
    assert panel.table.horizontalHeader().isSectionHidden(3)
    assert not menu_action(header_menu(panel), "showColumn3").isChecked()
    panel.table.horizontalHeader().moveSection(0, 4)
    panel.table.setColumnWidth(1, 33)
    menu_action(header_menu(panel), "resetColumns").trigger()
    header = panel.table.horizontalHeader()
    assert not any(header.isSectionHidden(n) for n in range(header.count()))
    assert [header.logicalIndex(v) for v in range(header.count())] == list(range(7))
    assert panel.table.columnWidth(1) == panel.model.columns[1].width
    run(second.shutdown())


def test_the_last_visible_column_cannot_be_hidden(window: MainWindow) -> None:
    panel = window.posts_panel
    header = panel.table.horizontalHeader()
    for number in range(1, header.count()):
        menu_action(header_menu(panel), f"showColumn{number}").trigger()
    assert [n for n in range(header.count()) if not header.isSectionHidden(n)] == [0]
    last = menu_action(header_menu(panel), "showColumn0")
    assert last.isChecked() and not last.isEnabled()
    panel.header_menu.set_shown(0, False)
    assert not header.isSectionHidden(0)
