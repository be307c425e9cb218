"""Migration 0004's sort keys are what the readers seek in, and the full-text index stays right
whatever another writer does to a row (INSERT OR REPLACE, INSERT OR IGNORE)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.read_models import PostQuery, UserQuery, cursor_of
from desktop_app.domain.entities import Post, User
from tests.integration.test_read_queries import readers

pytestmark = pytest.mark.asyncio

# SQLite's own behaviour: these tests run on the SQLite file only, rather than skip on PostgreSQL
# (whose plans on a 30-row table say nothing, bench/scale.py measures; and which has no INSERT
# OR REPLACE, its trigger sets the row's own vector)
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def seed(uow_factory: UnitOfWorkFactory, n: int = 30) -> list[User]:
    base = datetime(2026, 5, 1, tzinfo=UTC)
    async with uow_factory() as uow:
        users = [
            await uow.users.create(
                User(
                    email=f"u{i}@example.org",
                    username=f"user{i:02d}",
                    hashed_password="x",
                    bio=f"likes topic{i}",
                    created_at=base + timedelta(minutes=i),
                    updated_at=None if i % 2 else base + timedelta(hours=i),
                )
            )
            for i in range(n)
        ]
        for user in users[:5]:
            await uow.posts.create(Post(title="t", content="c", author_id=user.id))
        await uow.commit()
    return users


def plan_of_last_select(engine: AsyncEngine) -> tuple[list[tuple[str, Any]], Any]:
    """Record every SELECT; returns the list and a remover."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    return seen, lambda: event.remove(engine.sync_engine, "before_cursor_execute", record)


@pytest.mark.parametrize(
    ("table", "sort", "index"),
    [
        ("users", "created_at", "ix_users_created_at_key"),
        ("users", "updated_at", "ix_users_updated_at_key"),
        ("posts", "created_at", "ix_posts_created_at_key"),
        ("posts", "updated_at", "ix_posts_updated_at_key"),
    ],
)
@pytest.mark.parametrize("descending", [True, False])
@sqlite_only
async def test_sqlite_keyset_pages_seek_in_the_sort_key_index(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    table: str,
    sort: str,
    index: str,
    descending: bool,
) -> None:
    await seed(uow_factory)
    users, posts = readers(engine)
    reader: Any = users if table == "users" else posts
    query: Any = (UserQuery if table == "users" else PostQuery)(sort=sort, descending=descending)
    first = await reader.fetch(query, limit=5)
    seen, stop = plan_of_last_select(engine)
    try:
        await reader.fetch(query, limit=5, after=cursor_of(first[-1], query))
    finally:
        stop()
    statement, parameters = seen[-1]
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        cursor = await raw.driver_connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        plan = " | ".join(str(row[3]) for row in await cursor.fetchall())
    # SEARCH, not SCAN: the page starts at the cursor in the index, at any depth
    assert f"SEARCH {table} USING INDEX {index}" in plan, plan


async def search_count(engine: AsyncEngine, words: str) -> int:
    users, _ = readers(engine)
    return await users.count(UserQuery(search=words))


@sqlite_only
async def test_insert_or_replace_by_another_writer_leaves_no_stale_search_entry(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    users = await seed(uow_factory, 4)
    assert await search_count(engine, "topic1") == 1
    async with engine.begin() as connection:
        # the same id, new text: SQLite deletes the old row without its DELETE trigger
        await connection.execute(
            text(
                "INSERT OR REPLACE INTO users (id, email, username, hashed_password, is_active, "
                "bio, created_at) VALUES (:id, 'new1@example.org', 'renamed1', 'h', 1, "
                "'now about gardening', '2026-12-01 06:31:55')"
            ),
            {"id": users[1].id.hex},
        )
        # a new id whose email clashes with user 2: REPLACE removes user 2 altogether
        await connection.execute(
            text(
                "INSERT OR REPLACE INTO users (id, email, username, hashed_password, is_active, "
                "bio, created_at) VALUES (:id, 'u2@example.org', 'newcomer', 'h', 1, "
                "'bees', '2026-12-01T06:31:55Z')"
            ),
            {"id": "f" * 32},
        )
        # an ignored insert changes nothing, in the table or the index
        await connection.execute(
            text(
                "INSERT OR IGNORE INTO users (id, email, username, hashed_password, is_active, "
                "bio, created_at) VALUES (:id, 'other@example.org', 'other', 'h', 1, "
                "'ignored words', '2026-12-01 06:31:55')"
            ),
            {"id": users[3].id.hex},
        )
    assert await search_count(engine, "topic1") == 0
    assert await search_count(engine, "gardening") == 1
    assert await search_count(engine, "topic2") == 0
    assert await search_count(engine, "bees") == 1
    assert await search_count(engine, "topic3") == 1
    assert await search_count(engine, "ignored") == 0
    async with engine.connect() as connection:
        check = await connection.exec_driver_sql(
            "INSERT INTO users_fts (users_fts) VALUES ('integrity-check')"
        )
        check.close()
        keys = (await connection.exec_driver_sql("SELECT count(*) FROM users_search_keys")).scalar()
        rows = (await connection.exec_driver_sql("SELECT count(*) FROM users")).scalar()
    assert keys == rows == 4


async def test_the_reference_api_pages_newest_first_by_the_instant(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """``get_all`` orders by the instant a timestamp names, whatever text another writer
    stored on SQLite (compared as text, '08:31:54+02:00' would be the newest)."""
    stamps = {
        "early": "2026-12-01 08:31:54+02:00",  # 06:31:54 UTC
        "middle": "2026-12-01 06:31:55",
        "late": "2026-12-01T06:31:56Z",
    }
    # PostgreSQL parses the text itself (asyncpg binds only datetimes for a timestamptz)
    cast = "CAST(:stamp AS TEXT)::timestamptz" if engine.dialect.name == "postgresql" else ":stamp"
    async with engine.begin() as connection:
        for name, stamp in stamps.items():
            user_id = uuid4()
            key = user_id if engine.dialect.name == "postgresql" else user_id.hex
            await connection.execute(
                text(
                    "INSERT INTO users (id, email, username, hashed_password, is_active, "
                    f"created_at) VALUES (:id, :email, :name, 'h', true, {cast})"
                ),
                {"id": key, "email": f"{name}@example.org", "name": name, "stamp": stamp},
            )
            await connection.execute(
                text(
                    "INSERT INTO posts (id, title, content, author_id, created_at) "
                    f"VALUES (:id, :name, 'c', :author, {cast})"
                ),
                {
                    "id": uuid4() if engine.dialect.name == "postgresql" else uuid4().hex,
                    "name": name,
                    "author": key,
                    "stamp": stamp,
                },
            )
    async with uow_factory() as uow:
        users = await uow.users.get_all()
        posts = await uow.posts.get_all()
        second = await uow.posts.get_all(skip=1, limit=1)
    assert [u.username for u in users] == ["late", "middle", "early"]
    assert [p.title for p in posts] == ["late", "middle", "early"]
    assert [p.author_username for p in posts] == ["late", "middle", "early"]
    assert [p.title for p in second] == ["middle"]
