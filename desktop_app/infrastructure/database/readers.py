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
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, Literal, TypeAlias, TypeVar

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Row,
    Select,
    any_,
    column,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    tuple_,
    union,
)
from sqlalchemy import table as sa_table
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

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
from desktop_app.infrastructure.database.error_translation import raise_translated
from desktop_app.infrastructure.database.interrupt import interruptible
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.search import (
    DENSE_AFTER,
    DENSE_FRACTION,
    DENSE_FRACTION_SPREAD,
    PG_DENSE_FRACTION,
    WORDS_MATCH_FUNCTION,
    Terms,
    encode_terms,
    fts5_query,
    like_pattern,
    pg_document,
    search_terms,
    tsquery,
)
from desktop_app.infrastructure.database.sort_keys import key_of_value, sort_key

# Below this offset a plain OFFSET is as cheap as the two-step seek.
SEEK_FROM_OFFSET = 1_000

QueryT = TypeVar("QueryT", UserQuery, PostQuery)
RowT = TypeVar("RowT", UserRow, PostRow)
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")

SearchMode: TypeAlias = Literal["fts5", "postgresql", "like"]


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match in which % and _ are literal characters."""
    return column.ilike(like_pattern(text), escape="\\")  # type: ignore[no-any-return]


def _fts_keys(table: str, id_column: str, match: str) -> Select[*tuple[Any, ...]]:
    """SELECT of the ids of ``table``'s rows that FTS5 finds for ``match``."""
    fts = sa_table(f"{table}_fts", column("rowid"))
    keys = sa_table(f"{table}_search_keys", column("key"), column(id_column))
    hits = select(fts.c.rowid).where(literal_column(f"{table}_fts").op("MATCH")(match))
    return select(keys.c[id_column]).where(keys.c.key.in_(hits))


def _pg_matches(table: str, terms: Terms, columns: list[str] | None = None) -> ColumnElement[bool]:
    """``table``'s stored ``search_vector`` (migration 0003) matches, or, with ``columns``, the
    same tsvector computed from just those columns (for a check on a few rows)."""
    query = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery(terms))
    vector: ColumnElement[Any]
    if columns is None:
        vector = literal_column(f"{table}.search_vector")
    else:
        vector = literal_column(pg_document([f"{table}.{c}" for c in columns]))
    return vector.op("@@", return_type=Boolean)(query)


def _words_match(terms: Terms, *columns: Any) -> ColumnElement[bool]:
    function = getattr(func, WORDS_MATCH_FUNCTION)
    return function(literal(encode_terms(terms)), *columns, type_=Boolean)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class _Search:
    """How one search text is answered: ``dense`` searches scan in order (SQLite FTS5);
    ``fenced`` ones collect their few matches through the index before sorting them
    (PostgreSQL, where the planner's guess for a prefix would scan in order)."""

    mode: SearchMode
    text: str
    terms: Terms
    dense: bool = False
    authors_match: bool = False
    fenced: bool = False
    author_ids: tuple[Any, ...] | None = None  # PostgreSQL: the matching authors, when few


class _Reader(abc.ABC, Generic[QueryT, RowT]):
    _table: str
    _id_key: str

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory
        self._dialect = ""
        self._mode: SearchMode | None = None
        # What each search text's probe found (PostgreSQL: common?, authors match?; FTS5:
        # matches found, rows, authors match?): the plan's inputs, not its results, which
        # are always read fresh.
        self._probed: dict[str, tuple[Any, ...]] = {}

    @abc.abstractmethod
    def _id_column(self) -> Any: ...

    @abc.abstractmethod
    def _columns(self) -> Select[*tuple[Any, ...]]:
        """SELECT of the row's columns, with whatever joins they need."""

    @abc.abstractmethod
    def _joined(self, stmt: SelectT, query: QueryT) -> SelectT:
        """``stmt`` joined to whatever the sort or search of ``query`` needs."""

    @abc.abstractmethod
    def _filtered(self, stmt: SelectT, query: QueryT, search: _Search | None) -> SelectT: ...

    @abc.abstractmethod
    def _sort_column(self, query: QueryT) -> Any: ...

    @abc.abstractmethod
    def _row(self, row: Sequence[Any], key: SortKey) -> RowT: ...

    @abc.abstractmethod
    def _key_columns(self) -> list[Any]:
        """The columns of a ``RowKey``: id, updated_at and, for posts, author_id."""

    def _sort_key(self, query: QueryT) -> Any:
        """What the database orders by for ``query``'s sort (see ``sort_keys``)."""
        return sort_key(self._sort_column(query), self._dialect)

    def _keys(self, query: QueryT) -> Select[*tuple[Any, ...]]:
        """SELECT of just (sort key, id), joined only if the sort or search needs it."""
        return self._joined(select(self._sort_key(query), self._id_column()), query)

    @abc.abstractmethod
    def _counted(self, query: QueryT, search: _Search | None) -> Select[*tuple[Any, ...]]: ...

    async def _authors_match(self, session: AsyncSession, terms: Terms, mode: SearchMode) -> bool:
        """Whether the search also matches authors' usernames (posts only)."""
        return False

    async def _pg_author_ids(self, session: AsyncSession, terms: Terms) -> tuple[Any, ...] | None:
        """Ids of the users whose username matches, or None when there are too many to list."""
        return None

    def _narrowed(self, query: QueryT) -> bool:
        """Whether the query is already limited to a few rows (an author filter)."""
        return False

    def _counted_fts(self, query: QueryT, search: _Search) -> Select[*tuple[Any, ...]] | None:
        """A count answered from the search indexes alone, where there is one."""
        return None

    async def _search_mode(self, session: AsyncSession) -> SearchMode:
        if self._mode is None:
            dialect = session.get_bind().dialect.name
            if dialect == "postgresql":
                self._mode = "postgresql"
            elif dialect == "sqlite":
                tables = await session.execute(
                    text(
                        "SELECT count(*) FROM sqlite_master "
                        "WHERE type = 'table' AND name IN ('users_fts', 'posts_fts')"
                    )
                )
                self._mode = "fts5" if tables.scalar_one() == 2 else "like"
            else:
                self._mode = "like"
        return self._mode

    async def _search(self, session: AsyncSession, query: QueryT) -> _Search | None:
        """How ``query.search`` is answered here, probing the index once per text."""
        text_ = query.search.strip()
        if not text_:
            return None
        mode = await self._search_mode(session)
        terms = search_terms(text_, strip_accents=mode != "postgresql")
        if not terms or mode == "like":
            return _Search(mode, text_, terms)
        if text_ not in self._probed:
            if len(self._probed) > 256:
                self._probed.clear()
            probe = self._probe_pg if mode == "postgresql" else self._probe_fts5
            self._probed[text_] = await probe(session, terms)
        if mode == "postgresql":
            common, authors = self._probed[text_]
            # Read afresh each time (a new user may match): the planner estimates a literal
            # list well, and an array it cannot see into as a few percent of all posts.
            ids = await self._pg_author_ids(session, terms) if authors else ()
            return _Search(
                mode, text_, terms, authors_match=authors, fenced=not common, author_ids=ids
            )
        found, rows, authors = self._probed[text_]
        # Rows sorted by a time are in no particular order of words, so an ordered scan meets
        # matches at their average rate. Sorted by a title or a name they come in runs, and a
        # scan may read most of the table before its hundredth match (18 s for a word in 6 %
        # of posts, sorted by title): there only a very common word is scanned for.
        spread = query.sort in ("created_at", "updated_at")
        share = DENSE_FRACTION_SPREAD if spread else DENSE_FRACTION
        dense = found > max(DENSE_AFTER, int(rows * share))
        return _Search(
            mode, text_, terms, dense=dense or self._narrowed(query), authors_match=authors
        )

    async def _probe_pg(self, session: AsyncSession, terms: Terms) -> tuple[bool, bool]:
        """(common: the share is unknown or over PG_DENSE_FRACTION, authors match)."""
        share = await self._pg_share(session, terms)
        authors = await self._authors_match(session, terms, "postgresql")
        return share is None or share >= PG_DENSE_FRACTION, authors

    async def _probe_fts5(self, session: AsyncSession, terms: Terms) -> tuple[int, int, bool]:
        """(matching keys found, up to the most any plan asks about; rows; authors match)."""
        fts = f"{self._table}_fts"
        rows = await session.scalar(text(f"SELECT max(key) FROM {self._table}_search_keys"))
        rows = int(rows or 0)
        cap = max(DENSE_AFTER, int(rows * DENSE_FRACTION)) + 1
        probe = text(
            f"SELECT count(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :match LIMIT :cap)"
        )
        found = await session.scalar(probe, {"match": fts5_query(terms), "cap": cap})
        return int(found or 0), rows, await self._authors_match(session, terms, "fts5")

    async def _pg_share(self, session: AsyncSession, terms: Terms) -> float | None:
        """The share of rows the search matches, estimated from PostgreSQL's statistics of
        ``search_vector`` (its most common words and their frequencies), or None without them.

        A word of a term must be there; the term's last word is a prefix, so the frequencies
        of every common word it starts add up. Words that are not common count as rare."""
        stats = (
            await session.execute(
                text(
                    "SELECT most_common_elems::text::text[], most_common_elem_freqs "
                    "FROM pg_stats WHERE tablename = :table AND attname = 'search_vector'"
                ),
                {"table": self._table},
            )
        ).first()
        if stats is None or stats[0] is None:
            return None
        frequency: dict[str, float] = {
            str(word): float(f) for word, f in zip(stats[0], stats[1], strict=False)
        }
        shares = []
        for term in terms:
            *whole, prefix = term
            started = sum(f for word, f in frequency.items() if word.startswith(prefix))
            shares.append(min([min(started, 1.0), *(frequency.get(w, 0.0) for w in whole)]))
        return min(shares)

    def _ordered(
        self, stmt: SelectT, query: QueryT, after: Cursor | None, search: _Search | None = None
    ) -> SelectT:
        sort, ident = self._sort_key(query), self._id_column()
        if after is not None:
            value, row_id = after
            if isinstance(value, SortKey):
                bound = literal(value.value, type_=sort.type)
            else:  # a plain value: turned into a key the way the database turns the column
                bound = key_of_value(self._sort_column(query), value, self._dialect)
            pair = tuple_(sort, ident)
            after_pair = tuple_(bound, literal(row_id, type_=ident.type))
            # The single-column bound is implied by the pair's; it is there because SQLite
            # seeks an index on an expression only for a plain comparison, and scans for a
            # row value (20 ms instead of 0.2 ms a page on 300k rows).
            if query.descending:
                stmt = stmt.where(pair < after_pair, sort <= bound)
            else:
                stmt = stmt.where(pair > after_pair, sort >= bound)
        if search is not None and search.fenced:
            # An expression no index is ordered by: PostgreSQL must collect the matches (from
            # the GIN index) and sort them, instead of walking the sort index for rows that
            # mostly don't match, which it would do on its default guess for a prefix.
            sort = func.coalesce(sort, sort)
        if query.descending:
            return stmt.order_by(sort.desc(), ident.desc())
        return stmt.order_by(sort.asc(), ident.asc())

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
                self._dialect = session.get_bind().dialect.name
                search = await self._search(session, query)
                if after is None and offset >= SEEK_FROM_OFFSET:
                    after, offset = await self._key_at(session, query, offset - 1, search), 0
                    if after is None:
                        return []
                columns = columns.add_columns(self._sort_key(query))
                stmt = self._ordered(self._filtered(columns, query, search), query, after, search)
                if after is None and offset:
                    stmt = stmt.offset(offset)
                return (await session.execute(stmt.limit(limit))).all()
        except Exception as error:
            raise_translated(error)
            raise

    async def _key_at(
        self, session: AsyncSession, query: QueryT, position: int, search: _Search | None
    ) -> Cursor | None:
        """The cursor of the row at ``position``, read through the index: the skipped rows are
        walked for their ids alone (an expression key would be computed for each of them),
        then the one row found gives its key."""
        ident = self._id_column()
        keys = self._ordered(self._filtered(self._keys(query), query, search), query, None, search)
        found = keys.with_only_columns(ident).offset(position).limit(1).scalar_subquery()
        key = (await session.execute(self._keys(query).where(ident == found))).first()
        return None if key is None else (SortKey(query.sort, key[0]), key[1])

    @interruptible
    async def count(self, query: QueryT) -> int:
        try:
            async with self._sessions() as session:
                self._dialect = session.get_bind().dialect.name
                search = await self._search(session, query)
                if (
                    search is not None
                    and search.mode == "fts5"
                    and search.terms
                    and not search.authors_match
                    and not self._narrowed(query)
                ):
                    # Every row has exactly one FTS5 entry: count there, not in the table.
                    fts = f"{self._table}_fts"
                    counted = text(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH :match")
                    result = await session.execute(counted, {"match": fts5_query(search.terms)})
                    return int(result.scalar_one())
                if search is not None and search.mode == "fts5" and search.terms:
                    counted_fts = self._counted_fts(query, search)
                    if counted_fts is not None:
                        return int(await session.scalar(counted_fts) or 0)
                return int(await session.scalar(self._counted(query, search)) or 0)
        except Exception as error:
            raise_translated(error)
            raise


class SQLAlchemyUserReader(_Reader[UserQuery, UserRow], UserReader):
    _table = "users"
    _id_key = "user_id"

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

    def _filtered(self, stmt: SelectT, query: UserQuery, search: _Search | None) -> SelectT:
        if search is None:
            return stmt
        if search.mode == "like":
            return stmt.where(
                or_(
                    _contains(UserModel.email, search.text),
                    _contains(UserModel.username, search.text),
                    _contains(UserModel.bio, search.text),
                )
            )
        if not search.terms:
            return stmt.where(false())
        if search.mode == "postgresql":
            return stmt.where(_pg_matches("users", search.terms))
        if search.dense:
            return stmt.where(
                _words_match(search.terms, UserModel.username, UserModel.email, UserModel.bio)
            )
        return stmt.where(UserModel.id.in_(_fts_keys("users", "user_id", fts5_query(search.terms))))

    def _sort_column(self, query: UserQuery) -> Any:
        return getattr(UserModel, query.sort)

    def _row(self, row: Sequence[Any], key: SortKey) -> UserRow:
        return UserRow(*row, sort_key=key)  # type: ignore[misc]  # row has the other fields

    def _key_columns(self) -> list[Any]:
        return [UserModel.id, UserModel.updated_at]

    def _counted(self, query: UserQuery, search: _Search | None) -> Select[*tuple[Any, ...]]:
        return self._filtered(select(func.count()).select_from(UserModel), query, search)


class SQLAlchemyPostReader(_Reader[PostQuery, PostRow], PostReader):
    _table = "posts"
    _id_key = "post_id"

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
        return query.author_ids is not None

    async def _pg_author_ids(self, session: AsyncSession, terms: Terms) -> tuple[Any, ...] | None:
        author = aliased(UserModel, name="search_author")
        found = (await session.scalars(self._pg_authors(terms, author).limit(1001))).all()
        return tuple(found) if len(found) <= 1000 else None

    async def _authors_match(self, session: AsyncSession, terms: Terms, mode: SearchMode) -> bool:
        if mode == "postgresql":
            author = aliased(UserModel, name="search_author")
            found = await session.execute(self._pg_authors(terms, author).limit(1))
            return found.first() is not None
        probe = text("SELECT rowid FROM users_fts WHERE users_fts MATCH :match LIMIT 1")
        match = fts5_query(terms, "username")
        return (await session.execute(probe, {"match": match})).first() is not None

    def _joined(self, stmt: SelectT, query: PostQuery) -> SelectT:
        if self._needs_author(query):
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return stmt

    def _counted_fts(self, query: PostQuery, search: _Search) -> Select[*tuple[Any, ...]] | None:
        if self._narrowed(query):
            return None
        # Posts found by their words, plus posts whose author's username matches: two id sets
        # from two indexes, without reading the posts they stand for.
        own, written = self._matching_ids(search)
        return select(func.count()).select_from(union(own, written).subquery())

    def _matching_ids(
        self, search: _Search
    ) -> tuple[Select[*tuple[Any, ...]], Select[*tuple[Any, ...]]]:
        """Ids of posts FTS5 finds by their own words, and of posts by authors whose username
        it finds: each through its own index, on an alias so neither correlates with an outer
        query's tables."""
        by_author = aliased(PostModel, name="search_post")
        own = _fts_keys("posts", "post_id", fts5_query(search.terms))
        authors = _fts_keys("users", "user_id", fts5_query(search.terms, "username"))
        written = select(by_author.id).where(by_author.author_id.in_(authors))
        return own, written

    @staticmethod
    def _pg_authors(terms: Terms, author: Any) -> Select[*tuple[Any, ...]]:
        """Users whose username matches, through migration 0003's index on the username's
        tsvector."""
        return select(author.id).where(_pg_matches("search_author", terms, ["username"]))

    def _search_condition(self, search: _Search) -> ColumnElement[bool]:
        if search.mode == "like":
            return or_(
                _contains(PostModel.title, search.text),
                _contains(PostModel.content, search.text),
                _contains(UserModel.username, search.text),
            )
        if not search.terms:
            return false()
        if search.dense:
            by_words = _words_match(search.terms, PostModel.title, PostModel.content)
            if not search.authors_match:  # test the post alone, before its author is read
                return by_words
            return or_(by_words, _words_match(search.terms, UserModel.username))
        if search.mode == "postgresql":
            # "= ANY(one array)" rather than "IN (subquery)": PostgreSQL can OR the two index
            # lookups together (a BitmapOr) only for the array form.
            author = aliased(UserModel, name="search_author")
            authors = self._pg_authors(search.terms, author).with_only_columns(
                func.array_agg(author.id)
            )
            by_words = _pg_matches("posts", search.terms)
            if not search.authors_match:  # an OR that matches nothing only spoils the estimate
                return by_words
            if search.author_ids is not None:
                return or_(by_words, PostModel.author_id.in_(search.author_ids))
            return or_(
                by_words,
                PostModel.author_id
                == any_(func.coalesce(authors.scalar_subquery(), literal_column("'{}'::uuid[]"))),
            )
        own, written = self._matching_ids(search)
        return PostModel.id.in_(union(own.correlate(None), written.correlate(None)))

    def _filtered(self, stmt: SelectT, query: PostQuery, search: _Search | None) -> SelectT:
        if query.author_ids is not None:
            ids = list(query.author_ids)
            stmt = stmt.where(PostModel.author_id.in_(ids) if ids else false())
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

    def _counted(self, query: PostQuery, search: _Search | None) -> Select[*tuple[Any, ...]]:
        stmt = select(func.count()).select_from(PostModel)
        if query.search.strip():
            stmt = stmt.join(UserModel, PostModel.author_id == UserModel.id)
        return self._filtered(stmt, query, search)
