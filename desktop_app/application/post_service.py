"""Post use cases: create, update, delete. One unit of work per operation, each change a
compare-and-set on the row's version (see ``user_service.py``), each committed change
recorded in the journal, when one is given, with the rows exactly as before and after."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.bulk_delete import delete_listed
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet, RowChange, UndoStep, removals
from desktop_app.domain.entities import CreatePostDTO, Post, UpdatePostDTO
from desktop_app.domain.errors import PostNotFoundError
from desktop_app.domain.unset import UNSET, Maybe, pick
from desktop_app.domain.validation import validate_create_post, validate_update_post


@dataclass(frozen=True, slots=True)
class PostDeleteOutcome:
    """How many posts a delete removed, and which it left alone because they had changed."""

    posts: int
    changed: tuple[UUID, ...] = ()


class PostService:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, journal: ChangeJournal | None = None
    ) -> None:
        self._uow = uow_factory
        self._journal = journal or ChangeJournal()  # none given: nobody listens

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
        self._journal.record(
            ChangeSet(
                UndoStep.tr("create post “{title}”", title=post.title),
                posts=(RowChange(None, post),),
            )
        )
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
            await uow.posts.lock([post_id])  # what is read next is what the write replaces
            before = await uow.posts.get_by_id(post_id)
            if before is None:
                raise PostNotFoundError(post_id)
            post = await uow.posts.update(
                replace(
                    before,
                    title=pick(dto.title, before.title),
                    content=pick(dto.content, before.content),
                    author_id=pick(dto.author_id, before.author_id),
                    updated_at=pick(expected_updated_at, before.updated_at),
                )
            )
            await uow.commit()
        self._journal.record(
            ChangeSet(
                UndoStep.tr("edit post “{title}”", title=before.title),
                posts=(RowChange(before, post),),
            )
        )
        return post

    async def delete_post(self, post_id: UUID) -> None:
        async with self._uow() as uow:
            await uow.posts.lock([post_id])
            before = await uow.posts.get_by_id(post_id)
            removed = await uow.posts.delete(post_id)
            await uow.commit()
        if not removed or before is None:
            raise PostNotFoundError(post_id)
        self._journal.record(
            ChangeSet(
                UndoStep.tr("delete post “{title}”", title=before.title),
                posts=(RowChange(before, None),),
            )
        )

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
            present = await uow.posts.lock(post_ids)
            snapshot = {post.id: post for post in await uow.posts.get_many(list(present))}
            read = {post_id: post.updated_at for post_id, post in snapshot.items()}
            gone, changed = await delete_listed(uow.posts, post_ids, read, versions, progress)
            removed = [snapshot[post_id] for post_id in gone]
            await uow.commit()
        if progress is not None:
            progress(len(post_ids), len(post_ids))
        if removed:
            text = (
                UndoStep.tr("delete post “{title}”", title=removed[0].title)
                if len(removed) == 1
                else UndoStep.tr("delete %n post(s)", "", len(removed))
            )
            self._journal.record(ChangeSet(text, posts=await removals(removed)))
        return PostDeleteOutcome(posts=len(removed), changed=tuple(changed))
