"""The conflict dialog of issue #11: every choice answers with the user's typing intact, the
deleted-row variant, differences marked in words (not colour alone), passwords never shown."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.application.conflict_merge import MergeResult, merge_fields
from desktop_app.ui.conflict_dialog import (
    ConflictChoice,
    ConflictDialog,
    ConflictResolution,
    resolve_conflict,
)

# The offscreen platform says this of every top-level window it shows; any other Qt warning
# still fails the test.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LABELS = [
    ("email", "Email"),
    ("username", "Username"),
    ("is_active", "Active"),
    ("bio", "Bio"),
    ("password", "Password"),
]
SECRET = "correct horse battery staple"
BASE = {
    "email": "ann@example.org",
    "username": "ann",
    "is_active": True,
    "bio": "Gardener.",
    "password": None,
}
MINE = {**BASE, "email": "ann@new.org", "username": "ann_k", "bio": "x" * 400, "password": SECRET}
THEIRS = {**BASE, "username": "annie", "is_active": False}


def user_merge(*, deleted: bool = False) -> MergeResult:
    return merge_fields(BASE, MINE, None if deleted else THEIRS)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def answer(qtbot: QtBot, parent: QWidget, merge: MergeResult, button: str) -> ConflictResolution:
    """Show the dialog through the async helper, click ``button``, return the resolution."""
    future = asyncio.ensure_future(
        resolve_conflict(
            parent,
            merge,
            entity="user",
            labels=LABELS,
            secret_fields={"password": "(new password)"},
        )
    )
    qtbot.waitUntil(lambda: parent.findChild(ConflictDialog) is not None)
    dialog = parent.findChild(ConflictDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    clicked = dialog.findChild(QPushButton, button)
    assert clicked is not None, button
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(future.done)
    return future.result()


def test_keep_mine_writes_all_my_values_over_theirs(
    qtbot: QtBot, event_loop_qt: object, parent: QWidget
) -> None:
    resolution = answer(qtbot, parent, user_merge(), "keepMineButton")

    assert resolution.choice is ConflictChoice.KEEP_MINE
    assert resolution.values == {**MINE, "is_active": False}  # their untouched change stays
    assert resolution.merge.mine == MINE


def test_take_theirs_discards_my_edit_but_still_carries_it(
    qtbot: QtBot, event_loop_qt: object, parent: QWidget
) -> None:
    resolution = answer(qtbot, parent, user_merge(), "takeTheirsButton")

    assert resolution.choice is ConflictChoice.TAKE_THEIRS
    assert resolution.values == THEIRS
    assert resolution.merge.mine == MINE  # nothing typed is lost, even when discarding


def test_edit_again_starts_from_theirs_with_mine_beside_the_collisions(
    qtbot: QtBot, event_loop_qt: object, parent: QWidget
) -> None:
    resolution = answer(qtbot, parent, user_merge(), "editAgainButton")

    assert resolution.choice is ConflictChoice.EDIT_AGAIN
    assert resolution.values == {**MINE, "username": "annie", "is_active": False}
    assert resolution.yours_was == {"username": "ann_k"}
    assert {**resolution.values, **resolution.yours_was}["username"] == MINE["username"]


@pytest.mark.parametrize(
    ("button", "choice", "values"),
    [
        ("recreateButton", ConflictChoice.RECREATE, MINE),
        ("discardButton", ConflictChoice.DISCARD, None),
    ],
)
def test_a_deleted_row_offers_recreate_or_discard(
    qtbot: QtBot,
    event_loop_qt: object,
    parent: QWidget,
    button: str,
    choice: ConflictChoice,
    values: object,
) -> None:
    resolution = answer(qtbot, parent, user_merge(deleted=True), button)

    assert resolution.choice is choice
    assert resolution.values == values
    assert resolution.merge.mine == MINE


def test_escape_changes_nothing(qtbot: QtBot, event_loop_qt: object, parent: QWidget) -> None:
    future = asyncio.ensure_future(
        resolve_conflict(parent, user_merge(), entity="user", labels=LABELS)
    )
    qtbot.waitUntil(lambda: parent.findChild(ConflictDialog) is not None)
    dialog = parent.findChild(ConflictDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(future.done)
    assert future.result().choice is ConflictChoice.CANCEL
    assert future.result().values is None


def make(qtbot: QtBot, merge: MergeResult) -> ConflictDialog:
    dialog = ConflictDialog(
        merge, entity="user", labels=LABELS, secret_fields={"password": "(new password)"}
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def change_column(dialog: ConflictDialog) -> dict[str, str]:
    table = dialog.table
    return {table.item(row, 0).text(): table.item(row, 1).text() for row in range(4)}


def test_differences_are_marked_in_words(qtbot: QtBot, event_loop_qt: object) -> None:
    dialog = make(qtbot, user_merge())

    assert dialog.windowTitle() == "This user was changed by someone else"
    marks = change_column(dialog)
    assert "Both changed" in marks["Username"]
    assert "Changed by them" in marks["Active"]
    assert "Changed by you" in marks["Email"]
    assert "Changed by you" in marks["Bio"]
    unchanged = make(qtbot, merge_fields(BASE, BASE, BASE))
    assert set(change_column(unchanged).values()) == {"Unchanged"}
    assert "Username" in dialog.hints[ConflictChoice.KEEP_MINE].text()  # says what it replaces


def test_a_deleted_row_says_so(qtbot: QtBot, event_loop_qt: object) -> None:
    dialog = make(qtbot, user_merge(deleted=True))

    assert dialog.windowTitle() == "This user was deleted by someone else"
    assert "deleted" in dialog.title.text()
    assert set(dialog.buttons) == {ConflictChoice.RECREATE, ConflictChoice.DISCARD}


def test_long_values_are_readable_in_full(qtbot: QtBot, event_loop_qt: object) -> None:
    dialog = make(qtbot, user_merge())
    bio_row = [dialog.table.item(r, 0).text() for r in range(5)].index("Bio")

    cell = dialog.table.item(bio_row, 3)
    assert len(cell.text()) < 100 and cell.text().endswith("…")
    assert "x" * 400 in cell.toolTip()
    dialog.table.setCurrentCell(bio_row, 0)
    assert dialog.mine_value.toPlainText() == "x" * 400
    assert "Gardener." in dialog.opened_value.text()
    theirs = make(qtbot, merge_fields(BASE, BASE, {**BASE, "bio": "y" * 400}))
    assert theirs.table.item(bio_row, 2).text().endswith("…")
    assert "y" * 400 in theirs.table.item(bio_row, 2).toolTip()


def test_the_password_typed_is_never_displayed(qtbot: QtBot, event_loop_qt: object) -> None:
    dialog = make(qtbot, user_merge())
    table = dialog.findChild(QTableWidget)
    assert table is not None

    shown = [w.text() + w.toolTip() for w in dialog.findChildren(QLabel)]
    shown += [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)]
    for row in range(table.rowCount()):
        table.setCurrentCell(row, 0)
        shown += [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)]
        for column in range(table.columnCount()):
            item = table.item(row, column)
            shown += [
                item.text(),
                item.toolTip(),
                str(item.data(Qt.ItemDataRole.AccessibleTextRole)),
            ]
    assert not [text for text in shown if SECRET in text]
    assert any("(new password)" in text for text in shown)


def test_every_control_is_named(qtbot: QtBot, event_loop_qt: object) -> None:
    for merge in (user_merge(), user_merge(deleted=True)):
        dialog = make(qtbot, merge)
        for button in dialog.findChildren(QPushButton):
            assert button.objectName() and button.accessibleName(), button.text()
        for widget in (dialog.table, dialog.title, dialog.mine_value, dialog.theirs_value):
            assert widget.objectName() and widget.accessibleName()
