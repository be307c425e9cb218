"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

# SQLite's CURRENT_TIMESTAMP has whole seconds; this keeps milliseconds, so rows the server
# stamps order among each other as finely as rows stamped in Python.
SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always timezone-aware UTC in Python.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones and silently drops an offset, so
    values are converted to UTC before they are written and marked UTC when read. A naive value
    is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """The value marked (SQLite) or converted to UTC. This runs for every time of every row
        read: ``combine`` marks a value in a quarter of the time ``replace(tzinfo=...)`` takes,
        which was a fifth of a 100-row page's cost on SQLite, and a value already in UTC
        (asyncpg's) is returned as it is."""
        if value is None:
            return None
        if not isinstance(value, datetime):  # pragma: no cover - drivers return datetimes
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        zone = value.tzinfo
        if zone is None:
            return datetime.combine(value.date(), value.time(), UTC)
        if zone is UTC:
            return value
        return value.astimezone(UTC)


class server_now(FunctionElement[datetime]):  # noqa: N801 - reads as the SQL function it is
    """The server's current time as a column default: ``now()``, and on SQLite a text timestamp
    with fractional seconds (``CURRENT_TIMESTAMP`` would drop them)."""

    type = DateTime(timezone=True)
    inherit_cache = True
    name = "server_now"


@compiles(server_now)
def _now(_element: server_now, _compiler: SQLCompiler, **_kw: Any) -> str:
    return "now()"


@compiles(server_now, "sqlite")
def _sqlite_now(_element: server_now, _compiler: SQLCompiler, **_kw: Any) -> str:
    return f"({SQLITE_NOW})"
