"""A frozen PostgreSQL server (SIGSTOP) fails a service call in seconds, and the call works again
after SIGCONT.

asyncpg waits 60 s for a connection and forever for an answer by default: a frozen server left a
save hanging for minutes. Each wait the app has on the server is frozen once here: connecting
(the pool is empty), the pool's pre-ping (an idle connection is reused), and a statement (the
server freezes just as the UPDATE is sent). Each must end in DatabaseUnavailableError naming the
limit that ran out, within that limit plus the ~2 s SQLAlchemy spends closing the connection.
The server is a private one (tests/frozen_postgres.py): the shared one must keep answering.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import event, text

from desktop_app import bootstrap
from desktop_app.config import load_settings
from desktop_app.domain.entities import CreateUserDTO, UpdateUserDTO
from desktop_app.domain.errors import DatabaseUnavailableError
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork
from tests.frozen_postgres import FrozenPostgres, frozen_postgres

CONNECT_S = 1.5
COMMAND_S = 2.5
CLOSE_S = 2.0  # SQLAlchemy's graceful close of the stuck connection, before it drops it
MARGIN_S = 2.5  # a loaded machine; without the timeouts the wait is 60 s or forever

# A hang must fail the test, not the whole run: without the timeouts each case waits >= 60 s.
pytestmark = [pytest.mark.asyncio, pytest.mark.postgres, pytest.mark.timeout(45)]


@pytest.fixture
def server() -> Iterator[FrozenPostgres]:
    with frozen_postgres() as started:  # thawed and stopped on the way out, even on failure
        yield started


@pytest_asyncio.fixture
async def database(server: FrozenPostgres) -> AsyncIterator[bootstrap.Database]:
    settings = load_settings(
        DATABASE_URL=server.url, DB_CONNECT_TIMEOUT=CONNECT_S, DB_COMMAND_TIMEOUT=COMMAND_S
    )
    opened = await bootstrap.open_database(settings)
    try:
        yield opened
    finally:
        server.thaw()
        await opened.close()


@pytest.mark.parametrize(
    ("wait", "limit"),
    [
        pytest.param("connect", CONNECT_S, id="new-connection"),
        pytest.param("ping", COMMAND_S, id="pooled-connection-pre-ping"),
        pytest.param("statement", COMMAND_S, id="statement-in-a-transaction"),
    ],
)
async def test_frozen_server_fails_the_call_within_the_timeout_then_recovers(
    server: FrozenPostgres, database: bootstrap.Database, wait: str, limit: float
) -> None:
    users = database.users
    ann = await users.create_user(
        CreateUserDTO(email="ann@example.org", username="ann", password="a good password")
    )
    change = UpdateUserDTO(bio="Written while the server was frozen")

    if wait == "connect":
        await database.engine.dispose()  # an empty pool: the call must open a connection
        server.freeze()
    elif wait == "ping":
        server.freeze()  # the pool holds the idle connection create_user used
    else:

        def freeze_on_update(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("UPDATE USERS") and not frozen:
                frozen.append(server.freeze())

        frozen: list[list[int]] = []

        event.listen(database.engine.sync_engine, "before_cursor_execute", freeze_on_update)

    started = time.monotonic()
    with pytest.raises(DatabaseUnavailableError) as caught:
        await users.update_user(ann.id, change)
    elapsed = time.monotonic() - started

    assert f"did not answer within {limit:g} s" in str(caught.value)
    assert limit - 0.2 <= elapsed <= limit + CLOSE_S + MARGIN_S, f"{elapsed:.1f} s"

    server.thaw()
    started = time.monotonic()
    saved = await users.update_user(ann.id, change)
    assert saved.bio == "Written while the server was frozen"
    assert time.monotonic() - started < 2
    assert (await users.get_user(ann.id)).bio == "Written while the server was frozen"


async def test_a_statement_the_server_cancels_is_a_storage_error(server: FrozenPostgres) -> None:
    """A server-side statement_timeout (set by a DBA, say) reads as a sentence, not a bug."""
    engine = make_engine(server.url, pool_size=1, max_overflow=0)
    try:
        uow = SQLAlchemyUnitOfWork(make_session_factory(engine))
        with pytest.raises(DatabaseUnavailableError, match="cancelled the statement") as caught:
            async with uow:
                await uow.session.execute(text("SET LOCAL statement_timeout = '50ms'"))
                await uow.session.execute(text("SELECT pg_sleep(5)"))
        assert "statement timeout" in str(caught.value)
    finally:
        await engine.dispose()
