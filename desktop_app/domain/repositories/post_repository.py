"""The post repository interface."""

from __future__ import annotations

import abc
from datetime import datetime
from uuid import UUID

from desktop_app.domain.entities import CreatePostDTO, Post
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
