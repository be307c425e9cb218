"""Realistic demo users and posts, inserted in bulk: for screenshots and million-row testing.

Rows are generated deterministically from a seed and inserted with executemany in batches,
already in the shape the driver stores (no ORM objects, no per-row type processing), inside one
transaction: a failed or cancelled import leaves nothing behind.

Demo data must not hurt a site whose database it is pointed at: a database that has users is
refused unless forced; demo accounts are locked (their hash is no hash of any password, so
nobody logs in as them, here or on the web backend); and demo posts are written only by the
demo users of the same run, never in a real person's name.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from desktop_app.infrastructure.database.demo_vocabulary import (
    BIOS,
    DOMAINS,
    FIRST,
    LAST,
    MARKDOWN_FORMS,
    SENTENCES,
    TITLE_FORMS,
    TOPICS,
)
from desktop_app.infrastructure.database.error_translation import raise_translated
from desktop_app.infrastructure.database.models import UserModel
from desktop_app.infrastructure.database.search import INDEXED, SEARCH_TRIGGERS

# The Unix convention for a locked account: "!" is no hash any passlib scheme (argon2, bcrypt,
# pbkdf2_sha256) identifies, so verifying any password against it fails, here and on the web.
LOCKED_PASSWORD_HASH = "!demo-account-locked"
# (what, done, total) -> keep going? Returning False cancels the import (it rolls back).
Progress = Callable[[str, int, int], bool]


class ExistingUsersError(ValueError):
    """The database already has users: demo data goes only where it cannot be mistaken for
    (or mixed with) real people, unless the caller forces it."""

    def __init__(self, users: int) -> None:
        self.users = users
        super().__init__(
            f"the database already has {users:,} user{'s' if users != 1 else ''}: demo data "
            "is for an empty database, and none was added. --force adds the demo users and "
            "posts anyway (locked accounts nobody can log in to, and posts by them only)."
        )


@dataclass(frozen=True, slots=True)
class DemoResult:
    users: int
    posts: int
    seconds: float


def _text_time(moment: datetime, sqlite: bool) -> Any:
    """Timestamps as the driver stores them: naive UTC text on SQLite, aware on PostgreSQL."""
    if sqlite:
        return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    return moment


def _uuid(rng: random.Random, clock_ms: int, n: int) -> uuid.UUID:
    """A UUIDv7 (RFC 9562): a millisecond timestamp, then a counter, then random bits.

    Ids that grow with each row keep every insert at the right-hand end of the primary-key
    index instead of at a random place in a million-entry B-tree (random uuid4 ids made the
    1M + 1M import half again as slow). They are valid UUIDs like the web backend's."""
    timestamp = clock_ms + (n >> 12)
    return uuid.UUID(
        int=(timestamp << 80) | (7 << 76) | ((n & 0xFFF) << 64) | (0b10 << 62) | rng.getrandbits(62)
    )


def _users(
    rng: random.Random, count: int, tag: str, hashed: str, now: datetime, sqlite: bool
) -> Iterator[tuple[Any, ...]]:
    clock_ms = int(now.timestamp() * 1000)
    span = 3 * 365 * 24 * 3600
    for n in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        username = f"{first}.{last}{tag}{n}"
        created = now - timedelta(seconds=rng.random() * span)
        updated = created + timedelta(seconds=rng.random() * (now - created).total_seconds())
        bio = None if rng.random() < 0.25 else rng.choice(BIOS).format(t=rng.choice(TOPICS))
        user_id = _uuid(rng, clock_ms, n)
        yield (
            user_id.hex if sqlite else user_id,
            f"{username}@{rng.choice(DOMAINS)}",
            username,
            hashed,
            (1 if sqlite else True) if rng.random() < 0.9 else (0 if sqlite else False),
            bio,
            _text_time(created, sqlite),
            _text_time(updated, sqlite),
        )


def _posts(
    rng: random.Random, count: int, authors: list[Any], now: datetime, sqlite: bool
) -> Iterator[tuple[Any, ...]]:
    clock_ms = int(now.timestamp() * 1000)
    span = 3 * 365 * 24 * 3600
    titles = [
        form.format(t=topic, T=topic[0].upper() + topic[1:])
        for form in TITLE_FORMS
        for topic in TOPICS
    ]
    contents = [
        " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 9))) for _ in range(997)
    ]
    for n in range(0, len(contents), 4):  # every fourth text is Markdown, as on the site
        topic = rng.choice(TOPICS)
        contents[n] = rng.choice(MARKDOWN_FORMS).format(
            t=topic,
            T=topic[0].upper() + topic[1:],
            slug=topic.lower().replace(" ", "-"),
            **{f"s{k}": rng.choice(SENTENCES) for k in range(1, 6)},
        )
    for n in range(count):
        title, content = rng.choice(titles), rng.choice(contents)
        # a few prolific authors and a long tail, as on a real site
        author = authors[min(int(rng.paretovariate(1.2)) - 1, len(authors) - 1)]
        created = now - timedelta(seconds=rng.random() * span)
        post_id = _uuid(rng, clock_ms, n)
        yield (
            post_id.hex if sqlite else post_id,
            title,
            content,
            author,
            _text_time(created, sqlite),
            _text_time(created + timedelta(seconds=rng.random() * 86_400), sqlite),
        )


def _collect_ids(rows: Iterator[tuple[Any, ...]], ids: list[Any]) -> Iterator[tuple[Any, ...]]:
    """Pass rows through, keeping their ids (the new users become post authors)."""
    for row in rows:
        ids.append(row[0])
        yield row


def _batches(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def _insert(
    connection: AsyncConnection,
    sql: str,
    rows: Iterator[tuple[Any, ...]],
    *,
    what: str,
    total: int,
    batch_size: int,
    progress: Progress | None,
) -> None:
    done = 0
    batches = _batches(rows, batch_size)
    while True:
        # Building 10,000 rows of Python objects takes ~100 ms: not on the event loop's thread
        batch = await asyncio.to_thread(next, batches, None)
        if batch is None:
            break
        await connection.exec_driver_sql(sql, batch)
        done += len(batch)
        if progress is not None and not progress(what, done, total):
            raise asyncio.CancelledError("demo import cancelled")


def _placeholders(sqlite: bool, count: int) -> str:
    return ", ".join("?" if sqlite else f"${n}" for n in range(1, count + 1))


@asynccontextmanager
async def _search_index_in_bulk(connection: AsyncConnection) -> AsyncIterator[None]:
    """On SQLite with FTS5, index the new rows in one pass at the end instead of row by row.

    The search triggers cost three index writes per row (4x slower imports). They are dropped
    and re-created *inside the import's transaction*: other connections never see them gone,
    and a failed or cancelled import rolls back the drop with the rows. Keys are handed out
    in rowid order, so each new row's key is its position after the old maximum.
    """
    names = [f"{table}_search_{action}" for table in INDEXED for action in SEARCH_TRIGGERS]
    found: list[Any] = list(
        await connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            f"AND name IN ({', '.join('?' * len(names))})",
            tuple(names),
        )
    )
    triggers = [(str(row[0]), str(row[1])) for row in found]
    if not triggers:
        yield
        return
    marks: dict[str, tuple[int, int]] = {}
    for table in INDEXED:
        rows = await connection.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}")
        keys = await connection.exec_driver_sql(
            f"SELECT coalesce(max(key), 0) FROM {table}_search_keys"
        )
        marks[table] = (rows.scalar_one(), keys.scalar_one())
    for name, _sql in triggers:
        await connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for table, (id_column, columns) in INDEXED.items():
        row_mark, key_mark = marks[table]
        listed = ", ".join(columns)
        await connection.exec_driver_sql(
            f"INSERT INTO {table}_search_keys ({id_column}) "
            f"SELECT id FROM {table} WHERE rowid > ? ORDER BY rowid",
            (row_mark,),
        )
        await connection.exec_driver_sql(
            f"INSERT INTO {table}_fts (rowid, {listed}) "
            f"SELECT ? + row_number() OVER (ORDER BY rowid), {listed} FROM {table} "
            "WHERE rowid > ?",
            (key_mark, row_mark),
        )
    for _name, sql in triggers:
        await connection.exec_driver_sql(sql)


@asynccontextmanager
async def _indexes_built_after(connection: AsyncConnection) -> AsyncIterator[None]:
    """On SQLite, drop the secondary indexes of users and posts, and build them again after.

    Filling an empty database, one sorted build per index is several times cheaper than a
    million inserts at random places in each. As with the search triggers, the drop and the
    build happen inside the import's transaction, so nobody ever sees the indexes missing.
    """
    found: list[Any] = list(
        await connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('users', 'posts') AND sql IS NOT NULL"
        )
    )
    indexes = [(str(row[0]), str(row[1])) for row in found]
    for name, _sql in indexes:
        await connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        await connection.exec_driver_sql(sql)


async def count_users(engine: AsyncEngine) -> int:
    """How many users the database has; 0 for a new one without tables (so the check can run
    before migrating, and a refused run leaves the schema as it was)."""
    async with engine.connect() as connection:
        if not await connection.run_sync(lambda sync: inspect(sync).has_table("users")):
            return 0
        return int(await connection.scalar(select(func.count()).select_from(UserModel)) or 0)


async def fill_demo_data(
    engine: AsyncEngine,
    *,
    users: int,
    posts: int,
    seed: int = 0,
    progress: Progress | None = None,
    batch_size: int = 10_000,
    force: bool = False,
) -> DemoResult:
    """Add ``users`` locked demo users and ``posts`` posts by them.

    Raises ExistingUsersError if the database has users, unless ``force``: then it appends,
    with names tagged unlike earlier runs', and the posts still go only to the new users.
    """
    if users < 0 or posts < 0 or (posts and not users):
        raise ValueError(
            "posts need authors: add users too (--users); demo posts are written only by the "
            "demo users the same run adds"
        )
    started = asyncio.get_running_loop().time()
    sqlite = engine.dialect.name == "sqlite"
    now = datetime.now(UTC)
    users_sql = (
        "INSERT INTO users (id, email, username, hashed_password, is_active, bio, created_at, "
        f"updated_at) VALUES ({_placeholders(sqlite, 8)})"
    )
    posts_sql = (
        "INSERT INTO posts (id, title, content, author_id, created_at, updated_at) "
        f"VALUES ({_placeholders(sqlite, 6)})"
    )
    for attempt in range(5):
        rng = random.Random(f"{seed}:{attempt}")
        try:
            async with engine.begin() as connection, AsyncExitStack() as bulk:
                if sqlite:  # room for a million-row index build in memory
                    await connection.exec_driver_sql("PRAGMA cache_size=-262144")
                    # pysqlite opens a transaction only before DML; open it now, so dropping
                    # the search triggers is part of it
                    await connection.exec_driver_sql("BEGIN")
                # counted in the import's transaction: nobody adds the first user in between
                existing = int(
                    await connection.scalar(select(func.count()).select_from(UserModel)) or 0
                )
                if existing and not force:
                    raise ExistingUsersError(existing)
                if sqlite:
                    await bulk.enter_async_context(_search_index_in_bulk(connection))
                tag = "" if existing == 0 and attempt == 0 else f"_{rng.randrange(36**3):x}_"
                if sqlite and existing < users:  # more new rows than old: rebuild the indexes
                    await bulk.enter_async_context(_indexes_built_after(connection))
                authors: list[Any] = []
                await _insert(
                    connection,
                    users_sql,
                    _collect_ids(
                        _users(rng, users, tag, LOCKED_PASSWORD_HASH, now, sqlite), authors
                    ),
                    what="users",
                    total=users,
                    batch_size=batch_size,
                    progress=progress,
                )
                rng.shuffle(authors)  # only this run's users: no post in a real person's name
                await _insert(
                    connection,
                    posts_sql,
                    _posts(rng, posts, authors, now, sqlite),
                    what="posts",
                    total=posts,
                    batch_size=batch_size,
                    progress=progress,
                )
                if not sqlite:  # word statistics for the search planner, as for any bulk load
                    await connection.exec_driver_sql("ANALYZE users")
                    await connection.exec_driver_sql("ANALYZE posts")
            break
        except IntegrityError:
            if attempt == 4:
                raise
            continue  # a name from an earlier run: try again with another tag
        except Exception as error:
            raise_translated(error)
            raise
    return DemoResult(users, posts, asyncio.get_running_loop().time() - started)
