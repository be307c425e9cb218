"""What the Import and Paste dialog tests share: Check, and reading the mapping and the bad
lines the dialog shows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.ui.import_dialog import ImportDialog


def check(dialog: ImportDialog, qtbot: QtBot) -> None:
    """Click Check every line and wait for its summary."""
    dialog.summary.setText("")
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled() and bool(dialog.summary.text()))


def fields(dialog: ImportDialog) -> list[str]:
    """The field each column goes into, as the mapping row shows it."""
    return [combo.currentData() for combo in dialog.combos]


def problems(dialog: ImportDialog) -> list[tuple[str, str]]:
    """(line, field) of each bad line listed."""
    table = dialog.problems
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
