"""SQLite's full-text triggers cost the same per row however many rows the table holds
(revision 0005): a big insert in one transaction (an import, undoing a large delete) must not
slow down with every row already there.

Measured in SQLite virtual-machine steps (a progress handler), not in seconds: deterministic
on a busy machine. The old trigger built the list of every search key for each inserted row.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine

STEP = 100  # the progress handler runs every 100 VM instructions


def _insert_posts(connection: sqlite3.Connection, author: str, count: int) -> int:
    """Insert ``count`` posts in one transaction; how many VM instructions (in hundreds) it took."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    connection.set_progress_handler(tick, STEP)
    rows = [
        (uuid.uuid4().hex, f"Post {n}", f"words of post {n}", author, "2025-01-01 00:00:00")
        for n in range(count)
    ]
    connection.executemany(
        "INSERT INTO posts (id, title, content, author_id, created_at) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    connection.commit()
    connection.set_progress_handler(None, STEP)
    return steps


@pytest.mark.asyncio
async def test_search_index_inserts_cost_the_same_on_a_full_table(tmp_path: Path) -> None:
    path = tmp_path / "triggers.db"
    url = f"sqlite+aiosqlite:///{path}"
    engine = make_engine(url, pool_size=1, max_overflow=0, wal=True)
    try:
        await migrations.upgrade(engine, url)
    finally:
        await engine.dispose()
    connection = sqlite3.connect(path)
    try:
        if not connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'posts_search_insert'"
        ).fetchone()[0]:
            pytest.skip("this SQLite has no FTS5: no search triggers")
        author = uuid.uuid4().hex
        connection.execute(
            "INSERT INTO users (id, email, username, hashed_password, is_active, created_at)"
            " VALUES (?, 'a@example.org', 'a', 'x', 1, '2025-01-01 00:00:00')",
            (author,),
        )
        _insert_posts(connection, author, 500)
        on_small = _insert_posts(connection, author, 200)
        _insert_posts(connection, author, 5_000)
        on_large = _insert_posts(connection, author, 200)
        found = connection.execute(
            "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'words'"
        ).fetchone()[0]
    finally:
        connection.close()
    assert found == 5_900  # every post is in the index
    # Ten times the rows: the same work a row, give or take the index's own b-tree depth.
    assert on_large < on_small * 1.5, (on_small, on_large)
