"""Pieces of the Alembic environment that live in the package, so they are typed and tested."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import ConnectionPoolEntry

from desktop_app.infrastructure.database.connection import sqlite_path

# Our own version table: the web backend may keep its own Alembic history in "alembic_version"
# on the same PostgreSQL database, and neither must mistake the other's revisions for its own.
VERSION_TABLE = "desktop_app_alembic_version"

# Which of users, posts and migration 0001's indexes the app created, and which it adopted from
# a database the web backend made: written by 0001's upgrade, read by the downgrades, which never
# drop or alter what the app only adopted.
ORIGIN_TABLE = "desktop_app_schema_origin"

# ``-x drop_data=yes`` (alembic) or ``config.attributes["drop_data"] = True`` (in-process)
DROP_DATA = "drop_data"


class ForeignKeyCheckError(RuntimeError):
    """A migration would leave rows pointing at nothing; it was rolled back."""


class DataLossRefusedError(RuntimeError):
    """A downgrade would drop tables that still hold rows; it was rolled back."""

    def __init__(self, rows: dict[str, int]) -> None:
        self.rows = rows
        tables = ", ".join(f"{name} ({n} row{'s' * (n != 1)})" for name, n in rows.items())
        super().__init__(
            f"The downgrade would drop tables the app created that still hold data: {tables}. "
            "It was rolled back and the database is unchanged. To drop them with their rows, "
            f"run it again with -x {DROP_DATA}=yes (alembic) or {DROP_DATA}=True "
            "(migrations.downgrade)."
        )


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
# indexes (0003), the sort-key and case-folding indexes (0004), the filter indexes (0006, 0007).
# SQLite's reflection cannot read an index on an expression at all (it skips it with a warning,
# see ``expression_indexes_unreflected``); PostgreSQL's can, and would report them as
# unmodelled. (0006's PostgreSQL index on plain columns is listed with its SQLite twin.)
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
        "ix_users_is_active_created_at_key",  # 0006
        "ix_users_is_active_updated_at_key",
        "ix_posts_author_id_updated_at_key",
        "ix_users_never_edited_created_at_key",  # 0007, partial
        "ix_users_never_edited_is_active_created_at_key",
        "ix_posts_never_edited_created_at_key",
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


def drop_data_allowed() -> bool:
    """Whether this migration run was told it may drop tables that hold rows."""
    from alembic import context

    if context.config.attributes.get(DROP_DATA):
        return True
    value = context.get_x_argument(as_dictionary=True).get(DROP_DATA, "no").strip().lower()
    if value in {"yes", "true", "1"}:
        return True
    if value in {"no", "false", "0", ""}:
        return False
    raise ValueError(f"-x {DROP_DATA}= takes yes or no, not {value!r}")


def schema_origin(connection: Connection) -> dict[str, bool]:
    """What migration 0001 recorded: object name -> whether the app created it. Empty for a
    database migrated before the record existed, whose tables the downgrades must then keep."""
    if not connection.dialect.has_table(connection, ORIGIN_TABLE):
        return {}
    rows = connection.execute(text(f"SELECT object_name, created_by_app FROM {ORIGIN_TABLE}"))
    return {str(name): bool(created) for name, created in rows}


def refuse_to_drop_rows(connection: Connection, tables: list[str]) -> None:
    """Raise DataLossRefusedError if any of ``tables`` holds rows, unless told to drop them."""
    rows = {
        table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        for table in tables
    }
    rows = {table: count for table, count in rows.items() if count}
    if rows and not drop_data_allowed():
        raise DataLossRefusedError(rows)
