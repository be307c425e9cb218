"""Full-text search over users (username, email, bio) and posts (title, content).

SQLite: a contentless FTS5 index per table, kept current by triggers, so rows the web backend
writes are found too. An FTS5 row is addressed by an integer key; ``*_search_keys`` maps that
key to the row's UUID. The key lives in its own INTEGER PRIMARY KEY table because the rowid of
``users``/``posts`` (UUID primary keys) may change on VACUUM or a table rebuild, which would
silently point the index at the wrong rows. Where SQLite was built without FTS5 nothing is
created and the app searches with LIKE.

PostgreSQL: a ``search_vector`` tsvector column per table, the ``simple`` tsvector of the same
columns with ASCII punctuation turned into spaces (so ``jane.doe@example.org`` is the words
jane, doe, example, org, as FTS5 sees it), set by a BEFORE INSERT/UPDATE trigger, with a GIN
index on it. Stored, not an expression index: a search re-checks every row the index returns,
and recomputing the tsvector of 400,000 posts for a common word took 7 s; the column also gives
the planner word statistics, so it can tell a rare word from a common one. A trigger, not a
generated column: a generated column would make the web backend's own migrations fail when
they change the type of a column it reads (bio, title...).

Additive only: the web backend's own inserts, updates and deletes keep working.

A later migration that rebuilds ``users`` or ``posts`` on SQLite (batch mode) drops their
triggers with the old table and must create them again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import string
from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "unicode61 remove_diacritics 2"

# table -> (id column in the keys table, indexed columns)
SEARCHED = {
    "users": ("user_id", ("username", "email", "bio")),
    "posts": ("post_id", ("title", "content")),
}


# ASCII punctuation becomes spaces before PostgreSQL's parser sees the text: it would otherwise
# keep emails, hosts and paths whole. (A regex class like [:alnum:] would follow the database's
# locale and, under C, cut words at every accented letter.)
_PUNCTUATION = "'" + string.punctuation.replace("'", "''") + "'"
_SPACES = "'" + " " * len(string.punctuation) + "'"


def _pg_document(columns: Sequence[str]) -> str:
    joined = " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)
    return f"to_tsvector('simple'::regconfig, translate({joined}, {_PUNCTUATION}, {_SPACES}))"


def _sqlite_has_fts5() -> bool:
    if op.get_context().as_sql:  # offline: print the full script
        return True
    rows = op.get_bind().exec_driver_sql("PRAGMA compile_options").fetchall()
    return any(row[0] == "ENABLE_FTS5" for row in rows)


def _sqlite_upgrade(table: str, key_column: str, columns: Sequence[str]) -> None:
    keys, fts = f"{table}_search_keys", f"{table}_fts"
    listed = ", ".join(columns)
    old = ", ".join(f"OLD.{c}" for c in columns)
    new = ", ".join(f"NEW.{c}" for c in columns)
    op.execute(
        f"CREATE TABLE {keys} (key INTEGER PRIMARY KEY, {key_column} CHAR(32) NOT NULL UNIQUE)"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content='', tokenize='{TOKENIZER}')"
    )
    # Existing rows keep their current rowid as key: both fills read the table in order.
    op.execute(f"INSERT INTO {keys} (key, {key_column}) SELECT rowid, id FROM {table}")
    op.execute(f"INSERT INTO {fts} (rowid, {listed}) SELECT rowid, {listed} FROM {table}")
    op.execute(
        f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN "
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


def _postgresql_upgrade(table: str, columns: Sequence[str]) -> None:
    function = f"desktop_app_{table}_search_vector"
    op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector")
    op.execute(
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN NEW.search_vector := {_pg_document([f'NEW.{c}' for c in columns])}; "
        "RETURN NEW; END $$"
    )
    op.execute(
        # on any UPDATE: "UPDATE OF column" would tie the trigger to the columns' types
        f"CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )
    op.execute(f"UPDATE {table} SET search_vector = {_pg_document(columns)}")
    op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)")
    if table == "users":  # posts are searched by their author's username too
        op.execute(
            "CREATE INDEX ix_users_username_search ON users "
            f"USING gin ({_pg_document(['username'])})"
        )
    op.execute(f"ANALYZE {table}")


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    for table, (key_column, columns) in SEARCHED.items():
        if dialect == "postgresql":
            _postgresql_upgrade(table, columns)
        elif dialect == "sqlite" and _sqlite_has_fts5():
            _sqlite_upgrade(table, key_column, columns)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    for table in SEARCHED:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS desktop_app_{table}_search_vector()")
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_username_search")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        elif dialect == "sqlite":
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{action}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
            op.execute(f"DROP TABLE IF EXISTS {table}_search_keys")
