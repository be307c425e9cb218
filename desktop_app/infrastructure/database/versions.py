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


def version_matches(column: Any, seen: datetime | None, dialect: str) -> ColumnElement[bool]:
    """``column`` still holds the version ``seen``."""
    bound = literal(seen, type_=UTCDateTime())
    if dialect == "sqlite":
        return func.julianday(column).is_not_distinct_from(func.julianday(bound))
    return column.is_not_distinct_from(bound)  # type: ignore[no-any-return]
