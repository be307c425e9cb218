"""The main window's size, splitter and column layout, kept in QSettings between runs.

The window restores its geometry before it is first shown, the rest when it is built, and saves
them when it closes; the keys live here so the two sides cannot drift apart.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTableView

DEFAULT_SIZE = (1180, 780)
# What a built window lays out: the splitter, the users' table and the posts' table.
Parts = tuple[QSplitter, QTableView, QTableView]


def restore_geometry(settings: QSettings, window: QMainWindow) -> None:
    """Give ``window`` its saved geometry, else the default size: before it is first shown, so
    it appears where it was left."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)


def restore_layout(
    settings: QSettings, splitter: QSplitter, users_table: QTableView, posts_table: QTableView
) -> None:
    """Give the splitter and the tables' headers (column widths, order, sorting) their saved
    state (the window's own geometry is ``restore_geometry``'s)."""
    for key, widget in _stateful(splitter, users_table, posts_table):
        state = settings.value(key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            widget.restoreState(state)


def save_layout(settings: QSettings, window: QMainWindow, parts: Parts | None) -> None:
    """Remember what ``restore_geometry`` and ``restore_layout`` restore: the window's geometry
    and, once it is built, its ``parts`` (a window closed before it was built has none)."""
    settings.setValue("window/geometry", window.saveGeometry())
    for key, widget in () if parts is None else _stateful(*parts):
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
