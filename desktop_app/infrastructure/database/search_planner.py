"""How one search text is answered on the open database: the plan, not the SQL.

A reader asks :class:`SearchPlanner` for a :class:`SearchPlan` before it builds a page's or a
count's statement. The planner finds out which search the database has (PostgreSQL full text,
SQLite FTS5, or LIKE without FTS5), and for FTS5 and PostgreSQL probes the index once per text
to tell a rare search (collect the matches through the index, then sort them) from a common one
(walk the sort index and test each row). Where the lines between them lie is a
:class:`ReadTuning`, which the readers take as an argument, so a test or a benchmark moves a
line for one reader without touching anyone else's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased

from desktop_app.infrastructure.database.models import UserModel
from desktop_app.infrastructure.database.search import (
    Terms,
    fts5_query,
    pg_matches,
    search_terms,
)

SearchMode: TypeAlias = Literal["fts5", "postgresql", "like"]


@dataclass(frozen=True, slots=True)
class ReadTuning:
    """Where a read switches from one way of finding rows to another (the defaults are what
    measurements on 1M rows chose, see docs/benchmarks.md)."""

    # Below this offset a plain OFFSET is as cheap as the two-step seek.
    seek_from_offset: int = 1_000
    # A search is common (answered by the ordered scan) when it matches more than this many
    # rows and more than this fraction of the table: below that, sorting the matches is
    # cheaper than scanning past the rows that don't match.
    dense_after: int = 5_000
    dense_fraction: float = 0.3
    # ... or this fraction, for rows sorted by a time (matches spread evenly along the order)
    dense_fraction_spread: float = 0.02
    # On PostgreSQL testing a row is cheap (a stored tsvector), so walking the sort index pays
    # off from a smaller share of matching rows.
    pg_dense_fraction: float = 0.01
    # PostgreSQL: up to this many matching authors are listed in the statement (the planner
    # estimates a literal list well); more are left to a subquery.
    listed_authors: int = 1_000
    # Search texts whose probes are remembered before the memory starts afresh.
    probes_kept: int = 256


@dataclass(frozen=True, slots=True)
class SearchPlan:
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


def pg_authors(terms: Terms, author: Any) -> Select[*tuple[Any, ...]]:
    """Users whose username matches, through migration 0003's index on the username's
    tsvector; ``author`` is users aliased as "search_author", so that it never correlates
    with an outer query's users."""
    return select(author.id).where(pg_matches("search_author", terms, ["username"]))


class SearchPlanner:
    """Plans the searches of one table's reader, remembering the database's search mode and
    what each text's probe found (the plan's inputs, not its results, which are always read
    fresh). ``by_author``: the table's rows also match by their author's username (posts)."""

    def __init__(
        self,
        table: str,
        tuning: ReadTuning,
        *,
        by_author: bool = False,
    ) -> None:
        self._table = table
        self._tuning = tuning
        self._by_author = by_author
        self._mode: SearchMode | None = None
        # PostgreSQL: (common?, authors match?); FTS5: (matches found, rows, authors match?)
        self._probed: dict[str, tuple[Any, ...]] = {}

    async def mode(self, connection: AsyncConnection) -> SearchMode:
        if self._mode is None:
            dialect = connection.dialect.name
            if dialect == "postgresql":
                self._mode = "postgresql"
            elif dialect == "sqlite":
                tables = await connection.execute(
                    text(
                        "SELECT count(*) FROM sqlite_master "
                        "WHERE type = 'table' AND name IN ('users_fts', 'posts_fts')"
                    )
                )
                self._mode = "fts5" if tables.scalar_one() == 2 else "like"
            else:
                self._mode = "like"
        return self._mode

    async def plan(
        self, connection: AsyncConnection, search: str, *, sort: str, narrowed: bool = False
    ) -> SearchPlan | None:
        """How ``search`` is answered for rows in ``sort`` order, probing the index once per
        text; ``narrowed``: the query is already limited to a few rows (an author filter)."""
        text_ = search.strip()
        if not text_:
            return None
        mode = await self.mode(connection)
        terms = search_terms(text_, strip_accents=mode != "postgresql")
        if not terms or mode == "like":
            return SearchPlan(mode, text_, terms)
        if text_ not in self._probed:
            if len(self._probed) > self._tuning.probes_kept:
                self._probed.clear()
            probe = self._probe_pg if mode == "postgresql" else self._probe_fts5
            self._probed[text_] = await probe(connection, terms)
        if mode == "postgresql":
            common, authors = self._probed[text_]
            # Read afresh each time (a new user may match): the planner estimates a literal
            # list well, and an array it cannot see into as a few percent of all posts.
            ids = await self._pg_author_ids(connection, terms) if authors else ()
            return SearchPlan(
                mode, text_, terms, authors_match=authors, fenced=not common, author_ids=ids
            )
        found, rows, authors = self._probed[text_]
        # Rows sorted by a time are in no particular order of words, so an ordered scan meets
        # matches at their average rate. Sorted by a title or a name they come in runs, and a
        # scan may read most of the table before its hundredth match (18 s for a word in 6 %
        # of posts, sorted by title): there only a very common word is scanned for.
        tuning = self._tuning
        spread = sort in ("created_at", "updated_at")
        share = tuning.dense_fraction_spread if spread else tuning.dense_fraction
        dense = found > max(tuning.dense_after, int(rows * share))
        return SearchPlan(mode, text_, terms, dense=dense or narrowed, authors_match=authors)

    async def _probe_pg(self, connection: AsyncConnection, terms: Terms) -> tuple[bool, bool]:
        """(common: the share is unknown or over ``pg_dense_fraction``, authors match)."""
        share = await self.pg_share(connection, terms)
        authors = await self._authors_match(connection, terms, "postgresql")
        return share is None or share >= self._tuning.pg_dense_fraction, authors

    async def _probe_fts5(self, connection: AsyncConnection, terms: Terms) -> tuple[int, int, bool]:
        """(matching keys found, up to the most any plan asks about; rows; authors match)."""
        fts = f"{self._table}_fts"
        rows = await connection.scalar(text(f"SELECT max(key) FROM {self._table}_search_keys"))
        rows = int(rows or 0)
        cap = max(self._tuning.dense_after, int(rows * self._tuning.dense_fraction)) + 1
        probe = text(
            f"SELECT count(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :match LIMIT :cap)"
        )
        found = await connection.scalar(probe, {"match": fts5_query(terms), "cap": cap})
        return int(found or 0), rows, await self._authors_match(connection, terms, "fts5")

    async def pg_share(self, connection: AsyncConnection, terms: Terms) -> float | None:
        """The share of rows the search matches, estimated from PostgreSQL's statistics of
        ``search_vector`` (its most common words and their frequencies), or None without them.

        A word of a term must be there; the term's last word is a prefix, so the frequencies
        of every common word it starts add up. Words that are not common count as rare."""
        stats = (
            await connection.execute(
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

    async def _authors_match(
        self, connection: AsyncConnection, terms: Terms, mode: SearchMode
    ) -> bool:
        """Whether the search also matches authors' usernames (posts only)."""
        if not self._by_author:
            return False
        if mode == "postgresql":
            author = aliased(UserModel, name="search_author")
            found = await connection.execute(pg_authors(terms, author).limit(1))
            return found.first() is not None
        probe = text("SELECT rowid FROM users_fts WHERE users_fts MATCH :match LIMIT 1")
        match = fts5_query(terms, "username")
        return (await connection.execute(probe, {"match": match})).first() is not None

    async def _pg_author_ids(
        self, connection: AsyncConnection, terms: Terms
    ) -> tuple[Any, ...] | None:
        """Ids of the users whose username matches, or None when there are too many to list."""
        if not self._by_author:
            return None
        author = aliased(UserModel, name="search_author")
        most = self._tuning.listed_authors
        found = (await connection.scalars(pg_authors(terms, author).limit(most + 1))).all()
        return tuple(found) if len(found) <= most else None
