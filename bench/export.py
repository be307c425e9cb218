"""Export benchmark (issue #12): a table of N rows to CSV, ours vs the raw driver, SQLite and PostgreSQL.

Run: .venv/bin/python bench/export.py [--rows 1000000] [--table users|posts] [--postgres URL]
[--skip-sqlite] [--sqlite-file FILE] [--page-size N]

A SQLite file in a temporary directory (or ``--sqlite-file``, kept for the next run) is migrated
by the app, then filled fast with raw ``sqlite3`` ``executemany`` (timestamps stored as the app
stores them); on PostgreSQL, a database of its own is migrated and filled by ``COPY``
(``export_postgres.py``). Then, timed:

* ours: File → Export… in the real window, started as the app starts (``export_app.py``, a fresh
  process: the app's own garbage-collection policy, its progress dialog, ``ExportFlow``), keyset
  pages in the table's default order (newest first); it measures the longest event-loop stall
  (with how much of it the loop thread itself ran), every garbage collection, and peak RSS;
* raw: SQLite, one ``sqlite3`` cursor over the same columns in the same order into
  ``csv.writer`` (ids and times written as stored, no conversion); PostgreSQL, the server's own
  ``COPY (SELECT ...) TO STDOUT (FORMAT csv)`` through asyncpg.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sqlite3
import subprocess
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

from meters import TICK  # noqa: E402

from desktop_app.infrastructure.database import migrations  # noqa: E402
from desktop_app.infrastructure.database.connection import make_engine  # noqa: E402
from desktop_app.infrastructure.database.export_source import PAGE_SIZE  # noqa: E402

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


def our_export(url: str, table: str, target: Path, page_size: int) -> dict[str, Any]:
    """File → Export… in the real window, in a fresh process (``export_app.py``)."""
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "export_app.py"),
            url,
            table,
            str(target),
            str(page_size),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def report(label: str, ours: dict[str, Any], raw_label: str, raw_seconds: float, size: int) -> None:
    rows, seconds = ours["rows"], ours["seconds"]
    print(f"export of {rows:,} rows to CSV ({size / 1e6:.0f} MB), {label}")
    print(
        f"  ours (File → Export… in the window, keyset pages of {ours['page_size']:,}): "
        f"{seconds:.1f} s, {rows / seconds:,.0f} rows/s, load average {ours['load']:.1f}"
    )
    print(
        f"  peak RSS +{(ours['peak_rss'] - ours['idle_rss']) / 1e6:.1f} MB over idle "
        f"({ours['idle_rss'] / 1e6:.0f} MB); heap: {ours['frozen']:,} objects frozen, "
        f"{ours['tracked']:,} tracked"
    )
    print(
        f"  longest event-loop stall {ours['stall'] * 1000:.1f} ms (the loop thread ran "
        f"{ours['stall_loop_cpu'] * 1000:.1f} ms of it, the process "
        f"{ours['stall_process_cpu'] * 1000:.1f} ms; idle: {ours['idle_stall'] * 1000:.1f} ms, "
        f"tick {TICK * 1000:.0f} ms); most loop-thread CPU between two ticks "
        f"{ours['most_loop_cpu'] * 1000:.1f} ms"
    )
    print(
        f"  garbage collections: {ours['collections']} (longest "
        f"{ours['longest_collection'] * 1000:.1f} ms), of which full: {ours['full_collections']}"
        f" (longest {ours['longest_full'] * 1000:.1f} ms)"
    )
    print(f"  {raw_label}: {raw_seconds:.1f} s, {rows / raw_seconds:,.0f} rows/s")
    print(f"  ours / raw: {raw_seconds / seconds:.2f}x raw's throughput")


def run_sqlite(args: argparse.Namespace, directory: Path) -> None:
    path = Path(args.sqlite_file) if args.sqlite_file else directory / "export.db"
    if not path.exists():
        built = build(path, args.table, args.rows)
        print(f"built {args.rows:,} {args.table} in {built:.0f} s (migrated, raw executemany)")
    target = directory / "ours.csv"
    ours = our_export(f"sqlite+aiosqlite:///{path}", args.table, target, args.page_size)
    ours["page_size"] = args.page_size
    raw_rows, raw_seconds = raw_export(path, args.table, directory / "raw.csv")
    assert ours["rows"] == raw_rows == args.rows, (ours["rows"], raw_rows)
    report(
        "SQLite file, WAL",
        ours,
        "raw sqlite3 cursor + csv.writer",
        raw_seconds,
        target.stat().st_size,
    )
    target.unlink()


def run_postgres(args: argparse.Namespace, directory: Path) -> None:
    from export_postgres import create, drop, existing, fill
    from export_postgres import raw_export as raw_copy

    name = f"export_bench_{args.table}_{args.rows}"
    url = asyncio.run(create(args.postgres, name, reuse=args.keep_postgres))
    try:
        if asyncio.run(existing(url, args.table)) != args.rows:
            built = asyncio.run(fill(url, args.table, args.rows))
            print(f"built {args.rows:,} {args.table} on PostgreSQL in {built:.0f} s (COPY)")
        target = directory / "ours.csv"
        ours = our_export(url, args.table, target, args.page_size)
        ours["page_size"] = args.page_size
        raw_rows, raw_seconds = raw_copy(url, args.table, directory / "raw.csv")
        assert ours["rows"] == raw_rows == args.rows, (ours["rows"], raw_rows)
        size = target.stat().st_size
        report("PostgreSQL", ours, "raw COPY (SELECT ...) TO STDOUT CSV", raw_seconds, size)
    finally:
        if not args.keep_postgres:
            asyncio.run(drop(args.postgres, name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--table", choices=("users", "posts"), default="users")
    parser.add_argument("--page-size", type=int, default=PAGE_SIZE)
    parser.add_argument("--postgres", help="an admin URL: a database is created there and dropped")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument(
        "--keep-postgres", action="store_true", help="keep the database for the next run, reuse it"
    )
    parser.add_argument("--sqlite-file", help="build the SQLite file here, or reuse it if there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        if not args.skip_sqlite:
            run_sqlite(args, Path(directory))
        if args.postgres:
            run_postgres(args, Path(directory))


if __name__ == "__main__":
    main()
