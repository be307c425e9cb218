"""Errors named for the condition, raised by services and repositories instead of driver errors.

Two families: ``DomainError`` for what the user asked being invalid (shown next to a field or as
a sentence), and ``StorageError`` for what the environment caused (server down, file locked).
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID


class DomainError(Exception):
    """Base class: something the user asked for cannot be done as asked."""


class ValidationError(DomainError):
    """One or more fields hold values that break a rule; ``errors`` maps field -> message."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.errors: dict[str, str] = {field: message}

    @classmethod
    def from_errors(cls, errors: Mapping[str, str]) -> ValidationError:
        if not errors:
            raise ValueError("from_errors needs at least one error")
        first, *_ = errors.items()
        error = cls(*first)
        error.errors = dict(errors)
        error.args = ("; ".join(f"{k}: {v}" for k, v in errors.items()),)
        return error

    @property
    def field(self) -> str:
        return next(iter(self.errors))

    @property
    def message(self) -> str:
        return self.errors[self.field]


class DuplicateEmailError(ValidationError):
    def __init__(self, email: str) -> None:
        super().__init__("email", f"A user with the e-mail {email!r} already exists.")
        self.email = email


class DuplicateUsernameError(ValidationError):
    def __init__(self, username: str) -> None:
        super().__init__("username", f"The username {username!r} is already taken.")
        self.username = username


class NotFoundError(DomainError):
    """The row was deleted (perhaps by someone else) or never existed."""

    entity = "Record"

    def __init__(self, entity_id: UUID) -> None:
        super().__init__(f"{self.entity} {entity_id} does not exist (it may have been deleted).")
        self.entity_id = entity_id


class UserNotFoundError(NotFoundError):
    entity = "User"


class PostNotFoundError(NotFoundError):
    entity = "Post"


class OperationCancelledError(DomainError):
    """The user cancelled a long operation; its transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was changed.")


class ConstraintViolationError(DomainError):
    """The database refused a change for a rule we did not check first (the message says which)."""


class StorageError(Exception):
    """The environment failed us: the database is unreachable, locked, read-only or missing."""


class DatabaseUnavailableError(StorageError):
    """The database could not be reached or answered with an operational error."""


class SchemaTooNewError(StorageError):
    """The database was migrated by a newer version of the app; we leave it untouched."""

    def __init__(self, revision: str, head: str | None) -> None:
        super().__init__(
            f"The database schema is at revision {revision}, which this version of the app does "
            f"not know (it knows up to {head}). It was written by a newer version: update the app. "
            "The database was left unchanged."
        )
        self.revision = revision
        self.head = head


class StaleEditError(DomainError):
    """Someone else changed the row after it was shown; saving would overwrite their change."""

    def __init__(self, entity: str, entity_id: UUID) -> None:
        super().__init__(
            f"This {entity.lower()} was changed by someone else after you opened it. "
            "Reload it to see their change, then edit again."
        )
        self.entity = entity
        self.entity_id = entity_id


class ReadOnlyDatabaseError(StorageError):
    """A write reached a database opened read-only (by choice, or a file we may not write)."""

    def __init__(self) -> None:
        super().__init__(
            "The database is open read-only: nothing was changed. Open it again for editing "
            "(File → Open…) to make changes."
        )


class ChangeDeclinedError(StorageError):
    """The user said no to a change the app needs (creating or upgrading the schema), so the
    database was not opened for editing; nothing in it was changed."""


class DatabaseNotFoundError(StorageError):
    """A SQLite file that does not exist, where the app may only look (never create)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"The file {path} does not exist. Nothing was created.")
        self.path = path
