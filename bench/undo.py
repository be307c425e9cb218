"""Undo benchmark (issue #11): undoing the delete of one user with 100,000 posts.

Run: .venv/bin/python bench/undo.py [--posts 100000]

In a SQLite file in a temporary directory: one user and ``--posts`` posts are written, the
user is deleted through ``UserService`` (which records the ChangeSet: the user and every post
the cascade takes). As the window's undo history does with a step over its memory budget, the
change is then moved to a ``TemporaryChangeStore`` file in a worker thread and the objects are
let go; the undo, ``ChangeApplier.apply(kept.inverse())``, reads it back a batch at a time.
Each phase is timed while a concurrent asyncio task ticks every 5 ms and records the longest
gap between two ticks (the longest time the event loop was held), and resident memory is
read before and after. Side by side: raw ``sqlite3`` ``executemany`` of the same rows, in the
same format, into a fresh database with the same schema (indexes, search triggers and all),
and the ratio of the two.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meters import TICK, GcPauses, StallMeter, rss_bytes  # noqa: E402

from desktop_app.application.change_applier import ChangeApplier  # noqa: E402
from desktop_app.application.change_journal import ChangeJournal  # noqa: E402
from desktop_app.application.change_set import ChangeSet  # noqa: E402
from desktop_app.application.user_service import UserService  # noqa: E402
from desktop_app.domain.entities import CreateUserDTO, Post  # noqa: E402
from desktop_app.infrastructure.change_store import TemporaryChangeStore  # noqa: E402
from desktop_app.infrastructure.database import migrations  # noqa: E402
from desktop_app.infrastructure.database.connection import (  # noqa: E402
    make_engine,
    make_session_factory,
)
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork  # noqa: E402
from desktop_app.ui.gc_guard import exempt_long_lived  # noqa: E402


async def fast_hash(password: str) -> str:
    return "bench$" + password


def _stored(value: datetime | None) -> str | None:
    """A timestamp as the app's column type stores it on SQLite."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


async def _engine(path: Path) -> Any:
    url = f"sqlite+aiosqlite:///{path}"
    engine = make_engine(url, pool_size=2, max_overflow=0, wal=True)
    await migrations.upgrade(engine, url)
    return engine


async def _seed(uow_factory: Any, users: UserService, posts: int) -> Any:
    user = await users.create_user(
        CreateUserDTO(email="prolific@example.org", username="prolific", password="password1")
    )
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for first in range(0, posts, 5_000):
        async with uow_factory() as uow:
            await uow.posts.restore(
                [
                    Post(
                        title=f"Post {n}",
                        content=f"Words of post number {n}, long enough to look like a post.",
                        author_id=user.id,
                        created_at=start + timedelta(seconds=n),
                    )
                    for n in range(first, min(posts, first + 5_000))
                ]
            )
            await uow.commit()
    return user


def _raw_insert(path: Path, change: ChangeSet) -> float:
    """executemany of the same rows with the plain sqlite3 driver, in one transaction."""
    [user] = [c.before for c in change.users]
    assert user is not None
    posts = [c.before for c in change.posts]
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        started = time.perf_counter()
        connection.execute(
            "INSERT INTO users (id, email, username, hashed_password, is_active, bio,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                user.id.hex,
                user.email,
                user.username,
                user.hashed_password,
                user.is_active,
                user.bio,
                _stored(user.created_at),
                _stored(user.updated_at),
            ),
        )
        connection.executemany(
            "INSERT INTO posts (id, title, content, author_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    p.id.hex,
                    p.title,
                    p.content,
                    p.author_id.hex,
                    _stored(p.created_at),
                    _stored(p.updated_at),
                )
                for p in posts
                if p is not None
            ],
        )
        connection.commit()
        return time.perf_counter() - started
    finally:
        connection.close()


async def main(posts: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "undo.db"
        engine = await _engine(path)
        uow_factory = partial(
            SQLAlchemyUnitOfWork, make_session_factory(engine), hash_password=fast_hash
        )
        journal = ChangeJournal()
        changes: list[ChangeSet] = []
        journal.subscribe(changes.append)
        users = UserService(uow_factory, hash_password=fast_hash, journal=journal)
        applier = ChangeApplier(uow_factory)
        user = await _seed(uow_factory, users, posts)

        rss_before = rss_bytes()
        with StallMeter() as delete_meter:
            started = time.perf_counter()
            outcome = await users.delete_user(user.id)
            delete_s = time.perf_counter() - started
        journal_bytes = rss_bytes() - rss_before
        change = changes[-1]  # the first is the user's creation
        exempt_long_lived(change.size)  # what the window's undo history does on taking it
        rows = change.size
        assert outcome.posts == posts
        assert rows == posts + 1
        raw_path = Path(directory) / "raw.db"
        raw_engine = await _engine(raw_path)
        await raw_engine.dispose()
        raw_s = _raw_insert(raw_path, change)

        store = TemporaryChangeStore(Path(directory))
        with StallMeter() as keep_meter:
            started = time.perf_counter()
            kept = await asyncio.to_thread(store.keep, change)  # as undo_memory.py does
            keep_s = time.perf_counter() - started
        del change, changes[:]  # the history swaps the kept change in: the objects go
        kept_bytes = rss_bytes() - rss_before
        file_bytes = store.path.stat().st_size if store.path else 0

        await asyncio.sleep(0.05)
        with StallMeter() as idle:
            await asyncio.sleep(0.5)
        undo_rss = rss_bytes()
        with StallMeter() as meter, GcPauses() as pauses:
            started = time.perf_counter()
            await applier.apply(kept.inverse())
            undo_s = time.perf_counter() - started
        undo_bytes = rss_bytes() - undo_rss
        async with uow_factory() as uow:
            assert await uow.posts.count() == posts
        await engine.dispose()
        store.close()

    print(f"undo of deleting 1 user with {posts:,} posts ({rows:,} rows), SQLite file, WAL")
    print(f"  delete through UserService (snapshot + delete): {delete_s:.2f} s,")
    print(f"    longest event-loop stall {delete_meter.longest * 1000:.1f} ms")
    print(
        f"  memory held by the ChangeSet: {journal_bytes / 1e6:.1f} MB more resident memory "
        f"after the delete (~{journal_bytes / rows:.0f} bytes a deleted row)"
    )
    print(
        f"  kept on disk (TemporaryChangeStore.keep, worker thread): {keep_s:.2f} s, file "
        f"{file_bytes / 1e6:.0f} MB, longest event-loop stall {keep_meter.longest * 1000:.1f} ms;"
    )
    print(f"    then {kept_bytes / 1e6:.1f} MB more resident memory than before the delete")
    print(
        f"  undo (ChangeApplier.apply(kept.inverse())): {undo_s:.2f} s, {rows / undo_s:,.0f} "
        f"rows/s, resident memory +{undo_bytes / 1e6:.1f} MB, "
        f"longest event-loop stall {meter.longest * 1000:.1f} ms "
        f"(idle: {idle.longest * 1000:.1f} ms, tick {TICK * 1000:.0f} ms)"
    )
    print(f"    of which the longest garbage collection: {pauses.longest * 1000:.1f} ms")
    print(f"  raw sqlite3 executemany of the same rows: {raw_s:.2f} s, {rows / raw_s:,.0f} rows/s")
    print(f"  ratio undo / raw: {undo_s / raw_s:.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().posts))
