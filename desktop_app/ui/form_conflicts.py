"""A form's save that lost the race: compare, ask, and never lose what was typed.

When saving the user or post form raises StaleEditError (or the row is gone), the form asks
this module: the row is read again now (not found: deleted), and the conflict dialog compares
the row as the form was opened (*base*), the typed values (*mine*) and the row now (*theirs*).
The form then acts on the choice: save again over theirs, close keeping theirs, start again
from the merge with "Yours was: …" under each colliding field, re-create a deleted row, or stay
exactly as typed. A typed password is never displayed (it is a secret field).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from desktop_app.application.conflict_merge import merge_fields
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import NotFoundError
from desktop_app.ui.conflict_dialog import ConflictResolution, resolve_conflict
from desktop_app.ui.forms import FormErrors
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.ui.row_fields import post_fields, shown_value, user_fields

RowT = TypeVar("RowT", User, Post)
TYPED_PASSWORD = QT_TRANSLATE_NOOP(
    "FormConflicts", "(typed)"
)  # stands for a typed password: never the password itself


async def resolve_save_conflict(
    form: QWidget,
    *,
    entity: str,
    labels: Sequence[tuple[str, str]],
    base: Mapping[str, object],
    mine: Mapping[str, object],
    fetch: Callable[[], Awaitable[RowT]],
    secret_fields: Mapping[str, str] | None = None,
) -> tuple[ConflictResolution, RowT | None]:
    """Read the row again and ask; returns the answer and the row now (None: deleted)."""
    try:
        current: RowT | None = await fetch()
    except NotFoundError:
        current = None
    theirs: dict[str, object] | None = None
    if isinstance(current, User):
        theirs = user_fields(current)
    elif isinstance(current, Post):
        theirs = post_fields(current)
    resolution = await resolve_conflict(
        form,
        merge_fields(base, mine, theirs),
        entity=entity,
        labels=labels,
        secret_fields=secret_fields,
    )
    return resolution, current


def show_yours_was(
    errors: FormErrors, yours_was: Mapping[str, object], *, hidden: str = ""
) -> None:
    """ "Yours was: …" under each colliding field (``hidden`` is never shown)."""
    for name, value in yours_was.items():
        if name != hidden:
            errors.show_note(
                name,
                translate("FormConflicts", "Yours was: {value}").format(value=shown_value(value)),
            )
