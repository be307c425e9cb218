"""SQLAlchemy read side: pages of plain rows for the table views.

Three ways a page is found, cheapest first:

* after a cursor (keyset): ``WHERE (sort, id) < (:value, :id) ORDER BY sort, id LIMIT n`` seeks
  in the index, as fast at row 900,000 as at row 0 (scrolling);
* at a deep position (a jump): first the key of the row before it, read from the index alone
  (``SELECT sort, id ... OFFSET k LIMIT 1``: no table row is fetched for the skipped rows), then
  a keyset page after that key. Plain OFFSET would fetch and discard every skipped row;
* at a shallow position: plain OFFSET.

Order is always (sort column, id) in one direction, so an index on (column, id) serves it both
ways and the order is total.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Row, Select, false, func, literal, or_, select, tuple_
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
from desktop_app.infrastructure.database.errors import raise_translated
from desktop_app.infrastructure.database.models import PostModel, UserModel

# Below this offset a plain OFFSET is as cheap as the two-step seek.
SEEK_FROM_OFFSET = 1_000

QueryT = TypeVar("QueryT", UserQuery, PostQuery)
RowT = TypeVar("RowT", UserRow, PostRow)
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match in which % and _ are literal characters."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")  # type: ignore[no-any-return]


class _Reader(abc.ABC, Generic[QueryT, RowT]):
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    @abc.abstractmethod
    def _id_column(self) -> Any: ...

    @abc.abstractmethod
    def _columns(self) -> Select[*tuple[Any, ...]]:
        """SELECT of the row's columns, with whatever joins they need."""

    @abc.abstractmethod
    def _keys(self, query: QueryT) -> Select[*tuple[Any, ...]]:
        """SELECT of just (sort column, id), joined only if the sort or search needs it."""

    @abc.abstractmethod
    def _filtered(self, stmt: SelectT, query: QueryT) -> SelectT: ...

    @abc.abstractmethod
    def _sort_column(self, query: QueryT) -> Any: ...

    @abc.abstractmethod
    def _row(self, row: Row[*tuple[Any, ...]]) -> RowT: ...

    @abc.abstractmethod
    def _counted(self, query: QueryT) -> Select[*tuple[Any, ...]]: ...

    def _ordered(self, stmt: SelectT, query: QueryT, after: Cursor | None) -> SelectT:
        sort, ident = self._sort_column(query), self._id_column()
        if after is not None:
            value, row_id = after
            key = tuple_(sort, ident)
            bound = tuple_(literal(value, type_=sort.type), literal(row_id, type_=ident.type))
            stmt = stmt.where(key < bound if query.descending else key > bound)
        if query.descending:
            return stmt.order_by(sort.desc(), ident.desc())
        return stmt.order_by(sort.asc(), ident.asc())

    async def fetch(
        self, query: QueryT, *, offset: int = 0, limit: int = 100, after: Cursor | None = None
    ) -> list[RowT]:
        try:
            async with self._sessions() as session:
                if after is None and offset >= SEEK_FROM_OFFSET:
                    key_stmt = self._ordered(self._filtered(self._keys(query), query), query, None)
                    key = (await session.execute(key_stmt.offset(offset - 1).limit(1))).first()
                    if key is None:
                        return []
                    after, offset = (key[0], key[1]), 0
                stmt = self._ordered(self._filtered(self._columns(), query), query, after)
                if after is None and offset:
                    stmt = stmt.offset(offset)
                rows: Sequence[Row[*tuple[Any, ...]]] = (
                    await session.execute(stmt.limit(limit))
                ).all()
                return [self._row(row) for row in rows]
        except Exception as error:
            raise_translated(error)
            raise

    async def count(self, query: QueryT) -> int:
        try:
            async with self._sessions() as session:
                return int(await session.scalar(self._counted(query)) or 0)
        except Exception as error:
            raise_translated(error)
            raise


class SQLAlchemyUserReader(_Reader[UserQuery, UserRow], UserReader):
    def _id_column(self) -> Any:
        return UserModel.id

    def _columns(self) -> Select[*tuple[Any, ...]]:
        return select(
            UserModel.id,
            UserModel.email,
            UserModel.username,
            UserModel.is_active,
            UserModel.bio,
            UserModel.created_at,
            UserModel.updated_at,
        )

    def _keys(self, query: UserQuery) -> Select[*tuple[Any, ...]]:
        return select(self._sort_column(query), UserModel.id)

    def _filtered(self, stmt: SelectT, query: UserQuery) -> SelectT:
        text = query.search.strip()
        if not text:
            return stmt
        return stmt.where(
            or_(
                _contains(UserModel.email, text),
                _contains(UserModel.username, text),
                _contains(UserModel.bio, text),
            )
        )

    def _sort_column(self, query: UserQuery) -> Any:
        return getattr(UserModel, query.sort)

    def _row(self, row: Row[*tuple[Any, ...]]) -> UserRow:
        return UserRow(*row)

    def _counted(self, query: UserQuery) -> Select[*tuple[Any, ...]]:
        return self._filtered(select(func.count()).select_from(UserModel), query)


class SQLAlchemyPostReader(_Reader[PostQuery, PostRow], PostReader):
    def _id_column(self) -> Any:
        return PostModel.id

    def _columns(self) -> Select[*tuple[Any, ...]]:
        return select(
            PostModel.id,
            PostModel.title,
            func.substr(PostModel.content, 1, CONTENT_PREVIEW_CHARS),
            PostModel.author_id,
            UserModel.username,
            PostModel.created_at,
            PostModel.updated_at,
        ).join(UserModel, PostModel.author_id == UserModel.id)

    def _needs_author(self, query: PostQuery) -> bool:
        return query.sort == "author_username" or bool(query.search.strip())

    def _keys(self, query: PostQuery) -> Select[*tuple[Any, ...]]:
        stmt = select(self._sort_column(query), PostModel.id)
        if self._needs_author(query):
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return stmt

    def _filtered(self, stmt: SelectT, query: PostQuery) -> SelectT:
        if query.author_ids is not None:
            ids = list(query.author_ids)
            stmt = stmt.where(PostModel.author_id.in_(ids) if ids else false())
        text = query.search.strip()
        if text:
            stmt = stmt.where(
                or_(
                    _contains(PostModel.title, text),
                    _contains(PostModel.content, text),
                    _contains(UserModel.username, text),
                )
            )
        return stmt

    def _sort_column(self, query: PostQuery) -> Any:
        if query.sort == "author_username":
            return UserModel.username
        return getattr(PostModel, query.sort)

    def _row(self, row: Row[*tuple[Any, ...]]) -> PostRow:
        return PostRow(*row)

    def _counted(self, query: PostQuery) -> Select[*tuple[Any, ...]]:
        stmt = select(func.count()).select_from(PostModel)
        if query.search.strip():
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return self._filtered(stmt, query)
