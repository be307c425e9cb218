"""The site's own data: updated_at as the web backend declares it, and keys that sort its rows.

* ``updated_at`` becomes nullable with no default on both tables, exactly as in the web
  backend's models: its ORM inserts NULL there, which the NOT NULL of revision 0001 refused.
  (Rows keep their values; downgrading fills NULLs from ``created_at``.)
* ``created_at``'s server default keeps fractional seconds on SQLite (CURRENT_TIMESTAMP has
  whole seconds).
* Indexes on the sort keys of ``desktop_app/infrastructure/database/sort_keys.py``, spelled
  exactly as there: on SQLite ``coalesce(julianday(t), 0)`` for each timestamp (text in any
  format another writer chose; NULL first), on PostgreSQL ``coalesce(updated_at, -infinity)``.
* Indexes on ``lower(email)`` and ``lower(username)`` for the case-insensitive duplicate check.
  Not unique: the backend's own constraint is case-sensitive, and a site may already hold two
  accounts that differ only in case; a unique index would make the backend's inserts fail.
* SQLite full-text triggers that stay right when another writer uses ``INSERT OR REPLACE``:
  SQLite deletes the replaced row without firing its DELETE trigger (unless
  ``recursive_triggers`` is on), which left a stale index entry behind. A BEFORE INSERT
  trigger notes the indexed values of every row the insert could replace (same id, email or
  username), and the AFTER INSERT trigger, which runs only if the insert went through (so
  those rows are gone), takes them out of the index. ``INSERT OR IGNORE`` that ignores fires
  no AFTER trigger and leaves the index alone.

On SQLite the nullability change rebuilds ``users`` and ``posts`` (batch mode), which drops
their triggers: they are created again here. Skipped where ``updated_at`` is already nullable
(a database the web backend created). Everything is additive for the backend. The downgrade
puts back NOT NULL only on tables the app created (migration 0001's record): the backend's own
``updated_at`` stays nullable, and its NULLs stay NULL.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.infrastructure.database.migration_env import schema_origin

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now'))"
PG_NO_TIME = "'-infinity'::timestamptz"

# name -> (table, indexed expressions)
SQLITE_INDEXES = {
    "ix_users_created_at_key": ("users", "coalesce(julianday(created_at), 0), id"),
    "ix_users_updated_at_key": ("users", "coalesce(julianday(updated_at), 0), id"),
    "ix_posts_created_at_key": ("posts", "coalesce(julianday(created_at), 0), id"),
    "ix_posts_updated_at_key": ("posts", "coalesce(julianday(updated_at), 0), id"),
    "ix_posts_author_id_created_at_key": (
        "posts",
        "author_id, coalesce(julianday(created_at), 0), id",
    ),
}
PG_INDEXES = {
    "ix_users_updated_at_key": ("users", f"coalesce(updated_at, {PG_NO_TIME}), id"),
    "ix_posts_updated_at_key": ("posts", f"coalesce(updated_at, {PG_NO_TIME}), id"),
}
FOLDED_INDEXES = {
    "ix_users_email_lower": ("users", "lower(email)"),
    "ix_users_username_lower": ("users", "lower(username)"),
}

# table -> (id column in the keys table, indexed columns, unique columns)
SEARCHED = {
    "users": ("user_id", ("username", "email", "bio"), ("id", "email", "username")),
    "posts": ("post_id", ("title", "content"), ("id",)),
}


def _dialect() -> str:
    return op.get_context().dialect.name


def _updated_at_is_nullable(table: str) -> bool:
    if op.get_context().as_sql:  # offline: print the full script
        return False
    rows = op.get_bind().exec_driver_sql(f"PRAGMA table_info({table})").fetchall()
    return any(row[1] == "updated_at" and not row[3] for row in rows)


def _has_search_index(table: str) -> bool:
    if op.get_context().as_sql:
        return True
    found = op.get_bind().exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (f"{table}_fts",)
    )
    return bool(found.scalar())


def _table_as_at_0003(table: str) -> sa.Table:
    """The table as revisions 0001-0003 left it, for offline batch mode (no reflection)."""
    metadata = sa.MetaData()
    times = [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]
    if table == "users":
        return sa.Table(
            "users",
            metadata,
            sa.Column("id", sa.Uuid(), primary_key=True),
            sa.Column("email", sa.String(255), nullable=False, unique=True),
            sa.Column("username", sa.String(50), nullable=False, unique=True),
            sa.Column("hashed_password", sa.String(255), nullable=False),
            sa.Column("is_active", sa.Boolean(), nullable=False),
            sa.Column("bio", sa.Text()),
            *times,
        )
    sa.Table("users", metadata, sa.Column("id", sa.Uuid(), primary_key=True))
    return sa.Table(
        "posts",
        metadata,
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE")),
        *times,
    )


def _sqlite_search_triggers(table: str, *, replace_safe: bool) -> None:
    """The full-text triggers of revision 0003, with the INSERT OR REPLACE fix when asked."""
    key_column, columns, unique = SEARCHED[table]
    keys, fts, noted = f"{table}_search_keys", f"{table}_fts", f"{table}_search_replaced"
    listed = ", ".join(columns)
    old = ", ".join(f"OLD.{c}" for c in columns)
    new = ", ".join(f"NEW.{c}" for c in columns)
    for action in ("insert", "delete", "update", "replace"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{action}")
    forget_replaced = ""
    if replace_safe:
        values = ", ".join(f"t.{c}" for c in columns)
        clashes = " OR ".join(f"t.{c} = NEW.{c}" for c in unique)
        op.execute(
            f"CREATE TRIGGER {table}_search_replace BEFORE INSERT ON {table} BEGIN "
            f"DELETE FROM {noted}; "
            f"INSERT INTO {noted} (key, {listed}) SELECT k.key, {values} "
            f"FROM {table} AS t JOIN {keys} AS k ON k.{key_column} = t.id WHERE {clashes}; "
            "END"
        )
        # Only entries still indexed: with recursive_triggers on, the DELETE trigger has
        # already taken them out (deleting an absent entry would corrupt a contentless index).
        forget_replaced = (
            f"INSERT INTO {fts} ({fts}, rowid, {listed}) "
            f"SELECT 'delete', key, {listed} FROM {noted} "
            f"WHERE key IN (SELECT key FROM {keys}); "
            f"DELETE FROM {keys} WHERE key IN (SELECT key FROM {noted}); "
            f"DELETE FROM {noted}; "
        )
    op.execute(
        f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN "
        f"{forget_replaced}"
        f"INSERT INTO {keys} ({key_column}) VALUES (NEW.id); "
        f"INSERT INTO {fts} (rowid, {listed}) "
        f"SELECT key, {new} FROM {keys} WHERE {key_column} = NEW.id; "
        "END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {listed}) "
        f"SELECT 'delete', key, {old} FROM {keys} WHERE {key_column} = OLD.id; "
        f"DELETE FROM {keys} WHERE {key_column} = OLD.id; "
        "END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF id, {listed} ON {table} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {listed}) "
        f"SELECT 'delete', key, {old} FROM {keys} WHERE {key_column} = OLD.id; "
        f"UPDATE {keys} SET {key_column} = NEW.id WHERE {key_column} = OLD.id; "
        f"INSERT INTO {fts} (rowid, {listed}) "
        f"SELECT key, {new} FROM {keys} WHERE {key_column} = NEW.id; "
        "END"
    )


def _sqlite_upgrade() -> None:
    for table in ("users", "posts"):
        if not _updated_at_is_nullable(table):
            copy_from = _table_as_at_0003(table) if op.get_context().as_sql else None
            with op.batch_alter_table(table, copy_from=copy_from) as batch:
                batch.alter_column(
                    "updated_at",
                    existing_type=sa.DateTime(timezone=True),
                    nullable=True,
                    server_default=None,
                )
                batch.alter_column(
                    "created_at",
                    existing_type=sa.DateTime(timezone=True),
                    existing_nullable=False,
                    server_default=sa.text(SQLITE_NOW),
                )
        if _has_search_index(table):
            _key_column, columns, _unique = SEARCHED[table]
            listed = ", ".join(f"{c}" for c in columns)
            op.execute(
                f"CREATE TABLE IF NOT EXISTS {table}_search_replaced "
                f"(key INTEGER PRIMARY KEY, {listed})"
            )
            _sqlite_search_triggers(table, replace_safe=True)
    for name, (table, expressions) in SQLITE_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expressions})")


def _postgresql_upgrade() -> None:
    for table in ("users", "posts"):
        op.alter_column(
            table,
            "updated_at",
            existing_type=sa.DateTime(timezone=True),
            nullable=True,
            server_default=None,
        )
    for name, (table, expressions) in PG_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expressions})")


def upgrade() -> None:
    if _dialect() == "sqlite":
        _sqlite_upgrade()
    elif _dialect() == "postgresql":
        _postgresql_upgrade()
    for name, (table, expression) in FOLDED_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expression})")


def _created_by_app() -> set[str]:
    """The tables migration 0001 created, whose NOT NULL the downgrade may put back (none
    offline, or where nothing was recorded: the backend's tables are left as they are)."""
    if op.get_context().as_sql:
        return set()
    return {name for name, created in schema_origin(op.get_bind()).items() if created}


def _restore_not_null(table: str) -> None:
    """``updated_at`` NOT NULL with a default again, as revision 0001 created it."""
    op.execute(f"UPDATE {table} SET updated_at = created_at WHERE updated_at IS NULL")
    if _dialect() != "sqlite":
        op.alter_column(
            table,
            "updated_at",
            existing_type=sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.func.now(),
        )
        return
    with op.batch_alter_table(table) as batch:
        batch.alter_column(
            "updated_at",
            existing_type=sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.func.now(),
        )
        batch.alter_column(
            "created_at",
            existing_type=sa.DateTime(timezone=True),
            existing_nullable=False,
            server_default=sa.func.now(),
        )


def downgrade() -> None:
    dialect = _dialect()
    for name in [*FOLDED_INDEXES, *(SQLITE_INDEXES if dialect == "sqlite" else PG_INDEXES)]:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    created = _created_by_app()
    for table in ("users", "posts"):
        if table in created:
            _restore_not_null(table)
        if dialect == "sqlite" and _has_search_index(table):
            _sqlite_search_triggers(table, replace_safe=False)
            op.execute(f"DROP TABLE IF EXISTS {table}_search_replaced")
