"""``updated_at`` as a row version: the compare-and-set every update and delete carries.

A write matches only the version its writer read (``IS NOT DISTINCT FROM``: NULL, "never
edited", is a version too), in the same statement as the change, so two writers that read the
same row can never both write it. On SQLite the comparison goes through ``julianday()``,
because another writer may have stored the same instant as different text (whole seconds,
a ``T``, an offset); julianday keeps milliseconds, so each version this app writes is at least a
millisecond after the one it replaces.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, literal

from desktop_app.domain.entities import utcnow
from desktop_app.infrastructure.database.types import UTCDateTime

VERSION_STEP = timedelta(milliseconds=1)


def next_version(seen: datetime | None) -> datetime:
    """The ``updated_at`` to write over ``seen``: now, or just after ``seen`` if the clock is
    behind it (another machine's clock, or two edits within a millisecond)."""
    now = utcnow()
    if seen is None:
        return now
    return max(now, seen + VERSION_STEP)


def version_matches(column: Any, seen: datetime | None, dialect: str) -> ColumnElement[bool]:
    """``column`` still holds the version ``seen``."""
    bound = literal(seen, type_=UTCDateTime())
    if dialect == "sqlite":
        return func.julianday(column).is_not_distinct_from(func.julianday(bound))
    return column.is_not_distinct_from(bound)  # type: ignore[no-any-return]
