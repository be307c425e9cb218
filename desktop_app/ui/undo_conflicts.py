"""What to do when an undo or redo meets someone else's change: ask, never overwrite silently.

The applier wrote nothing and named every row that is not as the step expected. One row the
step rewrites or re-creates opens the conflict dialog: *base* is what the step expected to find,
*mine* what the undo (or redo) wants to write, *theirs* the row now (None: deleted meanwhile).
Anything else (several rows, a row the step would delete, posts someone added to a user the
step deletes) is one clear question naming how many rows and the first few of them, with
"Overwrite them" or Cancel. The answer is a ``Retry`` (apply again, those rows accepted at the
version seen), a ``Drop`` (take the step off the history) or a ``Stop`` (leave it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from PySide6.QtCore import QObject

from desktop_app.application.change_set import ChangeSet
from desktop_app.application.conflict_merge import merge_fields
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import ChangeConflictError, RowConflict
from desktop_app.ui.async_dialogs import choose
from desktop_app.ui.conflict_dialog import ConflictChoice, resolve_conflict
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.ui.messages import message_text
from desktop_app.ui.row_fields import (
    POST_LABELS,
    UNDO_SECRETS,
    USER_LABELS,
    row_fields,
    row_name,
    some_names,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtWidgets import QWidget

OVERWRITE = QT_TRANSLATE_NOOP("UndoConflicts", "Overwrite them")
BULK_DIALOG = "undoConflictDialog"


class EditAgain(Protocol):
    """Opens the form of ``row`` (as it is now) starting from ``values``, with my value of each
    colliding field shown beside it (``yours_was``)."""

    def edit_row(
        self, row: User | Post, values: Mapping[str, object], yours_was: Mapping[str, object]
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class Retry:
    accept: dict[UUID, datetime | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Drop:
    message: str


@dataclass(frozen=True, slots=True)
class Stop:
    message: str


Decision = Retry | Drop | Stop


def _seen(conflict: RowConflict) -> datetime | None:
    return conflict.current.updated_at if conflict.current is not None else None


async def decide(
    parent: QWidget, error: ChangeConflictError, *, change: ChangeSet, back: bool, edit: EditAgain
) -> Decision:
    """Ask what to do about ``error``, met undoing (``back``) or redoing ``change``."""
    conflicts = error.conflicts
    if len(conflicts) == 1 and conflicts[0].wanted is not None and conflicts[0].expected:
        return await _one_row(parent, conflicts[0], change=change, back=back, edit=edit)
    return await _many_rows(parent, conflicts, change=change, back=back)


async def _one_row(
    parent: QWidget, conflict: RowConflict, *, change: ChangeSet, back: bool, edit: EditAgain
) -> Decision:
    passwords: dict[str, int] = {}
    base = row_fields(conflict.expected, passwords) or {}
    mine = row_fields(conflict.wanted, passwords) or {}
    theirs = row_fields(conflict.current, passwords)
    is_user = conflict.kind == "user"
    resolution = await resolve_conflict(
        parent,
        merge_fields(base, mine, theirs),
        entity=conflict.kind,
        labels=USER_LABELS if is_user else POST_LABELS,
        secret_fields=UNDO_SECRETS if is_user else None,
    )
    name = row_name(conflict.current or conflict.expected)
    match resolution.choice:
        case ConflictChoice.KEEP_MINE | ConflictChoice.RECREATE:
            return Retry({conflict.id: _seen(conflict)})
        case ConflictChoice.TAKE_THEIRS | ConflictChoice.DISCARD:
            return Drop(
                translate(
                    "UndoConflicts",
                    "Kept their change to {row}: \u201c{action}\u201d is off the undo history.",
                ).format(row=name, action=message_text(change.name))
            )
        case ConflictChoice.EDIT_AGAIN if conflict.current is not None:
            edit.edit_row(conflict.current, resolution.values or {}, resolution.yours_was)
            return Drop(
                translate(
                    "UndoConflicts",
                    "Editing {row} again: \u201c{action}\u201d is off the undo history; "
                    "save the form to keep your values.",
                ).format(row=name, action=message_text(change.name))
            )
        case _:
            stopped = (
                translate("UndoConflicts", "Nothing was undone: {row} was changed by someone else.")
                if back
                else translate(
                    "UndoConflicts", "Nothing was redone: {row} was changed by someone else."
                )
            )
            return Stop(stopped.format(row=name))


async def _many_rows(
    parent: QWidget, conflicts: tuple[RowConflict, ...], *, change: ChangeSet, back: bool
) -> Decision:
    count = len(conflicts)
    names = some_names(c.current or c.expected or c.wanted for c in conflicts)
    title = (
        translate("UndoConflicts", "Undo {action}")
        if back
        else translate("UndoConflicts", "Redo {action}")
    )
    words = UndoConflictText()
    informative = words.overwrite(count, back=back)
    picked = await choose(
        parent,
        title=title.format(action=message_text(change.name)),
        text=words.changed(count).format(names=names),
        informative=informative.format(action=message_text(change.name)),
        choices=[translate("UndoConflicts", OVERWRITE)],
        name=BULK_DIALOG,
    )
    if picked == 0:
        return Retry({c.id: _seen(c) for c in conflicts})
    return Stop(words.stopped(count, back=back))


class UndoConflictText(QObject):
    """The bulk question's counted sentences (a QObject: lupdate's plurals come from self.tr)."""

    def overwrite(self, count: int, *, back: bool) -> str:
        if back:
            return self.tr(
                "To undo \u201c{action}\u201d now would overwrite their change(s). Nothing has "
                "been changed yet.",
                "",
                count,
            )
        return self.tr(
            "To redo \u201c{action}\u201d now would overwrite their change(s). Nothing has "
            "been changed yet.",
            "",
            count,
        )

    def changed(self, count: int) -> str:
        return self.tr("Someone else changed %Ln row(s) since: {names}.", "", count)

    def stopped(self, count: int, *, back: bool) -> str:
        if back:
            return self.tr(
                "Nothing was undone: %Ln row(s) changed by someone else were left as they are.",
                "",
                count,
            )
        return self.tr(
            "Nothing was redone: %Ln row(s) changed by someone else were left as they are.",
            "",
            count,
        )
