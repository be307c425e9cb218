"""Save a local copy: every user and post of a database into a new SQLite file with our schema.

For PostgreSQL, where SQLite's backup API does not reach, "File → Save a local copy…" and
``desktop-app backup``. The source is read in one snapshot (PostgreSQL ``REPEATABLE READ
READ ONLY``; on SQLite one read transaction), so a post never arrives without its author
however busy the site is; users then posts, a keyset page at a time (``WHERE id > :last
ORDER BY id``), so memory stays flat. The new file is migrated exactly as the app migrates a
database it opens, then filled in one transaction under a ``.part`` name that becomes the target
only when complete: cancelled or failed, no file is left.

Rows are copied as values: ids, password hashes and timestamps exactly (to the microsecond, as
our timestamps are stored; an ``updated_at`` that is NULL, "never edited", stays NULL).

``view``: only the posts a posts view shows (its search and author filter, planned as the view
plans it) and their authors, read in the same snapshot, so every copied post has its author.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, insert, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from desktop_app.application.read_models import PostQuery
from desktop_app.domain.errors import OperationCancelledError, StorageError
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import describe_database, make_engine
from desktop_app.infrastructure.database.error_translation import raise_translated
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.readers import SQLAlchemyPostReader
from desktop_app.infrastructure.database.sqlite_backup import (
    BackupErrors,
    Progress,
    remove_database_file,
)

PAGE_ROWS = 1_000
TABLES = (cast(Table, UserModel.__table__), cast(Table, PostModel.__table__))


@dataclass(frozen=True, slots=True)
class CopyCounts:
    """How many rows a local copy holds."""

    users: int
    posts: int


@contextlib.asynccontextmanager
async def _snapshot(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """One connection reading the database as it was when it began, changing nothing."""
    async with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = await connection.execution_options(isolation_level="REPEATABLE READ")
            await connection.execute(text("SET TRANSACTION READ ONLY"))
        else:  # the SQLite driver begins only before a write: make the reads one transaction
            await connection.exec_driver_sql("BEGIN")
        try:
            yield connection
        finally:
            await connection.rollback()


async def _pages(
    connection: AsyncConnection,
    table: Table,
    page_rows: int,
    where: ColumnElement[bool] | None = None,
) -> AsyncIterator[list[dict[str, Any]]]:
    ident = table.c.id
    last: Any = None
    while True:
        stmt = select(table).order_by(ident).limit(page_rows)
        if where is not None:
            stmt = stmt.where(where)
        if last is not None:
            stmt = stmt.where(ident > last)
        rows = [dict(row) for row in (await connection.execute(stmt)).mappings()]
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


async def save_local_copy(
    source: AsyncEngine,
    target: Path,
    progress: Progress | None = None,
    *,
    page_rows: int = PAGE_ROWS,
    view: PostQuery | None = None,
) -> CopyCounts:
    """Write every user and post of ``source`` (PostgreSQL or SQLite), or with ``view`` the
    posts it shows and their authors, into a new SQLite file at ``target`` (replacing it),
    migrated to our schema. ``progress(done, total)`` counts rows
    and returning False cancels (OperationCancelledError); cancelling the task stops too.
    Either way no file is left. Errors are StorageError sentences."""
    partial = target.with_name(target.name + ".part")
    try:
        partial = await asyncio.to_thread(_prepare, partial)
        counts = await _fill(source, partial, progress, page_rows, view)
        await asyncio.to_thread(partial.replace, target)
    except OSError as error:  # the file's own trouble: the database's is translated below
        remove_database_file(partial)
        raise StorageError(
            BackupErrors.tr(
                "Could not write the local copy {target}: {reason}.",
                target=str(target),
                reason=error.strerror or str(error),
            )
        ) from error
    except BaseException as error:
        remove_database_file(partial)
        raise_translated(error)
        raise
    return counts


def _prepare(partial: Path) -> Path:
    """Make the folder and clear a leftover partial file; the partial file's absolute path."""
    partial.parent.mkdir(parents=True, exist_ok=True)
    remove_database_file(partial)
    return partial.absolute()


async def _chosen(
    source: AsyncEngine, reader: AsyncConnection, view: PostQuery | None
) -> dict[str, ColumnElement[bool] | None]:
    """Each table's condition: none for everything; for a view, its posts and their authors."""
    if view is None:
        return dict.fromkeys((table.name for table in TABLES), None)
    posts = SQLAlchemyPostReader(async_sessionmaker(source))
    async with AsyncSession(bind=reader) as session:  # joins the snapshot, leaves it open
        shown = (await posts.matching_ids(session, view)).scalar_subquery()
    authors = select(PostModel.author_id).where(PostModel.id.in_(shown)).scalar_subquery()
    return {"users": UserModel.id.in_(authors), "posts": PostModel.id.in_(shown)}


async def _fill(
    source: AsyncEngine,
    path: Path,
    progress: Progress | None,
    page_rows: int,
    view: PostQuery | None = None,
) -> CopyCounts:
    """Create ``path`` (absolute) with our schema and copy the rows into it in one transaction."""
    url = URL.create("sqlite+aiosqlite", database=str(path))
    writer = make_engine(url, pool_size=1, max_overflow=0)
    copied = dict.fromkeys((table.name for table in TABLES), 0)
    try:
        await migrations.upgrade(writer, url.render_as_string(hide_password=False))
        async with _snapshot(source) as reader, writer.begin() as write:
            found = await reader.run_sync(lambda c: set(inspect(c).get_table_names()))
            if not {table.name for table in TABLES} <= found:
                raise StorageError(
                    BackupErrors.tr(
                        "{database} has no users and posts tables: there is nothing to copy.",
                        database=describe_database(source.url),
                    )
                )
            where = await _chosen(source, reader, view)
            total = 0
            for table in TABLES:
                counted = select(func.count()).select_from(table)
                if where[table.name] is not None:
                    counted = counted.where(where[table.name])  # type: ignore[arg-type]
                total += int(await reader.scalar(counted) or 0)
            if progress is not None and not progress(0, total):
                raise OperationCancelledError()
            for table in TABLES:  # users first: every post's author is there before it
                async for rows in _pages(reader, table, page_rows, where[table.name]):
                    await write.execute(insert(table), rows)
                    copied[table.name] += len(rows)
                    if progress is not None and not progress(sum(copied.values()), total):
                        raise OperationCancelledError()
    finally:
        await writer.dispose()
    return CopyCounts(users=copied["users"], posts=copied["posts"])
