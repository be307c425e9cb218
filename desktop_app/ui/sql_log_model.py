"""The rows of View → SQL log: one statement each, newest last, at most ``LIMIT`` of them.

Plain text about each ``StatementEntry`` (time, milliseconds, rows, the statement on one line)
for the table and for Copy; there is no parameter to show, since the entries hold none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.application.statement_log import StatementEntry
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate

LIMIT = 2_000  # statements kept; the oldest go first
COLUMNS = (
    QT_TRANSLATE_NOOP("SqlLog", "Time"),
    QT_TRANSLATE_NOOP("SqlLog", "ms"),
    QT_TRANSLATE_NOOP("SqlLog", "Rows"),
    QT_TRANSLATE_NOOP("SqlLog", "Statement"),
)
TOOLTIP_CHARS = 4_000  # a statement inserting 250 rows at once is tens of thousands
FAILED_TINT = QColor(220, 60, 60, 70)  # as a cell the database refused (table_model.py)

Index = QModelIndex | QPersistentModelIndex


def clock(entry: StatementEntry) -> str:
    """When it finished, in local time to the millisecond."""
    return entry.when.astimezone().strftime("%H:%M:%S.%f")[:-3]


def milliseconds(entry: StatementEntry) -> str:
    return QLocale().toString(entry.duration * 1_000, "f", 2)


class SqlLogText(QObject):
    """The log's counts (a QObject: lupdate takes plural messages only from ``self.tr``)."""

    def rows(self, count: int) -> str:
        return self.tr("%Ln row(s)", "", count)

    def characters(self, count: int) -> str:
        return self.tr("… (%Ln characters in all)", "", count)


def outcome(entry: StatementEntry) -> str:
    """ "3 rows", "250 rows (a batch of 250)", "failed: IntegrityError" or "" (a SELECT)."""
    if entry.error is not None:
        return translate("SqlLog", "failed: {error}").format(error=entry.error)
    parts = []
    if entry.rows is not None:
        parts.append(SqlLogText().rows(entry.rows))
    if entry.batch is not None:
        parts.append(
            translate("SqlLog", "(a batch of {count})").format(
                count=QLocale().toString(entry.batch)
            )
        )
    return " ".join(parts)


def flat(statement: str) -> str:
    """The statement on one line: every run of whitespace one space."""
    return " ".join(statement.split())


def entry_line(entry: StatementEntry) -> str:
    """One entry as a tab-separated line for the clipboard."""
    return "\t".join(
        (clock(entry), f"{milliseconds(entry)} ms", outcome(entry), flat(entry.statement))
    )


def _tooltip(entry: StatementEntry) -> str:
    text = entry.statement.strip()
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS] + SqlLogText().characters(len(text))
    if entry.error:
        return translate("SqlLog", "Failed: {error}").format(error=entry.error) + f"\n\n{text}"
    return text


class StatementModel(QAbstractTableModel):
    """Read-only rows of statements; ``append`` adds at the bottom and drops the oldest."""

    def __init__(self, *, limit: int = LIMIT, parent: Any = None) -> None:
        super().__init__(parent)
        self._limit = limit
        self._entries: list[StatementEntry] = []

    @property
    def entries(self) -> list[StatementEntry]:
        return list(self._entries)

    def append(self, entries: Sequence[StatementEntry]) -> int:
        """Add ``entries`` at the bottom; returns how many old rows went to stay in the limit."""
        entries = list(entries)[-self._limit :]
        if not entries:
            return 0
        dropped = max(0, len(self._entries) + len(entries) - self._limit)
        if dropped:
            self.beginRemoveRows(QModelIndex(), 0, dropped - 1)
            del self._entries[:dropped]
            self.endRemoveRows()
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self.endInsertRows()
        return dropped

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("SqlLog", COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (clock, milliseconds, outcome, lambda e: flat(e.statement)[:1_000])
            return texts[column](entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and entry.failed:
            return QBrush(FAILED_TINT)
        return None
