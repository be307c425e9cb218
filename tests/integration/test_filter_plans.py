"""How SQLite runs the filter bar's pages (issue 13's budget): a keyset page deep in a filtered
range seeks from its cursor, and a filter on a time the view is not sorted by walks an index
that holds both the filter and the order (migration 0007).

SQLite only: its planner's choices on a small table are the ones it makes on a big one here
(PostgreSQL's depend on statistics; ``bench/filters.py`` measures both at a million rows).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.read_models import PostQuery, UserQuery, cursor_of
from desktop_app.application.row_filters import TimeRange
from desktop_app.infrastructure.database.search_planner import ReadTuning
from tests.integration.test_read_queries import readers
from tests.integration.test_sort_keys_and_writers import plan_of_last_select, sqlite_only

pytestmark = pytest.mark.asyncio

ROWS = 3000
BASE = datetime(2026, 1, 1, tzinfo=UTC)
STEP = 100  # the progress handler runs every 100 VM instructions


def _fill(path: Path) -> None:
    """``ROWS`` users a minute apart (a third never edited), each with one post."""
    users, posts = [], []
    for n in range(ROWS):
        created = (BASE + timedelta(minutes=n)).strftime("%Y-%m-%d %H:%M:%S.%f")
        updated = None if n % 3 == 0 else created
        user = uuid4().hex
        users.append(
            (user, f"u{n}@example.org", f"user{n:05d}", "x", n % 10 != 0, created, updated)
        )
        posts.append((uuid4().hex, f"title {n}", "text", user, created, updated))
    with closing(sqlite3.connect(path)) as db:
        db.executemany(
            "INSERT INTO users (id, email, username, hashed_password, is_active, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            users,
        )
        db.executemany(
            "INSERT INTO posts (id, title, content, author_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            posts,
        )
        db.commit()
        db.execute("ANALYZE")


async def _statement_of(engine: AsyncEngine, work: Any) -> tuple[str, Any]:
    """The last SELECT ``work`` ran (the page itself: the filter planner probes first)."""
    seen, stop = plan_of_last_select(engine)
    try:
        await work()
    finally:
        stop()
    return seen[-1]


def _steps(path: Path, statement: tuple[str, Any]) -> int:
    """The work SQLite does for ``statement``, in hundreds of VM instructions."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    with closing(sqlite3.connect(path)) as db:
        db.set_progress_handler(tick, STEP)
        db.execute(*statement).fetchall()
    return steps


def _plan(path: Path, statement: tuple[str, Any]) -> str:
    sql, parameters = statement
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute("EXPLAIN QUERY PLAN " + sql, parameters).fetchall()
    return " | ".join(str(row[3]) for row in rows)


@pytest.mark.parametrize("table", ["users", "posts"])
@pytest.mark.parametrize("descending", [True, False])
@sqlite_only
async def test_a_keyset_page_deep_in_a_time_range_seeks_from_its_cursor(
    engine: AsyncEngine, database_url: str, table: str, descending: bool
) -> None:
    """Filtered to a created range and sorted by created: the page after a cursor near the
    range's far end costs what the first page costs, not a walk from the range's end."""
    path = Path(engine.url.database or "")
    _fill(path)
    users, posts = readers(engine)
    reader: Any = users if table == "users" else posts
    every = TimeRange(BASE - timedelta(days=1), BASE + timedelta(days=30))
    query: Any = (UserQuery if table == "users" else PostQuery)(
        created=every, descending=descending
    )
    deep = await reader.fetch(query, offset=ROWS - 200, limit=100)
    after = cursor_of(deep[-1], query)
    first = await _statement_of(engine, lambda: reader.fetch(query, limit=100))
    page = await _statement_of(engine, lambda: reader.fetch(query, limit=100, after=after))
    assert len(await reader.fetch(query, limit=100, after=after)) == 100
    # measured: ~2x the first page with the cursor's bound first, ~25x behind the range's
    assert _steps(path, page) < 4 * _steps(path, first), page[0]


@pytest.mark.parametrize(
    ("table", "active", "index"),
    [
        ("users", None, "ix_users_never_edited_created_at_key"),
        ("users", True, "ix_users_never_edited_is_active_created_at_key"),
        ("users", False, "ix_users_never_edited_is_active_created_at_key"),
        ("posts", None, "ix_posts_never_edited_created_at_key"),
    ],
)
@sqlite_only
async def test_never_edited_in_created_order_walks_its_partial_index(
    engine: AsyncEngine, database_url: str, table: str, active: bool | None, index: str
) -> None:
    """Never edited, in the default order (alone, or with Active): the first page, the keyset
    page and a deep jump's seek all read a partial index of never-edited rows in created order
    (migration 0007), which holds just those rows, in the page's order."""
    path = Path(engine.url.database or "")
    _fill(path)
    users, posts = readers(engine, ReadTuning(dense_after=50, seek_from_offset=1))
    reader: Any = users if table == "users" else posts
    if table == "users":
        query: Any = UserQuery(updated=TimeRange.NEVER, active=active)
    else:
        query = PostQuery(updated=TimeRange.NEVER)
    total = await reader.count(query)
    # every third row never edited; every tenth inactive
    assert total == {None: ROWS // 3, True: ROWS // 3 - ROWS // 30, False: ROWS // 30}[active]
    first_page = await reader.fetch(query, limit=100)
    assert reader.filter_planner.walked(query) == {"updated_at"}
    statements = [
        await _statement_of(engine, lambda: reader.fetch(query, limit=100)),
        await _statement_of(
            engine, lambda: reader.fetch(query, limit=100, after=cursor_of(first_page[-1], query))
        ),
    ]
    seen, stop = plan_of_last_select(engine)
    try:
        jumped = await reader.fetch(query, offset=total // 2, limit=10)
    finally:
        stop()
    statements.append(seen[-2])  # the jump's seek: the key at the position, then the page
    everything = await reader.fetch(query, limit=ROWS)
    assert [row.id for row in jumped] == [row.id for row in everything[total // 2 :][:10]]
    for statement in statements:
        assert f"USING COVERING INDEX {index}" in _plan(path, statement) or (
            f"USING INDEX {index}" in _plan(path, statement)
        ), statement[0]
