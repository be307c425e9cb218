"""The main window's size, splitter and column layout, kept in QSettings between runs.

The window restores them when it is built and saves them when it closes; the keys live here so
the two sides cannot drift apart.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTableView

DEFAULT_SIZE = (1180, 780)


def restore_layout(
    settings: QSettings,
    window: QMainWindow,
    splitter: QSplitter,
    users_table: QTableView,
    posts_table: QTableView,
) -> None:
    """Give ``window`` its saved geometry (else the default size), and the splitter and the
    tables' headers (column widths, order, sorting) their saved state."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    for key, widget in _stateful(splitter, users_table, posts_table):
        state = settings.value(key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            widget.restoreState(state)


def save_layout(
    settings: QSettings,
    window: QMainWindow,
    splitter: QSplitter,
    users_table: QTableView,
    posts_table: QTableView,
) -> None:
    """Remember what ``restore_layout`` restores."""
    settings.setValue("window/geometry", window.saveGeometry())
    for key, widget in _stateful(splitter, users_table, posts_table):
        settings.setValue(key, widget.saveState())
    settings.sync()


def _stateful(
    splitter: QSplitter, users_table: QTableView, posts_table: QTableView
) -> tuple[tuple[str, QSplitter | QHeaderView], ...]:
    return (
        ("window/splitter", splitter),
        ("users/header", users_table.horizontalHeader()),
        ("posts/header", posts_table.horizontalHeader()),
    )
