"""What assistive technology says about the main window's controls: a name and a description.

Most names come with the controls (an action's text, a search box's accessible name) and most
descriptions with the actions' status tips. This fills in the rest in one place: the status
tips of the actions built without one, the tables' descriptions (how to work them from the
keyboard), and names for the buttons Qt puts inside the search boxes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QToolButton

from desktop_app import PRODUCT_NAME
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

# Status tips (what a screen reader reads as the description) by the action's objectName.
ACTION_TIPS = {
    "actionUndo": QT_TRANSLATE_NOOP(
        "Accessibility", "Undo the last change made here to the database"
    ),
    "actionRedo": QT_TRANSLATE_NOOP("Accessibility", "Make again the change just undone"),
    "actionCopy": QT_TRANSLATE_NOOP(
        "Accessibility", "Copy the selected rows as tab-separated text with a header row"
    ),
    "actionSelectAll": QT_TRANSLATE_NOOP(
        "Accessibility", "Select every row of the current table, loaded or not"
    ),
    "actionDiscardEdits": QT_TRANSLATE_NOOP(
        "Accessibility", "Show the database's values again where an edit was not saved"
    ),
    "actionFind": QT_TRANSLATE_NOOP("Accessibility", "Go to the search box of the current table"),
    "actionQuit": QT_TRANSLATE_NOOP(
        "Accessibility", "Close the window (the database is closed with it)"
    ),
    "actionAbout": QT_TRANSLATE_NOOP("Accessibility", "The version of {app}, and what it is for"),
    "actionClearRecent": QT_TRANSLATE_NOOP(
        "Accessibility", "Forget the list of recently opened databases"
    ),
}

TABLE_KEYS = QT_TRANSLATE_NOOP(
    "Accessibility",
    "arrows move, Shift or Ctrl with them extends the selection, F2 edits the cell, "
    "Ctrl+E opens the row's form, the Menu key or Shift+F10 lists what applies to the rows, "
    "Tab moves on to the next control",
)


def describe_controls(window: MainWindow) -> None:
    """Give ``window``'s actions and controls the descriptions they were built without."""
    for action in window.findChildren(QAction):
        tip = ACTION_TIPS.get(action.objectName())
        if tip and not action.statusTip():
            action.setStatusTip(translate("Accessibility", tip).format(app=PRODUCT_NAME))
    recent = window.open_actions.recent_menu.menuAction()
    recent.setStatusTip(translate("Accessibility", "Open one of the databases opened lately"))
    window.users_panel.table.setAccessibleDescription(
        translate(
            "Accessibility",
            "The users, a row each. Selecting some shows their posts below; {keys}.",
        ).format(keys=translate("Accessibility", TABLE_KEYS))
    )
    window.posts_panel.table.setAccessibleDescription(
        translate(
            "Accessibility", "The posts of the users selected above, or all posts; {keys}."
        ).format(keys=translate("Accessibility", TABLE_KEYS))
    )
    for panel in (window.users_panel, window.posts_panel):
        _name_line_edit_buttons(panel.search)


def _name_line_edit_buttons(box: QLineEdit) -> None:
    """The search icon and the clear button Qt puts in ``box`` are buttons with no name."""
    for button in box.findChildren(QToolButton):
        action = button.defaultAction()
        clears = action is not None and action.objectName() == "_q_qlineeditclearaction"
        if clears:
            button.setAccessibleName(translate("Accessibility", "Clear the search"))
            button.setAccessibleDescription(
                translate("Accessibility", "Empty the search box: the table shows every row")
            )
        else:
            button.setAccessibleName(translate("Accessibility", "Search"))
            button.setAccessibleDescription(box.placeholderText())
