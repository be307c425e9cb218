"""``updated_at`` as a row version: the compare-and-set every update and delete carries.

A write matches only the version its writer read (``IS NOT DISTINCT FROM``: NULL, "never
edited", is a version too), in the same statement as the change, so two writers that read the
same row can never both write it. On SQLite the comparison goes through ``julianday()``,
because another writer may have stored the same instant as different text (whole seconds,
a ``T``, an offset); julianday keeps milliseconds, so each version this app writes is at least a
millisecond after the one it replaces.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Update, case, delete, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from desktop_app.domain.entities import utcnow
from desktop_app.domain.errors import StaleEditError
from desktop_app.domain.unset import UNSET, Maybe
from desktop_app.infrastructure.database.types import UTCDateTime

VERSION_STEP = timedelta(milliseconds=1)


# The web backend's server default writes whole seconds; a version of ours this close to a
# whole second would read as that second under julianday(), and a backend edit landing on it
# would go unnoticed. Ours keep clear of it.
_NEAR_WHOLE_SECOND = timedelta(microseconds=1_500)
_CLEAR_OF_WHOLE_SECOND = timedelta(milliseconds=3)


def next_version(seen: datetime | None) -> datetime:
    """The ``updated_at`` to write over ``seen``: now, or just after ``seen`` if the clock is
    behind it (another machine's clock, or two edits within a millisecond), never within
    1.5 ms of a whole second."""
    version = utcnow() if seen is None else max(utcnow(), seen + VERSION_STEP)
    into_second = timedelta(microseconds=version.microsecond)
    if into_second < _NEAR_WHOLE_SECOND or into_second >= timedelta(seconds=1) - _NEAR_WHOLE_SECOND:
        version += _CLEAR_OF_WHOLE_SECOND
    return version


def version_matches(
    column: Any, seen: datetime | ColumnElement[Any] | None, dialect: str
) -> ColumnElement[bool]:
    """``column`` still holds the version ``seen`` (a value, or an expression giving one)."""
    bound = seen if isinstance(seen, ColumnElement) else literal(seen, type_=UTCDateTime())
    if dialect == "sqlite":
        return func.julianday(column).is_not_distinct_from(func.julianday(bound))
    return column.is_not_distinct_from(bound)  # type: ignore[no-any-return]


def versions_match(
    model: Any, expected: Mapping[UUID, datetime | None], dialect: str
) -> ColumnElement[bool]:
    """The rows of ``expected`` (id -> version), each still at its own version: one
    condition for many rows (``id IN (...)`` and a CASE giving each id's version), so a
    chunk of rows is checked or written in one statement. Three bind parameters a row."""
    if not expected:
        raise ValueError("versions_match needs at least one row")
    seen = case(
        *(
            (model.id == row_id, literal(version, type_=UTCDateTime()))
            for row_id, version in expected.items()
        )
    )
    return model.id.in_(list(expected)) & version_matches(model.updated_at, seen, dialect)  # type: ignore[no-any-return]


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def compare_and_set(
    model: Any, row_id: UUID, seen: datetime | None, version: datetime, session: AsyncSession
) -> Update:
    """UPDATE of ``model``'s row ``row_id`` that matches only version ``seen`` and writes
    ``version``; the caller adds ``.values(...)`` for the other columns."""
    return (
        update(model)
        .where(model.id == row_id, version_matches(model.updated_at, seen, dialect_of(session)))
        .values(updated_at=version)
        .execution_options(synchronize_session=False)
    )


async def raise_missed(
    session: AsyncSession, model: Any, row_id: UUID, entity: str, gone: Exception
) -> None:
    """A compare-and-set matched no row: ``gone`` if the row is not there, else
    StaleEditError (someone changed it since it was read)."""
    if await session.scalar(select(model.id).where(model.id == row_id)) is None:
        raise gone
    raise StaleEditError(entity, row_id)


async def delete_version(
    session: AsyncSession,
    model: Any,
    row_id: UUID,
    expected: Maybe[datetime | None],
    entity: str,
) -> bool:
    """DELETE ``model``'s row ``row_id``; with ``expected`` only that version of it, else
    StaleEditError. False if there was no such row."""
    stmt = delete(model).where(model.id == row_id)
    if expected is not UNSET:
        stmt = stmt.where(version_matches(model.updated_at, expected, dialect_of(session)))
    result = await session.execute(stmt.execution_options(synchronize_session=False))
    if getattr(result, "rowcount", 0):
        return True
    exists = await session.scalar(select(model.id).where(model.id == row_id))
    if expected is not UNSET and exists is not None:
        raise StaleEditError(entity, row_id)
    return False
