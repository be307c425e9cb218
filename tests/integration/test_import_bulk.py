"""An import's new rows, written in bulk (#12): on SQLite by multi-row INSERTs, on PostgreSQL
by COPY on the unit of work's own connection, inside its transaction. Either way the rows are
stored exactly as planned (ids, timestamps, hashes) and exactly as SQLite's path stores them,
search finds them, a failure half-way (a bad row, another writer taking an id, e-mail or
username before or during the write) leaves nothing written, and undo takes exactly those
rows back."""

from __future__ import annotations

import asyncio
import csv
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import pytest_asyncio
from sqlalchemy import insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.change_applier import ChangeApplier
from desktop_app.application.import_plan import ImportPlan
from desktop_app.application.import_rows import Kind
from desktop_app.application.import_service import ImportService
from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import (
    ConstraintViolationError,
    DuplicateEmailError,
    DuplicateUsernameError,
    RowsAddedMeanwhileError,
)
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.bulk_import import users_matching
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.repositories import exact_writes
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork
from tests.integration.test_read_queries import readers
from tests.integration.undo_support import dump, fake_hash

pytestmark = pytest.mark.asyncio

USERS = 1_200  # more than one chunk (import_service.CHUNK) of each
POSTS = 2_500
PBKDF2 = "$pbkdf2-sha256$29000$N2bsXYsRIgRgDKE0Zsz5Hw$Q5cBeDBHdGJyJ0TM2fP5C6pYnPuZGGvBb4R4bO8RYVc"
BCRYPT = "$2b$12$c4lQ5lptveRLYmk4Msx.dOD6S4Vo9DSAbka7W8VlwNF9KN0P58036"
BASE = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)
PLUS_TWO = timezone(timedelta(hours=2))
TRICKY = [
    'quotes "a" and ""b"", commas, ,;',
    "new\nlines\r\nand\ttabs",
    "emoji 😀👩‍👩‍👧 and RTL שלום مرحبا",
    "every plane " + "".join(chr(plane * 0x10000 + 0x4E2D) for plane in range(17)),
    "\\ backslashes \\N and \\. as COPY's text format would read them",
]

ONLY_POSTGRESQL = pytest.mark.parametrize(
    "database_url",
    [pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres)],
    indirect=True,
)


def importer(uow_factory: UnitOfWorkFactory) -> ImportService:
    return ImportService(
        uow_factory,
        normalise_email=normalise_email,
        hash_password=fake_hash,
        lookup=users_matching,
    )


def factory_of(engine: AsyncEngine) -> UnitOfWorkFactory:
    return partial(SQLAlchemyUnitOfWork, make_session_factory(engine))


@pytest_asyncio.fixture
async def reference(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A second database, a SQLite file migrated to head: what SQLite's path stores."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'reference.db'}"
    engine = make_engine(url, pool_size=2, max_overflow=0, wal=True)
    try:
        await migrations.upgrade(engine, url)
        yield engine
    finally:
        await engine.dispose()


def users_file(path: Path, count: int = USERS) -> Path:
    """Users with and without ids, passwords or hashes, bios, times (in another offset)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                *("id", "email", "username", "password", "hashed_password", "bio"),
                *("is_active", "created_at", "updated_at"),
            ]
        )
        for n in range(count):
            created = (BASE + timedelta(seconds=n, microseconds=n)).astimezone(PLUS_TWO)
            writer.writerow(
                [
                    uuid4() if n % 3 else "",
                    f"zoë{n}@Example.com" if n % 7 == 0 else f"u{n}@example.com",
                    f"user{n}",
                    f"secret{n:04d}" if n % 4 == 0 else "",
                    "" if n % 4 == 0 else (PBKDF2 if n % 2 else BCRYPT),
                    TRICKY[n % len(TRICKY)] if n % 2 else "",
                    "false" if n % 5 == 0 else "true",
                    created.isoformat() if n % 2 else "",
                    (created + timedelta(minutes=5)).isoformat() if n % 3 == 1 else "",
                ]
            )
    return path


def posts_file(path: Path, count: int = POSTS, authors: int = USERS) -> Path:
    """Posts naming their author by username, with and without ids and times; every 100th
    has the word "quokka" for search."""
    rows: list[dict[str, Any]] = []
    for n in range(count):
        row: dict[str, Any] = {
            "title": f"Post {n}" + (" about a quokka" if n % 100 == 0 else ""),
            "content": TRICKY[n % len(TRICKY)],
            "author": f"user{n % authors}",
        }
        if n % 2:
            row["id"] = str(uuid4())
            row["created_at"] = (BASE + timedelta(milliseconds=n)).isoformat()
        if n % 3 == 1:
            row["updated_at"] = (BASE + timedelta(hours=1, milliseconds=n)).isoformat()
        rows.append(row)
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return path


async def import_file(service: ImportService, kind: Kind, path: Path) -> ImportPlan[Any]:
    checked = await service.check(kind, path)
    assert checked.errors == [], [str(e) for e in checked.errors[:5]]
    return checked.plan


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        users = await connection.scalar(text("SELECT count(*) FROM users"))
        posts = await connection.scalar(text("SELECT count(*) FROM posts"))
    return int(users or 0), int(posts or 0)


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows of each COPY the repositories ran (so a test knows which path it took)."""
    sizes: list[int] = []
    copy_new = exact_writes.copy_new

    async def counted(session: Any, model: Any, rows: Any) -> None:
        sizes.append(len(rows))
        await copy_new(session, model, rows)

    monkeypatch.setattr(exact_writes, "copy_new", counted)
    return sizes


async def test_new_rows_are_stored_as_planned_and_as_sqlite_stores_them(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    reference: AsyncEngine,
    tmp_path: Path,
    copies: list[int],
) -> None:
    here, sqlite = importer(uow_factory), importer(factory_of(reference))
    written: dict[str, list[Any]] = {}
    for kind, path in (
        ("users", users_file(tmp_path / "users.csv")),
        ("posts", posts_file(tmp_path / "posts.jsonl")),
    ):
        plan = await import_file(here, kind, path)  # type: ignore[arg-type]
        change = await here.write(plan)
        await sqlite.write(plan)  # the very same rows, ids and times included
        written[kind] = [c.after for c in (change.users if kind == "users" else change.posts)]
    # PostgreSQL took the COPY path: a COPY a chunk, of users then posts
    expected = [1_000, 200, 1_000, 1_000, 500] if engine.dialect.name == "postgresql" else []
    assert copies == expected
    assert await dump(engine) == await dump(reference)
    # ... and those rows are exactly the ones the change recorded (what undo will compare with)
    async with engine.connect() as connection:
        for model, rows in ((UserModel, written["users"]), (PostModel, written["posts"])):
            stored = {
                row.id: dict(row._mapping)
                for row in await connection.execute(select(*model.__table__.c))
            }
            columns = list(model.__table__.c.keys())
            assert stored == {r.id: {c: getattr(r, c) for c in columns} for r in rows}
    users = {u.username: u for u in written["users"]}
    assert users["user0"].hashed_password == "hashed:secret0000"
    assert users["user1"].hashed_password == PBKDF2 and users["user2"].hashed_password == BCRYPT
    assert users["user1"].created_at == BASE + timedelta(seconds=1, microseconds=1)
    assert users["user7"].email == "zoë7@example.com" and users["user5"].is_active is False


async def test_search_finds_the_imported_rows(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    for kind, path in (
        ("users", users_file(tmp_path / "users.csv", 1_100)),
        ("posts", posts_file(tmp_path / "posts.jsonl", 1_100, authors=1_100)),
    ):
        await service.write(await import_file(service, kind, path))  # type: ignore[arg-type]
    users, posts = readers(engine)
    found = await posts.fetch(PostQuery(search="quokka"), limit=100)
    assert sorted(p.title for p in found) == sorted(
        f"Post {n} about a quokka" for n in range(0, 1_100, 100)
    )
    assert await posts.count(PostQuery(search="quokka")) == 11
    assert [u.username for u in await users.fetch(UserQuery(search="user1099"), limit=10)] == [
        "user1099"
    ]
    # by a word of a bio (row 1,099: TRICKY[4]) and a post by its author's username
    with_bio = [n for n in range(1_100) if n % 2 and TRICKY[n % len(TRICKY)] == TRICKY[4]]
    assert await users.count(UserQuery(search="backslashes")) == len(with_bio) > 0
    by_author = await posts.fetch(PostQuery(search="user1050"), limit=10)
    assert [p.title for p in by_author] == ["Post 1050"]


async def test_a_bad_row_half_way_leaves_nothing_written(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    """The second chunk fails (a post whose author does not exist: the database refuses it)
    after the first was written: the first goes too."""
    service = importer(uow_factory)
    await service.write(await import_file(service, "users", users_file(tmp_path / "u.csv", 10)))
    plan: ImportPlan[Post] = await import_file(
        service, "posts", posts_file(tmp_path / "p.jsonl", authors=10)
    )
    plan.inserts[1_700].author_id = uuid4()
    with pytest.raises(ConstraintViolationError, match=r"(?i)foreign key"):
        await service.write(plan)
    assert await counts(engine) == (10, 0)


async def test_rows_someone_adds_after_the_check_fail_the_import_and_nothing_is_written(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    users: ImportPlan[User] = await import_file(service, "users", users_file(tmp_path / "u.csv"))
    taken = users.inserts[1_100]
    async with uow_factory() as uow:  # an e-mail taken after the check, by another id
        await uow.users.create(User(taken.email, "someone", PBKDF2))
        await uow.commit()
    with pytest.raises(DuplicateEmailError, match=taken.email):
        await service.write(users)
    assert await counts(engine) == (1, 0)

    users = await import_file(service, "users", users_file(tmp_path / "u.csv", 10))
    await service.write(users)
    posts: ImportPlan[Post] = await import_file(
        service, "posts", posts_file(tmp_path / "p.jsonl", authors=10)
    )
    async with uow_factory() as uow:  # the same id as a post of the second chunk
        await uow.posts.restore([posts.inserts[1_500]])
        await uow.commit()
    with pytest.raises(RowsAddedMeanwhileError, match="same ids"):
        await service.write(posts)
    assert await counts(engine) == (11, 1)


async def _waiting_on_a_lock(engine: AsyncEngine) -> None:
    """Until a session waits for a lock another transaction holds: here only the import's
    COPY can, for the other writer's uncommitted row. (pg_stat_activity keeps showing the
    statement before a COPY FROM STDIN, so the wait, not the query text, tells.)"""
    query = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
    async with engine.connect() as watcher:
        for _ in range(500):
            if await watcher.scalar(query):
                return
            await watcher.rollback()  # a transaction sees one snapshot of the statistics
            await asyncio.sleep(0.02)
    raise AssertionError("the import never came to wait for the other writer's row")


@ONLY_POSTGRESQL
@pytest.mark.parametrize(
    ("column", "error"),
    [
        ("id", RowsAddedMeanwhileError),
        ("email", DuplicateEmailError),
        ("username", DuplicateUsernameError),
    ],
)
async def test_a_user_another_writer_commits_during_the_copy_fails_it(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    tmp_path: Path,
    column: str,
    error: type[Exception],
) -> None:
    """The other writer (the web backend, say) inserts a user with the same id, e-mail or
    username as one of the second chunk's, and commits only once our COPY waits for its row:
    our check could not see it, the unique index does, and nothing of ours is written."""
    service = importer(uow_factory)
    plan: ImportPlan[User] = await import_file(service, "users", users_file(tmp_path / "u.csv"))
    taken = plan.inserts[1_100]
    row = {
        "id": taken.id if column == "id" else uuid4(),
        "email": taken.email if column == "email" else "other@example.com",
        "username": taken.username if column == "username" else "other",
        "hashed_password": PBKDF2,
    }
    await _during_the_copy(engine, insert(UserModel).values(**row), service, plan, error)
    assert await counts(engine) == (1, 0)


@ONLY_POSTGRESQL
async def test_a_post_another_writer_commits_during_the_copy_fails_it(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    await service.write(await import_file(service, "users", users_file(tmp_path / "u.csv", 10)))
    plan: ImportPlan[Post] = await import_file(
        service, "posts", posts_file(tmp_path / "p.jsonl", authors=10)
    )
    taken = plan.inserts[1_500]
    row = {"id": taken.id, "title": "theirs", "content": "x", "author_id": taken.author_id}
    await _during_the_copy(
        engine, insert(PostModel).values(**row), service, plan, RowsAddedMeanwhileError
    )
    assert await counts(engine) == (10, 1)


async def _during_the_copy(
    engine: AsyncEngine,
    theirs: Any,
    service: ImportService,
    plan: ImportPlan[Any],
    error: type[Exception],
) -> None:
    other: AsyncConnection
    async with engine.connect() as other:
        await other.execute(theirs)  # not committed yet
        write = asyncio.create_task(service.write(plan))
        await _waiting_on_a_lock(engine)
        await other.commit()
    with pytest.raises(error):
        await write


async def test_undo_takes_back_exactly_the_imported_rows_and_redo_brings_them_again(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    await service.write(await import_file(service, "users", users_file(tmp_path / "u.csv", 10)))
    first = await import_file(service, "posts", posts_file(tmp_path / "a.jsonl", 30, authors=10))
    await service.write(first)
    before = await dump(engine)
    change = await service.write(
        await import_file(service, "posts", posts_file(tmp_path / "b.jsonl", authors=10))
    )
    after = await dump(engine)
    assert len(after[1]) == 30 + POSTS
    applier = ChangeApplier(uow_factory)
    await applier.apply(change.inverse())
    assert await dump(engine) == before
    await applier.apply(change)
    assert await dump(engine) == after
