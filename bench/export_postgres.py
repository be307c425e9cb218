"""PostgreSQL side of bench/export.py: a database of its own, filled by ``COPY``, and the raw
baseline, the server's own ``COPY (SELECT ...) TO STDOUT (FORMAT csv)`` through asyncpg.

The database is created on the server ``--postgres`` names (an admin URL), migrated by the app,
filled with asyncpg's ``copy_records_to_table`` (the search-vector trigger off while loading:
the export reads no search index) and dropped at the end.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine

BATCH = 50_000
START = datetime(2024, 1, 1, tzinfo=UTC)
HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"

RAW_SQL = {
    # the same columns in the same order (the app's sort key: created_at is NOT NULL here)
    "users": "SELECT id, email, username, is_active, bio, created_at, updated_at FROM users"
    " ORDER BY created_at DESC, id DESC",
    "posts": "SELECT posts.id, title, content, author_id, users.username, posts.created_at,"
    " posts.updated_at FROM posts JOIN users ON users.id = posts.author_id"
    " ORDER BY posts.created_at DESC, posts.id DESC",
}


def dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def create(admin: str, name: str, *, reuse: bool = False) -> str:
    """A new empty database ``name`` on ``admin``'s server (``reuse``: the one there, if any);
    its SQLAlchemy URL."""
    connection = await asyncpg.connect(dsn(admin))
    try:
        there = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not (reuse and there):
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    url = make_url(admin).set(drivername="postgresql+asyncpg", database=name)
    return url.render_as_string(hide_password=False)


async def drop(admin: str, name: str) -> None:
    connection = await asyncpg.connect(dsn(admin))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


async def existing(url: str, table: str) -> int:
    """How many rows ``table`` holds (0 before the migration made it)."""
    connection = await asyncpg.connect(dsn(url))
    try:
        if await connection.fetchval("SELECT to_regclass($1)", table) is None:
            return 0
        return int(await connection.fetchval(f"SELECT count(*) FROM {table}"))
    finally:
        await connection.close()


def _users(first: int, last: int) -> list[tuple[object, ...]]:
    return [
        (
            uuid.uuid4(),
            f"user{n}@example.org",
            f"user{n:07d}",
            HASH,
            n % 7 != 0,
            None if n % 3 else f'Bio of user {n}: likes "quotes", commas, and\nnew lines',
            START + timedelta(seconds=n),
            None if n % 2 else START + timedelta(seconds=n, minutes=5),
        )
        for n in range(first, last)
    ]


async def fill(url: str, table: str, rows: int) -> float:
    """Migrate with the app and fill with ``COPY``; returns the seconds it took."""
    started = time.perf_counter()
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await migrations.upgrade(engine, url)
    finally:
        await engine.dispose()
    connection = await asyncpg.connect(dsn(url))
    try:
        await connection.execute("ALTER TABLE users DISABLE TRIGGER USER")
        await connection.execute("ALTER TABLE posts DISABLE TRIGGER USER")
        users = rows if table == "users" else max(rows // 20, 1)
        ids: list[uuid.UUID] = []
        columns = ["id", "email", "username", "hashed_password", "is_active", "bio"]
        for first in range(0, users, BATCH):
            batch = _users(first, min(users, first + BATCH))
            await connection.copy_records_to_table(
                "users", records=batch, columns=[*columns, "created_at", "updated_at"]
            )
            if table == "posts":
                ids.extend(row[0] for row in batch)  # type: ignore[misc]
        for first in range(0, rows if table == "posts" else 0, BATCH):
            posts = [
                (
                    uuid.uuid4(),
                    f"Post {n}",
                    f'Words of post {n}, with a comma, a "quote" and 🙂 in it.',
                    ids[n % len(ids)],
                    START + timedelta(seconds=n),
                    None,
                )
                for n in range(first, min(rows, first + BATCH))
            ]
            await connection.copy_records_to_table(
                "posts",
                records=posts,
                columns=["id", "title", "content", "author_id", "created_at", "updated_at"],
            )
        await connection.execute("ALTER TABLE users ENABLE TRIGGER USER")
        await connection.execute("ALTER TABLE posts ENABLE TRIGGER USER")
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()
    return time.perf_counter() - started


async def _raw(url: str, table: str, target: Path) -> int:
    connection = await asyncpg.connect(dsn(url))
    try:
        status = await connection.copy_from_query(
            RAW_SQL[table], output=str(target), format="csv", header=True
        )
    finally:
        await connection.close()
    return int(status.split()[-1])  # "COPY 1000000"


def raw_export(url: str, table: str, target: Path) -> tuple[int, float]:
    """The server's own CSV of the same rows in the same order, written by asyncpg."""
    started = time.perf_counter()
    rows = asyncio.run(_raw(url, table, target))
    return rows, time.perf_counter() - started
