"""The main window's menu bar and toolbar: which action goes where.

The window builds its actions and the controllers that own theirs (import, export, backups,
paste, history, the SQL log, the post preview); this module only places them, so adding a
command is one line here and the window's own module stays about the window.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from desktop_app.ui.export_flow import ExportFlow
from desktop_app.ui.i18n import translate
from desktop_app.ui.import_flow import ImportFlow
from desktop_app.ui.sql_log import SqlLog

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """File, Edit, View and Help, in the window's menu bar."""
    menu = window.menuBar()
    file_menu = menu.addMenu(translate("WindowChrome", "&File"))
    window.open_actions.add_to(file_menu)  # New database…, Open…, Recent databases
    file_menu.addSeparator()
    ImportFlow(window).add_to(file_menu)  # Import…
    ExportFlow(window).add_to(file_menu)  # Export…
    window.backups.add_to(file_menu)  # Back up… (PostgreSQL: Save a local copy…), Restore…
    file_menu.addAction(window.act_database)
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit_menu = menu.addMenu(translate("WindowChrome", "&Edit"))
    for action in (window.act_new_user, window.act_new_post, window.act_edit, window.act_delete):
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.act_copy)
    window.paster.add_to(edit_menu)  # Paste: the clipboard's rows through the Import dialog
    edit_menu.addAction(window.act_select_all)
    edit_menu.addAction(window.act_discard)
    view_menu = menu.addMenu(translate("WindowChrome", "&View"))
    view_menu.addAction(window.act_refresh)
    view_menu.addAction(window.act_find)
    view_menu.addAction(window.preview.toggle_action)
    columns = view_menu.addMenu(
        translate("WindowChrome", "&Columns")
    )  # the headers' menus, for the keyboard
    columns.menuAction().setStatusTip(
        translate("WindowChrome", "Show, hide or reset the columns of either table")
    )
    for title, tip, panel in (
        (
            translate("WindowChrome", "&Users"),
            translate("WindowChrome", "The columns of the Users table"),
            window.users_panel,
        ),
        (
            translate("WindowChrome", "&Posts"),
            translate("WindowChrome", "The columns of the Posts table"),
            window.posts_panel,
        ),
    ):
        table_columns = columns.addMenu(title)
        table_columns.setObjectName(f"{panel.table.objectName()}ColumnsMenu")
        table_columns.menuAction().setStatusTip(tip)
        table_columns.aboutToShow.connect(partial(panel.header_menu.fill, table_columns))
    window.history.add_to(edit_menu, view_menu)
    SqlLog(window).add_to(view_menu)  # View → SQL log: hidden, and hooks nothing, until shown
    menu.addMenu(translate("WindowChrome", "&Help")).addAction(window.act_about)


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main toolbar: the row commands on the left, Database… on the right."""
    toolbar = QToolBar(translate("WindowChrome", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (window.act_new_user, window.act_new_post, window.act_edit, window.act_delete):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(window.act_refresh)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(window.act_database)
    return toolbar
