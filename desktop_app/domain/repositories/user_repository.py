"""The user repository interface."""

from __future__ import annotations

import abc
from datetime import datetime
from uuid import UUID

from desktop_app.domain.entities import CreateUserDTO, User
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
