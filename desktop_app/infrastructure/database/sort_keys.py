"""What the tables really order by: a key per sortable column that is total and exact on data
the app did not write.

Timestamps are the reason. On SQLite they are text, and each writer picks its own format: the
web backend's server default stores whole seconds (``2026-12-01 06:31:55``), SQLAlchemy binds
microseconds (``…:55.000000``), raw SQL may use a ``T``, a ``Z`` or an offset. Compared as text
these disagree (the same instant sorts twice, a keyset cursor skips or repeats rows), so SQLite
orders by ``julianday()`` of the text, which reads every one of those formats as the same
instant. ``updated_at`` is NULL until a row's first edit, and a NULL in a row-value comparison
matches nothing (scrolling would stop at the first NULL), so a missing time becomes a key
before every real one: "never edited" sorts as the oldest, first ascending and last
descending, on both backends; the id breaks ties.

Migration 0004 creates an index on (key, id) for each of these expressions, spelled exactly as
here, so the planner can seek in it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, literal, literal_column

from desktop_app.infrastructure.database.types import UTCDateTime

# The key of a missing (or, on SQLite, unreadable) time: before every real one.
SQLITE_NO_TIME = "0"
# asyncpg reads -infinity as datetime.min and writes datetime.min back as -infinity, so the key
# of a missing time survives a round trip through a cursor (year 1 would come back as -infinity).
POSTGRESQL_NO_TIME = "'-infinity'::timestamptz"


def _is_time(column: Any) -> bool:
    return isinstance(column.type, UTCDateTime)


def _nullable(column: Any) -> bool:
    return bool(getattr(getattr(column, "expression", column), "nullable", True))


def _time_key(value: Any, dialect: str, *, nullable: bool) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return func.coalesce(func.julianday(value), literal_column(SQLITE_NO_TIME))
    if nullable:
        no_time = literal_column(POSTGRESQL_NO_TIME, type_=UTCDateTime())
        return func.coalesce(value, no_time, type_=UTCDateTime())
    return value  # type: ignore[no-any-return]


def sort_key(column: Any, dialect: str) -> Any:
    """The expression the database orders ``column`` by (``dialect``: "sqlite", ...)."""
    if not _is_time(column):
        return column
    return _time_key(column, dialect, nullable=_nullable(column))


def key_of_value(column: Any, value: object, dialect: str) -> Any:
    """``value`` of ``column`` (a Python value, e.g. a datetime) as a bound sort key, computed
    the same way as ``sort_key(column)`` so the two compare exactly."""
    bound = literal(value, type_=column.type)
    if not _is_time(column):
        return bound
    return _time_key(bound, dialect, nullable=_nullable(column))


def key_of_parameter(column: Any, name: str, dialect: str) -> Any:
    """A bound parameter ``name`` holding a Python value of ``column``, turned into a sort key
    like ``key_of_value``: the same statement serves every value (it is built once)."""
    bound = bindparam(name, type_=column.type)
    if not _is_time(column):
        return bound
    return _time_key(bound, dialect, nullable=_nullable(column))


def no_time_key(column: Any, dialect: str) -> Any:
    """The key a missing time of ``column`` (a timestamp) sorts by: below every real time."""
    if dialect == "sqlite":
        return literal_column(SQLITE_NO_TIME)
    return literal_column(POSTGRESQL_NO_TIME, type_=UTCDateTime())
