"""The composition root: settings -> engine -> unit of work -> services.

The only module that knows every layer. The UI receives the services it needs from here and
never sees SQLAlchemy; opening another database builds a fresh ``Database`` and disposes the old.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial

from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.posts import PostService
from desktop_app.application.queries import PostReader, UserReader
from desktop_app.application.unit_of_work import UnitOfWorkFactory
from desktop_app.application.users import UserService
from desktop_app.config import Settings
from desktop_app.core import security
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import (
    describe_database,
    describe_url,
    make_engine,
    make_session_factory,
)
from desktop_app.infrastructure.database.errors import raise_translated
from desktop_app.infrastructure.database.queries import (
    SQLAlchemyPostReader,
    SQLAlchemyUserReader,
)
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork


@dataclass(slots=True)
class Database:
    """One open database and the services over it."""

    url: str
    engine: AsyncEngine
    uow_factory: UnitOfWorkFactory
    users: UserService
    posts: PostService
    user_reader: UserReader
    post_reader: PostReader
    revision: str | None = None

    @property
    def display_url(self) -> str:
        return describe_url(self.url)

    @property
    def display_name(self) -> str:
        return describe_database(self.url)

    async def close(self) -> None:
        await self.engine.dispose()


def connect(settings: Settings) -> Database:
    """Build the engine and services for the configured database (no I/O yet)."""
    engine = make_engine(
        settings.DATABASE_URL,
        pool_size=settings.DB_POOL_SIZE,
        max_overflow=settings.DB_MAX_OVERFLOW,
        echo=settings.DEBUG,
        connect_timeout=settings.DB_CONNECT_TIMEOUT,
        command_timeout=settings.DB_COMMAND_TIMEOUT,
    )
    session_factory = make_session_factory(engine)
    uow_factory = partial(SQLAlchemyUnitOfWork, session_factory)
    return Database(
        url=settings.DATABASE_URL,
        engine=engine,
        uow_factory=uow_factory,
        users=UserService(uow_factory),
        posts=PostService(uow_factory),
        user_reader=SQLAlchemyUserReader(session_factory),
        post_reader=SQLAlchemyPostReader(session_factory),
    )


async def open_database(settings: Settings) -> Database:
    """Connect and bring the schema up to date (refusing a schema newer than this app)."""
    database = connect(settings)
    try:
        database.revision = await migrations.upgrade(database.engine, database.url)
        await asyncio.to_thread(security.warm_up)  # the first password hash stays quick
    except BaseException as error:
        await database.close()
        raise_translated(error)
        raise
    return database


async def probe(settings: Settings) -> str:
    """Try a database without switching to it: one line saying what answered, or an error."""
    engine = make_engine(
        settings.DATABASE_URL,
        pool_size=1,
        max_overflow=0,
        connect_timeout=settings.DB_CONNECT_TIMEOUT,
        command_timeout=settings.DB_COMMAND_TIMEOUT,
    )
    try:
        async with engine.connect() as connection:
            version = await connection.run_sync(lambda c: c.dialect.server_version_info or ())
        revision = await migrations.ensure_known_revision(engine)
    except Exception as error:
        raise_translated(error)
        raise
    finally:
        await engine.dispose()
    backend = "SQLite" if engine.dialect.name == "sqlite" else "PostgreSQL"
    server = ".".join(str(part) for part in version)
    return f"Connected: {backend} {server}, {migrations.describe_revision(revision)}."
