"""The post repository interface."""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from datetime import datetime
from uuid import UUID

from desktop_app.domain.entities import CreatePostDTO, Post
from desktop_app.domain.errors import RowsAddedMeanwhileError
from desktop_app.domain.unset import UNSET, Maybe


class PostRepository(abc.ABC):
    """Posts with their author's username, newest first. Flushes, never commits."""

    @abc.abstractmethod
    async def get_by_id(self, post_id: UUID) -> Post | None: ...

    @abc.abstractmethod
    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[Post]: ...

    @abc.abstractmethod
    async def get_by_author(
        self, author_id: UUID, *, skip: int = 0, limit: int = 100
    ) -> list[Post]: ...

    @abc.abstractmethod
    async def count(self) -> int: ...

    @abc.abstractmethod
    async def count_by_authors(self, author_ids: list[UUID]) -> int:
        """How many posts these users have (what deleting them would cascade to)."""

    @abc.abstractmethod
    async def create(self, post: Post) -> Post:
        """Add a post; an unknown author raises UserNotFoundError."""

    @abc.abstractmethod
    async def create_post(self, dto: CreatePostDTO) -> Post: ...

    @abc.abstractmethod
    async def update(self, post: Post) -> Post:
        """Compare-and-set on ``post.updated_at``, like ``UserRepository.update``."""

    @abc.abstractmethod
    async def delete(
        self, post_id: UUID, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> bool:
        """Delete the post; with ``expected_updated_at``, only that version (StaleEditError)."""

    # ----- exact writes, for undo and redo (ChangeApplier) -----

    @abc.abstractmethod
    async def get_many(self, ids: Sequence[UUID]) -> list[Post]:
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
    async def restore(self, rows: Sequence[Post]) -> int:
        """Insert the rows exactly as given (id, timestamps and all, no validation); a row
        whose id exists already is left as it is. Returns how many were inserted."""

    async def add_new(self, rows: Sequence[Post]) -> None:
        """Insert rows that are all new, exactly as given (id, timestamps and all, no
        validation), the fastest way the database has: an import's new rows. A row whose id
        exists already raises RowsAddedMeanwhileError, after which the unit of work must not
        commit (some rows may be written). By default ``restore``, and a count."""
        if await self.restore(rows) != len(rows):
            raise RowsAddedMeanwhileError

    @abc.abstractmethod
    async def rewrite(self, row: Post, *, expected_updated_at: datetime | None) -> bool:
        """Write every column of ``row`` verbatim, ``updated_at`` included, if the row is still
        at version ``expected_updated_at``; False (nothing written) otherwise."""

    @abc.abstractmethod
    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int:
        """Delete each row of ``expected`` still at the version given; how many went."""

    @abc.abstractmethod
    async def get_by_authors_all(
        self, author_ids: Sequence[UUID], *, lock: bool = False
    ) -> list[Post]:
        """Every post of these users, full content, by id (what deleting them would cascade
        to); ``lock`` keeps other writers off them until the unit of work ends."""
