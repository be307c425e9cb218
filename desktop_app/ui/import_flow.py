"""File → Import…: the dialog, its preview, the check of every line, and the write (issue #12).

Everything slow happens off the window's event loop or awaited on it: the preview is read in
a worker thread, the check (the service reads and parses the file in a worker thread, then
asks the database) and the write are awaited, the write with a progress dialog whose Cancel
rolls the one transaction back (nothing written). A finished import is one step in the
window's undo history (the service records one ChangeSet), the tables are read again and the
status bar says what came in. Bad input loses nothing: the dialog keeps the file and the
mapping after a failed check, a cancelled or failed write, for another try. The check and
the write hold full garbage collections off (``gc_guard``), as an export does: on a million
lines each would walk the whole heap while the window waits.

Edit → Paste (``paste_flow``) is this flow over the text on the clipboard: it makes its own
action and opens the dialog on the pasted text; the preview, check and write are these.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.domain.errors import DomainError, OperationCancelledError, StorageError
from desktop_app.ui.delayed_progress import DelayedProgress
from desktop_app.ui.formatting import home_relative
from desktop_app.ui.gc_guard import full_collections_held
from desktop_app.ui.import_wording import IMPORTING, ImportText, Wording
from desktop_app.ui.messages import error_text, message_text
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.status_bar import STATUS_MS

if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.application.import_rows import Kind
    from desktop_app.application.import_service import ImportCheck, ImportService
    from desktop_app.ui.import_dialog import ImportDialog
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.table_panel import TablePanel


class ImportFlow(QObject):
    """File → Import… over ``window``'s open database, into the table last focused (the
    dialog can switch it). ``dialog`` and ``progress`` are the open ones (tests drive them)."""

    words: Wording = IMPORTING

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._current: TablePanel = window.users_panel
        for panel in (window.users_panel, window.posts_panel):
            panel.focused.connect(lambda panel=panel: self._focused(panel))
        self.folder = str(Path.home())
        self.dialog: ImportDialog | None = None
        self.progress: DelayedProgress | None = None
        self._checked: ImportCheck | None = None
        self.action = self._new_action()
        self.action.triggered.connect(self.open_dialog)
        window.addAction(self.action)
        window.lifecycle.opened.connect(self.update_action)
        self.update_action()

    def _new_action(self) -> QAction:
        action = QAction(self.tr("&Import…"), self._window)
        action.setObjectName("actionImport")
        action.setStatusTip(self.tr("Add users or posts from a CSV, JSON Lines or JSON file"))
        return action

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    def _focused(self, panel: TablePanel) -> None:
        self._current = panel

    def current_kind(self) -> Kind:
        """The table last focused."""
        return "posts" if self._current is self._window.posts_panel else "users"

    def _imports(self) -> ImportService | None:
        database = self._window.database
        if database is None or database.read_only:
            return None
        return database.imports

    def update_action(self, *_args: object) -> None:
        """Import… needs a database that may be changed."""
        self.action.setEnabled(self._imports() is not None)

    def may_write(self) -> bool:
        """A database that may be changed is open; else the status bar says so."""
        if self._imports() is not None:
            return True
        self._window.statusBar().showMessage(
            self.words.pick(
                self.tr("Open a database you may change to import into it."),
                self.tr("Open a database you may change to paste into it."),
            ),
            STATUS_MS,
        )
        return False

    def open_dialog(self) -> None:
        # The dialog and the reading and checking behind it load when first asked for: the
        # window paints without them.
        from desktop_app.ui.import_dialog import ImportDialog

        if self.may_write():
            self.show_dialog(
                ImportDialog(kind=self.current_kind(), folder=self.folder, parent=self._window)
            )

    def show_dialog(self, dialog: ImportDialog) -> None:
        """Wire ``dialog`` to this flow and open it (window-modal)."""
        window = self._window
        dialog.file_changed.connect(self.load_preview)
        dialog.settings_changed.connect(self._forget_check)
        dialog.check_button.clicked.connect(self.check)
        dialog.import_button.clicked.connect(self.run_import)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog, self._checked = dialog, None
        window.dialogs.keep(dialog)
        dialog.open()

    def _closed(self, dialog: ImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog, self._checked = None, None

    def _forget_check(self) -> None:
        self._checked = None

    @async_slot()
    async def load_preview(self) -> None:
        """Read the first rows of the chosen file (or the pasted text) in a worker thread,
        and guess the fields."""
        from desktop_app.application.import_rows import FileSource, guess_mapping
        from desktop_app.ui.import_preview import read_preview

        dialog = self.dialog
        if dialog is None:
            return
        source, kind = dialog.source(), dialog.kind()
        if source is None:
            dialog.clear_preview(self.tr("Choose a file to see its first rows."))
            return
        path = source.path if isinstance(source, FileSource) else None
        if path is not None:
            self.folder = str(path.parent)
        try:
            preview = await asyncio.to_thread(read_preview, source)
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            named = source.name if path is None else home_relative(str(path))
            if dialog is self.dialog:
                dialog.clear_preview(
                    self.tr("Cannot read {source}: {reason}").format(source=named, reason=reason)
                )
            return
        if dialog is not self.dialog or dialog.source() != source or dialog.kind() != kind:
            return  # the choice moved on while reading: its own preview follows
        guessed, _left = guess_mapping(kind, preview.header)
        dialog.set_preview(preview, guessed)

    @async_slot()
    async def check(self) -> None:
        """Check every line of the file against the database (writes nothing); show each bad
        line, or enable Import."""
        dialog, imports = self.dialog, self._imports()
        source = dialog.source() if dialog is not None else None
        if dialog is None or imports is None or source is None:
            return
        kind, mapping, on_duplicate = dialog.kind(), dialog.mapping(), dialog.on_duplicate()
        dialog.set_busy(
            True, self.tr("Checking every line of {source}…").format(source=source.name)
        )
        try:
            with full_collections_held():
                checked = await imports.check(
                    kind, source, mapping=mapping, on_duplicate=on_duplicate
                )
        except asyncio.CancelledError:  # the task itself cancelled: the dialog may Check again
            if dialog is self.dialog:
                dialog.set_busy(False)
                dialog.show_note("")  # no longer "Checking…"
            raise
        except (OSError, ValueError, StorageError, DomainError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            if dialog is not self.dialog:
                return
            dialog.set_busy(False)
            dialog.show_problem(
                self.tr("Could not check {source}: {reason}").format(
                    source=source.name, reason=reason
                )
            )
            return
        if dialog is not self.dialog:
            return  # closed meanwhile
        dialog.set_busy(False)
        if (kind, mapping, on_duplicate) != (
            dialog.kind(),
            dialog.mapping(),
            dialog.on_duplicate(),
        ):
            return  # changed meanwhile: this check no longer describes the choice
        self._checked = checked
        dialog.show_report(checked)

    @async_slot()
    async def run_import(self) -> None:
        """Write what the last check planned, with progress and Cancel; close the dialog and
        say what came in, or keep it open and say why nothing was written."""
        dialog, imports, checked = self.dialog, self._imports(), self._checked
        if dialog is None or imports is None or checked is None:
            return
        window, plan, words = self._window, checked.plan, self.words
        source = dialog.source()
        name = source.name if source is not None else words.origin
        doing = ImportText().writing(words, plan.kind, plan.size).format(source=name)
        dialog.set_busy(True, doing)
        self.progress = DelayedProgress(dialog)
        dialog.writing = True  # the dialog stays open until the write has ended
        try:
            with self.progress.showing(doing, plan.size) as report, full_collections_held():
                change = await imports.write(plan, progress=report, verb=words.verb)
        except OperationCancelledError:  # the check still holds: Import may try again
            self._cancelled(dialog)
            return
        except asyncio.CancelledError:  # the task itself cancelled (rolled back all the same)
            self._cancelled(dialog)
            raise
        except (StorageError, DomainError) as error:
            self._failed(
                dialog,
                words.pick(
                    self.tr("Nothing was imported: {reason}"),
                    self.tr("Nothing was pasted: {reason}"),
                ).format(reason=error_text(error)),
            )
            return
        finally:
            self.progress = None
            dialog.writing = False
        parts = ImportText().written(plan.kind, plan.new_rows, plan.updated_rows, plan.skipped_rows)
        self._checked = None
        dialog.accept()
        window.refresh()
        window.statusBar().showMessage(
            words.pick(
                self.tr("Imported from {source}: {what}. Edit → Undo “{action}” takes it back."),
                self.tr("Pasted from {source}: {what}. Edit → Undo “{action}” takes it back."),
            ).format(source=name, what=", ".join(parts), action=message_text(change.name)),
            STATUS_MS,
        )

    def _cancelled(self, dialog: ImportDialog) -> None:
        """Nothing was written, and the check still holds: Import may try again."""
        dialog.set_busy(False)
        dialog.import_button.setEnabled(True)
        dialog.show_note(
            self.words.pick(
                self.tr("Import cancelled: nothing was written. Import tries again."),
                self.tr("Paste cancelled: nothing was written. Paste tries again."),
            )
        )

    def _failed(self, dialog: ImportDialog, message: str) -> None:
        """Nothing was written: say so in the dialog, which keeps the file and mapping."""
        self._checked = None
        dialog.set_busy(False)
        dialog.show_problem(self.tr("{message} Check again to retry.").format(message=message))
