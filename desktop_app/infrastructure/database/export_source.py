"""The rows an export writes: the table readers' own keyset pages, with every column.

An export of what a view shows must hold exactly the rows the view shows, in its order. So it
pages through the very readers the tables use (``readers.py``): the same search plan and
condition, the same author filter, the same sort key (timestamps normalised, NULL
``updated_at`` first) and the same ``(key, id)`` cursor, each page seeking in the index. Only
the columns differ: a post's whole content instead of its preview, and the users' password
hashes when asked for.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from desktop_app.application.export_formats import ExportQuery, ExportSource
from desktop_app.application.read_models import Cursor, PostQuery, SortKey
from desktop_app.infrastructure.database.interrupt import interruptible
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.readers import SQLAlchemyPostReader, SQLAlchemyUserReader
from desktop_app.infrastructure.database.search_planner import ReadTuning

# Rows a page: each page is converted and written on the event loop between two reads, so its
# size bounds the longest stall (bench/export.py: 1,000 rows held the loop 130 ms, 250 under 50).
PAGE_SIZE = 250


class _UserRows(SQLAlchemyUserReader):
    """The users reader, reading every exported column."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        tuning: ReadTuning | None,
        with_hashes: bool,
    ) -> None:
        super().__init__(session_factory, tuning=tuning)
        self._with_hashes = with_hashes

    def _columns(self) -> Select[*tuple[Any, ...]]:
        stmt = super()._columns()
        return stmt.add_columns(UserModel.hashed_password) if self._with_hashes else stmt


class _PostRows(SQLAlchemyPostReader):
    """The posts reader, reading each post's whole content."""

    def _columns(self) -> Select[*tuple[Any, ...]]:
        return select(
            PostModel.id,
            PostModel.title,
            PostModel.content,
            PostModel.author_id,
            UserModel.username,
            PostModel.created_at,
            PostModel.updated_at,
        ).join(UserModel, PostModel.author_id == UserModel.id)


@interruptible  # a cancelled export stops its SQL at once, on SQLite too
async def _page(
    reader: _UserRows | _PostRows, query: Any, after: Cursor | None, limit: int
) -> Sequence[Row[*tuple[Any, ...]]]:
    """Up to ``limit`` rows after ``after``, each with its sort key last (the reader's page)."""
    return await reader._page("rows", query, 0, limit, after)


class SQLAlchemyExportSource(ExportSource):
    """Exports over ``session_factory``; ``tuning`` as the table readers' (the same plans)."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        page_size: int = PAGE_SIZE,
        tuning: ReadTuning | None = None,
    ) -> None:
        self._sessions = session_factory
        self.page_size = page_size
        self._tuning = tuning
        self._counters = (
            SQLAlchemyUserReader(session_factory, tuning=tuning),
            SQLAlchemyPostReader(session_factory, tuning=tuning),
        )

    async def pages(
        self, query: ExportQuery, *, with_hashes: bool = False
    ) -> AsyncGenerator[Sequence[Sequence[Any]], None]:
        reader: _UserRows | _PostRows
        if isinstance(query, PostQuery):
            reader = _PostRows(self._sessions, tuning=self._tuning)
        else:
            reader = _UserRows(self._sessions, tuning=self._tuning, with_hashes=with_hashes)
        after: Cursor | None = None
        while True:
            rows = await _page(reader, query, after, self.page_size)
            if rows:
                yield [tuple(row)[:-1] for row in rows]
            if len(rows) < self.page_size:
                return
            after = (SortKey(query.sort, rows[-1][-1]), rows[-1][0])

    async def count(self, query: ExportQuery) -> int:
        users, posts = self._counters
        if isinstance(query, PostQuery):
            return await posts.count(query)
        return await users.count(query)
