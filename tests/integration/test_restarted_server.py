"""A restarted PostgreSQL server costs the table a reconnect, not an error.

The pool pings every connection it hands out (one round trip, outside a transaction), so a page
read after the server restarted finds the pooled connection dead before its statement does, and
SQLAlchemy connects afresh. The server is a private one (tests/frozen_postgres.py): the shared
one must keep answering.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.application.read_models import UserQuery
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.readers import SQLAlchemyUserReader
from tests.frozen_postgres import FrozenPostgres, frozen_postgres

pytestmark = [pytest.mark.asyncio, pytest.mark.postgres, pytest.mark.timeout(60)]


@pytest.fixture
def server() -> Iterator[FrozenPostgres]:
    with frozen_postgres() as started:
        yield started


async def test_a_page_after_a_server_restart_reconnects(server: FrozenPostgres) -> None:
    engine = make_engine(server.url, pool_size=1, max_overflow=0)
    try:
        await migrations.upgrade(engine, server.url)
        users = SQLAlchemyUserReader(make_session_factory(engine))
        assert await users.fetch(UserQuery(), limit=5) == []  # the one connection, pooled
        server.restart()
        assert await users.fetch(UserQuery(), limit=5) == []
        assert await users.count(UserQuery(active=True)) == 0
    finally:
        await engine.dispose()
