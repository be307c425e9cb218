"""The declarative ``Base`` and the engine and session factories.

Engines are never import-time singletons: the user switches databases while the app runs.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import ConnectionPoolEntry

from desktop_app.infrastructure.database import timeouts
from desktop_app.infrastructure.database.search import WORDS_MATCH_FUNCTION, words_match

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5_000

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The models' base; its metadata names constraints the way migrations expect."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and non-SQLite URLs."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def sqlite_uri_url(url: str | URL, *, mode: str) -> URL:
    """The same SQLite file as ``url``, opened through a ``file:`` URI with ``mode`` ("ro",
    "rw" or "rwc"): "ro" and "rw" never create a missing file. The path is percent-encoded, so
    a name holding ``?``, ``%``, ``#`` or spaces opens exactly that file."""
    parsed = make_url(url)
    path = sqlite_path(parsed)
    if path is None:
        raise ValueError(f"{describe_url(parsed)} is not a SQLite file")
    return URL.create(
        parsed.drivername,
        database=path.expanduser().absolute().as_uri(),
        query={"mode": mode, "uri": "true"},
    )


def _sqlite_listener(*, wal: bool) -> Any:
    """Per-connection SQLite settings: enforce foreign keys (for ON DELETE CASCADE), waits, our
    search function; and WAL only when asked (the app's own database): a file that is not ours
    keeps its journal mode (a WAL file stays WAL by itself)."""

    def on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            dbapi_connection.create_function(
                WORDS_MATCH_FUNCTION, -1, words_match, deterministic=True
            )
            if wal:
                try:
                    cursor.execute("PRAGMA journal_mode=WAL")
                except sqlite3.OperationalError as error:  # a read-only file or directory
                    log.warning("could not switch SQLite to WAL: %s", error)
        finally:
            cursor.close()

    return on_connect


def _plan_every_statement(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    """Have PostgreSQL plan each execution for its own parameters (``plan_cache_mode``, 12+).

    asyncpg prepares every statement, and after five executions of one the server may switch
    to a generic plan, made without the parameters' values. For a page that is fatal when the
    values decide the plan: a search with a date range took 10 ms a page for five pages, then
    500-700 ms for every page after (the generic plan walks the date index testing each row for
    the words). A custom plan costs a planning of well under a millisecond. Set per connection,
    not as a startup parameter, which poolers such as PgBouncer refuse."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SHOW server_version_num")
        (version,) = cursor.fetchone()
        if int(version) >= 120000:
            cursor.execute("SET plan_cache_mode = force_custom_plan")
    finally:
        cursor.close()
    dbapi_connection.commit()  # the driver ran both in a transaction: a rollback would undo SET


def make_engine(
    url: str | URL,
    *,
    pool_size: int = 5,
    max_overflow: int = 10,
    echo: bool = False,
    connect_timeout: float = 10.0,
    command_timeout: float = 30.0,
    read_only: bool = False,
    create: bool = True,
    wal: bool = False,
) -> AsyncEngine:
    """An AsyncEngine for ``url``. SQL parameters are hidden from logs and error messages.

    For SQLite every connection enforces foreign keys. With ``create`` (the default, for a
    database the caller may create) the file's directory is made; without it, or with
    ``read_only``, a missing file is an error and nothing is created (SQLite URI ``mode=rw`` /
    ``mode=ro``). ``wal`` switches the file to WAL (only for the app's own database).
    ``read_only`` on PostgreSQL makes every transaction read-only
    (``default_transaction_read_only``), so a write fails instead of changing anything.
    For PostgreSQL the pool is sized from settings and connections are pinged before use, so a
    restarted server costs one retry, not an error; and no wait is unbounded: connecting gives
    up after ``connect_timeout`` seconds, a statement (or ping) after ``command_timeout``, with
    a ServerTimeoutError that says so (see timeouts.py), so a frozen server cannot hang the app.
    """
    parsed = make_url(url)
    common: dict[str, Any] = {"echo": echo, "hide_parameters": True}
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        target = parsed
        if path is not None and (read_only or not create):
            target = sqlite_uri_url(parsed, mode="ro" if read_only else "rw")
        elif path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            target, pool_size=pool_size, max_overflow=max_overflow, **common
        )
        event.listen(engine.sync_engine, "connect", _sqlite_listener(wal=wal))
        return engine
    waits = {"connect_timeout": connect_timeout, "command_timeout": command_timeout}
    options = timeouts.engine_options(**waits)
    if read_only:
        options["connect_args"]["server_settings"] = {"default_transaction_read_only": "on"}
    engine = create_async_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        pool_recycle=1_800,
        **options,
        **common,
    )
    timeouts.report_timeouts(engine, **waits)
    event.listen(engine.sync_engine, "connect", _plan_every_statement)
    return engine


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit (nothing reloads implicitly)."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def describe_url(url: str | URL) -> str:
    """The URL as it may be shown or logged: the password masked."""
    return make_url(url).render_as_string(hide_password=True)


def describe_database(url: str | URL) -> str:
    """A short name for people: "SQLite: /path/file.db" or "PostgreSQL: user@host:5432/db"."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite: {parsed.database}"
    user = f"{parsed.username}@" if parsed.username else ""
    return f"PostgreSQL: {user}{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"
