"""Qt conventions (issue #13, item 3): header and row context menus, Select All, Tab leaving
the tables, failed edits marked by more than colour, and names for every control."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAccessible, QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.application.read_models import UserRow
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.post_dialog import PostDialog
from desktop_app.ui.table_panel import TablePanel
from tests.ui.helpers import Run, db, seed
from tests.ui.windows import show_window

CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


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


def wait_rows(qtbot: QtBot, panel: TablePanel, rows: int) -> None:
    model = panel.model
    qtbot.waitUntil(lambda: model.row_count.exact and model.row_count.rows == rows)
    qtbot.waitUntil(lambda: all(model.row_at(n) is not None for n in range(rows)))


def seeded(window: MainWindow, run: Run, qtbot: QtBot, users: int) -> list[UserRow]:
    """``users`` users with two posts each, shown; their rows in table order."""
    run(seed(db(window), users=users, posts_per_user=2))
    window.refresh()
    wait_rows(qtbot, window.users_panel, users)
    wait_rows(qtbot, window.posts_panel, users * 2)
    rows = [window.users_model.row_at(n) for n in range(users)]
    assert all(isinstance(r, UserRow) for r in rows)
    return rows  # type: ignore[return-value]


def select(panel: TablePanel, *rows: int) -> None:
    flags = QItemSelectionModel.SelectionFlag
    panel.table.clearSelection()
    for row in rows:
        panel.table.selectionModel().select(panel.model.index(row, 0), flags.Select | flags.Rows)


def right_click(panel: TablePanel, row: int) -> QMenu | None:
    """Right-click row ``row`` (as the mouse does, through the context menu request)."""
    table = panel.table
    table.customContextMenuRequested.emit(table.visualRect(panel.model.index(row, 0)).center())
    menu = table.findChild(QMenu, f"{table.objectName()}RowMenu")
    return menu if menu is not None and menu.isVisible() else None


def selected(panel: TablePanel) -> list[int]:
    return sorted(i.row() for i in panel.table.selectionModel().selectedRows())


def test_copy_id_copies_the_full_ids_of_the_selected_rows(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    users = seeded(window, run, qtbot, 3)
    panel = window.users_panel
    select(panel, 0, 2)
    menu = right_click(panel, 2)  # in the selection: the selection stays
    assert selected(panel) == [0, 2]
    QGuiApplication.clipboard().clear()
    menu_action(menu, "actionCopyId").trigger()
    expected = f"{users[0].id}\n{users[2].id}"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == expected)

    menu = right_click(panel, 1)  # outside the selection: it is selected instead
    assert selected(panel) == [1]
    menu_action(menu, "actionCopyId").trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == str(users[1].id))


def test_new_post_by_this_user_chooses_the_right_clicked_author(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    users = seeded(window, run, qtbot, 3)
    panel = window.users_panel
    select(panel, 0, 1)
    menu = right_click(panel, 1)
    assert [a.objectName() for a in menu.actions() if a.objectName()] == [  # type: ignore[union-attr]
        "actionEdit",
        "actionDelete",
        "actionCopy",
        "actionCopyId",
        "actionNewPostByUser",
        "actionShowPosts",
    ]
    menu_action(menu, "actionNewPostByUser").trigger()
    [dialog] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PostDialog) and w.isVisible()
    ]
    assert dialog.author.author_id == users[1].id
    assert dialog.author.text() == users[1].username
    dialog.reject()


def test_show_posts_selects_just_that_user_and_the_posts_follow(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    users = seeded(window, run, qtbot, 3)
    panel = window.users_panel
    select(panel, 0, 1, 2)
    wait_rows(qtbot, window.posts_panel, 6)
    menu_action(right_click(panel, 2), "actionShowPosts").trigger()
    assert selected(panel) == [2]
    wait_rows(qtbot, window.posts_panel, 2)
    assert window.posts_panel.title.text() == f"Posts by {users[2].username}"


def test_a_post_row_menu_edits_deletes_and_copies_the_post(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    seeded(window, run, qtbot, 1)
    panel = window.posts_panel
    menu = right_click(panel, 1)
    assert selected(panel) == [1]
    assert [a.objectName() for a in menu.actions() if a.objectName()] == [  # type: ignore[union-attr]
        "actionEdit",
        "actionDelete",
        "actionCopy",
        "actionCopyId",
    ]
    assert window.act_edit.isEnabled() and window.act_delete.isEnabled()
    post = panel.model.row_at(1)
    assert post is not None
    menu_action(menu, "actionCopyId").trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == str(post.id))


def focus(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_edit_select_all_selects_every_row_of_the_current_table(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    seeded(window, run, qtbot, 3)
    [edit_menu] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Edit"]
    assert window.act_select_all in edit_menu.actions()
    assert window.act_select_all.shortcut() == QKeySequence(QKeySequence.StandardKey.SelectAll)
    focus(qtbot, window, window.posts_panel.table)  # the posts table is the current one
    window.act_select_all.trigger()
    assert selected(window.posts_panel) == list(range(6))
    assert selected(window.users_panel) == []
    focus(qtbot, window, window.users_panel.table)
    window.act_select_all.trigger()
    assert selected(window.users_panel) == [0, 1, 2]

    search = window.users_panel.search  # in a search box Ctrl+A selects its text, not rows
    window.users_panel.table.clearSelection()
    search.setText("user")
    focus(qtbot, window, search)
    search.deselect()
    qtbot.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert search.selectedText() == "user"
    assert selected(window.users_panel) == []


def test_tab_leaves_the_table(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    seeded(window, run, qtbot, 2)
    table = window.users_panel.table
    focus(qtbot, window, table)
    table.setCurrentIndex(window.users_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert table.currentIndex().column() == 0  # it did not move to the next cell
    focus(qtbot, window, table)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert table.currentIndex().column() == 0


def test_a_failed_edit_is_marked_by_an_icon_and_words_not_colour_alone(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    seeded(window, run, qtbot, 1)
    model = window.users_model
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.setData(index, "bad name!", Qt.ItemDataRole.EditRole)
    with qtbot.waitSignal(model.edit_failed, timeout=10_000):
        pass
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert str(index.data(Qt.ItemDataRole.ToolTipRole)).startswith("Not saved: ")
    assert "only letters" in str(index.data(Qt.ItemDataRole.AccessibleDescriptionRole))
    assert window.statusBar().currentMessage().startswith("Not saved: ")
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None  # only that cell
    window.discard_failed_edits()
    assert index.data(Qt.ItemDataRole.DecorationRole) is None


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action of ``menu`` and of its submenus (shown first: some fill themselves then)."""
    menu.aboutToShow.emit()
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        if action.menu() is not None:
            found.extend(menu_actions(action.menu()))  # type: ignore[arg-type]
    return found


def test_every_action_and_control_has_a_name_and_a_description(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    seeded(window, run, qtbot, 1)
    window.users_panel.search.setText("user")  # its clear button shows
    for pane in ("actionPostPreview", "actionHistory", "actionSqlLog"):  # all panes shown
        [action] = [a for a in window.findChildren(QAction) if a.objectName() == pane]
        if not action.isChecked():
            action.trigger()
    unnamed = []
    for top in window.menuBar().actions():
        assert top.text().replace("&", "")
        for action in menu_actions(top.menu()):  # type: ignore[arg-type]
            if not action.isEnabled() and not action.objectName():
                continue  # an informative line ("No recent databases")
            if not action.text().replace("&", "").strip() or not (
                action.statusTip() or action.toolTip() != action.text().replace("&", "")
            ):
                unnamed.append(f"{top.text()} → {action.text()!r}")
    kinds = (QLineEdit, QTableView, QPushButton, QToolButton, QComboBox)
    for widget in window.findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisibleTo(window):
            spoken = QAccessible.queryAccessibleInterface(widget)
            name = spoken.text(QAccessible.Text.Name)
            description = spoken.text(QAccessible.Text.Description)
            if not name.strip() or not description.strip():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} {name!r}")
    assert unnamed == []


def test_the_menu_key_opens_the_row_menu_at_the_current_row(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    seeded(window, run, qtbot, 3)
    panel = window.users_panel
    focus(qtbot, window, panel.table)
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    row_menu = window.row_menus[0]
    for key, modifier in (
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        row_menu.clicked_row = -1
        qtbot.keyClick(panel.table, key, modifier)
        qtbot.waitUntil(lambda: row_menu.menu is not None and row_menu.menu.isVisible())
        assert row_menu.clicked_row == 1
        row_menu.menu.close()  # type: ignore[union-attr]


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key pressed where the keyboard focus is, as a person presses it."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def type_in(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def dialog_in_focus() -> PostDialog | None:
    widget = focused()
    window = widget.window() if widget is not None else None
    return window if isinstance(window, PostDialog) else None


def test_the_main_tasks_walked_with_the_keyboard_only(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    users = seeded(window, run, qtbot, 3)
    users_panel, posts_panel = window.users_panel, window.posts_panel
    focus(qtbot, window, users_panel.table)  # where the window starts

    # Find a user, Tab into the table, select them: the posts pane follows.
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is users_panel.search
    type_in(qtbot, users[1].username)
    wait_rows(qtbot, users_panel, 1)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is users_panel.table
    assert users_panel.table.currentIndex().row() == 0  # the first row, not yet selected
    press(qtbot, Qt.Key.Key_Space)
    assert selected(users_panel) == [0]
    wait_rows(qtbot, posts_panel, 2)

    # A new post by that user: the author is chosen, the fields are reached by Tab.
    press(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: dialog_in_focus() is not None)
    dialog = dialog_in_focus()
    assert isinstance(dialog, PostDialog)
    assert dialog.author.author_id == users[1].id
    assert focused() is dialog.title
    type_in(qtbot, "Typed only")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.content
    type_in(qtbot, "With the keyboard")
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the Title label's mnemonic
    assert focused() is dialog.title
    press(qtbot, Qt.Key.Key_Return)  # Save, the default button
    wait_rows(qtbot, posts_panel, 3)

    # Edit a cell in place: F2, type, Enter.
    focus(qtbot, window, users_panel.table)
    users_panel.table.setCurrentIndex(users_panel.model.index(0, 3))  # (arrows: Bio)
    press(qtbot, Qt.Key.Key_F2)
    type_in(qtbot, "Edited by keyboard")
    with qtbot.waitSignal(window.users_model.edit_saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)

    # Delete the user: Escape in the question cancels, Tab to Delete and Space deletes.
    focus(qtbot, window, users_panel.table)
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(focused(), QPushButton))
    assert focused().text() == "Cancel"  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Escape)
    window.activateWindow()  # as the window manager does when a box closes (offscreen does not)
    qtbot.waitUntil(lambda: focused() is users_panel.table)  # the focus is where it was
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(focused(), QPushButton))
    while focused().text().replace("&", "") != "Delete":  # type: ignore[union-attr]
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    wait_rows(qtbot, users_panel, 0)
    users_panel.search.clear()
    wait_rows(qtbot, users_panel, 2)


def test_view_columns_hides_and_resets_columns_from_the_keyboard(window: MainWindow) -> None:
    header = window.posts_panel.table.horizontalHeader()
    [menu] = [m for m in window.findChildren(QMenu) if m.objectName() == "postsTableColumnsMenu"]
    menu.aboutToShow.emit()  # as opening it does
    menu_actions = {a.objectName(): a for a in menu.actions()}
    menu_actions["showColumn2"].trigger()  # Content
    assert header.isSectionHidden(2)
    menu.aboutToShow.emit()
    assert not {a.objectName(): a for a in menu.actions()}["showColumn2"].isChecked()
    {a.objectName(): a for a in menu.actions()}["resetColumns"].trigger()
    assert not header.isSectionHidden(2)
