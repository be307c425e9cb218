"""Light and dark, following the system colour scheme (Qt 6.5+ reports it).

Fusion with explicit palettes looks the same on every platform, including Xvfb and the
offscreen platform, where no platform theme would supply a dark palette.
``DESKTOP_APP_COLOR_SCHEME=light|dark`` forces one (screenshots, users who prefer it).
"""

from __future__ import annotations

import os
import weakref

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTableView

from desktop_app.ui import resources

FORCE_ENV = "DESKTOP_APP_COLOR_SCHEME"


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        window, base, alt, text = "#24272b", "#1b1d20", "#22252a", "#e6e6e6"
        button, highlight, mid, link = "#2f3338", "#3d7cc9", "#3a3f45", "#7fb2ff"
        disabled = "#7a7f86"
    else:
        window, base, alt, text = "#f3f4f6", "#ffffff", "#f7f8fa", "#1d2125"
        button, highlight, mid, link = "#e9ebee", "#2f6fbd", "#c9ced6", "#1f5fae"
        disabled = "#9aa0a8"
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.Highlight, highlight),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.Mid, mid),
        (role.Link, link),
        (role.PlaceholderText, disabled),
        (role.BrightText, "#ff5555"),
    ):
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(disabled))
    return p


def is_dark() -> bool:
    forced = os.environ.get(FORCE_ENV, "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication) -> None:
    """Apply the palette for the current scheme, and follow the system when it changes."""
    app.setStyle("Fusion")
    _apply(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply(app))


def _check_box_style(dark: bool) -> str:
    """Check boxes in table cells that read in both schemes (Fusion's vanish on dark)."""
    outline = "#8d949e" if dark else "#7d838c"
    fill = "#3d7cc9" if dark else "#2f6fbd"
    check = (resources.resources_dir() / "icons" / "check.svg").as_posix()
    return (
        "QTableView::indicator { width: 13px; height: 13px; border-radius: 3px; }"
        f"QTableView::indicator:unchecked {{ border: 1px solid {outline}; background: none; }}"
        f"QTableView::indicator:checked {{ border: 1px solid {fill}; background: {fill};"
        f' image: url("{check}"); }}'
    )


_styled_tables: weakref.WeakSet[QTableView] = weakref.WeakSet()


def style_table(table: QTableView) -> None:
    """Give a table the check-box style (on the table alone: an application-wide style sheet
    makes every widget slower to set up, 20 ms more before the first window paints)."""
    _styled_tables.add(table)
    table.setStyleSheet(_check_box_style(is_dark()))


def _apply(app: QApplication) -> None:
    dark = is_dark()
    app.setPalette(_palette(dark))
    for table in list(_styled_tables):
        table.setStyleSheet(_check_box_style(dark))
    resources.clear_cache()
