"""Backup and restore (issue #12, item 4): a consistent online copy of a SQLite file while
another connection writes, Cancel leaving nothing, a restore that keeps the replaced database
aside and refuses anything that is not one of our backups, and a local SQLite copy of either
backend with every column exact (the web backend's NULL ``updated_at`` included)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
import pytest_asyncio
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.core.paths import data_dir
from desktop_app.domain.errors import OperationCancelledError, StorageError
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine
from desktop_app.infrastructure.database.inspection import KEEP_BACKUPS, backup_path, backup_sqlite
from desktop_app.infrastructure.database.local_copy import save_local_copy
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.sqlite_backup import (
    NotABackupError,
    back_up,
    backup_to,
    dated_copy_path,
    replaced_path,
    restore,
    restore_from,
)
from tests.integration.test_read_queries import readers
from tests.reference_backend import WebBackend
from tests.site_data import SEARCH_BIO_WORD, SEARCH_TITLE_WORD, build_site, parse_stored

pytestmark = pytest.mark.asyncio

USERS = 1_500


def user_row(n: int, *, when: datetime | None = None) -> dict[str, Any]:
    at = when or datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=n)
    return {
        "id": uuid4(),
        "email": f"user{n}@example.org",
        "username": f"user{n}",
        "hashed_password": f"$argon2id$hash-{n}",
        "is_active": n % 3 != 0,
        "bio": None if n % 5 == 0 else f"bio {n} " + "x" * 400,
        "created_at": at,
        "updated_at": None if n % 2 else at,
    }


async def migrated_file(path: Path, users: int = 0) -> Path:
    """A SQLite file migrated as the app migrates, in WAL mode (as the app's own file is),
    with ``users`` users and a post each."""
    url = f"sqlite+aiosqlite:///{path}"
    engine = make_engine(url, pool_size=1, max_overflow=0, wal=True)
    try:
        await migrations.upgrade(engine, url)
        if users:
            rows = [user_row(n) for n in range(users)]
            async with engine.begin() as connection:
                await connection.execute(insert(UserModel), rows)
                await connection.execute(
                    insert(PostModel),
                    [
                        {
                            "id": uuid4(),
                            "title": f"Post of {row['username']}",
                            "content": "Body.",
                            "author_id": row["id"],
                            "created_at": row["created_at"],
                            "updated_at": None,
                        }
                        for row in rows
                    ],
                )
    finally:
        await engine.dispose()
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The migrated, filled file, made once (its own thread: no event loop runs here)."""
    path = tmp_path_factory.mktemp("template") / "blog.db"
    worker = threading.Thread(target=asyncio.run, args=(migrated_file(path, USERS),))
    worker.start()
    worker.join()
    assert not Path(f"{path}-wal").exists()  # all in the one file, to copy
    return path


@pytest.fixture
def database(template: Path, tmp_path: Path) -> Path:
    """A migrated SQLite file in WAL mode with USERS users and a post each."""
    shutil.copyfile(template, tmp_path / "blog.db")
    return tmp_path / "blog.db"


def usernames(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT username FROM users ORDER BY username")]


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of both tables, as stored."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return {
            table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("users", "posts")
        }


def names(folder: Path, prefix: str = "") -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(prefix))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Writer:
    """Another connection committing one user at a time (``w00000``, ``w00001``, …) until
    stopped; ``committed`` counts them."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._stop = threading.Event()
        self.committed = 0
        self._thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        with contextlib.closing(sqlite3.connect(self._path, timeout=10)) as db:
            while not self._stop.is_set():
                n = self.committed
                db.execute(
                    "INSERT INTO users (id, email, username, hashed_password, is_active, "
                    "created_at) VALUES (?, ?, ?, 'h', 1, '2026-02-01 00:00:00')",
                    (uuid4().hex, f"w{n:05d}@example.org", f"w{n:05d}"),
                )
                db.commit()
                self.committed = n + 1
                time.sleep(0.0005)

    def __enter__(self) -> Writer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


# -- backup ---------------------------------------------------------------------------------


async def test_backup_while_another_connection_writes_is_a_consistent_snapshot(
    database: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    reported: list[tuple[int, int]] = []
    during: list[int] = []

    def progress(done: int, total: int) -> None:
        reported.append((done, total))
        during.append(writer.committed)
        if len(reported) > 3_000:  # a copy restarted by every commit would never end
            raise AssertionError(f"the backup keeps starting over: {reported[-5:]}")
        time.sleep(0.002)  # let the writer commit between steps

    with Writer(database) as writer:
        while writer.committed < 5:
            await asyncio.sleep(0.001)
        before = writer.committed
        await asyncio.to_thread(backup_to, database, target, progress, pages=4)
        await asyncio.sleep(0.05)
    assert during[-1] > during[0] + 10, "the writer must have committed during the backup"
    assert len(reported) > 50
    # One snapshot: progress only ever moves forward (a restarted copy would go back) ...
    assert [d for d, _ in reported] == sorted(d for d, _ in reported)
    assert reported[-1][0] == reported[-1][1]
    assert integrity(target) == "ok"
    # ... and holds the writer's rows up to one commit, none after.
    written = [name for name in usernames(target) if name.startswith("w")]
    assert written == [f"w{n:05d}" for n in range(len(written))]
    assert before <= len(written) <= during[0] + 1
    source_rows = [name for name in usernames(database) if not name.startswith("w")]
    assert [name for name in usernames(target) if not name.startswith("w")] == source_rows
    assert len(source_rows) == USERS
    assert not target.with_name("copy.db.part").exists()
    with contextlib.closing(sqlite3.connect(target)) as db:  # one file, to move as it is
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


async def test_a_finished_backup_holds_the_same_rows(database: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = await back_up(database, tmp_path / "copy.db", lambda d, t: seen.append((d, t)) or True)
    assert snapshot(target) == snapshot(database)
    assert integrity(target) == "ok"
    assert seen and seen[-1][0] == seen[-1][1] > 0


async def test_cancel_mid_backup_leaves_no_file(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    cancel = threading.Event()
    steps: list[int] = []

    def progress(done: int, total: int) -> None:
        steps.append(done)
        if len(steps) == 3:
            assert done < total  # really mid-way
            cancel.set()

    with pytest.raises(OperationCancelledError):
        await asyncio.to_thread(backup_to, database, target, progress, cancel=cancel, pages=4)
    assert len(steps) == 3
    assert names(tmp_path, "copy") == []


async def test_cancel_from_the_event_loop_leaves_no_file(database: Path, tmp_path: Path) -> None:
    answers = iter([True, True, False])
    with pytest.raises(OperationCancelledError):
        await back_up(database, tmp_path / "a.db", lambda _d, _t: next(answers, False), pages=4)
    # Cancelling the task that waits stops the copy too, once its file is gone.
    task = asyncio.ensure_future(back_up(database, tmp_path / "b.db"))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert [name for name in names(tmp_path) if not name.startswith("blog.db")] == []


async def test_upgrade_backups_keep_the_newest_few_and_spare_the_users_own(
    database: Path,
) -> None:
    """The copies made before an upgrade are pruned to the newest KEEP_BACKUPS; a backup the
    user made (File → Back up…, ``desktop-app backup``) is named apart and never pruned."""
    own = await back_up(database, dated_copy_path(database, now=datetime(2026, 1, 1)))
    made = []
    for day in range(1, 6):
        target = backup_path(database, "0003", now=datetime(2026, 12, day))
        made.append(await backup_sqlite(database, target))
    kept = [name for name in names(database.parent) if ".backup-" in name]
    assert kept == sorted(p.name for p in made[-KEEP_BACKUPS:])
    assert own.exists() and own.name == "blog-20260101-000000.db"


# -- restore --------------------------------------------------------------------------------


async def test_restore_replaces_and_keeps_the_old_one_aside(database: Path, tmp_path: Path) -> None:
    backup = await back_up(database, tmp_path / "backup.db")
    before = snapshot(database)
    url = f"sqlite+aiosqlite:///{database}"
    app = make_engine(url, pool_size=1, max_overflow=0, wal=True)  # the app, still connected
    try:
        async with app.begin() as connection:
            await connection.execute(text("DELETE FROM users WHERE username LIKE 'user1%'"))
            await connection.execute(insert(UserModel), [user_row(USERS + 1)])
        changed = snapshot(database)
        assert changed != before
        seen: list[tuple[int, int]] = []
        kept = await restore(backup, database, progress=lambda d, t: seen.append((d, t)) or True)
        assert kept is not None and kept.parent == database.parent
        assert kept.name.startswith("blog.replaced-") and kept.suffix == ".db"
        assert snapshot(database) == before
        assert snapshot(kept) == changed  # WAL contents included
        assert integrity(database) == integrity(kept) == "ok"
        assert seen and seen[-1][0] == seen[-1][1]
        async with app.connect() as connection:  # the open connection sees the restored rows
            count = await connection.scalar(text("SELECT count(*) FROM users"))
        assert count == USERS
        users, _ = readers(app)
        assert await users.count(UserQuery(search="user1499")) == 1  # the search index too
    finally:
        await app.dispose()


async def test_a_restore_cancelled_mid_copy_leaves_the_database_as_it_was(
    database: Path, tmp_path: Path
) -> None:
    other = await back_up(database, tmp_path / "other.db")
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("DELETE FROM users WHERE username LIKE 'user1%'")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before, rows = digest(database), snapshot(database)
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > total * 3 // 4:  # the copy aside is done; the copy in is half-way
            cancel.set()

    with pytest.raises(OperationCancelledError):
        await asyncio.to_thread(
            restore_from, other, database, progress=progress, cancel=cancel, pages=16
        )
    assert snapshot(database) == rows and integrity(database) == "ok"
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert digest(database) == before
    assert [n for n in names(tmp_path) if "replaced" in n] == []


async def test_restore_into_a_missing_file_creates_it(database: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "new.db"
    assert restore_from(database, missing) is None
    assert snapshot(missing) == snapshot(database)


def _text_file(path: Path) -> Path:
    path.write_text("id,name\n1,not a database\n")
    return path


def _other_database(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE notes (body TEXT)")
        db.commit()
    return path


def _damaged(path: Path, source: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\x00garbage" * 25
    path.write_bytes(bytes(data))
    return path


def _from_the_future(path: Path, source: Path) -> Path:
    restore_from(source, path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE desktop_app_alembic_version SET version_num = '9999'")
        db.commit()
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp, _src: _text_file(tmp / "users.csv"), "is not a SQLite database"),
        (lambda tmp, _src: tmp / "nowhere.db", "is not there"),
        (
            lambda tmp, _src: _other_database(tmp / "other.db"),
            "not a backup of users and posts (it has no posts table)",
        ),
        (lambda tmp, src: _damaged(tmp / "damaged.db", src), "nothing was restored"),
        (lambda tmp, src: _from_the_future(tmp / "newer.db", src), "newer version of the app"),
        (lambda _tmp, src: src, "is the database itself"),
    ],
    ids=["text file", "missing", "other tables", "damaged", "newer schema", "itself"],
)
async def test_restoring_what_is_not_a_backup_changes_nothing(
    database: Path, tmp_path: Path, make: Any, says: str
) -> None:
    backup = await back_up(database, tmp_path / "template.db")
    offered = make(tmp_path, backup)
    if offered == backup:  # "itself": offer the database as its own backup
        offered = database
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(database)
    files = names(tmp_path)
    with pytest.raises(NotABackupError) as raised:
        await restore(offered, database)
    assert says in str(raised.value)
    assert str(offered) in str(raised.value)
    assert digest(database) == before
    assert names(tmp_path) == files  # nothing kept aside


async def test_the_replaced_database_goes_beside_it_or_to_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    when = datetime(2026, 12, 3, 10, 15, 0)
    assert replaced_path(tmp_path / "blog.db", now=when) == tmp_path / (
        "blog.replaced-20261203-101500.db"
    )
    locked = tmp_path / "locked"
    monkeypatch.setattr(os, "access", lambda path, _mode: Path(path) != locked)
    assert replaced_path(locked / "blog.db", now=when) == (
        data_dir() / "backups" / "blog.replaced-20261203-101500.db"
    )


# -- a local copy of either backend ---------------------------------------------------------


async def every_column(engine: AsyncEngine) -> dict[str, dict[UUID, tuple[Any, ...]]]:
    """Every column of every row, read with plain SQL and normalised here (ids as UUIDs,
    timestamps as aware UTC instants, flags as bools), not by the app."""

    def uuid_of(value: Any) -> UUID:
        return UUID(hex=value) if isinstance(value, str) else UUID(str(value))

    async with engine.connect() as connection:
        users = (
            await connection.execute(
                text(
                    "SELECT id, email, username, hashed_password, is_active, bio, created_at, "
                    "updated_at FROM users"
                )
            )
        ).all()
        posts = (
            await connection.execute(
                text("SELECT id, title, content, author_id, created_at, updated_at FROM posts")
            )
        ).all()
    return {
        "users": {
            uuid_of(r[0]): (
                r[1],
                r[2],
                r[3],
                bool(r[4]),
                r[5],
                parse_stored(r[6]),
                parse_stored(r[7]),
            )
            for r in users
        },
        "posts": {
            uuid_of(r[0]): (r[1], r[2], uuid_of(r[3]), parse_stored(r[4]), parse_stored(r[5]))
            for r in posts
        },
    }


@pytest_asyncio.fixture
async def copy_engine(tmp_path: Path) -> AsyncIterator[Any]:
    engines: list[AsyncEngine] = []

    def open_copy(path: Path) -> AsyncEngine:
        engine = make_engine(f"sqlite+aiosqlite:///{path}", pool_size=1, max_overflow=0)
        engines.append(engine)
        return engine

    yield open_copy
    for engine in engines:
        await engine.dispose()


async def test_a_local_copy_of_either_backend_has_every_column_exact(
    engine: AsyncEngine, database_url: str, tmp_path: Path, copy_engine: Any
) -> None:
    async with WebBackend(database_url) as site:
        made = await build_site(site)  # the site's ORM (updated_at NULL) and raw SQL
    async with engine.begin() as connection:  # and rows the app wrote, to the microsecond
        await connection.execute(insert(UserModel), [user_row(n) for n in range(20)])
    source = await every_column(engine)
    assert any(row[-1] is None for row in source["users"].values())
    assert any(row[-1] is None for row in source["posts"].values())

    seen: list[tuple[int, int]] = []
    target = tmp_path / "copy of the site.db"
    counts = await save_local_copy(
        engine, target, lambda d, t: seen.append((d, t)) or True, page_rows=7
    )
    total = len(source["users"]) + len(source["posts"])
    assert (counts.users, counts.posts) == (len(source["users"]), len(source["posts"]))
    assert seen[0] == (0, total) and seen[-1] == (total, total) and len(seen) > total // 7
    assert not target.with_name(target.name + ".part").exists()

    copy = copy_engine(target)
    assert await every_column(copy) == source
    assert await migrations.current_revision(copy) == migrations.head_revision()
    assert integrity(target) == "ok"
    users, posts = readers(copy)  # the app reads and searches it as any database it opened
    assert await users.count(UserQuery(search=SEARCH_BIO_WORD)) == sum(
        1 for row in source["users"].values() if row[4] and SEARCH_BIO_WORD in row[4]
    )
    assert await posts.count(PostQuery()) == len(made.orm_posts + made.raw_posts + made.now_posts)


@pytest.mark.parametrize("narrowed", ["search", "author"])
async def test_a_local_copy_of_the_current_view_holds_its_posts_and_their_authors(
    engine: AsyncEngine, database_url: str, tmp_path: Path, copy_engine: Any, narrowed: str
) -> None:
    """The posts a view shows (searched as the view searches, or one author's) and exactly
    their authors, every column exact; nobody else, and no other post."""
    async with WebBackend(database_url) as site:
        made = await build_site(site)
    source = await every_column(engine)
    _users, posts = readers(engine)
    if narrowed == "search":
        view = PostQuery(search=SEARCH_TITLE_WORD)
    else:
        author = source["posts"][made.orm_posts[1]][2]
        view = PostQuery(author_ids=frozenset({author}))
    shown = {key.id for key in await posts.keys(view, limit=10_000)}
    assert 0 < len(shown) < len(source["posts"])
    authors = {source["posts"][post_id][2] for post_id in shown}
    assert len(authors) < len(source["users"])

    target = tmp_path / "view.db"
    counts = await save_local_copy(engine, target, page_rows=5, view=view)
    assert (counts.users, counts.posts) == (len(authors), len(shown))
    copy = await every_column(copy_engine(target))
    assert copy["posts"] == {post_id: source["posts"][post_id] for post_id in shown}
    assert copy["users"] == {user_id: source["users"][user_id] for user_id in authors}
    assert integrity(target) == "ok"


async def _write_elsewhere(url: str, user_id: UUID, post_id: UUID) -> None:
    """A second writer (its own engine and event loop) adds a user and a post by them."""
    writer = create_async_engine(url)
    try:
        async with writer.begin() as connection:
            await connection.execute(insert(UserModel), [user_row(10_000) | {"id": user_id}])
            await connection.execute(
                insert(PostModel).values(
                    id=post_id,
                    title="Written during the copy",
                    content="Body.",
                    author_id=user_id,
                    created_at=datetime.now(UTC),
                )
            )
    finally:
        await writer.dispose()


async def test_a_local_copy_is_one_snapshot_while_the_site_writes(
    engine: AsyncEngine, database_url: str, tmp_path: Path, copy_engine: Any
) -> None:
    async with engine.begin() as connection:
        rows = [user_row(n) for n in range(30)]
        await connection.execute(insert(UserModel), rows)
    before = await every_column(engine)
    # Ids that sort after every other: the copy reaches them after the write, if it can.
    late_user, late_post = UUID(int=2**128 - 1), UUID(int=2**128 - 2)

    def progress(done: int, _total: int) -> bool:
        if done == 10:  # mid-way through the users
            worker = threading.Thread(
                target=asyncio.run, args=(_write_elsewhere(database_url, late_user, late_post),)
            )
            worker.start()
            worker.join()
        return True

    await save_local_copy(engine, tmp_path / "copy.db", progress, page_rows=5)
    assert late_user in (await every_column(engine))["users"]  # the write went through
    assert await every_column(copy_engine(tmp_path / "copy.db")) == before


async def test_a_cancelled_local_copy_leaves_no_file(engine: AsyncEngine, tmp_path: Path) -> None:
    async with engine.begin() as connection:
        await connection.execute(insert(UserModel), [user_row(n) for n in range(30)])
    with pytest.raises(OperationCancelledError):
        await save_local_copy(engine, tmp_path / "copy.db", lambda d, _t: d < 10, page_rows=5)
    assert names(tmp_path, "copy") == []


async def test_a_local_copy_of_a_database_without_our_tables_says_so(
    bare_engine: AsyncEngine, tmp_path: Path
) -> None:
    with pytest.raises(StorageError, match="has no users and posts tables"):
        await save_local_copy(bare_engine, tmp_path / "copy.db")
    assert names(tmp_path, "copy") == []
