"""Undo and redo: one ``QUndoStack`` per open database, fed by the services' change journal.

Every action the services commit arrives as a ``ChangeSet`` and becomes a step on the stack.
The steps themselves do nothing when Qt calls their ``undo()``/``redo()``: the real work is
asynchronous and may meet someone else's change. Edit → Undo runs ``applier.apply(inverse)``
(Redo: ``apply(change)``) and only when that committed moves the stack's index, under a guard
so that the move is not mistaken for a click in the History panel. A click there (or any index
change we did not make) is put back at once, then walked step by step with the applier to the
chosen entry, stopping at the first conflict.

Conflicts are resolved in ``undo_conflicts.py``: the step is then written anyway (knowingly),
dropped from the history, or left where it is. Switching databases clears the history and says
so in the status bar; the applier never records, so an undo is not itself a new step. The rows
the steps hold stay within a memory budget: older and bigger steps move to a temporary file
(``undo_memory.py``).
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu, QUndoView

from desktop_app.application.change_set import ChangeSet
from desktop_app.domain.errors import (
    ChangeConflictError,
    DomainError,
    OperationCancelledError,
    StorageError,
)
from desktop_app.ui.database import Database
from desktop_app.ui.formatting import database_label
from desktop_app.ui.gc_guard import exempt_long_lived, release_long_lived
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.ui.messages import error_text, message_text
from desktop_app.ui.qt_async import async_slot, named
from desktop_app.ui.status_bar import HISTORY_CLEARED, STATUS_MS
from desktop_app.ui.undo_memory import UndoMemory

if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.ui.main_window import MainWindow

CLEAN_LABEL = QT_TRANSLATE_NOOP("UndoHistory", "Opened")


class Outcome(enum.Enum):
    DONE = "done"  # written; the index moved
    RESOLVED = "resolved"  # written or dropped after a conflict: a walk stops here
    STOPPED = "stopped"  # nothing written, the index stays


class Step(QUndoCommand):
    """One action on the stack. Qt's undo()/redo() do nothing: the applier does the work."""

    def __init__(self, change: ChangeSet) -> None:
        super().__init__(message_text(change.name))
        self.change = change

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


class UndoHistory(QObject):
    """The undo stack of the database open in ``window``, its Edit menu actions and the History
    dock."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.stack = QUndoStack(self)
        self._steps: list[Step] = []  # keeps the Python side of the commands alive
        self._memory: UndoMemory | None = None
        self._database: Database | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._moving = False  # the index is being moved by us, not by the History panel
        self._busy = False
        self._queued: list[ChangeSet] = []  # recorded while an undo ran: pushed after it
        self._index = 0

        std = QKeySequence.StandardKey
        self.undo_action = self._action(self.tr("&Undo"), std.Undo, "actionUndo", self.undo)
        self.redo_action = self._action(self.tr("&Redo"), std.Redo, "actionRedo", self.redo)
        self.view = named(QUndoView(self.stack), "historyView", self.tr("Undo history"))
        self.view.setEmptyLabel(self.tr(CLEAN_LABEL))
        self.dock = named(QDockWidget(self.tr("History"), window), "historyDock")
        self.dock.setWidget(self.view)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.dock.hide()
        self.history_action = self.dock.toggleViewAction()
        self.history_action.setText(self.tr("&History"))
        self.history_action.setObjectName("actionHistory")
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.setStatusTip(self.tr("Show what you did, and go back to any point"))

        self.stack.indexChanged.connect(self._index_changed)
        self.stack.undoTextChanged.connect(self._text_changed)
        self.stack.redoTextChanged.connect(self._text_changed)
        self.update_actions()

    def _action(
        self, text: str, key: QKeySequence.StandardKey, name: str, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(key))
        action.setObjectName(name)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def add_to(self, edit_menu: QMenu, view_menu: QMenu) -> None:
        """Undo and Redo at the top of ``edit_menu``, History in ``view_menu``; the dock on the
        window's right."""
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        edit_menu.insertActions(first, [self.undo_action, self.redo_action])  # type: ignore[arg-type]
        edit_menu.insertSeparator(first)  # type: ignore[arg-type]
        view_menu.addSeparator()
        view_menu.addAction(self.history_action)
        self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

    # -- which database ------------------------------------------------------------------------

    def attach(self, database: Database) -> None:
        """Listen to ``database``'s journal from now on; the old history goes."""
        had_history = self._database is not None and self.stack.count() > 0
        self.detach()
        self._database = database
        self._memory = UndoMemory(database.change_store, alive=lambda step: step in self._steps)
        self._unsubscribe = database.changes.subscribe(self._recorded)
        if had_history:
            self._window.statusBar().showMessage(
                translate("StatusBar", HISTORY_CLEARED)
                + f" {database_label(database.display_name)}",
                STATUS_MS,
            )
        self.update_actions()

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe, self._database = None, None
        self._queued.clear()
        with self._moved():
            self.stack.clear()
        self._drop(self._steps)
        self._steps.clear()
        self._memory = None
        release_long_lived()
        self.update_actions()

    def _recorded(self, change: ChangeSet) -> None:
        if self._busy:
            self._queued.append(change)
            return
        step = Step(change)
        with self._moved():
            self.stack.push(step)  # Step.redo() does nothing: the change is already done
        commands = self._commands()
        self._drop([s for s in self._steps if s not in commands])
        self._steps = [s for s in self._steps if s in commands] + [step]
        exempt_long_lived(change.size)
        if self._memory is not None:
            self._memory.balance(self._steps)
        self.update_actions()

    def _drop(self, steps: list[Step]) -> None:
        if self._memory is not None:
            for step in steps:
                self._memory.dropped(step)

    @property
    def memory(self) -> UndoMemory | None:
        """The budget keeping this history's rows (tests wait on ``settled``)."""
        return self._memory

    def _commands(self) -> list[Step]:
        commands = (self.stack.command(i) for i in range(self.stack.count()))
        return [c for c in commands if isinstance(c, Step)]

    # -- the actions ---------------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        self.update_actions()

    def update_actions(self) -> None:
        database = self._database
        writable = database is not None and not database.read_only and not self._busy
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.undo_action.setText(
            self.tr("&Undo {action}").format(action=undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {action}").format(action=redo_text) if redo_text else self.tr("&Redo")
        )
        self.undo_action.setEnabled(writable and self.stack.canUndo())
        self.redo_action.setEnabled(writable and self.stack.canRedo())
        self.view.setEnabled(database is not None and not database.read_only)

    @property
    def busy(self) -> bool:
        return self._busy

    @async_slot()
    async def undo(self) -> None:
        await self.step(back=True)

    @async_slot()
    async def redo(self) -> None:
        await self.step(back=False)

    async def step(self, *, back: bool) -> Outcome:
        """Undo (``back``) or redo one step; the index moves only once it is written."""
        database, index = self._database, self.stack.index()
        if database is None or database.read_only or self._busy:
            return Outcome.STOPPED
        if (back and index == 0) or (not back and index == self.stack.count()):
            return Outcome.STOPPED
        step = self.stack.command(index - 1 if back else index)
        assert isinstance(step, Step)
        self._set_busy(True)
        try:
            outcome = await self._apply(database, step, back=back)
        finally:
            self._set_busy(False)
        self._window.refresh()
        return outcome

    async def _apply(self, database: Database, step: Step, *, back: bool) -> Outcome:
        # A big change's inverse takes a while to build: in a thread, so the window still paints
        change = await asyncio.to_thread(step.change.inverse) if back else step.change
        accept: dict[UUID, datetime | None] = {}
        conflicted = False
        while True:
            try:
                label = (
                    self.tr("Undoing {action}…") if back else self.tr("Redoing {action}…")
                ).format(action=message_text(change.name))
                with self._window.progress.showing(label, change.size) as progress:
                    await database.applier.apply(
                        change,
                        accept=accept or None,
                        progress=progress,
                    )
            except ChangeConflictError as error:
                # The conflict dialog and its merge load when a conflict first needs them.
                from desktop_app.ui.undo_conflicts import Drop, Retry, decide

                conflicted = True
                decision = await decide(
                    self._window, error, change=change, back=back, edit=self._window.dialogs
                )
                if isinstance(decision, Retry):
                    accept.update(decision.accept)
                    continue
                if isinstance(decision, Drop):
                    step.setObsolete(True)  # Qt takes it off the stack as the index moves
                    self._move(back=back)
                self._say(decision.message)
                return Outcome.RESOLVED if isinstance(decision, Drop) else Outcome.STOPPED
            except OperationCancelledError:
                self._say(
                    self.tr("Undo cancelled: nothing was changed.")
                    if back
                    else self.tr("Redo cancelled: nothing was changed.")
                )
                return Outcome.STOPPED
            except (StorageError, DomainError) as error:
                message = (
                    self.tr("Could not undo {action}: {reason}")
                    if back
                    else self.tr("Could not redo {action}: {reason}")
                )
                self._window.banner.show_error(
                    message.format(action=message_text(change.name), reason=error_text(error))
                )
                return Outcome.STOPPED
            self._move(back=back)
            self._say(
                (self.tr("Undid {action}.") if back else self.tr("Redid {action}.")).format(
                    action=message_text(change.name)
                )
            )
            return Outcome.RESOLVED if conflicted else Outcome.DONE

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)

    def _move(self, *, back: bool) -> None:
        with self._moved():
            if back:
                self.stack.undo()
            else:
                self.stack.redo()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            queued, self._queued = self._queued, []
            for change in queued:
                self._recorded(change)
        self.update_actions()

    # -- the History panel ---------------------------------------------------------------------

    @contextmanager
    def _moved(self) -> Iterator[None]:
        self._moving = True
        try:
            yield
        finally:
            self._moving = False
            self._index = self.stack.index()

    def _index_changed(self, index: int) -> None:
        if self._moving:
            return
        with self._moved():  # a click in the History panel: back to where we are, then walk
            self.stack.setIndex(self._index)
        if index != self._index:
            self._walk_to(index)

    @async_slot(int)
    async def _walk_to(self, target: int) -> None:
        """Undo or redo step by step to ``target``, stopping at the first conflict."""
        if self._busy:
            self._say(self.tr("Wait for the running undo to finish."))
            return
        while self.stack.index() != target:
            if await self.step(back=target < self.stack.index()) is not Outcome.DONE:
                return
