"""Post use cases: create, update, delete. One unit of work per operation, each change a
compare-and-set on the row's version (see ``users.py``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import CreatePostDTO, Post, UpdatePostDTO
from desktop_app.domain.errors import OperationCancelledError, PostNotFoundError, StaleEditError
from desktop_app.domain.unset import UNSET, Maybe, pick
from desktop_app.domain.validation import validate_create_post, validate_update_post


@dataclass(frozen=True, slots=True)
class PostDeleteOutcome:
    """How many posts a delete removed, and which it left alone because they had changed."""

    posts: int
    changed: tuple[UUID, ...] = ()


class PostService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    async def get_post(self, post_id: UUID) -> Post:
        async with self._uow() as uow:
            post = await uow.posts.get_by_id(post_id)
        if post is None:
            raise PostNotFoundError(post_id)
        return post

    async def create_post(self, dto: CreatePostDTO) -> Post:
        dto = validate_create_post(dto)
        async with self._uow() as uow:
            post = await uow.posts.create_post(dto)
            await uow.commit()
        return post

    async def update_post(
        self,
        post_id: UUID,
        dto: UpdatePostDTO,
        *,
        expected_updated_at: Maybe[datetime | None] = UNSET,
    ) -> Post:
        """Apply the fields that are set, if the post is still the version the caller saw
        (``expected_updated_at``; else the one read here): StaleEditError otherwise."""
        dto = validate_update_post(dto)
        async with self._uow() as uow:
            post = await uow.posts.get_by_id(post_id)
            if post is None:
                raise PostNotFoundError(post_id)
            post = await uow.posts.update(
                replace(
                    post,
                    title=pick(dto.title, post.title),
                    content=pick(dto.content, post.content),
                    author_id=pick(dto.author_id, post.author_id),
                    updated_at=pick(expected_updated_at, post.updated_at),
                )
            )
            await uow.commit()
        return post

    async def delete_post(self, post_id: UUID) -> None:
        async with self._uow() as uow:
            removed = await uow.posts.delete(post_id)
            await uow.commit()
        if not removed:
            raise PostNotFoundError(post_id)

    async def delete_posts(
        self,
        post_ids: list[UUID],
        *,
        versions: Mapping[UUID, datetime | None] | None = None,
        progress: Callable[[int, int], bool] | None = None,
    ) -> PostDeleteOutcome:
        """Delete these posts in one transaction; ``progress`` returning False cancels. A post
        whose version is in ``versions`` is deleted only if it is still that version; one
        changed since is left alone and named in the outcome."""
        versions = versions or {}
        async with self._uow() as uow:
            removed = 0
            changed: list[UUID] = []
            for done, post_id in enumerate(post_ids):
                if progress is not None and not progress(done, len(post_ids)):
                    raise OperationCancelledError
                try:
                    removed += await uow.posts.delete(
                        post_id, expected_updated_at=versions.get(post_id, UNSET)
                    )
                except StaleEditError:
                    changed.append(post_id)
            await uow.commit()
        if progress is not None:
            progress(len(post_ids), len(post_ids))
        return PostDeleteOutcome(posts=removed, changed=tuple(changed))
