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

A search is planned by ``search_planner`` (which index answers it) and turned into a condition
by ``search_conditions``; where the deep seek starts and a search counts as common are the
reader's ``ReadTuning``.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Generic, TypeVar
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Executable,
    Result,
    Row,
    Select,
    false,
    func,
    literal,
    select,
    text,
    tuple_,
    union,
)
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

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
from desktop_app.infrastructure.database.sort_keys import key_of_value, sort_key

QueryT = TypeVar("QueryT", UserQuery, PostQuery)
RowT = TypeVar("RowT", UserRow, PostRow)
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")

# Ids a statement of ``contents`` binds: well under SQLite's and asyncpg's parameter limits.
IDS_A_STATEMENT = 500


async def _run(
    session: AsyncSession, stmt: Executable, parameters: dict[str, Any] | None = None
) -> Result[*tuple[Any, ...]]:
    """``stmt`` run as Core on the session's connection: the reader wants plain rows, and an
    ORM-enabled SELECT through ``session.execute`` costs about 0.5 ms more per page (its ORM
    execution and row loading), a third of a trivially indexed page's time on SQLite."""
    connection = await session.connection()
    return await connection.execute(stmt, parameters)


async def _read_without_transaction(session: AsyncSession) -> str:
    """Take ``session``'s connection for one read outside a transaction on PostgreSQL, and
    return the backend's name. A page is a statement or two, each a consistent snapshot by
    itself (a seek's key, then the keyset page after it, needs no shared one), and asyncpg's
    BEGIN and ROLLBACK are two more round trips to the server for every page and count. A
    session bound to a connection (a snapshot someone holds open) is left as it is, and SQLite
    starts no transaction for a read anyway."""
    bind = session.get_bind()
    name = bind.dialect.name
    if name == "postgresql" and isinstance(session.bind, AsyncEngine):
        await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    return name


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

    async def _search(self, session: AsyncSession, query: QueryT) -> SearchPlan | None:
        """How ``query.search`` is answered here (see ``search_planner``; the filters are
        probed alongside, see ``filter_planner``)."""
        await self.filter_planner.plan(session, query)
        return await self.planner.plan(
            session, query.search, sort=query.sort, narrowed=self._narrowed(query)
        )

    def _after(self, query: QueryT, after: Cursor | None) -> list[ColumnElement[bool]]:
        """The conditions of a keyset page: rows strictly after ``after`` in ``query``'s order.

        The single-column bound is implied by the pair's; it is there because SQLite seeks an
        index on an expression only for a plain comparison, and scans for a row value (20 ms
        instead of 0.2 ms a page on 300k rows). It comes first in the WHERE clause: given two
        bounds on the same side of one index column (this one and a time filter's), SQLite
        seeks from the first and tests the other on every row, so a filter's end first made a
        page deep in a filtered range walk from that end to the cursor (18 ms instead of 0.04
        ms, 80,000 rows in).
        """
        if after is None:
            return []
        sort, ident = self._sort_key(query), self._id_column()
        value, row_id = after
        if isinstance(value, SortKey):
            bound = literal(value.value, type_=sort.type)
        else:  # a plain value: turned into a key the way the database turns the column
            bound = key_of_value(self._sort_column(query), value, self._dialect)
        pair = tuple_(sort, ident)
        after_pair = tuple_(bound, literal(row_id, type_=ident.type))
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
        self._dialect = session.get_bind().dialect.name
        search = await self._search(session, query)
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
        rows = await self._page(self._columns(), query, offset, limit, after)
        return [self._row(row[:-1], SortKey(query.sort, row[-1])) for row in rows]

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
        columns = self._joined(select(*self._key_columns()), query)
        rows = await self._page(columns, query, offset, limit, after)
        return [
            RowKey(row[0], row[1], row[2] if len(row) > 3 else None, SortKey(query.sort, row[-1]))
            for row in rows
        ]

    async def _page(
        self,
        columns: Select[*tuple[Any, ...]],
        query: QueryT,
        offset: int,
        limit: int,
        after: Cursor | None,
    ) -> Sequence[Row[*tuple[Any, ...]]]:
        """Up to ``limit`` rows of ``columns`` plus the sort key, after ``after`` or from
        position ``offset`` (a deep one through the index first, see ``_key_at``)."""
        try:
            async with self._sessions() as session:
                self._dialect = await _read_without_transaction(session)
                search = await self._search(session, query)
                if after is None and offset >= self._tuning.seek_from_offset:
                    after, offset = await self._key_at(session, query, offset - 1, search), 0
                    if after is None:
                        return []
                columns = columns.add_columns(self._sort_key(query))
                after_cursor = columns.where(*self._after(query, after))
                stmt = self._ordered(self._filtered(after_cursor, query, search), query, search)
                if after is None and offset:
                    stmt = stmt.offset(offset)
                return (await _run(session, stmt.limit(limit))).all()
        except Exception as error:
            raise_translated(error)
            raise

    async def _key_at(
        self, session: AsyncSession, query: QueryT, position: int, search: SearchPlan | None
    ) -> Cursor | None:
        """The cursor of the row at ``position``, read through the index: the skipped rows are
        walked for their ids alone (an expression key would be computed for each of them),
        then the one row found gives its key."""
        ident = self._id_column()
        keys = self._ordered(self._filtered(self._keys(query), query, search), query, search)
        found = keys.with_only_columns(ident).offset(position).limit(1).scalar_subquery()
        key = (await _run(session, self._keys(query).where(ident == found))).first()
        return None if key is None else (SortKey(query.sort, key[0]), key[1])

    @interruptible
    async def count(self, query: QueryT) -> int:
        try:
            async with self._sessions() as session:
                self._dialect = await _read_without_transaction(session)
                search = await self._search(session, query)
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
                    result = await _run(session, counted, {"match": fts5_query(search.terms)})
                    return int(result.scalar_one())
                if search is not None and search.mode == "fts5" and search.terms:
                    counted_fts = self._counted_fts(query, search)
                    if counted_fts is not None:
                        return int((await _run(session, counted_fts)).scalar() or 0)
                return int((await _run(session, self._counted(query, search))).scalar() or 0)
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
            async with self._sessions() as session:
                for start in range(0, len(ids), IDS_A_STATEMENT):
                    batch = list(ids[start : start + IDS_A_STATEMENT])
                    stmt = select(PostModel.id, PostModel.content).where(PostModel.id.in_(batch))
                    found.update((row[0], row[1]) for row in await session.execute(stmt))
        except Exception as error:
            raise_translated(error)
            raise
        return found

    def _counted(self, query: PostQuery, search: SearchPlan | None) -> Select[*tuple[Any, ...]]:
        stmt = select(func.count()).select_from(PostModel)
        if query.search.strip():
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return self._filtered(stmt, query, search, ordered=False)
