"""SQLAlchemy read side: pages of plain rows for the table views.

Three ways a page is found, cheapest first:

* after a cursor (keyset): ``WHERE (sort, id) < (:value, :id) ORDER BY sort, id LIMIT n`` seeks
  in the index, as fast at row 900,000 as at row 0 (scrolling);
* at a deep position (a jump): first the key of the row before it, read from the index alone
  (``SELECT sort, id ... OFFSET k LIMIT 1``: no table row is fetched for the skipped rows), then
  a keyset page after that key. Plain OFFSET would fetch and discard every skipped row;
* at a shallow position: plain OFFSET.

Order is always (sort key, id) in one direction, so an index on (key, id) serves it both ways
and the order is total. The sort key is the column itself, except for timestamps
(``sort_keys``): on SQLite they are text in whatever format their writer chose, and
``updated_at`` may be NULL (never edited), so rows are ordered by a normalised key that
migration 0004 indexes. Each row carries its key, and a cursor resumes from exactly that value.

Each page or count is read on a connection of its own from the engine, not through a session,
with a statement built once per shape of query (see ``_kept``): what it costs beyond the
database's own work is a few driver calls and the rows' conversion.

A search is planned by ``search_planner`` (which index answers it) and turned into a condition
by ``search_conditions``; where the deep seek starts and a search counts as common are the
reader's ``ReadTuning``.
"""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Callable, Hashable, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, Generic, TypeVar
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    bindparam,
    false,
    func,
    select,
    text,
    tuple_,
    union,
)
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
)

from desktop_app.application.read_models import (
    CONTENT_PREVIEW_CHARS,
    Cursor,
    PostQuery,
    PostReader,
    PostRow,
    RowKey,
    SortKey,
    UserQuery,
    UserReader,
    UserRow,
)
from desktop_app.infrastructure.database import filter_conditions, search_conditions
from desktop_app.infrastructure.database.error_translation import raise_translated
from desktop_app.infrastructure.database.filter_planner import FilterPlanner
from desktop_app.infrastructure.database.interrupt import interruptible
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.search import fts5_query
from desktop_app.infrastructure.database.search_planner import ReadTuning, SearchPlan, SearchPlanner
from desktop_app.infrastructure.database.sort_keys import key_of_parameter, sort_key

QueryT = TypeVar("QueryT", UserQuery, PostQuery)
RowT = TypeVar("RowT", UserRow, PostRow)
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")

# Ids a statement of ``contents`` binds: well under SQLite's and asyncpg's parameter limits.
IDS_A_STATEMENT = 500


# Statements a reader keeps built (per query shape) before it starts afresh.
STATEMENTS_KEPT = 256

# The bound parameters of a kept page statement: the values that change from page to page.
AFTER_VALUE, AFTER_ID, PAGE_LIMIT, PAGE_OFFSET, POSITION = (
    "after_value",
    "after_id",
    "page_limit",
    "page_offset",
    "position",
)


@asynccontextmanager
async def _reading(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncConnection]:
    """A connection for one page or count, straight from the engine the sessions are bound to.

    A page is a statement or two, run as Core for plain rows: a session around them (its
    transaction bookkeeping, its close) took a third of a trivially indexed page's time. On
    PostgreSQL the connection reads outside a transaction (autocommit): each statement is a
    consistent snapshot by itself (a seek's key, then the keyset page after it, needs no
    shared one), and asyncpg's BEGIN and ROLLBACK are two more round trips per page. Sessions
    bound to a connection (a snapshot someone holds open) are read through a session, inside
    that snapshot, as they are; SQLite starts no transaction for a read anyway."""
    bind = sessions.kw.get("bind")
    if isinstance(bind, AsyncEngine):
        async with bind.connect() as connection:
            if connection.dialect.name == "postgresql":
                await connection.execution_options(isolation_level="AUTOCOMMIT")
            yield connection
        return
    async with sessions() as session:
        yield await session.connection()


class _Reader(abc.ABC, Generic[QueryT, RowT]):
    _table: str
    _by_author = False  # rows also match by their author's username

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        tuning: ReadTuning | None = None,
    ) -> None:
        """``tuning``: where the deep seek starts and a search counts as common (the measured
        defaults, unless a test or a benchmark moves a line)."""
        self._sessions = session_factory
        self._dialect = ""
        self._tuning = tuning = ReadTuning() if tuning is None else tuning
        self.planner = SearchPlanner(self._table, tuning, by_author=self._by_author)
        self.filter_planner = FilterPlanner(self._table, tuning)
        self._sort_keys: dict[tuple[str, str], Any] = {}
        self._statements: dict[Hashable, Any] = {}

    @abc.abstractmethod
    def _id_column(self) -> Any: ...

    @abc.abstractmethod
    def _columns(self) -> Select[*tuple[Any, ...]]:
        """SELECT of the row's columns, with whatever joins they need."""

    @abc.abstractmethod
    def _joined(self, stmt: SelectT, query: QueryT) -> SelectT:
        """``stmt`` joined to whatever the sort or search of ``query`` needs."""

    @abc.abstractmethod
    def _filtered(
        self, stmt: SelectT, query: QueryT, search: SearchPlan | None, *, ordered: bool = True
    ) -> SelectT:
        """``stmt`` narrowed to ``query``'s rows; ``ordered``: for a page (see filter_planner)."""

    @abc.abstractmethod
    def _sort_column(self, query: QueryT) -> Any: ...

    @abc.abstractmethod
    def _row(self, row: Sequence[Any], key: SortKey) -> RowT: ...

    @abc.abstractmethod
    def _key_columns(self) -> list[Any]:
        """The columns of a ``RowKey``: id, updated_at and, for posts, author_id."""

    def _sort_key(self, query: QueryT) -> Any:
        """What the database orders by for ``query``'s sort (see ``sort_keys``); built once per
        sort and backend (a statement is built for every page, and this took a tenth of it)."""
        built = self._sort_keys.get((query.sort, self._dialect))
        if built is None:
            built = sort_key(self._sort_column(query), self._dialect)
            self._sort_keys[(query.sort, self._dialect)] = built
        return built

    def _keys(self, query: QueryT) -> Select[*tuple[Any, ...]]:
        """SELECT of just (sort key, id), joined only if the sort or search needs it."""
        return self._joined(select(self._sort_key(query), self._id_column()), query)

    @abc.abstractmethod
    def _counted(self, query: QueryT, search: SearchPlan | None) -> Select[*tuple[Any, ...]]: ...

    def _narrowed(self, query: QueryT) -> bool:
        """Whether the query is already limited to a few rows (an author filter)."""
        return False

    def _counted_fts(self, query: QueryT, search: SearchPlan) -> Select[*tuple[Any, ...]] | None:
        """A count answered from the search indexes alone, where there is one."""
        return None

    async def _search(self, connection: AsyncConnection, query: QueryT) -> SearchPlan | None:
        """How ``query.search`` is answered here (see ``search_planner``; the filters are
        probed alongside, see ``filter_planner``)."""
        await self.filter_planner.plan(connection, query)
        return await self.planner.plan(
            connection, query.search, sort=query.sort, narrowed=self._narrowed(query)
        )

    def _kept(self, shape: Hashable, build: Callable[[], Any]) -> Any:
        """The statement of ``shape``, built by ``build`` the first time it is asked for.

        A page's statement depends on its query, plan and backend, never on the cursor's
        values or the page's size, which are bound parameters: scrolling runs one statement
        object again and again, so it is neither rebuilt nor given a new cache key (the two
        took about a third of the reader's own time per page). Plans and probes are in the
        shape, so a changed plan builds a new statement."""
        key = (shape, self._dialect)
        built = self._statements.get(key)
        if built is None:
            if len(self._statements) >= STATEMENTS_KEPT:
                self._statements.clear()
            built = self._statements[key] = build()
        return built

    def _after(self, query: QueryT, *, by_value: bool) -> list[ColumnElement[bool]]:
        """The conditions of a keyset page: rows strictly after ``after`` in ``query``'s order.

        ``by_value``: the cursor holds a plain value (a row a service returned), turned into a
        key the way the database turns the column; else the key as the database gave it. The
        values are the parameters ``AFTER_VALUE`` and ``AFTER_ID``.

        The single-column bound is implied by the pair's; it is there because SQLite seeks an
        index on an expression only for a plain comparison, and scans for a row value (20 ms
        instead of 0.2 ms a page on 300k rows). It comes first in the WHERE clause: given two
        bounds on the same side of one index column (this one and a time filter's), SQLite
        seeks from the first and tests the other on every row, so a filter's end first made a
        page deep in a filtered range walk from that end to the cursor (18 ms instead of 0.04
        ms, 80,000 rows in).
        """
        sort, ident = self._sort_key(query), self._id_column()
        if by_value:
            bound = key_of_parameter(self._sort_column(query), AFTER_VALUE, self._dialect)
        else:
            bound = bindparam(AFTER_VALUE, type_=sort.type)
        pair = tuple_(sort, ident)
        after_pair = tuple_(bound, bindparam(AFTER_ID, type_=ident.type))
        if query.descending:
            return [sort <= bound, pair < after_pair]
        return [sort >= bound, pair > after_pair]

    def _ordered(self, stmt: SelectT, query: QueryT, search: SearchPlan | None = None) -> SelectT:
        sort, ident = self._sort_key(query), self._id_column()
        if search is not None and search.fenced:
            # An expression no index is ordered by: PostgreSQL must collect the matches (from
            # the GIN index) and sort them, instead of walking the sort index for rows that
            # mostly don't match, which it would do on its default guess for a prefix.
            sort = func.coalesce(sort, sort)
        if query.descending:
            return stmt.order_by(sort.desc(), ident.desc())
        return stmt.order_by(sort.asc(), ident.asc())

    async def matching_ids(self, session: AsyncSession, query: QueryT) -> Select[tuple[Any]]:
        """SELECT of the ids of every row ``query`` shows (its search and filters, no order),
        planned in ``session``: to read what a view shows in the caller's own transaction
        (a local copy of the current view reads it in one snapshot)."""
        connection = await session.connection()
        self._dialect = connection.dialect.name
        search = await self._search(connection, query)
        ids = self._joined(select(self._id_column()), query)
        return self._filtered(ids, query, search, ordered=False)

    @interruptible  # a superseded page or count stops its SQL at once, on SQLite too
    async def fetch(
        self,
        query: QueryT,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[RowT]:
        if after is None and total is not None and offset > total // 2 and offset < total:
            # Past the middle: the same rows are near the start of the reverse order.
            end = min(offset + limit, total)
            mirrored = replace(query, descending=not query.descending)
            mirror_rows = await self.fetch(mirrored, offset=total - end, limit=end - offset)
            return mirror_rows[::-1]
        rows = await self._page("rows", query, offset, limit, after)
        sort = query.sort
        return [self._row(row[:-1], SortKey(sort, row[-1])) for row in rows]

    @interruptible
    async def keys(
        self,
        query: QueryT,
        *,
        offset: int = 0,
        limit: int = 1000,
        after: Cursor | None = None,
    ) -> list[RowKey]:
        """A page of (id, version, author) alone: no text is read (a bulk action over a
        selection resolves its rows through this, a keyset page at a time)."""
        rows = await self._page("keys", query, offset, limit, after)
        return [
            RowKey(row[0], row[1], row[2] if len(row) > 3 else None, SortKey(query.sort, row[-1]))
            for row in rows
        ]

    async def _page(
        self,
        columns: str,
        query: QueryT,
        offset: int,
        limit: int,
        after: Cursor | None,
    ) -> Sequence[Row[*tuple[Any, ...]]]:
        """Up to ``limit`` rows of ``columns`` ("rows": a table row's, "keys": a ``RowKey``'s)
        plus the sort key, after ``after`` or from position ``offset`` (a deep one through the
        index first, see ``_key_at``)."""
        try:
            async with _reading(self._sessions) as connection:
                self._dialect = connection.dialect.name
                search = await self._search(connection, query)
                if after is None and offset >= self._tuning.seek_from_offset:
                    after, offset = await self._key_at(connection, query, offset - 1, search), 0
                    if after is None:
                        return []
                parameters: dict[str, Any] = {PAGE_LIMIT: limit}
                by_value = None
                if after is not None:
                    value, parameters[AFTER_ID] = after
                    by_value = not isinstance(value, SortKey)
                    parameters[AFTER_VALUE] = value.value if isinstance(value, SortKey) else value
                elif offset:
                    parameters[PAGE_OFFSET] = offset
                walked = self.filter_planner.walked(query)
                shape = ("page", columns, query, search, walked, by_value, bool(offset))
                stmt = self._kept(
                    shape, lambda: self._page_statement(columns, query, search, by_value, offset)
                )
                return (await connection.execute(stmt, parameters)).all()
        except Exception as error:
            raise_translated(error)
            raise

    def _page_statement(
        self,
        columns: str,
        query: QueryT,
        search: SearchPlan | None,
        by_value: bool | None,
        offset: int,
    ) -> Select[*tuple[Any, ...]]:
        """The statement of a page: after a cursor (``by_value`` not None, see ``_after``) or
        from an offset; its limit, offset and cursor are bound parameters."""
        if columns == "rows":
            selected = self._columns()
        else:
            selected = self._joined(select(*self._key_columns()), query)
        selected = selected.add_columns(self._sort_key(query))
        if by_value is not None:
            selected = selected.where(*self._after(query, by_value=by_value))
        stmt = self._ordered(self._filtered(selected, query, search), query, search)
        if by_value is None and offset:
            stmt = stmt.offset(bindparam(PAGE_OFFSET, type_=Integer))
        return stmt.limit(bindparam(PAGE_LIMIT, type_=Integer))

    async def _key_at(
        self,
        connection: AsyncConnection,
        query: QueryT,
        position: int,
        search: SearchPlan | None,
    ) -> Cursor | None:
        """The cursor of the row at ``position``, read through the index: the skipped rows are
        walked for their ids alone (an expression key would be computed for each of them),
        then the one row found gives its key."""
        shape = ("seek", query, search, self.filter_planner.walked(query))
        stmt = self._kept(shape, lambda: self._seek_statement(query, search))
        key = (await connection.execute(stmt, {POSITION: position})).first()
        return None if key is None else (SortKey(query.sort, key[0]), key[1])

    def _seek_statement(self, query: QueryT, search: SearchPlan | None) -> Any:
        """The statement of ``_key_at``, its position the bound parameter ``POSITION``."""
        ident = self._id_column()
        keys = self._ordered(self._filtered(self._keys(query), query, search), query, search)
        position = bindparam(POSITION, type_=Integer)
        found = keys.with_only_columns(ident).offset(position).limit(1).scalar_subquery()
        return self._keys(query).where(ident == found)

    @interruptible
    async def count(self, query: QueryT) -> int:
        try:
            async with _reading(self._sessions) as connection:
                self._dialect = connection.dialect.name
                search = await self._search(connection, query)
                if (
                    search is not None
                    and search.mode == "fts5"
                    and search.terms
                    and not search.authors_match
                    and not self._narrowed(query)
                    and not query.filtered  # the index knows words, not the filters
                ):
                    # Every row has exactly one FTS5 entry: count there, not in the table.
                    fts = f"{self._table}_fts"
                    counted = text(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH :match")
                    match = {"match": fts5_query(search.terms)}
                    return int((await connection.execute(counted, match)).scalar_one())
                if search is not None and search.mode == "fts5" and search.terms:
                    counted_fts = self._counted_fts(query, search)
                    if counted_fts is not None:
                        return int(await connection.scalar(counted_fts) or 0)
                stmt = self._kept(("count", query, search), lambda: self._counted(query, search))
                return int(await connection.scalar(stmt) or 0)
        except Exception as error:
            raise_translated(error)
            raise


class SQLAlchemyUserReader(_Reader[UserQuery, UserRow], UserReader):
    _table = "users"

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

    def _joined(self, stmt: SelectT, query: UserQuery) -> SelectT:
        return stmt

    def _filtered(
        self, stmt: SelectT, query: UserQuery, search: SearchPlan | None, *, ordered: bool = True
    ) -> SelectT:
        walked = self.filter_planner.walked(query) if ordered else frozenset()
        stmt = stmt.where(*filter_conditions.user_filter_conditions(query, self._dialect, walked))
        found = None if search is None else search_conditions.user_search_condition(search)
        return stmt if found is None else stmt.where(found)

    def _sort_column(self, query: UserQuery) -> Any:
        return getattr(UserModel, query.sort)

    def _row(self, row: Sequence[Any], key: SortKey) -> UserRow:
        return UserRow(*row, sort_key=key)  # type: ignore[misc]  # row has the other fields

    def _key_columns(self) -> list[Any]:
        return [UserModel.id, UserModel.updated_at]

    def _counted(self, query: UserQuery, search: SearchPlan | None) -> Select[*tuple[Any, ...]]:
        counted = select(func.count()).select_from(UserModel)
        return self._filtered(counted, query, search, ordered=False)


class SQLAlchemyPostReader(_Reader[PostQuery, PostRow], PostReader):
    _table = "posts"
    _by_author = True

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

    def _narrowed(self, query: PostQuery) -> bool:
        return query.author_ids is not None or query.author_id is not None

    def _joined(self, stmt: SelectT, query: PostQuery) -> SelectT:
        if self._needs_author(query):
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return stmt

    def _counted_fts(self, query: PostQuery, search: SearchPlan) -> Select[*tuple[Any, ...]] | None:
        if self._narrowed(query) or query.filtered:
            return None
        # Posts found by their words, plus posts whose author's username matches: two id sets
        # from two indexes, without reading the posts they stand for.
        own, written = search_conditions.post_matching_ids(search)
        return select(func.count()).select_from(union(own, written).subquery())

    def _search_condition(self, search: SearchPlan) -> ColumnElement[bool]:
        return search_conditions.post_search_condition(search)

    def _filtered(
        self, stmt: SelectT, query: PostQuery, search: SearchPlan | None, *, ordered: bool = True
    ) -> SelectT:
        if query.author_ids is not None:
            ids = list(query.author_ids)
            stmt = stmt.where(PostModel.author_id.in_(ids) if ids else false())
        walked = self.filter_planner.walked(query) if ordered else frozenset()
        stmt = stmt.where(*filter_conditions.post_filter_conditions(query, self._dialect, walked))
        if search is not None:
            stmt = stmt.where(self._search_condition(search))
        return stmt

    def _sort_column(self, query: PostQuery) -> Any:
        if query.sort == "author_username":
            return UserModel.username
        return getattr(PostModel, query.sort)

    def _row(self, row: Sequence[Any], key: SortKey) -> PostRow:
        return PostRow(*row, sort_key=key)  # type: ignore[misc]  # row has the other fields

    def _key_columns(self) -> list[Any]:
        return [PostModel.id, PostModel.updated_at, PostModel.author_id]

    @interruptible  # a cancelled copy stops its SQL at once, on SQLite too
    async def contents(self, ids: Sequence[UUID]) -> dict[UUID, str]:
        found: dict[UUID, str] = {}
        try:
            async with _reading(self._sessions) as connection:
                for start in range(0, len(ids), IDS_A_STATEMENT):
                    batch = list(ids[start : start + IDS_A_STATEMENT])
                    stmt = select(PostModel.id, PostModel.content).where(PostModel.id.in_(batch))
                    found.update((row[0], row[1]) for row in await connection.execute(stmt))
        except Exception as error:
            raise_translated(error)
            raise
        return found

    def _counted(self, query: PostQuery, search: SearchPlan | None) -> Select[*tuple[Any, ...]]:
        stmt = select(func.count()).select_from(PostModel)
        if query.search.strip():
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return self._filtered(stmt, query, search, ordered=False)
