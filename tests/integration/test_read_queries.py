"""The read side the tables page through: sort, search, filters, keyset vs offset paging."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.read_models import (
    CONTENT_PREVIEW_CHARS,
    POST_SORTS,
    USER_SORTS,
    PostQuery,
    PostRow,
    UserQuery,
    UserRow,
    cursor_of,
)
from desktop_app.domain.entities import Post, User
from desktop_app.infrastructure.database import readers as readers_module
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.readers import (
    SQLAlchemyPostReader,
    SQLAlchemyUserReader,
)
from desktop_app.infrastructure.database.search_planner import ReadTuning
from tests.integration.test_post_repository import count_selects

pytestmark = pytest.mark.asyncio

BASE = datetime(2026, 3, 1, tzinfo=UTC)


async def seed(uow_factory: UnitOfWorkFactory, n_users: int = 37) -> list[User]:
    """Users with ties (is_active, equal created_at pairs) and posts with equal titles."""
    users = []
    async with uow_factory() as uow:
        for n in range(n_users):
            # timestamps that differ only in microseconds, and some exact ties
            when = BASE + timedelta(microseconds=(n // 2) * 7)
            users.append(
                await uow.users.create(
                    User(
                        email=f"person{n:02d}@{'alpha' if n % 3 else 'beta'}.example.org",
                        username=f"{'Zed' if n % 4 == 0 else 'amy'}_{n:02d}",
                        hashed_password="x",
                        is_active=n % 5 != 0,
                        bio=None if n % 6 == 0 else f"likes 100% {'cats' if n % 2 else 'dogs'}",
                        created_at=when,
                        updated_at=when + timedelta(hours=n % 3),
                    )
                )
            )
        for n, user in enumerate(users[:12]):
            for p in range(3):
                when = BASE + timedelta(minutes=n, seconds=p)
                await uow.posts.create(
                    Post(
                        title=["Same title", f"Post {n}-{p}", "under_score"][p],
                        content=("long " * 100) if p == 0 else f"content {n} {p}",
                        author_id=user.id,
                        created_at=when,
                        updated_at=when,
                    )
                )
        await uow.commit()
    return users


def readers(
    engine: AsyncEngine, tuning: ReadTuning | None = None
) -> tuple[SQLAlchemyUserReader, SQLAlchemyPostReader]:
    factory = make_session_factory(engine)
    return SQLAlchemyUserReader(factory, tuning=tuning), SQLAlchemyPostReader(
        factory, tuning=tuning
    )


def order_value(value: Any, dialect: str) -> Any:
    """A value as the database orders it (desktop_app's sort_keys): a missing time first; on
    SQLite a time by its julianday(), which keeps milliseconds (computed by SQLite itself)."""
    if value is None:  # only timestamps are ever missing
        return -1.0
    if isinstance(value, datetime):
        if dialect == "sqlite":
            text = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            with closing(sqlite3.connect(":memory:")) as db:
                return db.execute("SELECT julianday(?)", (text,)).fetchone()[0]
        return value.timestamp()
    return value


def expected_order(rows: list[Any], key: str, descending: bool, dialect: str = "") -> list[Any]:
    def sort_key(row: Any) -> tuple[Any, ...]:
        return (order_value(getattr(row, key), dialect), row.id.hex)

    return sorted(rows, key=sort_key, reverse=descending)


async def walk(fetch: Callable[..., Any], query: Any, limit: int, *, keyset: bool) -> list[Any]:
    """All rows page by page, by keyset cursor or by offset."""
    rows: list[Any] = []
    while True:
        if keyset:
            after = cursor_of(rows[-1], query) if rows else None
            page = await fetch(query, limit=limit, after=after)
        else:
            page = await fetch(query, offset=len(rows), limit=limit)
        rows.extend(page)
        if len(page) < limit:
            return rows


@pytest.mark.parametrize("sort", USER_SORTS)
@pytest.mark.parametrize("descending", [False, True])
async def test_user_sorts_and_paging_agree(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, sort: str, descending: bool
) -> None:
    await seed(uow_factory)
    users, _ = readers(engine)
    query = UserQuery(sort=sort, descending=descending)  # type: ignore[arg-type]
    everything = await users.fetch(query, limit=1000)
    assert len(everything) == 37
    # Both test servers compare text bytewise (SQLite BINARY, PostgreSQL initdb --no-locale),
    # as Python does; ties in the sort value are broken by id.
    assert [r.id for r in everything] == [
        r.id for r in expected_order(everything, sort, descending, engine.dialect.name)
    ]
    by_keyset = await walk(users.fetch, query, 5, keyset=True)
    by_offset = await walk(users.fetch, query, 5, keyset=False)
    assert [r.id for r in by_keyset] == [r.id for r in everything]
    assert [r.id for r in by_offset] == [r.id for r in everything]


@pytest.mark.parametrize("sort", POST_SORTS)
@pytest.mark.parametrize("descending", [False, True])
async def test_post_sorts_and_paging_agree(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, sort: str, descending: bool
) -> None:
    await seed(uow_factory)
    _, posts = readers(engine)
    query = PostQuery(sort=sort, descending=descending)  # type: ignore[arg-type]
    everything = await posts.fetch(query, limit=1000)
    assert len(everything) == 36
    assert [r.id for r in everything] == [
        r.id for r in expected_order(everything, sort, descending, engine.dialect.name)
    ]
    by_keyset = await walk(posts.fetch, query, 7, keyset=True)
    assert [r.id for r in by_keyset] == [r.id for r in everything]


async def test_search_is_case_insensitive_over_user_fields(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    users, _ = readers(engine)
    by_name = await users.fetch(UserQuery(search="ZED"), limit=100)
    assert by_name and all("zed" in r.username.lower() for r in by_name)
    assert await users.count(UserQuery(search="ZED")) == len(by_name) == 10
    by_email = await users.count(UserQuery(search="BETA.example"))
    assert by_email == 13
    by_bio = await users.fetch(UserQuery(search="Cats"), limit=100)
    assert by_bio and all(r.bio and "cats" in r.bio for r in by_bio)
    assert await users.count(UserQuery(search="   ")) == 37


async def test_percent_and_underscore_are_literal(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    users, posts = readers(engine)
    assert await users.count(UserQuery(search="100%")) == 30  # bios, not a wildcard
    # "0" and "c" are word prefixes: amy_0n/Zed_0n (n < 10) whose bio likes cats (odd n)
    assert await users.count(UserQuery(search="0% c")) == 5
    assert await users.count(UserQuery(search="%%")) == 0
    underscored = await posts.fetch(PostQuery(search="under_score"), limit=100)
    assert len(underscored) == 12
    assert await posts.count(PostQuery(search="under_sc_re")) == 0


async def test_post_search_covers_title_content_and_author(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    _, posts = readers(engine)
    assert await posts.count(PostQuery(search="same TITLE")) == 12
    assert await posts.count(PostQuery(search="content 3 ")) == 2
    by_author = await posts.fetch(PostQuery(search="zed_04"), limit=100)
    assert {r.author_username for r in by_author} == {"Zed_04"}
    assert await posts.count(PostQuery(search="zed_04")) == 3


async def test_author_filter(engine: AsyncEngine, uow_factory: UnitOfWorkFactory) -> None:
    users_seeded = await seed(uow_factory)
    _, posts = readers(engine)
    one = frozenset({users_seeded[1].id})
    two = frozenset({users_seeded[1].id, users_seeded[2].id})
    assert await posts.count(PostQuery(author_ids=None)) == 36
    assert await posts.count(PostQuery(author_ids=frozenset())) == 0
    assert await posts.fetch(PostQuery(author_ids=frozenset()), limit=10) == []
    assert await posts.count(PostQuery(author_ids=one)) == 3
    rows = await posts.fetch(PostQuery(author_ids=two), limit=100)
    assert len(rows) == 6
    assert {r.author_id for r in rows} == set(two)
    searched = await posts.count(PostQuery(author_ids=two, search="same"))
    assert searched == 2


async def test_rows_carry_a_preview_and_no_hash(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    users, posts = readers(engine)
    [long_post] = await posts.fetch(PostQuery(search="long long", sort="title"), limit=1)
    assert isinstance(long_post, PostRow)
    assert len(long_post.content_preview) == CONTENT_PREVIEW_CHARS
    [user] = await users.fetch(UserQuery(), limit=1)
    assert isinstance(user, UserRow)
    assert not hasattr(user, "hashed_password")
    assert user.created_at.tzinfo is not None


async def test_a_page_of_posts_is_one_select(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    _, posts = readers(engine)
    first = await posts.fetch(PostQuery(), limit=10)
    with count_selects(engine) as selects:
        await posts.fetch(PostQuery(), limit=10, after=cursor_of(first[-1], PostQuery()))
    assert len(selects) == 1


async def test_scrolling_runs_one_kept_statement_and_few_are_kept(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every keyset page of a view runs one statement, built once, its cursor and page size
    bound parameters (building it and its cache key for each page was a third of the
    reader's own time); each other shape of query has its own, and a reader keeps no more
    than ``STATEMENTS_KEPT`` of them."""
    await seed(uow_factory)
    users, _ = readers(engine)
    query = UserQuery(sort="username", descending=False)
    rows = await users.fetch(query, limit=5)
    seen = list(rows)
    while len(rows) == 5:
        rows = await users.fetch(query, limit=5, after=cursor_of(rows[-1], query))
        seen += rows
    assert len(seen) == 37 and len({r.id for r in seen}) == 37
    assert len(users._statements) == 2  # the first page's, and every keyset page's
    monkeypatch.setattr(readers_module, "STATEMENTS_KEPT", 3)
    for sort in USER_SORTS:
        await users.count(UserQuery(sort=sort, active=True))
    assert 0 < len(users._statements) <= 3


async def test_keyset_pages_do_not_read_skipped_rows(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """A keyset page's SQL has no OFFSET: the database seeks instead of counting rows."""
    await seed(uow_factory)
    users, _ = readers(engine)
    first = await users.fetch(UserQuery(), limit=10)
    executed: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        executed.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        second = await users.fetch(
            UserQuery(), offset=10, limit=10, after=cursor_of(first[-1], UserQuery())
        )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    [(statement, parameters)] = executed
    # SQLite's dialect always writes "LIMIT ? OFFSET ?"; what matters is that it skips nothing
    if "OFFSET" in statement.upper():
        values = list(parameters.values()) if isinstance(parameters, dict) else list(parameters)
        assert values[-1] == 0
    assert second == (await users.fetch(UserQuery(), limit=20))[10:]


@pytest.mark.parametrize(("sort", "descending"), [("created_at", True), ("username", False)])
async def test_deep_jumps_seek_through_the_index_and_agree_with_offset(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    sort: str,
    descending: bool,
) -> None:
    """A jump reads the key at the position from (sort, id) alone, then seeks after it."""
    await seed(uow_factory)
    users, posts = readers(engine)
    query = UserQuery(sort=sort, descending=descending)  # type: ignore[arg-type]
    everything = await users.fetch(query, limit=1000)
    users, posts = readers(engine, ReadTuning(seek_from_offset=2))
    with count_selects(engine) as executed:
        for offset in (2, 5, 17, 36):
            page = await users.fetch(query, offset=offset, limit=5)
            assert [r.id for r in page] == [r.id for r in everything[offset : offset + 5]]
        assert await users.fetch(query, offset=37, limit=5) == []
        post_query = PostQuery(sort="author_username", search="post")
        all_posts = await posts.fetch(post_query, limit=1000)
        page = await posts.fetch(post_query, offset=10, limit=4)
        assert [r.id for r in page] == [r.id for r in all_posts[10:14]]
    # Every users jump (offsets 2, 5, 17, 36, 37) first reads one key through the index (the
    # skipped rows walked for their ids alone), and each page of whole rows then seeks after
    # that key instead of skipping rows.
    user_pages = [s for s in executed if "users.bio" in s]
    key_reads = [s for s in executed if "users.bio" not in s and "OFFSET" in s and "posts" not in s]
    assert len(key_reads) == 5, executed
    assert len(user_pages) == 5, user_pages
    assert all("users.id) <" in s or "users.id) >" in s for s in user_pages), user_pages


@pytest.mark.parametrize(("sort", "descending"), [("created_at", True), ("username", False)])
async def test_positions_past_the_middle_are_read_from_the_far_end(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    sort: str,
    descending: bool,
) -> None:
    """Given the total, the last pages are the first pages of the reverse order: no seek
    through the rows before them (the jump to the end costs what the start does)."""
    await seed(uow_factory)
    users, posts = readers(engine)
    query = UserQuery(sort=sort, descending=descending)  # type: ignore[arg-type]
    everything = await users.fetch(query, limit=1000)
    total = len(everything)
    users, posts = readers(engine, ReadTuning(seek_from_offset=2))
    for offset, limit in ((19, 5), (30, 5), (33, 5), (36, 5), (35, 10), (0, 5), (18, 5)):
        page = await users.fetch(query, offset=offset, limit=limit, total=total)
        assert [r.id for r in page] == [r.id for r in everything[offset : offset + limit]]
    with count_selects(engine) as executed:
        last = await users.fetch(query, offset=total - 3, limit=10, total=total)
    assert [r.id for r in last] == [r.id for r in everything[-3:]]
    assert len(executed) == 1  # one page from the far end, no key lookup at a deep offset
    post_query = PostQuery(sort="author_username", search="post")
    all_posts = await posts.fetch(post_query, limit=1000)
    tail = await posts.fetch(post_query, offset=len(all_posts) - 4, limit=4, total=len(all_posts))
    assert [r.id for r in tail] == [r.id for r in all_posts[-4:]]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_postgresql_pages_and_counts_run_outside_a_transaction(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """A page, a deep seek and a count are each a statement or two that need no shared
    snapshot: they run in autocommit, without asyncpg's BEGIN and ROLLBACK round trips. A
    reader on a session bound to an open transaction (a snapshot) reads inside it."""
    await seed(uow_factory)
    autocommit: list[bool] = []

    def record(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            autocommit.append(bool(conn.connection.dbapi_connection.autocommit))

    users, _posts = readers(engine, ReadTuning(seek_from_offset=2))
    query = UserQuery(active=True)
    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        total = await users.count(query)
        await users.fetch(query, limit=5)
        await users.fetch(query, offset=total // 2, limit=5)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    assert len(autocommit) >= 4 and all(autocommit), autocommit
    async with engine.connect() as connection, connection.begin():
        joined = async_sessionmaker(connection, join_transaction_mode="create_savepoint")
        snapshot = SQLAlchemyUserReader(joined)
        assert len(await snapshot.fetch(query, limit=100)) == total
        assert connection.in_transaction()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_postgresql_page_costs_one_ping_and_no_transaction(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """Each page or count checks its connection out with the pool's ping, one round trip
    (";"), and reads outside a transaction: no BEGIN or ROLLBACK around the ping or the
    statement, which were three round trips more per page, each a network's latency."""
    await seed(uow_factory)
    single = make_engine(engine.url, pool_size=1, max_overflow=0)
    queries: list[str] = []
    try:
        async with single.connect() as connection:  # the one connection every page will use
            raw = await connection.get_raw_connection()
            raw.driver_connection.add_query_logger(lambda logged: queries.append(logged.query))
        users = SQLAlchemyUserReader(make_session_factory(single))
        query = UserQuery(active=True)
        first = await users.fetch(query, limit=5)
        await users.fetch(query, limit=5, after=cursor_of(first[-1], query))
        await users.count(query)
    finally:
        await single.dispose()
    words = [q.strip().strip(";").split()[:1] for q in queries]
    assert [w for w in words if w and w[0].upper() in ("BEGIN", "ROLLBACK", "COMMIT")] == []
    assert words.count([]) == 3  # the pings: one per checkout


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_postgresql_plans_each_page_for_its_own_values(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """The app's connections plan every execution for its parameters: a generic plan (chosen
    by the server after five runs of a prepared statement) made a search with a date range
    50x slower from the sixth page on."""
    await seed(uow_factory)
    users, _posts = readers(engine)
    for _ in range(7):
        await users.fetch(UserQuery(active=True), limit=5)
    async with engine.connect() as connection:
        mode = (await connection.exec_driver_sql("SHOW plan_cache_mode")).scalar()
    assert mode == "force_custom_plan"
