"""The statement recorder behind View → SQL log, on SQLite and PostgreSQL: statements come with
their timings and never with a parameter, a failure names its error's class only, and with
nobody listening the engine carries no hook at all."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from sqlalchemy import Uuid, bindparam, event, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.read_models import UserQuery, cursor_of
from desktop_app.application.statement_log import StatementEntry
from desktop_app.domain.entities import User
from desktop_app.domain.errors import DuplicateEmailError
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.readers import SQLAlchemyUserReader
from desktop_app.infrastructure.database.search_planner import ReadTuning
from desktop_app.infrastructure.database.statement_recorder import StatementRecorder

pytestmark = pytest.mark.asyncio

# Distinctive, and free of characters a repr() would escape: a hit is a real leak.
HASH = "$argon2id$v=19$m=65536,t=3,p=4$Wombat5Quince$Xylophone9Marmot2Gecko"
EMAIL = "kestrel.yodel.7731@example.org"
BIO = "Tangerine periscope mandolin 4417"
SECRETS = (HASH, "Xylophone9Marmot2Gecko", EMAIL, "kestrel.yodel", BIO, "periscope")
INSERT_POST = text(
    "INSERT INTO posts (id, title, content, author_id) VALUES (:id, :t, :c, :a)"
).bindparams(bindparam("id", type_=Uuid), bindparam("a", type_=Uuid))


def _post(author: UUID) -> dict[str, object]:
    return {"id": uuid4(), "t": BIO, "c": HASH, "a": author}


def _hooked(recorder: StatementRecorder, engine: AsyncEngine) -> list[str]:
    return [name for name, hook in recorder.hooks if event.contains(engine.sync_engine, name, hook)]


async def _create(uow_factory: UnitOfWorkFactory, user: User) -> None:
    async with uow_factory() as uow:
        await uow.users.create(user)
        await uow.commit()


async def test_statements_come_with_timings_and_without_parameters(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    recorder = StatementRecorder(engine)
    entries: list[StatementEntry] = []
    unsubscribe = recorder.subscribe(entries.append)
    user = User(email=EMAIL, username="kestrel", hashed_password=HASH, bio=BIO)
    await _create(uow_factory, user)
    with pytest.raises(DuplicateEmailError):  # refused before any INSERT, by a SELECT
        await _create(uow_factory, User(email=EMAIL, username="other", hashed_password=HASH))
    async with engine.begin() as connection:  # an executemany: two parameter sets
        await connection.execute(INSERT_POST, [_post(user.id) for _ in range(2)])
    ghost = uuid4()  # no such author: the database refuses it
    with pytest.raises(IntegrityError):
        async with engine.begin() as connection:
            await connection.execute(INSERT_POST, _post(ghost))
    unsubscribe()

    [insert] = [e for e in entries if e.statement.lstrip().upper().startswith("INSERT INTO USERS")]
    assert insert.rows == 1 and insert.error is None
    posts = [e for e in entries if e.statement.startswith("INSERT INTO posts")]
    assert [(e.batch, e.error is None) for e in posts] == [(2, True), (None, False)]
    # the driver's class, never its message (PostgreSQL's detail quotes the values)
    assert posts[1].error in ("IntegrityError", "ForeignKeyViolationError")
    assert all(e.duration >= 0 for e in entries)
    assert all(e.when.tzinfo is not None for e in entries)
    recorded = repr(entries)
    assert [s for s in SECRETS if s in recorded] == []
    for uuid in (user.id, ghost):
        assert str(uuid) not in recorded and uuid.hex not in recorded


async def test_no_hook_stays_once_the_last_listener_goes(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    recorder = StatementRecorder(engine)
    names = [name for name, _hook in recorder.hooks]
    assert names == ["before_cursor_execute", "after_cursor_execute", "handle_error"]
    assert _hooked(recorder, engine) == []  # off until someone listens

    first: list[StatementEntry] = []
    second: list[StatementEntry] = []
    stop_first = recorder.subscribe(first.append)
    stop_second = recorder.subscribe(second.append)
    assert _hooked(recorder, engine) == names
    stop_first()
    stop_first()  # twice is harmless
    assert _hooked(recorder, engine) == names and recorder.listening
    await _create(uow_factory, User(email=EMAIL, username="kestrel", hashed_password=HASH))
    assert first == [] and second != []

    stop_second()
    assert _hooked(recorder, engine) == []
    assert not recorder.listening
    seen = len(second)
    async with engine.connect() as connection:
        await connection.execute(text("SELECT count(*) FROM users"))
    assert len(second) == seen

    again: list[StatementEntry] = []  # and it can listen again
    stop_again = recorder.subscribe(again.append)
    async with engine.connect() as connection:
        await connection.execute(text("SELECT count(*) FROM users"))
    stop_again()
    assert [e.statement for e in again] == ["SELECT count(*) FROM users"]
    assert _hooked(recorder, engine) == []


async def test_the_log_shows_every_statement_of_the_table_pages_and_counts(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """Pages and counts are read on the engine's connections with statements the reader keeps
    built: the log still shows each one the driver runs, the keyset page, both statements of
    a deep jump (the key's seek, then the page after it) and the count, again on a second
    pass (a kept statement is run, and logged, again)."""
    for n in range(4):
        await _create(
            uow_factory, User(email=f"u{n}@example.org", username=f"user{n}", hashed_password="x")
        )
    users = SQLAlchemyUserReader(
        make_session_factory(engine), tuning=ReadTuning(seek_from_offset=2)
    )
    query = UserQuery(sort="username", descending=False)
    recorder = StatementRecorder(engine)
    entries: list[StatementEntry] = []
    unsubscribe = recorder.subscribe(entries.append)
    try:
        for _ in range(2):
            first = await users.fetch(query, limit=1)
            await users.fetch(query, limit=1, after=cursor_of(first[-1], query))
            await users.fetch(query, offset=2, limit=1)
            assert await users.count(query) == 4
    finally:
        unsubscribe()
    selects = [e.statement for e in entries if e.statement.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 10 and all("FROM users" in s for s in selects), selects
    assert sum("count(" in s for s in selects) == 2
