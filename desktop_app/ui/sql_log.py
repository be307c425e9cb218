"""View → SQL log: a dock listing the statements the open database runs, with their timings.

Hidden by default, and free while hidden: only showing the dock subscribes to the database's
``StatementLog`` (which hooks the engine then), and hiding or closing it unsubscribes (which
removes the hooks). Entries arrive wherever the driver ran the statement; the listener only
appends them to a bounded deque (thread-safe), which a timer on the GUI thread drains into the
table while the dock is shown. The entries hold no parameters, so neither can the table or Copy.
Opening another database moves the subscription to it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.statement_log import StatementEntry
from desktop_app.ui.database import Database
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.qt_async import named
from desktop_app.ui.sql_log_model import LIMIT, StatementModel, entry_line
from desktop_app.ui.status_bar import STATUS_MS

if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.ui.main_window import MainWindow

DRAIN_MS = 150  # how often the table takes what was recorded: quick to see, cheap to run
HINT = QT_TRANSLATE_NOOP(
    "SqlLog", "Statements as the app sends them; parameters are never recorded."
)


class SqlLog(QObject):
    """The SQL log dock of ``window``, its View menu action, and its subscription."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("sqlLog")
        self._window = window
        self._database: Database | None = None
        self._unsubscribe: Callable[[], None] | None = None
        # Filled by the listener in the driver's context, emptied on the GUI thread.
        self._pending: deque[StatementEntry] = deque(maxlen=LIMIT)
        self.model = StatementModel(parent=self)
        self.view = self._build_view()
        self.clear_button = named(QPushButton(self.tr("C&lear")), "sqlLogClear")
        self.clear_button.setToolTip(self.tr("Remove every statement from the log"))
        self.clear_button.clicked.connect(self.clear)
        self.copy_button = named(QPushButton(self.tr("&Copy")), "sqlLogCopy")
        self.copy_button.setToolTip(
            self.tr("Copy the selected statements (all when none is selected)")
        )
        self.copy_button.clicked.connect(self.copy)
        self.dock = named(QDockWidget(self.tr("SQL log"), window), "sqlLogDock")
        self.dock.setWidget(self._build_body())
        self.dock.hide()
        self.action = self.dock.toggleViewAction()  # checked exactly while the dock is shown
        self.action.setText(self.tr("&SQL log"))
        self.action.setObjectName("actionSqlLog")
        self.action.setStatusTip(self.tr("Show the statements the app runs, with their timings"))
        self.action.toggled.connect(self._shown)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.drain)
        window.lifecycle.opened.connect(self.attach)
        window.closed.connect(self._stop)
        if window.database is not None:
            self.attach(window.database)

    def _build_view(self) -> QTableView:
        view = named(QTableView(), "sqlLogView", self.tr("SQL statements"))
        view.setAccessibleDescription(
            self.tr("The statements the app ran, newest last, with timings")
        )
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)  # dense
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((96, 64, 120)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.installEventFilter(self)  # Ctrl+C in the log copies statements, not table rows
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The copy key pressed in the log copies the log: the view claims the key before the
        window's Edit → Copy shortcut (which copies the users or posts table) can take it."""
        kind = event.type()
        if (
            watched is self.view
            and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.copy()
            return True
        return super().eventFilter(watched, event)

    def _build_body(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        hint = named(QLabel(self.tr(HINT)), "sqlLogHint")
        hint.setEnabled(False)  # the palette's muted text
        row.addWidget(hint, 1)
        row.addWidget(self.clear_button)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        return body

    def add_to(self, view_menu: QMenu) -> None:
        """SQL log in ``view_menu``; the dock at the bottom of the window."""
        view_menu.addAction(self.action)
        self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)

    # -- listening -----------------------------------------------------------------------------

    @property
    def listening(self) -> bool:
        return self._unsubscribe is not None

    def attach(self, database: Database) -> None:
        """Follow ``database`` from now on (listening to it if the dock is shown)."""
        self._stop()
        self._database = database
        if self.action.isChecked():
            self._start()

    def _shown(self, shown: bool) -> None:
        if shown:
            self._start()
        else:
            self._stop()

    def _start(self) -> None:
        if self._database is not None and self._unsubscribe is None:
            self._unsubscribe = self._database.statements.subscribe(self._pending.append)
        self._timer.start()

    def _stop(self) -> None:
        """Unsubscribe (the database unhooks itself) and show what came before that."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._timer.stop()
        self.drain()

    # -- the table -----------------------------------------------------------------------------

    def drain(self) -> None:
        """Move what was recorded into the table; keep the view at the bottom unless the user
        scrolled up (then keep it on the rows they look at, as old ones go)."""
        batch: list[StatementEntry] = []
        while self._pending:
            batch.append(self._pending.popleft())
        if not batch:
            return
        bar = self.view.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum()
        dropped = self.model.append(batch)
        if at_bottom:
            self.view.scrollToBottom()
        elif dropped:
            bar.setValue(bar.value() - dropped * self.view.verticalHeader().defaultSectionSize())

    def clear(self) -> None:
        self._pending.clear()
        self.model.clear()

    def copy(self) -> None:
        """The selected statements (all when none is), one per line with time, duration and
        rows, tab-separated: what the table shows, parameters still absent."""
        entries = self.model.entries
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        chosen = [entries[row] for row in rows] if rows else entries
        QApplication.clipboard().setText("".join(f"{entry_line(e)}\n" for e in chosen))
        self._window.statusBar().showMessage(
            self.tr("Copied %Ln statement(s).", "", len(chosen)), STATUS_MS
        )
