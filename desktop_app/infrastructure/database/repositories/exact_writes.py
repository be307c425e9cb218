"""Exact, many-row writes for undo and redo, shared by both repositories.

Rows are written verbatim (ids, timestamps, hashes): an undo puts back exactly what was there.
Every statement covers a bounded chunk of rows, so a large change is many short awaited
statements, never one that holds the event loop, and stays far below PostgreSQL's 32,767 bind
parameters (a chunk of ``ROWS_PER_STATEMENT`` ids costs three each, an inserted row one per
column in SQLAlchemy's own batches of 1,000).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from desktop_app.domain.errors import RowsAddedMeanwhileError
from desktop_app.infrastructure.database.error_translation import driver_error, duplicate_key
from desktop_app.infrastructure.database.versions import (
    dialect_of,
    version_matches,
    versions_match,
)

ROWS_PER_STATEMENT = 500
# Rows an INSERT of ``restore`` takes at a time. SQLAlchemy prepares every row's parameters on
# the event loop's thread before the driver sees the first: 1,000 rows at once held the loop
# for some 15 ms, a quarter of that lets it turn in between.
ROWS_PER_INSERT = 250

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = ROWS_PER_STATEMENT) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _mapping_chunks(
    expected: Mapping[UUID, datetime | None],
) -> Iterator[dict[UUID, datetime | None]]:
    items = list(expected.items())
    for part in chunks(items):
        yield dict(part)


async def take_write_lock(session: AsyncSession) -> None:
    """SQLite: take the database's write lock now (BEGIN IMMEDIATE, unless this transaction
    already writes), so what is read next cannot change before the commit. PostgreSQL locks
    rows instead (``SELECT ... FOR UPDATE``)."""
    if dialect_of(session) != "sqlite":
        return
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    if not getattr(raw.driver_connection, "in_transaction", True):
        await connection.exec_driver_sql("BEGIN IMMEDIATE")


async def lock(session: AsyncSession, model: Any, ids: Sequence[UUID]) -> set[UUID]:
    """Lock the rows with these ids until the transaction ends; the ids that exist."""
    await take_write_lock(session)
    present: set[UUID] = set()
    # sorted: two writers locking overlapping rows take them in the same order (by the
    # UUID's integer, as UUID's own comparison, but in C: 100,000 ids in ms, not 0.6 s)
    for part in chunks(sorted(set(ids), key=attrgetter("int"))):
        stmt = select(model.id).where(model.id.in_(part)).order_by(model.id).with_for_update()
        present.update(await session.scalars(stmt))
    return present


async def stale(
    session: AsyncSession, model: Any, expected: Mapping[UUID, datetime | None]
) -> set[UUID]:
    """The ids of ``expected`` whose row exists at another version (compared in SQL, as every
    compare-and-set is: ``versions.version_matches``)."""
    found: set[UUID] = set()
    dialect = dialect_of(session)
    for part in _mapping_chunks(expected):
        stmt = select(model.id).where(
            model.id.in_(list(part)), ~versions_match(model, part, dialect)
        )
        found.update(await session.scalars(stmt))
    return found


async def restore(session: AsyncSession, model: Any, rows: Sequence[dict[str, Any]]) -> int:
    """INSERT these rows (column -> value, every column given) in one executemany that
    SQLAlchemy sends as multi-row INSERTs; a row whose id exists is skipped (ON CONFLICT DO
    NOTHING). Returns how many were inserted. Other constraints (a duplicate e-mail, a
    missing author) raise as they would for any insert."""
    if not rows:
        return 0
    table = model.__table__
    insert = sqlite_insert if dialect_of(session) == "sqlite" else postgresql_insert
    stmt = insert(table).on_conflict_do_nothing(index_elements=[table.c.id]).returning(table.c.id)
    inserted = 0
    for part in chunks(rows, ROWS_PER_INSERT):
        result = await session.execute(stmt, list(part))
        inserted += len(result.all())
    return inserted


async def copy_new(session: AsyncSession, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL: INSERT rows that must all be new (column -> value, every column given) in
    one binary COPY, asyncpg's ``copy_records_to_table``, on the session's own connection and
    inside its transaction, so the rows commit or roll back with everything else in it.
    Values are converted as SQLAlchemy binds them (the same rows an INSERT would store); the
    table's triggers fire as for any insert. A row whose id exists raises
    RowsAddedMeanwhileError; any other refusal (a duplicate e-mail, a missing author) an
    IntegrityError, as an INSERT's would. Either way the transaction is spoilt: roll it back."""
    if not rows:
        return
    connection = await session.connection()
    driver: Any = (await connection.get_raw_connection()).driver_connection  # asyncpg's
    if not driver.is_in_transaction():
        # SQLAlchemy begins the driver's transaction with its first statement, not before:
        # a COPY first would run outside it, committed at once, and escape a rollback.
        await connection.exec_driver_sql("SELECT 1")
    table, dialect = model.__table__, connection.dialect
    names = [column.name for column in table.c]
    binds = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in table.c]
    records = [
        tuple(
            row[name] if bind is None else bind(row[name])
            for name, bind in zip(names, binds, strict=True)
        )
        for row in rows
    ]
    try:
        await driver.copy_records_to_table(table.name, records=records, columns=names)
    except Exception as error:
        refused = driver_error(error, f"COPY {table.name} ({', '.join(names)}) FROM STDIN")
        if refused is error:  # no word from the server: a timeout, a lost connection, a bug
            raise
        key = duplicate_key(refused)
        if key is not None and key[0] in {column.name for column in table.primary_key}:
            raise RowsAddedMeanwhileError from refused
        raise refused from error


async def rewrite(
    session: AsyncSession,
    model: Any,
    row_id: UUID,
    values: dict[str, Any],
    expected_updated_at: datetime | None,
) -> bool:
    """UPDATE every column to ``values`` (``updated_at`` included, verbatim) if the row is still
    at ``expected_updated_at``."""
    stmt = (
        update(model)
        .where(
            model.id == row_id,
            version_matches(model.updated_at, expected_updated_at, dialect_of(session)),
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    result = await session.execute(stmt)
    return bool(getattr(result, "rowcount", 0))


async def delete_versions(
    session: AsyncSession, model: Any, expected: Mapping[UUID, datetime | None]
) -> int:
    """DELETE each row of ``expected`` still at its version; how many went."""
    removed = 0
    dialect = dialect_of(session)
    for part in _mapping_chunks(expected):
        stmt = (
            delete(model)
            .where(versions_match(model, part, dialect))
            .execution_options(synchronize_session=False)
        )
        result = await session.execute(stmt)
        removed += int(getattr(result, "rowcount", 0))
    return removed
