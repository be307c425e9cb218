"""The column header's context menu: show or hide each column, or put them all back.

A right-click on a table's header lists its columns as check boxes, then "Reset columns"
(every column shown, in its first order and width); View → Columns holds the same for the
keyboard. The last visible column cannot be hidden, so the table never turns blank. What is
hidden is part of the header's state, which window_settings saves and restores, so it is
remembered between runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from desktop_app.ui.columns import Column
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP

RESET_TEXT = QT_TRANSLATE_NOOP("HeaderMenu", "&Reset columns")


class HeaderMenu(QObject):
    """Installs the show/hide/reset menu on ``table``'s horizontal header; ``columns`` give
    the titles and the default widths."""

    def __init__(self, table: QTableView, columns: Sequence[Column[Any]]) -> None:
        super().__init__(table)
        self._table = table
        self._columns = columns
        self.menu: QMenu | None = None  # the menu showing, if any (tests trigger its actions)
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show)

    def build(self) -> QMenu:
        """The menu as it stands now: a checked action per shown column, then Reset."""
        menu = QMenu(self._table.horizontalHeader())
        menu.setObjectName(f"{self._table.objectName()}HeaderMenu")
        menu.setAccessibleName(self.tr("Columns"))
        self.fill(menu)
        return menu

    def fill(self, menu: QMenu) -> None:
        """Put the column actions and Reset in ``menu`` (emptied first): the header's menu,
        and View → Columns for the keyboard (a header takes no focus)."""
        menu.clear()
        header = self._table.horizontalHeader()
        shown = [n for n in range(len(self._columns)) if not header.isSectionHidden(n)]
        for visual in range(header.count()):  # in the order the table shows them
            number = header.logicalIndex(visual)
            column = self._columns[number]
            action = QAction(column.label, menu)
            action.setObjectName(f"showColumn{number}")
            action.setCheckable(True)
            action.setChecked(number in shown)
            action.setEnabled(shown != [number])  # the last visible column stays
            action.setStatusTip(
                self.tr("Show or hide the {column} column").format(column=column.label)
            )
            action.toggled.connect(lambda on, n=number: self.set_shown(n, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr(RESET_TEXT))
        reset.setObjectName("resetColumns")
        reset.setStatusTip(self.tr("Show every column, in its first order and width"))
        reset.triggered.connect(self.reset)

    def set_shown(self, number: int, shown: bool) -> None:
        """Show or hide column ``number``; never hides the last visible one."""
        header = self._table.horizontalHeader()
        visible = [n for n in range(header.count()) if not header.isSectionHidden(n)]
        if not shown and visible == [number]:
            return
        header.setSectionHidden(number, not shown)

    def reset(self) -> None:
        """Every column shown, in the model's order, at its default width."""
        header = self._table.horizontalHeader()
        for number, column in enumerate(self._columns):
            header.setSectionHidden(number, False)
            visual = header.visualIndex(number)
            if visual != number:
                header.moveSection(visual, number)
            self._table.setColumnWidth(number, column.width)

    def _show(self, position: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build()
        self.menu.popup(self._table.horizontalHeader().mapToGlobal(position))
