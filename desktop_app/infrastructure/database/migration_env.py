"""Pieces of the Alembic environment that live in the package, so they are typed and tested."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import ConnectionPoolEntry

from desktop_app.infrastructure.database.connection import sqlite_path

# Our own version table: the web backend may keep its own Alembic history in "alembic_version"
# on the same PostgreSQL database, and neither must mistake the other's revisions for its own.
VERSION_TABLE = "desktop_app_alembic_version"


class ForeignKeyCheckError(RuntimeError):
    """A migration would leave rows pointing at nothing; it was rolled back."""


def resolve_url(explicit: str | None) -> str:
    """The URL given to this run, else the app's DATABASE_URL setting."""
    from desktop_app.config.settings import load_settings, normalise_database_url

    if explicit:
        return normalise_database_url(explicit)
    return load_settings().DATABASE_URL


def ensure_sqlite_directory(url: URL) -> None:
    """Create the directory of a SQLite file, so a first upgrade can create the file."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


# Indexes on expressions, which live only in the migrations: PostgreSQL full-text search's GIN
# indexes (0003), and the sort-key and case-folding indexes (0004). SQLite's reflection cannot
# read an index on an expression at all (it skips it with a warning, see
# ``expression_indexes_unreflected``); PostgreSQL's can, and would report them as unmodelled.
UNMODELLED_INDEXES = frozenset(
    {
        "ix_users_search",
        "ix_posts_search",
        "ix_users_username_search",
        "ix_users_created_at_key",
        "ix_users_updated_at_key",
        "ix_posts_created_at_key",
        "ix_posts_updated_at_key",
        "ix_posts_author_id_created_at_key",
        "ix_users_email_lower",
        "ix_users_username_lower",
    }
)


@contextlib.contextmanager
def expression_indexes_unreflected() -> Iterator[None]:
    """Silence SQLAlchemy's warning that SQLite's reflection skips an index on an expression:
    autogenerate and batch mode reflect ``users`` and ``posts``, whose sort-key indexes are
    such indexes. (A batch rebuild drops them, as it drops triggers: the migration that
    rebuilds a table must create them again.)"""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Skipped unsupported reflection of expression-based index"
        )
        yield


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Compare only our tables: the web backend's own tables are none of our business. The
    full-text indexes are ours but live only in migration 0003 (SQLite keeps them in tables of
    their own, which the table filter already leaves out)."""
    if type_ == "table":
        return name in {"users", "posts"}
    if type_ == "index":
        return name not in UNMODELLED_INDEXES
    if type_ == "column":
        return name != "search_vector"
    return True


def sqlite_migration_hooks() -> tuple[
    Callable[[Any, ConnectionPoolEntry], None], Callable[[Connection], None]
]:
    """Event hooks for a migration connection on SQLite.

    pysqlite/aiosqlite only BEGIN before DML, so DDL would autocommit statement by statement;
    with these hooks the driver's own BEGIN is off and we emit it, making the whole migration
    one transaction. ``foreign_keys`` can only change outside a transaction: it is switched off
    as the connection opens, so a batch table rebuild cannot cascade.
    """

    def on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    def on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return on_connect, on_begin


def verify_foreign_keys(connection: Connection) -> None:
    """On SQLite, refuse to commit a migration that left dangling foreign keys."""
    if connection.dialect.name != "sqlite":
        return
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        sample = ", ".join(f"{row[0]} row {row[1]} -> {row[2]}" for row in problems[:5])
        raise ForeignKeyCheckError(
            f"The migration would leave {len(problems)} rows with a broken reference "
            f"({sample}); it was rolled back and the database is unchanged."
        )
