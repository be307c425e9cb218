"""Read-side ports: paged, sorted, searched rows for the table views.

The read side bypasses repositories and returns plain, immutable rows (cosmicpython's views):
a table page needs a few columns fast, not entities. Two ways to ask for a page:

* by position (``offset``): for a jump to an arbitrary row, e.g. the scrollbar dragged to 90 %;
* after a cursor (``after``): keyset paging while scrolling, as fast at row 900,000 as at row 0.

A cursor is the sort value and id of the last row already shown; ``cursor_of`` builds it. A
row read from the database carries its ``sort_key``: the value exactly as the database orders
by it (another writer may have stored a timestamp as text in a format of its own, or none at
all), so a cursor built from it resumes exactly after that row.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, Literal, TypeAlias, TypeVar
from uuid import UUID

from desktop_app.application.row_filters import TimeRange

UserSort: TypeAlias = Literal["username", "email", "is_active", "created_at", "updated_at"]
PostSort: TypeAlias = Literal["title", "author_username", "created_at", "updated_at"]

USER_SORTS: tuple[UserSort, ...] = ("username", "email", "is_active", "created_at", "updated_at")
POST_SORTS: tuple[PostSort, ...] = ("title", "author_username", "created_at", "updated_at")

# How much of a post's content a table row carries; the editor loads the whole post.
CONTENT_PREVIEW_CHARS = 200


@dataclass(frozen=True, slots=True)
class SortKey:
    """A sort value as the database compares it, for the sort it was read in (opaque to
    everyone but the reader)."""

    sort: str
    value: object


Cursor: TypeAlias = tuple[object, UUID]


@dataclass(frozen=True, slots=True)
class UserRow:
    id: UUID
    email: str
    username: str
    is_active: bool
    bio: str | None
    created_at: datetime
    updated_at: datetime | None
    sort_key: SortKey | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class PostRow:
    id: UUID
    title: str
    content_preview: str
    author_id: UUID
    author_username: str
    created_at: datetime
    updated_at: datetime | None
    sort_key: SortKey | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class UserQuery:
    """Which users, in which order. ``search`` matches email, username and bio; the filters
    (None: any) keep only active or inactive users, and those created or updated in a range."""

    search: str = ""
    sort: UserSort = "created_at"
    descending: bool = True
    active: bool | None = None
    created: TimeRange | None = None
    updated: TimeRange | None = None

    @property
    def filtered(self) -> bool:
        """Whether a filter (not the search) narrows the rows."""
        return (self.active, self.created, self.updated) != (None, None, None)


@dataclass(frozen=True, slots=True)
class PostQuery:
    """Which posts, in which order. ``search`` matches title, content and the author's username;
    ``author_ids`` (when not None) keeps only posts by those users (master-detail); the
    filters (None: any) keep posts by one author, and those created or updated in a range.
    ``author_id`` and ``author_ids`` together keep the posts both allow."""

    search: str = ""
    sort: PostSort = "created_at"
    descending: bool = True
    author_ids: frozenset[UUID] | None = None
    author_id: UUID | None = None
    created: TimeRange | None = None
    updated: TimeRange | None = None

    @property
    def filtered(self) -> bool:
        """Whether a filter of the filter bar (not the search, not master-detail) narrows."""
        return (self.author_id, self.created, self.updated) != (None, None, None)


@dataclass(frozen=True, slots=True)
class RowKey:
    """A row as a bulk action needs it, without its text: the id, the version to
    compare-and-set against, the author (posts), and the key to resume after it."""

    id: UUID
    updated_at: datetime | None
    author_id: UUID | None = None
    sort_key: SortKey | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, row: UserRow | PostRow | RowKey) -> RowKey:
        """The key of a row as shown (a key is its own key)."""
        if isinstance(row, RowKey):
            return row
        return cls(row.id, row.updated_at, getattr(row, "author_id", None), row.sort_key)


RowT = TypeVar("RowT", UserRow, PostRow)
QueryT = TypeVar("QueryT", UserQuery, PostQuery)


def cursor_of(row: UserRow | PostRow | RowKey, query: UserQuery | PostQuery) -> Cursor:
    """The keyset cursor after ``row`` in ``query``'s order: (sort value, id). The row's
    ``sort_key`` when it was read in that order, else its plain value (a row a service
    returned), which the reader turns into a sort key the same way the database does."""
    if row.sort_key is not None and row.sort_key.sort == query.sort:
        return (row.sort_key, row.id)
    return (getattr(row, query.sort), row.id)


class RowReader(abc.ABC, Generic[QueryT, RowT]):
    """Pages of rows for one table. Order is always (sort column, id), so it is total and a
    cursor is unambiguous."""

    @abc.abstractmethod
    async def fetch(
        self,
        query: QueryT,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[RowT]:
        """Up to ``limit`` rows: those following ``after`` if given (``offset`` is then
        ignored), else those starting at position ``offset``. ``total``, the number of rows
        the query matches when the caller knows it, lets a position past the middle be read
        from the far end (the last page costs what the first does)."""

    @abc.abstractmethod
    async def count(self, query: QueryT) -> int:
        """How many rows ``query`` matches (may take a while on a big table: run it apart)."""

    async def keys(
        self,
        query: QueryT,
        *,
        offset: int = 0,
        limit: int = 1000,
        after: Cursor | None = None,
    ) -> list[RowKey]:
        """Like ``fetch``, but only each row's key (id, version, author): what a bulk action
        over thousands of selected rows needs. This default reads whole rows; a database
        reader selects just the keys."""
        rows = await self.fetch(query, offset=offset, limit=limit, after=after)
        return [RowKey.of(row) for row in rows]


class UserReader(RowReader[UserQuery, UserRow]):
    """Users for the users table and the author picker."""


class PostReader(RowReader[PostQuery, PostRow]):
    """Posts, each with its author's username."""

    @abc.abstractmethod
    async def contents(self, ids: Sequence[UUID]) -> dict[UUID, str]:
        """The whole content of each post in ``ids`` that is still there, by id: a row
        carries only a preview, and Copy writes whole posts (a page of ids at a time)."""
