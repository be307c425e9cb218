"""Fixtures that run each integration test against a SQLite file and a real PostgreSQL server.

PostgreSQL comes from TEST_POSTGRES_URL (the test command starts a throwaway server and sets it);
each test gets a database of its own. Without the variable the PostgreSQL half is skipped, except
under CI=true, where a skipped PostgreSQL suite would be a silent pass: there it fails.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest
import pytest_asyncio
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def postgres_admin_url() -> str:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        message = "TEST_POSTGRES_URL is not set: the PostgreSQL half of the suite cannot run"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (under CI=true this is a failure, not a skip)")
        pytest.skip(message)
    return url


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def create_postgres_database() -> str:
    admin = postgres_admin_url()
    name = f"test_{uuid4().hex[:16]}"
    connection = await asyncpg.connect(_asyncpg_dsn(admin))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(url: str) -> None:
    admin = postgres_admin_url()
    connection = await asyncpg.connect(_asyncpg_dsn(admin))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest_asyncio.fixture(autouse=True)
async def _aiosqlite_threads_finish() -> AsyncIterator[None]:
    """Let aiosqlite's worker threads deliver their last result before the test's loop closes.

    A connection that failed to open (or was just closed) still has a thread about to call
    back into the loop; if pytest-asyncio closes the loop first, that thread dies with "Event
    loop is closed" and the error surfaces in whichever test runs next.
    """
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
        "_connection_worker_thread" in thread.name for thread in threading.enumerate()
    ):
        await asyncio.sleep(0.01)


@pytest_asyncio.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    url = await create_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest_asyncio.fixture
async def bare_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the empty database, not migrated; a SQLite file in WAL mode, as the app's
    own default database is (a file that is not the app's keeps its journal mode)."""
    engine = make_engine(database_url, pool_size=2, max_overflow=2, wal=True)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest_asyncio.fixture
async def engine(bare_engine: AsyncEngine, database_url: str) -> AsyncEngine:
    """An engine on a database migrated to head, as the app opens it."""
    await migrations.upgrade(bare_engine, database_url)
    return bare_engine


@pytest.fixture
def uow_factory(engine: AsyncEngine) -> UnitOfWorkFactory:
    return partial(SQLAlchemyUnitOfWork, make_session_factory(engine))
