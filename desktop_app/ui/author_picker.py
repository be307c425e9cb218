"""Choose a post's author by typing part of a username: a picker that works with a million users.

Every keystroke (debounced) asks the database for the first matches, sorted by username; only
those few rows ever reach the widget. An answer to an older keystroke is ignored.
"""

from __future__ import annotations

import asyncio
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop_app.application.read_models import UserQuery, UserReader, UserRow
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.messages import error_text

MATCHES = 30
DEBOUNCE_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AuthorPicker(QLineEdit):
    author_changed = Signal()
    search_failed = Signal(str)

    def __init__(self, *, reader: UserReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorPicker")
        self.setAccessibleName(self.tr("Author"))
        self.setPlaceholderText(self.tr("Type part of a username…"))
        self.setClearButtonEnabled(True)
        self._reader = reader
        self._author: tuple[UUID, str] | None = None
        self._generation = 0
        self._tasks: set[asyncio.Future[None]] = set()
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._chosen)
        self.setCompleter(completer)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        self.textEdited.connect(self._typed)

    @property
    def author_id(self) -> UUID | None:
        """The chosen author, or None while the text does not name one from the list."""
        if self._author and self._author[1] == self.text().strip():
            return self._author[0]
        return None

    def set_author(self, author_id: UUID, username: str) -> None:
        self._author = (author_id, username)
        self.setText(username)
        self.author_changed.emit()

    def _typed(self, _text: str) -> None:
        self._debounce.start()
        self.author_changed.emit()

    def _search(self) -> None:
        self._generation += 1
        task = asyncio.ensure_future(self._fetch(self._generation, self.text().strip()))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _fetch(self, generation: int, text: str) -> None:
        query = UserQuery(search=text, sort="username", descending=False)
        try:
            rows = await self._reader.fetch(query, limit=MATCHES)
        except (StorageError, DomainError) as error:
            self.search_failed.emit(error_text(error))
            return
        if generation != self._generation:
            return  # the user typed on; a newer search is on its way
        self._show(rows)

    def _show(self, rows: list[UserRow]) -> None:
        self.matches.clear()
        for row in rows:
            item = QStandardItem(row.username)
            item.setData(row.id, ID_ROLE)
            item.setToolTip(row.email)
            self.matches.appendRow(item)
        exact = [r for r in rows if r.username.lower() == self.text().strip().lower()]
        if len(exact) == 1:
            self._author = (exact[0].id, exact[0].username)
            self.author_changed.emit()
        if rows and self.hasFocus():
            completer = self.completer()
            completer.setCompletionPrefix("")
            completer.complete()

    def _chosen(self, choice: object) -> None:
        """A completion was picked (Qt passes the text; the index overload is not used)."""
        username = choice if isinstance(choice, str) else self.text()
        for number in range(self.matches.rowCount()):
            item = self.matches.item(number)
            author_id = item.data(ID_ROLE)
            if item.text() == username and isinstance(author_id, UUID):
                self.set_author(author_id, username)
                return
