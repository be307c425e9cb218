"""The site's own data: rows the web backend's ORM and raw SQL wrote, and the truth about them.

``build_site`` fills a database the way the site does (``tests/reference_backend.py``): the
backend's ORM (``updated_at`` NULL until a row's first ORM update, server-side ``now()``), and
"another writer" using raw SQL with timestamps in every text format SQLite accepts: whole
seconds as ``CURRENT_TIMESTAMP`` writes them, fractions, a ``T`` separator, an offset, ``Z``.
Many rows share an instant written in different formats, so only the id breaks the tie.

``read_truth`` reads every row back with plain SQL and parses the stored timestamps itself,
independently of the app: the tests compare what the app shows against it.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.reference_backend import SITE_PASSWORD_HASH, WebBackend

# The instant most rows share, spelled five ways.
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
RAW_TIMES = [
    "2026-03-01 10:00:00",  # T0 as CURRENT_TIMESTAMP writes it
    "2026-03-01T10:00:00",  # T0, ISO 'T'
    "2026-03-01T12:00:00+02:00",  # T0, with an offset
    "2026-03-01T10:00:00Z",  # T0, Zulu
    "2026-03-01 10:00:00.000",  # T0, milliseconds
    "2026-03-01 10:00:55.5",  # a short fraction
    "2026-03-01 10:00:55",  # whole seconds, half a second before the previous one
    "2026-03-01T10:00:55.25Z",
    "2026-03-01 09:59:59.999999",  # a microsecond before T0
    "2026-03-01T11:30:00+02:00",  # 09:30 UTC: after T0 if the offset were ignored
    "2026-03-01T10:30:00",
    "2026-03-01 08:00:00-03:00",  # 11:00 UTC: before 10:30 if the offset were ignored
]
TIME_SORTS = ("created_at", "updated_at")
SEARCH_BIO_WORD = "gardener"
SEARCH_TITLE_WORD = "zeppelin"


def parse_stored(value: Any) -> datetime | None:
    """A stored timestamp as an aware UTC datetime: SQLite text (naive text is UTC, as the
    site writes it) or a driver's datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, datetime):
        raise TypeError(f"unexpected timestamp {value!r}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _uuid(value: Any) -> UUID:
    return UUID(hex=value) if isinstance(value, str) else UUID(str(value))


@dataclass(frozen=True, slots=True)
class UserTruth:
    id: UUID
    username: str
    email: str
    is_active: bool
    bio: str | None
    created_at: datetime
    updated_at: datetime | None
    stored_created_at: object = field(compare=False)
    stored_updated_at: object = field(compare=False)


@dataclass(frozen=True, slots=True)
class PostTruth:
    id: UUID
    title: str
    content: str
    author_id: UUID
    author_username: str
    created_at: datetime
    updated_at: datetime | None
    stored_created_at: object = field(compare=False)
    stored_updated_at: object = field(compare=False)


@dataclass(slots=True)
class Site:
    """What ``build_site`` wrote: ids by how they were written, for the tests to pick from."""

    orm_users: list[UUID] = field(default_factory=list)
    orm_edited_users: list[UUID] = field(default_factory=list)
    raw_users: list[UUID] = field(default_factory=list)
    # raw users whose updated_at was written in RAW_TIMES[k]: k -> id
    raw_users_by_updated_format: dict[int, UUID] = field(default_factory=dict)
    now_users: list[UUID] = field(default_factory=list)
    orm_posts: list[UUID] = field(default_factory=list)
    orm_edited_posts: list[UUID] = field(default_factory=list)
    raw_posts: list[UUID] = field(default_factory=list)
    raw_posts_by_updated_format: dict[int, UUID] = field(default_factory=dict)
    now_posts: list[UUID] = field(default_factory=list)


def _timestamp_sql(site: WebBackend, name: str) -> str:
    """A bound timestamp text as the other writer stores it: verbatim text on SQLite; on
    PostgreSQL the server parses the same text (the session's time zone is UTC)."""
    if site.is_sqlite:
        return f":{name}"
    return f"CAST(CAST(:{name} AS TEXT) AS TIMESTAMP WITH TIME ZONE)"


def _id(site: WebBackend, value: UUID) -> object:
    return value.hex if site.is_sqlite else value


async def _raw(site: WebBackend, statements: list[tuple[str, dict[str, Any]]]) -> None:
    async with site.engine.begin() as connection:
        if not site.is_sqlite:
            await connection.execute(text("SET TIME ZONE 'UTC'"))
        for sql, params in statements:
            await connection.execute(text(sql), params)


async def build_site(
    site: WebBackend,
    *,
    orm_users: int = 24,
    raw_users: int = 24,
    orm_posts: int = 30,
    raw_posts: int = 24,
) -> Site:
    """Create the tables as the site does and fill them; most ``updated_at`` stay NULL."""
    made = Site()
    await site.create_tables()
    base = datetime(2026, 2, 1, tzinfo=UTC)

    # 1. Sign-ups through the site's ORM: created_at from the server's now() or set; some
    #    explicitly at T0 (written as the ORM writes a datetime: '… 10:00:00.000000' on SQLite).
    people = []
    for n in range(orm_users):
        created: datetime | None
        if n % 3 == 0:
            created = None
        elif n % 3 == 1:
            created = T0
        else:
            created = base + timedelta(hours=n, microseconds=n)
        people.append(
            {
                "email": f"site{n:03d}@{'web' if n % 2 else 'Mail'}.example.net",
                "username": f"{'Site' if n % 4 == 0 else 'site'}_{n:03d}",
                "bio": None
                if n % 5 == 0
                else f"site bio {n}" + (f" {SEARCH_BIO_WORD}" if n % 3 == 1 else ""),
                "is_active": n % 4 != 0,
                "created_at": created,
            }
        )
    made.orm_users = await site.add_users(people)
    for n, user_id in enumerate(made.orm_users):
        if n % 4 == 1:
            await site.update_user(user_id, bio=f"edited on the site {n}")
            made.orm_edited_users.append(user_id)

    # 2. Another writer with raw SQL: every timestamp format, most updated_at NULL.
    statements = []
    for i in range(raw_users):
        user_id = uuid4()
        updated = None
        if i % 2 == 0:
            k = (i // 2 + 3) % len(RAW_TIMES)
            updated = RAW_TIMES[k]
            made.raw_users_by_updated_format.setdefault(k, user_id)
        made.raw_users.append(user_id)
        statements.append(
            (
                "INSERT INTO users (id, email, username, hashed_password, is_active, bio, "
                f"created_at, updated_at) VALUES (:id, :email, :username, :hash, :active, :bio, "
                f"{_timestamp_sql(site, 'created')}, {_timestamp_sql(site, 'updated')})",
                {
                    "id": _id(site, user_id),
                    "email": f"raw{i:03d}@sql.example.com",
                    "username": f"raw_{i:03d}",
                    "hash": SITE_PASSWORD_HASH,
                    "active": i % 3 != 0,
                    "bio": f"written by hand {i} {SEARCH_BIO_WORD}" if i % 4 == 0 else None,
                    "created": RAW_TIMES[i % len(RAW_TIMES)],
                    "updated": updated,
                },
            )
        )
    # Four sign-ups in one statement: the same CURRENT_TIMESTAMP (whole seconds on SQLite).
    made.now_users = [uuid4() for _ in range(4)]
    values = ", ".join(
        f"(:id{j}, :email{j}, :username{j}, :hash, :active{j}, "
        f"{'CURRENT_TIMESTAMP' if j % 2 else 'NULL'})"
        for j in range(4)
    )
    params: dict[str, Any] = {"hash": SITE_PASSWORD_HASH}
    for j, user_id in enumerate(made.now_users):
        params |= {
            f"id{j}": _id(site, user_id),
            f"email{j}": f"now{j}@sql.example.com",
            f"username{j}": f"now_{j}",
            f"active{j}": j != 2,
        }
    statements.append(
        (
            "INSERT INTO users (id, email, username, hashed_password, is_active, updated_at) "
            f"VALUES {values}",
            params,
        )
    )
    await _raw(site, statements)

    # 3. Posts through the site's ORM, then raw ones, then four sharing CURRENT_TIMESTAMP.
    authors = [*made.orm_users, *made.raw_users, *made.now_users]
    made.orm_posts = await site.add_posts(
        [
            {
                "author_id": authors[(n * 7) % len(authors)],
                "title": ["Hello", f"Post {n:03d}", "hello", f"The {SEARCH_TITLE_WORD} {n}"][n % 4],
                "content": f"Site post {n} says hi.",
                "created_at": None if n % 2 == 0 else T0 + timedelta(seconds=n // 4),
            }
            for n in range(orm_posts)
        ]
    )
    for n, post_id in enumerate(made.orm_posts):
        if n % 5 == 2:
            await site.update_post(post_id, content=f"Site post {n}, corrected.")
            made.orm_edited_posts.append(post_id)
    statements = []
    for i in range(raw_posts):
        post_id = uuid4()
        updated = None
        if i % 2 == 1:
            k = (i // 2 + 7) % len(RAW_TIMES)
            updated = RAW_TIMES[k]
            made.raw_posts_by_updated_format.setdefault(k, post_id)
        made.raw_posts.append(post_id)
        statements.append(
            (
                "INSERT INTO posts (id, title, content, author_id, created_at, updated_at) "
                "VALUES (:id, :title, :content, :author, "
                f"{_timestamp_sql(site, 'created')}, {_timestamp_sql(site, 'updated')})",
                {
                    "id": _id(site, post_id),
                    "title": ["Hello", f"Raw {i:03d}", f"{SEARCH_TITLE_WORD} log {i}"][i % 3],
                    "content": f"Raw post {i}.",
                    "author": _id(site, authors[(i * 5 + 1) % len(authors)]),
                    "created": RAW_TIMES[(i * 5) % len(RAW_TIMES)],
                    "updated": updated,
                },
            )
        )
    made.now_posts = [uuid4() for _ in range(4)]
    values = ", ".join(f"(:id{j}, 'Now', 'Posted just now.', :author{j})" for j in range(4))
    params = {}
    for j, post_id in enumerate(made.now_posts):
        params |= {f"id{j}": _id(site, post_id), f"author{j}": _id(site, authors[j])}
    statements.append(
        (f"INSERT INTO posts (id, title, content, author_id) VALUES {values}", params)
    )
    await _raw(site, statements)
    return made


async def read_truth(
    engine: AsyncEngine,
) -> tuple[dict[UUID, UserTruth], dict[UUID, PostTruth]]:
    """Every row as stored, read with plain SQL and parsed here (not by the app)."""
    async with engine.connect() as connection:
        users = (
            await connection.execute(
                text(
                    "SELECT id, username, email, is_active, bio, created_at, updated_at FROM users"
                )
            )
        ).all()
        posts = (
            await connection.execute(
                text(
                    "SELECT p.id, p.title, p.content, p.author_id, u.username, p.created_at, "
                    "p.updated_at FROM posts p JOIN users u ON u.id = p.author_id"
                )
            )
        ).all()
    user_truth = {}
    for row in users:
        created, updated = parse_stored(row[5]), parse_stored(row[6])
        assert created is not None
        user_truth[_uuid(row[0])] = UserTruth(
            _uuid(row[0]), row[1], row[2], bool(row[3]), row[4], created, updated, row[5], row[6]
        )
    post_truth = {}
    for row in posts:
        created, updated = parse_stored(row[5]), parse_stored(row[6])
        assert created is not None
        post_truth[_uuid(row[0])] = PostTruth(
            _uuid(row[0]),
            row[1],
            row[2],
            _uuid(row[3]),
            row[4],
            created,
            updated,
            row[5],
            row[6],
        )
    return user_truth, post_truth


def order_value(value: datetime | None, dialect: str) -> tuple[int, float]:
    """A time as the app documents its order: a NULL ``updated_at`` ("never edited") before
    every real time; on PostgreSQL to the microsecond; on SQLite, where each writer stores its
    own text, to the millisecond, as ``julianday()`` reads it (computed here from the true
    instant in one canonical spelling, so a misread format still shows)."""
    if value is None:
        return (0, 0.0)
    if dialect != "sqlite":
        return (1, value.timestamp())
    canonical = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with closing(sqlite3.connect(":memory:")) as db:
        return (1, float(db.execute("SELECT julianday(?)", (canonical,)).fetchone()[0]))


def expected_ids(truth: dict[UUID, Any], sort: str, descending: bool, dialect: str) -> list[UUID]:
    """The ids in the app's documented order: (sort value, id), times chronological
    (``order_value``), text compared bytewise (as both test servers do), ties broken by id."""

    def key(item: Any) -> tuple[Any, ...]:
        value = getattr(item, sort)
        if sort in TIME_SORTS:
            value = order_value(value, dialect)
        return (value, item.id.hex)

    return [item.id for item in sorted(truth.values(), key=key, reverse=descending)]
