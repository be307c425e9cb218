"""EditBuffer: cell values the user typed that are not (yet) in the database.

An edit in place shows at once, while its save runs; if the save fails the typed value stays,
marked with why (the model shows a warning icon, tints it red and says why in the tooltip)
until the user edits it again or discards it. Kept apart from the table model so what is
pending, and when a save's answer still applies to it, is plain data with no Qt in it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeAlias
from uuid import UUID

from desktop_app.application.read_models import RowT
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.messages import error_text

# Saves one field of a row and returns the row as saved (UserCellEditor, PostCellEditor).
Editor: TypeAlias = Callable[[RowT, str, object], Awaitable[RowT]]


@dataclass(slots=True)
class PendingEdit:
    """A value the user typed that is not (yet) in the database; ``error`` says why not."""

    value: object
    error: str | None = None


class EditBuffer(Generic[RowT]):
    """Pending edits by (row id, field), and the editor that saves them (None: read-only)."""

    _editor: Editor[RowT] | None

    def __init__(self, editor: Editor[RowT] | None = None) -> None:
        self._editor = editor
        self._pending: dict[tuple[UUID, str], PendingEdit] = {}

    @property
    def editor(self) -> Editor[RowT] | None:
        """What saves an edit; None when the table is read-only."""
        return self._editor

    def set_editor(self, editor: Editor[RowT] | None) -> None:
        """Another database (or none): forget every pending edit, they were for the old one."""
        self._editor = editor
        self._pending.clear()

    def get(self, row_id: UUID, field: str) -> PendingEdit | None:
        """The pending edit of ``field`` in the row ``row_id``, if any."""
        return self._pending.get((row_id, field))

    def begin(self, row: RowT, field: str, value: object, current: object) -> bool:
        """Record ``value`` as typed into ``field``; False when there is nothing to save (the
        value is what the row already holds and no earlier edit of it is pending)."""
        key = (row.id, field)
        if value == current and key not in self._pending:
            return False
        self._pending[key] = PendingEdit(value)
        return True

    async def save(self, row: RowT, field: str, value: object) -> RowT:
        """Save ``value`` and return the row as saved. When the save fails (DomainError or
        StorageError, re-raised) the edit stays pending, marked with the error; a newer value
        typed meanwhile is left alone either way."""
        assert self._editor is not None
        key = (row.id, field)
        try:
            saved = await self._editor(row, field, value)
        except (DomainError, StorageError) as error:
            if key in self._pending and self._pending[key].value == value:
                self._pending[key] = PendingEdit(value, error_text(error))
            raise
        if key in self._pending and self._pending[key].value == value:
            del self._pending[key]
        return saved

    def discard_failed(self) -> None:
        """Forget the edits whose save failed (the cells show the database's values again)."""
        self._pending = {k: p for k, p in self._pending.items() if not p.error}
