"""The filter bar's filters in the database: each narrows the rows and the count, on the site's
own data (raw SQL in every timestamp format, ``updated_at`` NULL until edited), combined with
search and every sort, read every way a table reads (cursor, offset, far end, deep seek).

Both backends (see conftest). Time ranges are half-open, ``start <= t < end``; on SQLite a
stored time is read as ``julianday()`` reads it (to the millisecond), as the sort documents.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

import pytest

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.application.row_filters import TimeRange
from desktop_app.infrastructure.database.readers import SQLAlchemyUserReader
from desktop_app.infrastructure.database.search_planner import ReadTuning
from tests.integration import test_site_data
from tests.integration.test_site_data import Adopted, paging_problems
from tests.site_data import (
    SEARCH_BIO_WORD,
    SEARCH_TITLE_WORD,
    T0,
    _id,
    _raw,
    _timestamp_sql,
    order_value,
    read_truth,
)

pytestmark = pytest.mark.asyncio
adopted = test_site_data.adopted  # the site's database, opened by the app (a fixture)

USER_SORTS = ("created_at", "updated_at", "username")
POST_SORTS = ("created_at", "updated_at", "author_username")
HOUR = timedelta(hours=1)
SECOND = timedelta(seconds=1)


def within(value: datetime | None, wanted: TimeRange | None, dialect: str) -> bool:
    """Whether a true time is in ``wanted``, as the app documents it (None: no filter)."""
    if wanted is None:
        return True
    if wanted.never or value is None:
        return wanted.never and value is None
    key = order_value(value, dialect)
    if wanted.start is not None and key < order_value(wanted.start, dialect):
        return False
    return wanted.end is None or key < order_value(wanted.end, dialect)


def user_matches(truth: Any, query: UserQuery, dialect: str) -> bool:
    """Whether a user passes ``query``'s filters (its search is checked apart)."""
    return (
        (query.active is None or truth.is_active == query.active)
        and within(truth.created_at, query.created, dialect)
        and within(truth.updated_at, query.updated, dialect)
    )


def post_matches(truth: Any, query: PostQuery, dialect: str) -> bool:
    """Whether a post passes ``query``'s filters (its search is checked apart)."""
    return (
        (query.author_id is None or truth.author_id == query.author_id)
        and within(truth.created_at, query.created, dialect)
        and within(truth.updated_at, query.updated, dialect)
    )


async def searched(reader: Any, query: Any) -> set[UUID]:
    """The ids the search alone finds (every row without one): filters narrow those."""
    return {row.id for row in await reader.fetch(query, limit=100_000)}


# T0 is the instant most raw rows share, written five ways; ranges that start or end there
# split the rows written in other formats exactly where the instant lies.
AROUND_T0 = TimeRange(T0 - HOUR, T0 + HOUR)
FROM_T0 = TimeRange(T0, None)
BEFORE_T0 = TimeRange(None, T0)

USER_FILTERS: dict[str, dict[str, Any]] = {
    "active": {"active": True},
    "inactive": {"active": False},
    "created from T0": {"created": FROM_T0},
    "created before T0": {"created": BEFORE_T0},
    "updated around T0": {"updated": AROUND_T0},
    "updated before T0": {"updated": BEFORE_T0},
    "never edited": {"updated": TimeRange.NEVER},
    "inactive, created from T0": {"active": False, "created": FROM_T0},
    "active, never edited, searched": {
        "active": True,
        "updated": TimeRange.NEVER,
        "search": SEARCH_BIO_WORD,
    },
    "inactive, searched": {"active": False, "search": SEARCH_BIO_WORD},
    "updated from T0, searched": {"updated": FROM_T0, "search": SEARCH_BIO_WORD},
}


@pytest.mark.parametrize("name", list(USER_FILTERS))
async def test_each_user_filter_narrows_the_rows_and_the_count(adopted: Adopted, name: str) -> None:
    dialect = adopted.engine.dialect.name
    truth, _posts = await read_truth(adopted.engine)
    fields = USER_FILTERS[name]
    query = UserQuery(**fields)
    found = await searched(adopted.users, UserQuery(search=query.search))
    want = {k for k, row in truth.items() if k in found and user_matches(row, query, dialect)}
    assert 0 < len(want) < len(found), "the data must let the filter narrow something"
    assert await adopted.users.count(query) == len(want)
    make: Callable[..., Any] = functools.partial(UserQuery, **fields)
    problems = await paging_problems(
        adopted.users, truth, make, USER_SORTS, dialect=dialect, only=want
    )
    assert not problems, "\n".join(problems)


async def test_post_filters_narrow_the_rows_and_the_count(adopted: Adopted) -> None:
    dialect = adopted.engine.dialect.name
    _users, truth = await read_truth(adopted.engine)
    authors: dict[UUID, int] = {}
    for row in truth.values():
        authors[row.author_id] = authors.get(row.author_id, 0) + 1
    prolific = max(authors, key=lambda a: authors[a])
    filters: list[dict[str, Any]] = [
        {"author_id": prolific},
        {"created": FROM_T0},
        {"updated": AROUND_T0},
        {"updated": TimeRange.NEVER},
        {"updated": FROM_T0, "created": BEFORE_T0},
        {"created": TimeRange(T0 + 2 * SECOND, None), "search": SEARCH_TITLE_WORD},
        {"author_id": prolific, "updated": TimeRange.NEVER},
    ]
    for fields in filters:
        query = PostQuery(**fields)
        found = await searched(adopted.posts, PostQuery(search=query.search))
        want = {k for k, row in truth.items() if k in found and post_matches(row, query, dialect)}
        assert 0 < len(want) < len(found), f"{fields} must narrow something"
        assert await adopted.posts.count(query) == len(want), fields
        make = functools.partial(PostQuery, **fields)
        problems = await paging_problems(
            adopted.posts, truth, make, POST_SORTS, dialect=dialect, only=want
        )
        assert not problems, f"{fields}:\n" + "\n".join(problems)


async def test_author_filter_and_master_detail_keep_what_both_allow(adopted: Adopted) -> None:
    _users, truth = await read_truth(adopted.engine)
    one, other = list({row.author_id for row in truth.values()})[:2]
    both = PostQuery(author_ids=frozenset({one, other}), author_id=one)
    rows = await adopted.posts.fetch(both, limit=1000)
    assert rows and {row.author_id for row in rows} == {one}
    assert await adopted.posts.count(PostQuery(author_ids=frozenset({other}), author_id=one)) == 0


async def _add_users(adopted: Adopted, created: list[str]) -> dict[str, UUID]:
    """Users another writer inserted with ``created`` as raw timestamp text, by that text."""
    site, ids = adopted.site, {}
    statements = []
    for stored in created:
        user_id = uuid4()
        ids[stored] = user_id
        statements.append(
            (
                "INSERT INTO users (id, email, username, hashed_password, is_active, created_at) "
                f"VALUES (:id, :email, :username, 'x', :active, {_timestamp_sql(site, 'at')})",
                {
                    "id": _id(site, user_id),
                    "email": f"{user_id.hex[:12]}@edge.example.com",
                    "username": f"edge_{user_id.hex[:12]}",
                    "active": True,
                    "at": stored,
                },
            )
        )
    await _raw(site, statements)
    return ids


async def test_local_days_are_included_whole_and_nothing_more(adopted: Adopted) -> None:
    """From 1 January to 30 June, picked in a zone two hours east of UTC: from 2025-12-31
    22:00 UTC up to, not including, 2026-06-30 22:00 UTC, whatever format a row was written in."""
    inside = [
        "2025-12-31 22:00:00",  # the first day's first instant
        "2026-01-01T00:00:00+02:00",  # the same, with the zone
        "2026-06-30 21:59:59.998",  # the last day's last millisecond, local
        "2026-06-30T23:59:59.5+02:00",
        "2026-04-01T00:00:00Z",
    ]
    outside = [
        "2025-12-31 21:59:59.998",  # a moment before the first day, local
        "2025-12-31T23:59:59+02:00",
        "2026-06-30 22:00:00",  # the day after the last, local
        "2026-07-01T00:00:00+02:00",
        "2026-06-30T21:00:00-01:00",  # 22:00 UTC: outside, though its text says 30 June
    ]
    ids = await _add_users(adopted, inside + outside)
    east = timezone(timedelta(hours=2))
    created = TimeRange.of_local_days(date(2026, 1, 1), date(2026, 6, 30), east)
    assert created.start == datetime(2025, 12, 31, 22, tzinfo=UTC)
    assert created.end == datetime(2026, 6, 30, 22, tzinfo=UTC)
    edge = {ids[s] for s in inside + outside}
    for descending in (True, False):
        query = UserQuery(created=created, descending=descending)
        got = {row.id for row in await adopted.users.fetch(query, limit=10_000)} & edge
        assert got == {ids[s] for s in inside}, [s for s in inside + outside if ids[s] in got]
    # The count agrees: the edge rows inside, and the site's own rows of those days.
    truth, _posts = await read_truth(adopted.engine)
    dialect = adopted.engine.dialect.name
    site_rows = [r for k, r in truth.items() if k not in edge]
    inside_site = sum(within(r.created_at, created, dialect) for r in site_rows)
    assert 0 < inside_site < len(site_rows)
    assert await adopted.users.count(UserQuery(created=created)) == len(inside) + inside_site


async def test_a_range_from_reversed_days_is_the_same_range() -> None:
    forward = TimeRange.of_local_days(date(2026, 1, 1), date(2026, 6, 30), UTC)
    assert TimeRange.of_local_days(date(2026, 6, 30), date(2026, 1, 1), UTC) == forward


async def test_deep_pages_of_a_filtered_view_agree_with_offset(adopted: Adopted) -> None:
    """A jump deep into a filtered view (the key at a position, then a keyset page) shows
    the rows plain OFFSET shows, in every sort."""
    query_fields: dict[str, Any] = {"active": True, "updated": TimeRange.NEVER}
    seeking = SQLAlchemyUserReader(adopted.users._sessions, tuning=ReadTuning(seek_from_offset=1))
    for sort in USER_SORTS:
        query = UserQuery(sort=sort, **query_fields)  # type: ignore[arg-type]
        total = await adopted.users.count(query)
        assert total > 10
        everything = [row.id for row in await adopted.users.fetch(query, limit=10_000)]
        for offset in (1, total // 2, total - 3):
            page = await seeking.fetch(query, offset=offset, limit=5)
            assert [row.id for row in page] == everything[offset : offset + 5], (sort, offset)


async def test_pages_agree_when_many_rows_are_tested_as_the_sort_index_is_walked(
    adopted: Adopted,
) -> None:
    """Probed as many (the line moved down to 2 rows), a time filter on a column the view is not
    sorted by is tested row by row while the sort's index is walked (SQLite): the same rows,
    in the same order, every way of paging; the counts still come from the time's index."""
    dialect = adopted.engine.dialect.name
    truth, _posts = await read_truth(adopted.engine)
    walking = SQLAlchemyUserReader(adopted.users._sessions, tuning=ReadTuning(dense_after=2))
    for fields in ({"updated": TimeRange.NEVER}, {"created": FROM_T0, "active": True}):
        query = UserQuery(sort="username", **fields)  # type: ignore[arg-type]
        want = {k for k, row in truth.items() if user_matches(row, query, dialect)}
        assert await walking.count(query) == len(want)
        expected = {"sqlite": {next(iter(fields.keys() - {"active"})) + "_at"}}
        assert walking.filter_planner.walked(query) == expected.get(dialect, set())
        make = functools.partial(UserQuery, **fields)
        problems = await paging_problems(
            walking, truth, make, ("username", "email"), dialect=dialect, only=want
        )
        assert not problems, f"{fields}:\n" + "\n".join(problems)
