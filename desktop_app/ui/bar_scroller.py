"""A row of controls that never sets the window's minimum width.

A filter bar is a long row of labelled fields; laid out as it is, its width would be the
narrowest the window can get (over 1,100 px with the posts' preview beside it). Inside a
``BarScroller`` it shows whole when there is room and scrolls sideways when there is not,
growing by the scroll bar's height only while the scroll bar is there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


class BarScroller(QScrollArea):
    def __init__(self, bar: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = bar  # first: setWidget already sends the bar's events through eventFilter
        self.setObjectName(f"{bar.objectName()}Scroller")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the bar's own fields
        self.setWidget(bar)
        bar.installEventFilter(self)  # its hint changes as fields show and hide
        self._fit()

    def _fit(self) -> None:
        bar = self._bar
        needed = bar.minimumSizeHint().width() > self.viewport().width()
        extra = self.horizontalScrollBar().sizeHint().height() if needed else 0
        self.setFixedHeight(bar.sizeHint().height() + extra)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._bar and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)
