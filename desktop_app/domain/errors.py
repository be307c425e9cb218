"""Errors named for the condition, raised by services and repositories instead of driver errors.

Two families: ``DomainError`` for what the user asked being invalid (shown next to a field or as
a sentence), and ``StorageError`` for what the environment caused (server down, file locked).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from desktop_app.domain.entities import Post, User
from desktop_app.domain.messages import Message, Texts


class Errors(Texts):
    """The translation context of these errors' messages. An error made of a ``Message`` keeps
    it as its one argument (``error.args[0]``): ``str(error)`` is the English text, and the
    window words it in the UI language."""


class DomainError(Exception):
    """Base class: something the user asked for cannot be done as asked."""


class ValidationError(DomainError):
    """One or more fields hold values that break a rule: ``messages`` maps field -> message
    (to translate), ``errors`` field -> its English text."""

    def __init__(self, field: str, message: str | Message) -> None:
        said = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(field, said)
        self.messages: dict[str, Message] = {field: said}

    def __str__(self) -> str:
        """ "email: ...; username: ..." in English, worded when asked (an import's check may
        make 100,000 of these and show none of them)."""
        return "; ".join(f"{field}: {message}" for field, message in self.errors.items())

    @classmethod
    def from_errors(cls, errors: Mapping[str, str | Message]) -> ValidationError:
        if not errors:
            raise ValueError("from_errors needs at least one error")
        first, *_ = errors.items()
        error = cls(*first)
        error.messages = {
            field: message if isinstance(message, Message) else Message.verbatim(message)
            for field, message in errors.items()
        }
        return error

    @property
    def errors(self) -> dict[str, str]:
        return {field: str(message) for field, message in self.messages.items()}

    @property
    def field(self) -> str:
        return next(iter(self.messages))

    @property
    def message(self) -> str:
        return str(self.messages[self.field])


class DuplicateEmailError(ValidationError):
    def __init__(self, email: str) -> None:
        super().__init__(
            "email", Errors.tr("A user with the e-mail {email} already exists.", email=repr(email))
        )
        self.email = email


class DuplicateUsernameError(ValidationError):
    def __init__(self, username: str) -> None:
        super().__init__(
            "username",
            Errors.tr("The username {username} is already taken.", username=repr(username)),
        )
        self.username = username


class NotFoundError(DomainError):
    """The row was deleted (perhaps by someone else) or never existed."""

    entity = "Record"

    def __init__(self, entity_id: UUID) -> None:
        super().__init__(self._said(entity_id))
        self.entity_id = entity_id

    def _said(self, entity_id: UUID) -> Message:
        return Errors.tr(
            "{entity} {id} does not exist (it may have been deleted).",
            entity=self.entity,
            id=str(entity_id),
        )


class UserNotFoundError(NotFoundError):
    entity = "User"

    def _said(self, entity_id: UUID) -> Message:
        return Errors.tr("User {id} does not exist (it may have been deleted).", id=str(entity_id))


class PostNotFoundError(NotFoundError):
    entity = "Post"

    def _said(self, entity_id: UUID) -> Message:
        return Errors.tr("Post {id} does not exist (it may have been deleted).", id=str(entity_id))


class OperationCancelledError(DomainError):
    """The user cancelled a long operation; its transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__(Errors.tr("Cancelled: nothing was changed."))


class ConstraintViolationError(DomainError):
    """The database refused a change for a rule we did not check first (the message says which)."""


class RowsAddedMeanwhileError(ConstraintViolationError):
    """Rows written as new were there already: someone added rows with the same ids after
    they were checked (an import's new rows, written in bulk)."""

    def __init__(self) -> None:
        super().__init__(
            Errors.tr(
                "Someone else added rows with some of the same ids meanwhile. Check the file again."
            )
        )


class StorageError(Exception):
    """The environment failed us: the database is unreachable, locked, read-only or missing."""


class DatabaseUnavailableError(StorageError):
    """The database could not be reached or answered with an operational error."""


class SchemaTooNewError(StorageError):
    """The database was migrated by a newer version of the app; we leave it untouched."""

    def __init__(self, revision: str, head: str | None) -> None:
        super().__init__(
            Errors.tr(
                "The database schema is at revision {revision}, which this version of the app "
                "does not know (it knows up to {head}). It was written by a newer version: "
                "update the app. The database was left unchanged.",
                revision=revision,
                head=str(head),
            )
        )
        self.revision = revision
        self.head = head


class StaleEditError(DomainError):
    """Someone else changed the row after it was shown; saving would overwrite their change."""

    def __init__(self, entity: str, entity_id: UUID) -> None:
        super().__init__(_stale(entity))
        self.entity = entity
        self.entity_id = entity_id


def _stale(entity: str) -> Message:
    """ "This user was changed...": whole sentences per kind of row (German words them apart)."""
    if entity.lower() == "user":
        return Errors.tr(
            "This user was changed by someone else after you opened it. "
            "Reload it to see their change, then edit again."
        )
    if entity.lower() == "post":
        return Errors.tr(
            "This post was changed by someone else after you opened it. "
            "Reload it to see their change, then edit again."
        )
    return Errors.tr(
        "This {entity} was changed by someone else after you opened it. "
        "Reload it to see their change, then edit again.",
        entity=entity.lower(),
    )


@dataclass(frozen=True, slots=True)
class RowConflict:
    """One row an undo, redo or replayed change could not write without overwriting someone
    else's change: the row as the change wants it (``wanted``, None: deleted), as the change
    expected to find it (``expected``, None: absent), and as it is now (``current``, None: not
    there, e.g. deleted meanwhile)."""

    kind: Literal["user", "post"]
    id: UUID
    wanted: User | Post | None
    expected: User | Post | None
    current: User | Post | None


class ChangeConflictError(StaleEditError):
    """A change (an undo, a redo) met rows someone else changed since it was made: nothing was
    written. ``conflicts`` names every such row, with what the change wanted and what is there
    now; applying again with those rows' current versions accepted overwrites them knowingly."""

    def __init__(self, conflicts: Sequence[RowConflict]) -> None:
        if not conflicts:
            raise ValueError("a ChangeConflictError needs at least one conflict")
        first = conflicts[0]
        super().__init__("User" if first.kind == "user" else "Post", first.id)
        self.conflicts: tuple[RowConflict, ...] = tuple(conflicts)
        count = len(self.conflicts)
        self.args = (
            Errors.tr(
                "Someone else changed a row since: nothing was changed. Review their change, "
                "then keep theirs or overwrite it."
            )
            if count == 1
            else Errors.tr(
                "Someone else changed %n row(s) since: nothing was changed. Review their "
                "change, then keep theirs or overwrite it.",
                "",
                count,
            ),
        )


class ReadOnlyDatabaseError(StorageError):
    """A write reached a database opened read-only (by choice, or a file we may not write)."""

    def __init__(self) -> None:
        super().__init__(
            Errors.tr(
                "The database is open read-only: nothing was changed. Open it again for "
                "editing (File → Open…) to make changes."
            )
        )


class ChangeDeclinedError(StorageError):
    """The user said no to a change the app needs (creating or upgrading the schema), so the
    database was not opened for editing; nothing in it was changed."""


class DatabaseNotFoundError(StorageError):
    """A SQLite file that does not exist, where the app may only look (never create)."""

    def __init__(self, path: str) -> None:
        super().__init__(
            Errors.tr("The file {path} does not exist. Nothing was created.", path=path)
        )
        self.path = path
