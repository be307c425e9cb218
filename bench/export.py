"""Export benchmark (issue #12): a table of N rows from a SQLite file to CSV, ours vs the raw driver.

Run: .venv/bin/python bench/export.py [--rows 1000000] [--table users|posts]

A SQLite file in a temporary directory is migrated by the app, then filled fast with raw
``sqlite3`` ``executemany`` (timestamps stored as the app stores them). Then, timed:

* ours: ``export_to_file`` through ``SQLAlchemyExportSource`` (keyset pages in the table's
  default order, newest first, on the app's async engine), while a task ticks every 5 ms and
  keeps the longest gap between ticks (the longest event-loop stall), and a thread samples
  VmRSS from /proc/self/status every 5 ms (peak over the idle process just before);
* raw: one ``sqlite3`` cursor over the same columns in the same order, into ``csv.writer`` on
  the same kind of file (ids and times written as stored, no conversion).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meters import TICK, GcPauses, RssPeak, StallMeter, rss_bytes  # noqa: E402

from desktop_app.application.export_formats import export_to_file  # noqa: E402
from desktop_app.application.read_models import PostQuery, UserQuery  # noqa: E402
from desktop_app.infrastructure.database import migrations  # noqa: E402
from desktop_app.infrastructure.database.connection import (  # noqa: E402
    make_engine,
    make_session_factory,
)
from desktop_app.infrastructure.database.export_source import (  # noqa: E402
    PAGE_SIZE,
    SQLAlchemyExportSource,
)

BATCH = 50_000
START = datetime(2024, 1, 1, tzinfo=UTC)


def stored(value: datetime) -> str:
    """A timestamp as the app's column type stores it on SQLite."""
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def user_rows(count: int) -> Iterator[list[tuple[Any, ...]]]:
    for first in range(0, count, BATCH):
        yield [
            (
                uuid4().hex,
                f"user{n}@example.org",
                f"user{n:07d}",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
                n % 7 != 0,
                None if n % 3 else f'Bio of user {n}: likes "quotes", commas, and\nnew lines',
                stored(START + timedelta(seconds=n)),
                None if n % 2 else stored(START + timedelta(seconds=n, minutes=5)),
            )
            for n in range(first, min(count, first + BATCH))
        ]


def build(path: Path, table: str, rows: int) -> float:
    """Migrate with the app, fill with raw executemany; returns the seconds it took."""
    started = time.perf_counter()
    url = f"sqlite+aiosqlite:///{path}"

    async def migrate() -> None:
        engine = make_engine(url, pool_size=1, max_overflow=0, wal=True)
        try:
            await migrations.upgrade(engine, url)
        finally:
            await engine.dispose()

    asyncio.run(migrate())
    connection = sqlite3.connect(path)
    try:
        # The search-index triggers make each insert cost more the more rows there are (2,000
        # users: 0.8 s into an empty table, 3.4 s into 8,000): a million would take hours. The
        # export reads no search index, so they are off while loading and back afterwards,
        # exactly as the migration wrote them (the search index stays empty).
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN ('users', 'posts')"
        ).fetchall()
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {name}")
        users = rows if table == "users" else max(rows // 20, 1)
        ids: list[str] = []
        for batch in user_rows(users):
            connection.executemany(f"INSERT INTO users VALUES ({','.join('?' * 8)})", batch)
            if table == "posts":
                ids.extend(row[0] for row in batch)
        for first in range(0, rows if table == "posts" else 0, BATCH):
            connection.executemany(
                "INSERT INTO posts (id, title, content, author_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        uuid4().hex,
                        f"Post {n}",
                        f'Words of post {n}, with a comma, a "quote" and 🙂 in it.',
                        ids[n % len(ids)],
                        stored(START + timedelta(seconds=n)),
                        None,
                    )
                    for n in range(first, min(rows, first + BATCH))
                ],
            )
        for _name, sql in triggers:
            connection.execute(sql)
        connection.commit()
    finally:
        connection.close()
    return time.perf_counter() - started


RAW_SQL = {
    # the same columns in the same order (the app's sort key, as migration 0004 indexes it)
    "users": "SELECT id, email, username, is_active, bio, created_at, updated_at FROM users"
    " ORDER BY coalesce(julianday(created_at), 0) DESC, id DESC",
    "posts": "SELECT posts.id, title, content, author_id, users.username, posts.created_at,"
    " posts.updated_at FROM posts JOIN users ON users.id = posts.author_id"
    " ORDER BY coalesce(julianday(posts.created_at), 0) DESC, posts.id DESC",
}


def raw_export(path: Path, table: str, target: Path) -> tuple[int, float]:
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    try:
        cursor = connection.execute(RAW_SQL[table])
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([d[0] for d in cursor.description])
            rows = 0
            while batch := cursor.fetchmany(PAGE_SIZE):
                writer.writerows(batch)
                rows += len(batch)
    finally:
        connection.close()
    return rows, time.perf_counter() - started


async def our_export(
    path: Path, table: str, target: Path, page_size: int
) -> tuple[int, float, float, float, int, int]:
    url = f"sqlite+aiosqlite:///{path}"
    engine = make_engine(url, pool_size=2, max_overflow=0, wal=True)
    try:
        source = SQLAlchemyExportSource(make_session_factory(engine), page_size=page_size)
        query = PostQuery() if table == "posts" else UserQuery()
        await source.count(query)  # connected, modules loaded: the process is idle now
        with StallMeter() as idle_stalls:  # the machine's own noise, for comparison
            await asyncio.sleep(1.0)
        idle = rss_bytes()
        with RssPeak() as memory, GcPauses(full_only=True) as collections, StallMeter() as stalls:
            started = time.perf_counter()
            rows = await export_to_file(source, target, query, "csv")
            seconds = time.perf_counter() - started
        print(
            f"  full garbage collections during our export: {collections.count}, longest "
            f"{collections.longest * 1000:.1f} ms"
        )
        return rows, seconds, stalls.longest, idle_stalls.longest, idle, memory.peak
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--table", choices=("users", "posts"), default="users")
    parser.add_argument("--page-size", type=int, default=PAGE_SIZE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "export.db"
        built = build(path, args.table, args.rows)
        print(f"built {args.rows:,} {args.table} in {built:.0f} s (migrated, raw executemany)")
        ours = Path(directory) / "ours.csv"
        rows, seconds, stall, idle_stall, idle, peak = asyncio.run(
            our_export(path, args.table, ours, args.page_size)
        )
        raw_rows, raw_seconds = raw_export(path, args.table, Path(directory) / "raw.csv")
        size = ours.stat().st_size
    assert rows == raw_rows == args.rows, (rows, raw_rows)
    print(f"export of {rows:,} {args.table} to CSV ({size / 1e6:.0f} MB), SQLite file, WAL")
    print(
        f"  ours (export_to_file, keyset pages of {args.page_size:,}): {seconds:.1f} s, "
        f"{rows / seconds:,.0f} rows/s; peak RSS +{(peak - idle) / 1e6:.1f} MB over idle "
        f"({idle / 1e6:.0f} MB); longest event-loop stall {stall * 1000:.1f} ms "
        f"(idle: {idle_stall * 1000:.1f} ms, tick {TICK * 1000:.0f} ms)"
    )
    print(
        f"  raw sqlite3 cursor + csv.writer: {raw_seconds:.1f} s, {rows / raw_seconds:,.0f} rows/s"
    )
    print(f"  ratio ours / raw: {seconds / raw_seconds:.1f}x the time")


if __name__ == "__main__":
    main()
