"""Reads that really stop when the task awaiting them is cancelled, on SQLite too.

Cancelling a task that awaits a query does not stop the query on SQLite: aiosqlite runs sqlite3
in a thread of its own, and SQLAlchemy, seeing the cancellation, closes the connection, a close
that waits in that thread behind the running statement. A search superseded by a newer one went
on for its full 20 s, and the newer one waited for it.

:func:`interruptible` runs the read in an inner task and, when the caller is cancelled, first
interrupts the SQLite connections that read holds (``sqlite3.Connection.interrupt``, safe from
another thread), then cancels the inner task and waits the moment it needs to unwind. The
connections a read holds are tracked through the pool's checkout and checkin events, which run in
the inner task's context, so a connection handed back to the pool (and perhaps to the newer
read) is never interrupted. PostgreSQL needs nothing extra: asyncpg cancels the statement on the
server when its task is cancelled.
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
from collections.abc import Callable, Coroutine
from contextlib import suppress
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

import aiosqlite
from sqlalchemy import event
from sqlalchemy.pool import ConnectionPoolEntry, Pool, PoolProxiedConnection

P = ParamSpec("P")
T = TypeVar("T")

# While a cancelled read unwinds, its connections are interrupted again this often: a statement
# that started just after one interrupt (none was running to stop) is caught by the next.
REINTERRUPT_SECONDS = 0.05

_HELD = "desktop_app_interruptible_read"  # key in a pool entry's info: (read, driver connection)


class _Read:
    """One interruptible read: the SQLite connections it holds right now."""

    def __init__(self) -> None:
        self.held: set[aiosqlite.Connection] = set()


_current: ContextVar[_Read | None] = ContextVar("desktop_app_interruptible_read", default=None)


@event.listens_for(Pool, "checkout")
def _on_checkout(
    _dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
) -> None:
    read = _current.get()
    driver = record.driver_connection
    if read is not None and isinstance(driver, aiosqlite.Connection):
        read.held.add(driver)
        record.info[_HELD] = (read, driver)


@event.listens_for(Pool, "checkin")
def _on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    read, driver = record.info.pop(_HELD, (None, None))
    if read is not None:
        read.held.discard(driver)


async def _stop(inner: asyncio.Future[Any], read: _Read) -> None:
    """Cancel ``inner`` and interrupt its SQLite statements until it has unwound."""
    inner.cancel()
    while not inner.done():
        for connection in list(read.held):
            # A connection closed meanwhile raises; there is nothing left to stop on it.
            with suppress(ValueError, sqlite3.Error):
                await connection.interrupt()
        await asyncio.wait({inner}, timeout=REINTERRUPT_SECONDS)
    if not inner.cancelled():
        inner.exception()  # the cancelled read's own error ("interrupted"): nobody's news


def interruptible(
    read: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, Coroutine[Any, Any, T]]:
    """Decorate an async read so that cancelling its caller also stops its SQL promptly."""

    @functools.wraps(read)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        if _current.get() is not None:  # a read inside a read: the outer one handles it
            return await read(*args, **kwargs)
        state = _Read()
        token = _current.set(state)
        try:
            inner = asyncio.ensure_future(read(*args, **kwargs))  # copies the context
        finally:
            _current.reset(token)
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            await _stop(inner, state)
            raise

    return run
