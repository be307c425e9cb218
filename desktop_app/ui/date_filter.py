"""A range of calendar days to filter by, either end optional: "created" and "updated".

The person picks local days; ``TimeRange.of_local_days`` turns them into the instants the
database compares (both days included whole). "Updated" has a mode as well, because
``updated_at`` is empty until a row's first edit: any time, edited (in the range, if one is
given), or never edited.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from desktop_app.application.row_filters import TimeRange

# The lowest date an edit holds stands for "no date": shown as its special value text.
NO_DATE = QDate(1900, 1, 1)
DATE_FORMAT = "yyyy-MM-dd"  # ISO: unambiguous in every language the UI speaks
UPDATED_MODES = ("any", "edited", "never")


def fill(text: str, *values: str) -> str:
    """``text`` (translated) with ``%1``, ``%2``… replaced by ``values``: Qt's ``arg()``,
    which PySide's plain ``str`` lacks."""
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", values[number - 1])
    return text


class OptionalDateEdit(QDateEdit):
    """A date edit that may hold no date (shown as "any"): Delete or Backspace empties it,
    an arrow key or the calendar starts from today."""

    def __init__(self, *, name: str, accessible: str, description: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        inner = self.lineEdit()  # what the keyboard edits, and a screen reader reads
        inner.setAccessibleName(accessible)
        inner.setAccessibleDescription(description)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("any"))
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def day(self) -> date | None:
        """The date shown, or None for "any"."""
        value = self.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    def set_day(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:  # from "any", the arrows start at today
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setDate(NO_DATE)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            self.calendarWidget().setSelectedDate(QDate.currentDate())  # not 1900's January
        return super().eventFilter(watched, event)


class TimeFilter(QWidget):
    """``label`` [mode] from [day] to [day]: the filter of one timestamp column. ``updated``:
    with the mode box (any time / edited / never edited)."""

    changed = Signal()

    def __init__(self, *, kind: str, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        updated = kind == "updated"
        prefix = f"{table}{kind.capitalize()}"
        self.label = QLabel(self.tr("Updated:") if updated else self.tr("Created:"))
        self.mode: QComboBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        if updated:
            self.mode = QComboBox()
            self.mode.setObjectName(f"{prefix}Mode")
            self.mode.addItems([self.tr("any time"), self.tr("edited"), self.tr("never edited")])
            self.mode.setAccessibleName(self.tr("Updated"))
            self.mode.setAccessibleDescription(
                self.tr("Any time, edited (between the dates, when given), or never edited")
            )
            self.mode.currentIndexChanged.connect(self._mode_changed)
            layout.addWidget(self.mode)
            self.label.setBuddy(self.mode)
        what = self.tr("updated") if updated else self.tr("created")
        self.first = OptionalDateEdit(
            name=f"{prefix}From",
            accessible=fill(self.tr("%1 from"), what),
            description=self.tr("The first day, included; Delete for any day"),
        )
        self.last = OptionalDateEdit(
            name=f"{prefix}To",
            accessible=fill(self.tr("%1 to"), what),
            description=self.tr("The last day, included; Delete for any day"),
        )
        if not updated:
            self.label.setBuddy(self.first)
        layout.addWidget(self.first)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.last)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._day_changed)
        self._sync_enabled()

    def controls(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [w for w in (self.mode, self.first, self.last) if w is not None]

    def value(self) -> TimeRange | None:
        """The range to filter by, or None (no filter)."""
        mode = UPDATED_MODES[self.mode.currentIndex()] if self.mode else "edited"
        if mode == "never":
            return TimeRange.NEVER
        first, last = self.first.day(), self.last.day()
        if mode == "any" or (self.mode is None and first is None and last is None):
            return None
        return TimeRange.of_local_days(first, last)

    def set_value(self, first: date | None, last: date | None, *, mode: str = "edited") -> None:
        """Show ``first`` to ``last`` (and, for "updated", ``mode``) as if picked."""
        self.blockSignals(True)
        if self.mode is not None:
            self.mode.setCurrentIndex(UPDATED_MODES.index(mode))
        self.first.set_day(first)
        self.last.set_day(last)
        self.blockSignals(False)
        self._sync_enabled()
        self.changed.emit()

    def clear(self) -> None:
        self.set_value(None, None, mode="any")

    def describe(self) -> str | None:
        """The filter in words for the status bar ("created 2026-01-01 – 2026-06-30"), or None."""
        value = self.value()
        if value is None:
            return None
        if value.never:
            return self.tr("never edited")
        first, last = self.first.day(), self.last.day()
        updated = self.kind == "updated"
        if first is not None and last is not None:
            first, last = min(first, last), max(first, last)
            text = self.tr("updated %1 – %2") if updated else self.tr("created %1 – %2")
            return fill(text, first.isoformat(), last.isoformat())
        if first is not None:
            text = self.tr("updated from %1") if updated else self.tr("created from %1")
            return fill(text, first.isoformat())
        if last is not None:
            text = self.tr("updated until %1") if updated else self.tr("created until %1")
            return fill(text, last.isoformat())
        return self.tr("edited")

    def _mode_changed(self, _index: int) -> None:
        self._sync_enabled()
        self.changed.emit()

    def _day_changed(self, _day: QDate) -> None:
        if self.mode is not None and self.mode.currentIndex() == 0:
            picked = self.first.day() is not None or self.last.day() is not None
            if picked:  # a day picked while "any time": the person means edited then
                self.mode.blockSignals(True)
                self.mode.setCurrentIndex(1)
                self.mode.blockSignals(False)
        self._sync_enabled()
        self.changed.emit()

    def _sync_enabled(self) -> None:
        never = self.mode is not None and self.mode.currentIndex() == 2
        self.first.setEnabled(not never)
        self.last.setEnabled(not never)
