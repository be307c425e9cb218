"""Import benchmark (issue #12): N posts from a CSV file, ours vs the raw driver, side by side.

Run: .venv/bin/python bench/import.py [--rows 1000000] [--postgres URL]

The CSV is the one an export of posts writes (id, title, content, author_id, author_username,
created_at, updated_at; half the ``updated_at`` empty, text with commas, quotes and emoji),
naming ``--authors`` users. For each backend, two databases migrated by the app and holding the
same authors (written by the raw driver); then, timed, into one of them:

* ours: ``ImportService.check`` then ``write``, as the CLI and the import dialog call them
  (read and validate every line a batch at a time, look the authors up; then read the file
  again and write it batch by batch in one transaction, the undo step going to the
  ``TemporaryChangeStore`` file as the window's does), while a task ticks every 5 ms and keeps the longest gap between ticks
  (the longest event-loop stall), and a thread samples VmRSS every 5 ms (peak over the idle
  process just before). Full garbage collections are held off meanwhile, as the window's
  import flow holds them (``gc_guard.full_collections_held``);
* raw, into the other: the same file read with ``csv.reader``, each row turned into what the
  driver takes (the values the app would store), and written in one transaction: SQLite
  ``sqlite3`` ``executemany``, PostgreSQL asyncpg ``copy_records_to_table``. Its insert alone
  is timed too.

PostgreSQL runs when ``--postgres`` or TEST_POSTGRES_URL names a server (an admin URL: the
two databases are created there and dropped afterwards).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import asyncpg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meters import TICK, GcPauses, RssPeak, StallMeter, rss_bytes  # noqa: E402

from desktop_app.application.export_formats import POST_COLUMNS  # noqa: E402
from desktop_app.application.import_service import ImportService  # noqa: E402
from desktop_app.core.emails import normalise_email  # noqa: E402
from desktop_app.infrastructure.change_store import TemporaryChangeStore  # noqa: E402
from desktop_app.infrastructure.database import migrations  # noqa: E402
from desktop_app.infrastructure.database.bulk_import import users_matching  # noqa: E402
from desktop_app.infrastructure.database.connection import (  # noqa: E402
    make_engine,
    make_session_factory,
)
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork  # noqa: E402
from desktop_app.ui.gc_guard import full_collections_held  # noqa: E402

START = datetime(2024, 1, 1, tzinfo=UTC)
HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
POST_FIELDS = ["id", "title", "content", "author_id", "created_at", "updated_at"]


@dataclass(frozen=True, slots=True)
class Author:
    id: UUID
    username: str


def authors(count: int) -> list[Author]:
    return [Author(uuid4(), f"author{n:05d}") for n in range(count)]


def write_csv(path: Path, rows: int, people: list[Author]) -> None:
    """The file an export of posts would write (timestamps ISO 8601 with their offset)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(POST_COLUMNS)
        for n in range(rows):
            author = people[n % len(people)]
            created = START + timedelta(seconds=n, microseconds=n % 1_000_000)
            writer.writerow(
                (
                    uuid4(),
                    f"Post {n}",
                    f'Words of post {n}, with a comma, a "quote" and 🙂 in it.',
                    author.id,
                    author.username,
                    created.isoformat(timespec="microseconds"),
                    "" if n % 2 else (created + timedelta(minutes=5)).isoformat(),
                )
            )


def sqlite_stored(text: str) -> str | None:
    """A timestamp from the file as the app's column type stores it on SQLite."""
    if not text:
        return None
    moment = datetime.fromisoformat(text).astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(sep=" ", timespec="microseconds")


def postgres_value(text: str) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(UTC) if text else None


def read_for_driver(path: Path, row: Callable[[list[str]], tuple[Any, ...]]) -> list[Any]:
    """Every line of the file as the driver takes it (the raw side's reading)."""
    with path.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        assert tuple(header) == POST_COLUMNS, header
        return [row(values) for values in reader]


def sqlite_row(values: list[str]) -> tuple[Any, ...]:
    post_id, title, content, author_id, _username, created, updated = values
    return (
        UUID(post_id).hex,
        title,
        content,
        UUID(author_id).hex,
        sqlite_stored(created),
        sqlite_stored(updated),
    )


def postgres_row(values: list[str]) -> tuple[Any, ...]:
    post_id, title, content, author_id, _username, created, updated = values
    return (
        UUID(post_id),
        title,
        content,
        UUID(author_id),
        postgres_value(created),
        postgres_value(updated),
    )


# ----- the two sides -----


@dataclass(slots=True)
class Ours:
    rows: int = 0
    check_s: float = 0.0
    write_s: float = 0.0
    stall: float = 0.0
    stall_cpu: float = 0.0  # the loop thread's own CPU time in its longest turn
    idle_stall: float = 0.0
    idle_rss: int = 0
    peak_rss: int = 0
    collections: int = 0
    longest_collection: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after

    @property
    def seconds(self) -> float:
        return self.check_s + self.write_s


async def our_import(url: str, path: Path) -> Ours:
    engine = make_engine(url, pool_size=2, max_overflow=0, wal=True)
    store = TemporaryChangeStore(path.parent)
    try:
        service = ImportService(
            partial(SQLAlchemyUnitOfWork, make_session_factory(engine)),
            normalise_email=normalise_email,
            hash_password=no_hashing,
            lookup=users_matching,
            change_store=store,
        )
        async with engine.connect() as connection:  # connected, modules loaded: idle now
            await connection.exec_driver_sql("SELECT 1")
        gc.collect()
        gc.freeze()  # as the window does once started: start-up objects live for good
        with StallMeter() as idle_stalls:  # the machine's own noise, for comparison
            await asyncio.sleep(1.0)
        out = Ours(idle_stall=idle_stalls.longest, idle_rss=rss_bytes())
        load_before = os.getloadavg()[0]
        with RssPeak() as memory, GcPauses(full_only=True) as pauses, StallMeter() as stalls:
            started = time.perf_counter()
            with full_collections_held():  # as the window's import flow holds them
                checked = await service.check("posts", path)
            out.check_s = time.perf_counter() - started
            assert not checked.errors, checked.errors[:5]
            started = time.perf_counter()
            with full_collections_held():
                change = await service.write(checked.plan, progress=lambda done, total: True)
            out.write_s = time.perf_counter() - started
            out.rows = len(change.posts)
            del checked, change
        out.load = (load_before, os.getloadavg()[0])
        gc.unfreeze()
        out.stall, out.stall_cpu, out.peak_rss = stalls.longest, stalls.longest_cpu, memory.peak
        out.collections, out.longest_collection = pauses.count, pauses.longest
        return out
    finally:
        store.close()
        await engine.dispose()


async def no_hashing(password: str) -> str:
    raise AssertionError("posts carry no passwords")


async def migrate(url: str) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0, wal=True)
    try:
        await migrations.upgrade(engine, url)
    finally:
        await engine.dispose()


def user_rows(people: list[Author], *, sqlite: bool) -> list[tuple[Any, ...]]:
    rows = []
    for n, person in enumerate(people):
        created = START - timedelta(days=1, seconds=n)
        rows.append(
            (
                person.id.hex if sqlite else person.id,
                f"{person.username}@example.org",
                person.username,
                HASH,
                True,
                None,
                sqlite_stored(created.isoformat()) if sqlite else created,
                None,
            )
        )
    return rows


# ----- SQLite -----


def sqlite_seed(path: Path, people: list[Author]) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executemany(
            f"INSERT INTO users VALUES ({','.join('?' * 8)})", user_rows(people, sqlite=True)
        )
        connection.commit()
    finally:
        connection.close()


def sqlite_raw(path: Path, csv_path: Path) -> tuple[int, float, float]:
    """(rows, seconds from the file to the commit, seconds of the executemany and commit)."""
    print(f"  raw SQLite starts, load average {os.getloadavg()[0]:.1f}")
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=ON")  # as the app's connections have it
        started = time.perf_counter()
        rows = read_for_driver(csv_path, sqlite_row)
        inserting = time.perf_counter()
        connection.executemany(
            f"INSERT INTO posts ({', '.join(POST_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?)", rows
        )
        connection.commit()
        done = time.perf_counter()
        return len(rows), done - started, done - inserting
    finally:
        connection.close()


def sqlite_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM posts").fetchone()[0])
    finally:
        connection.close()


async def run_sqlite(directory: Path, csv_path: Path, people: list[Author]) -> tuple[Ours, Any]:
    ours_db, raw_db = directory / "ours.db", directory / "raw.db"
    for db in (ours_db, raw_db):
        await migrate(f"sqlite+aiosqlite:///{db}")
        sqlite_seed(db, people)
    ours = await our_import(f"sqlite+aiosqlite:///{ours_db}", csv_path)
    raw = sqlite_raw(raw_db, csv_path)
    assert sqlite_count(ours_db) == sqlite_count(raw_db) == raw[0] == ours.rows
    return ours, raw


# ----- PostgreSQL -----


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def postgres_databases(admin: str, names: list[str], *, drop: bool = False) -> list[str]:
    connection = await asyncpg.connect(asyncpg_dsn(admin))
    try:
        for name in names:
            if drop:
                await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            else:
                await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    base = make_url(admin).set(drivername="postgresql+asyncpg")
    return [base.set(database=name).render_as_string(hide_password=False) for name in names]


async def postgres_seed(url: str, people: list[Author]) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await connection.copy_records_to_table(
            "users",
            records=user_rows(people, sqlite=False),
            columns=[
                "id",
                "email",
                "username",
                "hashed_password",
                "is_active",
                "bio",
                "created_at",
                "updated_at",
            ],
        )
    finally:
        await connection.close()


async def postgres_raw(url: str, csv_path: Path) -> tuple[int, float, float]:
    print(f"  raw PostgreSQL starts, load average {os.getloadavg()[0]:.1f}")
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        started = time.perf_counter()
        rows = read_for_driver(csv_path, postgres_row)
        inserting = time.perf_counter()
        async with connection.transaction():
            await connection.copy_records_to_table("posts", records=rows, columns=POST_FIELDS)
        done = time.perf_counter()
        return len(rows), done - started, done - inserting
    finally:
        await connection.close()


async def postgres_count(url: str) -> int:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(await connection.fetchval("SELECT count(*) FROM posts"))
    finally:
        await connection.close()


async def run_postgres(admin: str, csv_path: Path, people: list[Author]) -> tuple[Ours, Any]:
    tag = uuid4().hex[:8]
    names = [f"bench_import_ours_{tag}", f"bench_import_raw_{tag}"]
    ours_url, raw_url = await postgres_databases(admin, names)
    try:
        for url in (ours_url, raw_url):
            await migrate(url)
            await postgres_seed(url, people)
        ours = await our_import(ours_url, csv_path)
        raw = await postgres_raw(raw_url, csv_path)
        counts = [await postgres_count(url) for url in (ours_url, raw_url)]
        assert counts == [raw[0], ours.rows], counts
        return ours, raw
    finally:
        await postgres_databases(admin, names, drop=True)


# ----- the report -----


def report(title: str, raw_name: str, ours: Ours, raw: tuple[int, float, float]) -> None:
    rows, raw_s, raw_insert_s = raw
    print(title)
    print(
        f"  ours (ImportService.check + write): {ours.seconds:.1f} s "
        f"(check {ours.check_s:.1f} s, write {ours.write_s:.1f} s), "
        f"{rows / ours.seconds:,.0f} rows/s; load average {ours.load[0]:.1f} before, "
        f"{ours.load[1]:.1f} after"
    )
    print(
        f"    peak RSS +{(ours.peak_rss - ours.idle_rss) / 1e6:.0f} MB over idle "
        f"({ours.idle_rss / 1e6:.0f} MB); longest event-loop stall {ours.stall * 1000:.1f} ms "
        f"(idle: {ours.idle_stall * 1000:.1f} ms, tick {TICK * 1000:.0f} ms; the loop "
        f"thread's own CPU in its longest turn {ours.stall_cpu * 1000:.1f} ms); "
        f"{ours.collections} full garbage collections, longest "
        f"{ours.longest_collection * 1000:.0f} ms"
    )
    print(
        f"  raw ({raw_name}): {raw_s:.1f} s from the file, {rows / raw_s:,.0f} rows/s; "
        f"the insert alone {raw_insert_s:.1f} s, {rows / raw_insert_s:,.0f} rows/s"
    )
    print(
        f"  ratio ours / raw rows/s: {raw_s / ours.seconds:.2f}x (file to commit), "
        f"{raw_insert_s / ours.seconds:.2f}x (vs the raw insert alone); "
        f"our write alone vs the raw insert: {raw_insert_s / ours.write_s:.2f}x"
    )


def timed(label: str, work: Callable[[], Awaitable[Any]]) -> Any:
    started = time.perf_counter()
    result = asyncio.run(work())
    print(f"  ({label}: {time.perf_counter() - started:.0f} s)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--authors", type=int, default=1_000)
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL"))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    people = authors(args.authors)
    with tempfile.TemporaryDirectory() as directory:
        csv_path = Path(directory) / "posts.csv"
        started = time.perf_counter()
        write_csv(csv_path, args.rows, people)
        size = csv_path.stat().st_size
        print(
            f"wrote {args.rows:,} posts by {args.authors:,} authors to CSV "
            f"({size / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s"
        )
        if not args.skip_sqlite:
            ours, raw = timed(
                "SQLite, setup included", lambda: run_sqlite(Path(directory), csv_path, people)
            )
            report(
                f"import of {args.rows:,} posts from CSV into a SQLite file (WAL, search "
                "triggers on)",
                "sqlite3 executemany, one transaction",
                ours,
                raw,
            )
        if args.postgres:
            ours, raw = timed(
                "PostgreSQL, setup included",
                lambda: run_postgres(args.postgres, csv_path, people),
            )
            report(
                f"import of {args.rows:,} posts from CSV into PostgreSQL "
                f"({make_url(args.postgres).host})",
                "asyncpg copy_records_to_table, one transaction",
                ours,
                raw,
            )
        else:
            print("PostgreSQL: skipped (no --postgres URL and no TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()
