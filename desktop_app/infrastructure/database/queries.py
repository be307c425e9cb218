"""SQLAlchemy read side: pages of plain rows for the table views (keyset or offset)."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, func, literal, or_, select, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from desktop_app.application.queries import (
    CONTENT_PREVIEW_CHARS,
    Cursor,
    PostQuery,
    PostReader,
    PostRow,
    UserQuery,
    UserReader,
    UserRow,
)
from desktop_app.infrastructure.database.errors import translate
from desktop_app.infrastructure.database.models import PostModel, UserModel

SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    return column.ilike(_like(text), escape="\\")  # type: ignore[no-any-return]


def _ordered(
    stmt: SelectT, sort_col: Any, id_col: Any, descending: bool, after: Cursor | None
) -> SelectT:
    if after is not None:
        value, row_id = after
        key = tuple_(sort_col, id_col)
        bound = tuple_(literal(value, type_=sort_col.type), literal(row_id, type_=id_col.type))
        stmt = stmt.where(key < bound if descending else key > bound)
    if descending:
        return stmt.order_by(sort_col.desc(), id_col.desc())
    return stmt.order_by(sort_col.asc(), id_col.asc())


class SQLAlchemyUserReader(UserReader):
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    def _filtered(self, stmt: SelectT, query: UserQuery) -> SelectT:
        text = query.search.strip()
        if text:
            stmt = stmt.where(
                or_(
                    _contains(UserModel.email, text),
                    _contains(UserModel.username, text),
                    _contains(UserModel.bio, text),
                )
            )
        return stmt

    async def fetch(
        self, query: UserQuery, *, offset: int = 0, limit: int = 100, after: Cursor | None = None
    ) -> list[UserRow]:
        stmt = self._filtered(
            select(
                UserModel.id,
                UserModel.email,
                UserModel.username,
                UserModel.is_active,
                UserModel.bio,
                UserModel.created_at,
                UserModel.updated_at,
            ),
            query,
        )
        stmt = _ordered(stmt, getattr(UserModel, query.sort), UserModel.id, query.descending, after)
        if after is None and offset:
            stmt = stmt.offset(offset)
        stmt = stmt.limit(limit)
        try:
            async with self._sessions() as session:
                result = await session.execute(stmt)
                return [UserRow(*row) for row in result.all()]
        except Exception as error:
            domain = translate(error)
            if domain is not None:
                raise domain from error
            raise

    async def count(self, query: UserQuery) -> int:
        stmt = self._filtered(select(func.count()).select_from(UserModel), query)
        try:
            async with self._sessions() as session:
                return int(await session.scalar(stmt) or 0)
        except Exception as error:
            domain = translate(error)
            if domain is not None:
                raise domain from error
            raise


class SQLAlchemyPostReader(PostReader):
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    def _filtered(self, stmt: SelectT, query: PostQuery) -> SelectT:
        if query.author_ids is not None:
            stmt = stmt.where(
                PostModel.author_id.in_(list(query.author_ids)) if query.author_ids else false()
            )
        text = query.search.strip()
        if text:
            stmt = stmt.where(
                or_(
                    _contains(PostModel.title, text),
                    _contains(PostModel.content, text),
                    _contains(UserModel.username, text),
                )
            )
        return stmt.where(true())

    async def fetch(
        self, query: PostQuery, *, offset: int = 0, limit: int = 100, after: Cursor | None = None
    ) -> list[PostRow]:
        stmt = select(
            PostModel.id,
            PostModel.title,
            func.substr(PostModel.content, 1, CONTENT_PREVIEW_CHARS),
            PostModel.author_id,
            UserModel.username,
            PostModel.created_at,
            PostModel.updated_at,
        ).join(UserModel, PostModel.author_id == UserModel.id)
        stmt = self._filtered(stmt, query)
        sort_col = (
            UserModel.username
            if query.sort == "author_username"
            else getattr(PostModel, query.sort)
        )
        stmt = _ordered(stmt, sort_col, PostModel.id, query.descending, after)
        if after is None and offset:
            stmt = stmt.offset(offset)
        stmt = stmt.limit(limit)
        try:
            async with self._sessions() as session:
                result = await session.execute(stmt)
                return [PostRow(*row) for row in result.all()]
        except Exception as error:
            domain = translate(error)
            if domain is not None:
                raise domain from error
            raise

    async def count(self, query: PostQuery) -> int:
        stmt = select(func.count()).select_from(PostModel)
        if query.search.strip():
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        stmt = self._filtered(stmt, query)
        try:
            async with self._sessions() as session:
                return int(await session.scalar(stmt) or 0)
        except Exception as error:
            domain = translate(error)
            if domain is not None:
                raise domain from error
            raise
