"""A titled table with its row count and a search box: one for users, one for posts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.search_text import limit_search_terms
from desktop_app.ui.header_menu import HeaderMenu
from desktop_app.ui.resources import icon
from desktop_app.ui.table_model import LazyTableModel
from desktop_app.ui.theme import style_table

SEARCH_DEBOUNCE_MS = 250


class TablePanel(QWidget):
    """The users or the posts table, titled, with its row count and a debounced search box.

    The panel never looks inside a row, so it takes either table's model
    (``LazyTableModel[Any]``); the model and its columns are typed per table.
    """

    focused = Signal()

    def __init__(
        self,
        *,
        title: str,
        noun: str,
        model: LazyTableModel[Any],
        table_name: str,
        search_name: str,
        search_hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._noun = noun
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.count_label = QLabel("")
        self.count_label.setObjectName(f"{table_name}Count")
        self.count_label.setEnabled(False)

        self.search = QLineEdit()
        self.search.setObjectName(search_name)
        self.search.setAccessibleName(
            self.tr("Search posts") if noun == "post" else self.tr("Search users")
        )
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(280)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())

        self.table = QTableView()
        self.table.setObjectName(table_name)
        self.table.setAccessibleName(self.tr("{title} table").format(title=title))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        style_table(self.table)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control, not cell
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for number, column in enumerate(model.columns):
            self.table.setColumnWidth(number, column.width)
        self.header_menu = HeaderMenu(self.table, model.columns)  # show, hide, reset columns
        # The indicator first: enabling sorting sorts by whatever the indicator says.
        self._show_sort_indicator()
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        model.count_changed.connect(self._show_count)
        model.modelReset.connect(self._show_sort_indicator)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        return super().eventFilter(watched, event)

    def _apply_search(self) -> None:
        text = self.search.text().strip()
        # Said at once, on the box itself, and again beside the count when it arrives.
        self.search.setToolTip(limit_search_terms(text).notice or "")
        self.model.set_query(replace(self.model.query, search=text))

    def _show_sort_indicator(self) -> None:
        column, order = self.model.sort_column()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if self.model.columns[column].sort is None:  # not sortable: put the arrow back
            QTimer.singleShot(0, self._show_sort_indicator)

    def _show_count(self, rows: int, exact: bool) -> None:
        text = self._count_text(rows, exact, matching=bool(self.model.query.search))
        if self.model.query.search:
            notice = limit_search_terms(self.model.query.search).notice
            if notice:
                text += f" · {notice}"
        self.count_label.setText(text)

    def _count_text(self, rows: int, exact: bool, *, matching: bool) -> str:
        """ "3 posts", "1 user match", "1,000+ posts (counting…)": one message per case, for
        the languages whose words change with the count or the sentence."""
        if self._noun == "post":
            if matching:
                if exact:
                    return self.tr("%Ln post(s) match", "", rows)
                return self.tr("%Ln+ post(s) (counting…) match", "", rows)
            if exact:
                return self.tr("%Ln post(s)", "", rows)
            return self.tr("%Ln+ post(s) (counting…)", "", rows)
        if matching:
            if exact:
                return self.tr("%Ln user(s) match", "", rows)
            return self.tr("%Ln+ user(s) (counting…) match", "", rows)
        if exact:
            return self.tr("%Ln user(s)", "", rows)
        return self.tr("%Ln+ user(s) (counting…)", "", rows)

    def selected_rows(self) -> list[object]:
        """The loaded rows that are selected, in table order."""
        selection = self.table.selectionModel()
        numbers = sorted({index.row() for index in selection.selectedRows()})
        rows = (self.model.row_at(number) for number in numbers)
        return [row for row in rows if row is not None]

    def current_row(self) -> object | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.row_at(index.row())
        rows = self.selected_rows()
        return rows[0] if rows else None

    def select_row(self, number: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(number, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
