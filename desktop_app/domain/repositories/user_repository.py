"""The user repository interface."""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from datetime import datetime
from uuid import UUID

from desktop_app.domain.entities import CreateUserDTO, User
from desktop_app.domain.errors import RowsAddedMeanwhileError
from desktop_app.domain.unset import UNSET, Maybe


class UserRepository(abc.ABC):
    """Users, newest first. Implementations flush changes but never commit them."""

    @abc.abstractmethod
    async def get_by_id(self, user_id: UUID) -> User | None: ...

    @abc.abstractmethod
    async def get_by_email(self, email: str) -> User | None:
        """Case-insensitive lookup."""

    @abc.abstractmethod
    async def get_by_username(self, username: str) -> User | None:
        """Case-insensitive lookup."""

    @abc.abstractmethod
    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[User]: ...

    @abc.abstractmethod
    async def count(self) -> int: ...

    @abc.abstractmethod
    async def create(self, user: User) -> User:
        """Add a user whose password is already hashed; duplicates raise Duplicate*Error."""

    @abc.abstractmethod
    async def create_user(self, dto: CreateUserDTO) -> User:
        """Hash the password (off the event loop's thread) and add the user."""

    @abc.abstractmethod
    async def update(self, user: User) -> User:
        """Write every field of ``user`` in one compare-and-set: only if the row still has the
        version ``user.updated_at`` it was read with (None included), else StaleEditError;
        UserNotFoundError if it is gone. Returns ``user`` with its new version."""

    @abc.abstractmethod
    async def delete(
        self, user_id: UUID, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> bool:
        """Delete the user and (by cascade) their posts; False if there was no such user.
        With ``expected_updated_at``, only that version of the row: else StaleEditError."""

    # ----- exact writes, for undo and redo (ChangeApplier) -----

    @abc.abstractmethod
    async def get_many(self, ids: Sequence[UUID]) -> list[User]:
        """The rows with these ids that exist, in no particular order."""

    @abc.abstractmethod
    async def lock(self, ids: Sequence[UUID]) -> set[UUID]:
        """Keep other writers off these rows until the unit of work ends (PostgreSQL: row
        locks, which also keep posts from being added to locked users; SQLite: the database's
        write lock); returns the ids that exist."""

    @abc.abstractmethod
    async def stale(self, expected: Mapping[UUID, datetime | None]) -> set[UUID]:
        """The ids among ``expected`` whose row exists but is not at the version given."""

    @abc.abstractmethod
    async def restore(self, rows: Sequence[User]) -> int:
        """Insert the rows exactly as given (id, timestamps and all, no validation); a row
        whose id exists already is left as it is. Returns how many were inserted."""

    async def add_new(self, rows: Sequence[User]) -> None:
        """Insert rows that are all new, exactly as given (id, timestamps and all, no
        validation), the fastest way the database has: an import's new rows. A row whose id
        exists already raises RowsAddedMeanwhileError, a taken e-mail or username
        DuplicateEmailError / DuplicateUsernameError; after either the unit of work must not
        commit (some rows may be written). By default ``restore``, and a count."""
        if await self.restore(rows) != len(rows):
            raise RowsAddedMeanwhileError

    @abc.abstractmethod
    async def rewrite(self, row: User, *, expected_updated_at: datetime | None) -> bool:
        """Write every column of ``row`` verbatim, ``updated_at`` included, if the row is still
        at version ``expected_updated_at``; False (nothing written) otherwise."""

    @abc.abstractmethod
    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int:
        """Delete each row of ``expected`` still at the version given; how many went."""
