"""Alembic environment for desktop_app: async engines, SQLite-safe batch migrations.

Used both by the ``alembic`` command line and by the app itself (desktop_app's migration runner
passes the URL in ``config.attributes["database_url"]``). On SQLite every migration runs in one
real transaction with foreign keys off, so a batch rebuild of ``users`` cannot cascade-delete
posts, and ``PRAGMA foreign_key_check`` must come back clean before it commits.
"""

from __future__ import annotations

import asyncio
from logging.config import fileConfig
from typing import Any

from alembic import context
from alembic.util import CommandError
from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from desktop_app.infrastructure.database.migration_env import (
    VERSION_TABLE,
    DataLossRefusedError,
    ensure_sqlite_directory,
    expression_indexes_unreflected,
    include_name,
    resolve_url,
    sqlite_migration_hooks,
    verify_foreign_keys,
)
from desktop_app.infrastructure.database.models import Base

config = context.config
if config.config_file_name is not None and not config.attributes.get("database_url"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    x_args = context.get_x_argument(as_dictionary=True)
    return resolve_url(config.attributes.get("database_url") or x_args.get("url"))


def _options() -> dict[str, Any]:
    return {
        "target_metadata": target_metadata,
        "render_as_batch": True,
        "compare_type": True,
        "version_table": VERSION_TABLE,
        "include_name": include_name,
    }


def run_migrations_offline() -> None:
    """Print the SQL (``alembic upgrade head --sql``) for a DBA to review and apply."""
    context.configure(
        url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"}, **_options()
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_sync(connection: Connection) -> None:
    # SQLite's DDL is transactional once the driver stops managing BEGIN (see
    # sqlite_migration_hooks); say so, and every upgrade runs as one transaction.
    context.configure(connection=connection, transactional_ddl=True, **_options())
    with expression_indexes_unreflected(), context.begin_transaction():
        context.run_migrations()
        verify_foreign_keys(connection)


async def run_migrations_online() -> None:
    url = make_url(_url())
    engine = create_async_engine(url, poolclass=NullPool, hide_parameters=True)
    if url.get_backend_name() == "sqlite":
        ensure_sqlite_directory(url)
        connect, begin = sqlite_migration_hooks()
        event.listen(engine.sync_engine, "connect", connect)
        event.listen(engine.sync_engine, "begin", begin)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_sync)
    finally:
        await engine.dispose()


try:
    if context.is_offline_mode():
        run_migrations_offline()
    else:
        asyncio.run(run_migrations_online())
except DataLossRefusedError as refused:
    if config.cmd_opts is None:  # in-process: the caller catches it by type
        raise
    raise CommandError(str(refused)) from None  # the alembic command prints just the message
