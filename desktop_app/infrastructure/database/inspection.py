"""Look at a database without changing it, and back a SQLite file up before an upgrade.

Everything here is read-only: a SQLite file is opened with ``mode=ro`` (a missing file is
reported as missing, no folder is made), a PostgreSQL server with read-only transactions. The
answer says what the app would have to change (create its tables, or upgrade them), so the
caller can ask the user first.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.consent import Change
from desktop_app.core.paths import data_dir, default_database_path
from desktop_app.domain.errors import DatabaseNotFoundError
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import sqlite_path
from desktop_app.infrastructure.database.migration_env import VERSION_TABLE

OUR_TABLES = frozenset({"users", "posts"})
# Tables our migrations add beside users and posts: not "other tables" of the user's.
_OUR_EXTRAS = frozenset(
    {
        VERSION_TABLE,
        "desktop_app_schema_origin",
        "users_fts",
        "posts_fts",
        "users_search_keys",
        "posts_search_keys",
    }
)
KEEP_BACKUPS = 3  # per database file: the newest ones stay, older ones are deleted


@dataclass(frozen=True, slots=True)
class DatabaseState:
    """What a database holds, as far as the app cares."""

    is_sqlite: bool
    exists: bool  # False only for a SQLite file that is not there
    tables: tuple[str, ...] = ()
    revision: str | None = None  # our revision, None if the database has none
    head: str | None = None

    @property
    def has_our_tables(self) -> bool:
        return set(self.tables) >= OUR_TABLES

    @property
    def other_tables(self) -> tuple[str, ...]:
        return tuple(
            t
            for t in self.tables
            if t not in OUR_TABLES
            and t not in _OUR_EXTRAS
            and not t.startswith(("sqlite_", "users_fts_", "posts_fts_"))
        )

    @property
    def change(self) -> Change | None:
        """What opening it for editing would change: nothing, or create, or upgrade."""
        if not self.exists or not self.has_our_tables:
            return Change.CREATE
        if self.revision != self.head:
            return Change.UPGRADE
        return None


def _tables(connection: Connection) -> list[str]:
    return sorted(inspect(connection).get_table_names())


def missing_state(url: str) -> DatabaseState | None:
    """The state of a SQLite file that is not there (nothing to connect to), else None."""
    path = sqlite_path(url)
    if path is not None and not path.expanduser().exists():
        return DatabaseState(is_sqlite=True, exists=False, head=migrations.head_revision())
    return None


async def inspect_engine(engine: AsyncEngine) -> DatabaseState:
    """The tables and schema revision of the database behind ``engine``, changing nothing
    (``bootstrap.inspect`` gives it a read-only engine, after ``missing_state``).

    Raises SchemaTooNewError for a revision this version does not know, and the driver's error
    (to be translated) when the database cannot be reached or is not a database.
    """
    async with engine.connect() as connection:
        tables = await connection.run_sync(_tables)
    revision = await migrations.ensure_known_revision(engine)
    return DatabaseState(
        is_sqlite=engine.dialect.name == "sqlite",
        exists=True,
        tables=tuple(tables),
        revision=revision,
        head=migrations.head_revision(),
    )


def require_existing(url: str) -> None:
    """Raise DatabaseNotFoundError for a SQLite file that is not there (nothing is created)."""
    path = sqlite_path(url)
    if path is not None and not path.expanduser().exists():
        raise DatabaseNotFoundError(str(path))


def is_default_database(url: str) -> bool:
    """Whether ``url`` is the app's own SQLite file in its data directory (created and kept in
    WAL mode without asking: nobody else's data lives there)."""
    path = sqlite_path(url)
    if path is None:
        return False
    with contextlib.suppress(OSError):
        return path.expanduser().resolve() == default_database_path().resolve()
    return False


def backup_path(path: Path, revision: str | None, *, now: datetime | None = None) -> Path:
    """Where the copy of ``path`` made before an upgrade goes: beside it when that folder is
    writable, else in the data directory's ``backups`` folder."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    name = f"{path.stem}.backup-{revision or 'none'}-{stamp}{path.suffix or '.db'}"
    folder = path.parent if os.access(path.parent, os.W_OK) else data_dir() / "backups"
    return folder / name


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (a plain file copy could catch a
    writer halfway), written under a temporary name and renamed when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)
    _prune(source, target.parent)


def _prune(source: Path, folder: Path) -> None:
    """Keep the newest KEEP_BACKUPS copies of ``source`` in ``folder``."""
    copies = sorted(
        folder.glob(f"{glob.escape(source.stem)}.backup-*{glob.escape(source.suffix or '.db')}"),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in copies[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)


async def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy the SQLite file ``source`` to ``target`` off the event loop; returns ``target``."""
    await asyncio.to_thread(_copy, source, target)
    return target
