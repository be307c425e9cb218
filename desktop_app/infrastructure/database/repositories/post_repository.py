"""Posts over an AsyncSession, each with its author's username from one joined SELECT.

Every update and delete is a compare-and-set on ``updated_at`` (see ``versions.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Row, Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from desktop_app.domain.entities import CreatePostDTO, Post, UpdatePostDTO
from desktop_app.domain.errors import PostNotFoundError, UserNotFoundError
from desktop_app.domain.repositories import PostRepository
from desktop_app.domain.unset import UNSET, Maybe
from desktop_app.domain.validation import validate_update_post
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.repositories import exact_writes
from desktop_app.infrastructure.database.sort_keys import sort_key
from desktop_app.infrastructure.database.versions import (
    compare_and_set,
    delete_version,
    dialect_of,
    next_version,
    raise_missed,
)

SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")

# Bind parameters per IN (...) list: well under SQLite's and asyncpg's limits.
_IN_CHUNK = 500


def to_entity(model: PostModel, author_username: str | None) -> Post:
    return Post(
        id=model.id,
        title=model.title,
        content=model.content,
        author_id=model.author_id,
        author_username=author_username,
        created_at=model.created_at,
        updated_at=model.updated_at,
    )


def _columns(post: Post) -> dict[str, Any]:
    """Every column of the post's row, as stored."""
    return {
        "id": post.id,
        "title": post.title,
        "content": post.content,
        "author_id": post.author_id,
        "created_at": post.created_at,
        "updated_at": post.updated_at,
    }


_POSTS = PostModel.__table__.c
# Posts read per statement by get_by_authors_all: each page is built while the loop waits for
# nothing else, so it stays small.
_PAGE = 1_000


def _with_author() -> Select[PostModel, str]:
    return select(PostModel, UserModel.username).join(
        UserModel, PostModel.author_id == UserModel.id
    )


def _newest_first(stmt: SelectT, dialect: str) -> SelectT:
    """Newest first by the sort key of created_at (see ``sort_keys``: on SQLite a timestamp
    written in any text format sorts as the instant it names), ties by id."""
    return stmt.order_by(sort_key(PostModel.created_at, dialect).desc(), PostModel.id.desc())


def _entities(rows: Sequence[Row[PostModel, str]]) -> list[Post]:
    return [to_entity(model, username) for model, username in rows]


class SQLAlchemyPostRepository(PostRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _validate(self, post: Post, *, existing: bool) -> None:
        """The services' rules, here too (see SQLAlchemyUserRepository._validate): on an
        update only the fields that change are judged."""
        stored = None
        if existing:
            stored = (
                await self._session.execute(
                    select(PostModel.title, PostModel.content).where(PostModel.id == post.id)
                )
            ).first()
        dto = UpdatePostDTO(
            title=post.title if stored is None or stored[0] != post.title else UNSET,
            content=post.content if stored is None or stored[1] != post.content else UNSET,
        )
        if dto != UpdatePostDTO():
            validate_update_post(dto)

    async def get_by_id(self, post_id: UUID) -> Post | None:
        row = (await self._session.execute(_with_author().where(PostModel.id == post_id))).first()
        return to_entity(row[0], row[1]) if row else None

    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[Post]:
        return await self._page(None, skip=skip, limit=limit)

    async def get_by_author(
        self, author_id: UUID, *, skip: int = 0, limit: int = 100
    ) -> list[Post]:
        return await self._page(author_id, skip=skip, limit=limit)

    async def _page(self, author_id: UUID | None, *, skip: int, limit: int) -> list[Post]:
        """A page newest first, as a deferred join: the page's ids are found in the index
        alone, then only those rows are joined to their authors. Joining first made
        ``get_all(skip=999_900)`` join 999,900 posts to users only to discard them (2.8 s)."""
        dialect = dialect_of(self._session)
        ids = select(PostModel.id)
        if author_id is not None:
            ids = ids.where(PostModel.author_id == author_id)
        page = _newest_first(ids, dialect).offset(skip).limit(limit).subquery("page")
        stmt = _newest_first(_with_author().join(page, PostModel.id == page.c.id), dialect)
        return _entities((await self._session.execute(stmt)).all())

    async def count(self) -> int:
        return int(await self._session.scalar(select(func.count()).select_from(PostModel)) or 0)

    async def count_by_authors(self, author_ids: list[UUID]) -> int:
        total = 0
        for start in range(0, len(author_ids), _IN_CHUNK):
            chunk = author_ids[start : start + _IN_CHUNK]
            stmt = select(func.count()).where(PostModel.author_id.in_(chunk))
            total += int(await self._session.scalar(stmt) or 0)
        return total

    async def _author_username(self, author_id: UUID) -> str:
        username = await self._session.scalar(
            select(UserModel.username).where(UserModel.id == author_id)
        )
        if username is None:
            raise UserNotFoundError(author_id)
        return username

    async def _flush(self, author_id: UUID) -> None:
        try:
            await self._session.flush()
        except IntegrityError:  # the author was deleted between our check and the write
            raise UserNotFoundError(author_id) from None

    async def create(self, post: Post) -> Post:
        await self._validate(post, existing=False)
        username = await self._author_username(post.author_id)
        model = PostModel(
            id=post.id,
            title=post.title,
            content=post.content,
            author_id=post.author_id,
            created_at=post.created_at,
            updated_at=post.updated_at,
        )
        self._session.add(model)
        await self._flush(post.author_id)
        return to_entity(model, username)

    async def create_post(self, dto: CreatePostDTO) -> Post:
        return await self.create(
            Post(title=dto.title, content=dto.content, author_id=dto.author_id)
        )

    async def update(self, post: Post) -> Post:
        """Write the post's fields if the row still has the version ``post`` was read with
        (``post.updated_at``); StaleEditError if someone changed it since, PostNotFoundError
        if it is gone. Returns the post with its new version."""
        await self._validate(post, existing=True)
        username = await self._author_username(post.author_id)
        version = next_version(post.updated_at)
        stmt = compare_and_set(PostModel, post.id, post.updated_at, version, self._session).values(
            title=post.title, content=post.content, author_id=post.author_id
        )
        try:
            result = await self._session.execute(stmt)
        except IntegrityError:  # the author was deleted between our check and the write
            raise UserNotFoundError(post.author_id) from None
        if not getattr(result, "rowcount", 0):
            await raise_missed(
                self._session, PostModel, post.id, "Post", PostNotFoundError(post.id)
            )
        return replace(post, author_username=username, updated_at=version)

    async def delete(
        self, post_id: UUID, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> bool:
        """Delete the post; False if there was none. With ``expected_updated_at`` (the version
        the caller saw), a post changed since is left alone: StaleEditError."""
        return await delete_version(self._session, PostModel, post_id, expected_updated_at, "Post")

    # ----- exact writes, for undo and redo -----

    async def get_many(self, ids: Sequence[UUID]) -> list[Post]:
        found: list[Post] = []
        for part in exact_writes.chunks(list(ids)):
            rows = (await self._session.execute(_with_author().where(PostModel.id.in_(part)))).all()
            found.extend(_entities(rows))
        return found

    async def get_by_authors_all(
        self, author_ids: Sequence[UUID], *, lock: bool = False
    ) -> list[Post]:
        """Page by page (by id), as plain columns rather than ORM objects: a user with 100,000
        posts is a hundred short statements, not one that builds 100,000 objects at once."""
        if lock:
            await exact_writes.take_write_lock(self._session)
        found: list[Post] = []
        for part in exact_writes.chunks(sorted(set(author_ids))):
            after: UUID | None = None
            while True:
                stmt = (
                    select(*_POSTS, UserModel.username)
                    .join(UserModel, PostModel.author_id == UserModel.id)
                    .where(PostModel.author_id.in_(part))
                    .order_by(PostModel.id)
                    .limit(_PAGE)
                )
                if after is not None:
                    stmt = stmt.where(PostModel.id > after)
                if lock:
                    stmt = stmt.with_for_update(of=PostModel)
                rows = (await self._session.execute(stmt)).all()
                found.extend(
                    Post(
                        id=row.id,
                        title=row.title,
                        content=row.content,
                        author_id=row.author_id,
                        author_username=row.username,
                        created_at=row.created_at,
                        updated_at=row.updated_at,
                    )
                    for row in rows
                )
                if len(rows) < _PAGE:
                    break
                after = rows[-1].id
        return found

    async def lock(self, ids: Sequence[UUID]) -> set[UUID]:
        return await exact_writes.lock(self._session, PostModel, ids)

    async def stale(self, expected: Mapping[UUID, datetime | None]) -> set[UUID]:
        return await exact_writes.stale(self._session, PostModel, expected)

    async def restore(self, rows: Sequence[Post]) -> int:
        """Insert exactly these posts (their authors must exist: the caller checks)."""
        return await exact_writes.restore(self._session, PostModel, [_columns(p) for p in rows])

    async def add_new(self, rows: Sequence[Post]) -> None:
        """On PostgreSQL one COPY (see ``exact_writes.copy_new``); elsewhere ``restore``."""
        if dialect_of(self._session) != "postgresql":
            return await super().add_new(rows)
        await exact_writes.copy_new(self._session, PostModel, [_columns(p) for p in rows])

    async def rewrite(self, row: Post, *, expected_updated_at: datetime | None) -> bool:
        values = _columns(row)
        del values["id"]
        return await exact_writes.rewrite(
            self._session, PostModel, row.id, values, expected_updated_at
        )

    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int:
        return await exact_writes.delete_versions(self._session, PostModel, expected)
