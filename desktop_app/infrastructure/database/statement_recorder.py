"""Records the statements an engine runs, with their timings, for View → SQL log.

SQLAlchemy's cursor events (``before_cursor_execute``, ``after_cursor_execute``,
``handle_error``) are hooked on the engine only while someone listens, and removed
(``event.remove``) when the last listener goes: with the log closed the engine carries no hook
of ours. The hooks take the statement text as the driver gets it, placeholders and all, and
drop the parameters unread; a failure is named by its error's class, never its message (which
may quote a value). They run wherever the statement runs (inside SQLAlchemy's greenlet for
aiosqlite and asyncpg), so listeners get entries there and must hand them on thread-safely.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.statement_log import StatementEntry, StatementListener

log = logging.getLogger(__name__)

# Where a connection keeps the start of the statement it is running (one at a time).
_STARTED = "desktop_app.statement_started"


class StatementRecorder:
    """The ``StatementLog`` of one engine."""

    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], float] = time.perf_counter):
        self._engine = engine.sync_engine
        self._clock = clock
        self._lock = threading.Lock()
        # Replaced, never changed in place: the hooks read it without the lock.
        self._listeners: tuple[StatementListener, ...] = ()
        self._hooks: tuple[tuple[str, Callable[..., Any]], ...] = (
            ("before_cursor_execute", self._before),
            ("after_cursor_execute", self._after),
            ("handle_error", self._failed),
        )

    @property
    def hooks(self) -> tuple[tuple[str, Callable[..., Any]], ...]:
        """The (event name, function) pairs hooked while someone listens (for tests)."""
        return self._hooks

    @property
    def listening(self) -> bool:
        return bool(self._listeners)

    def subscribe(self, listener: StatementListener) -> Callable[[], None]:
        with self._lock:
            if not self._listeners:
                for name, hook in self._hooks:
                    event.listen(self._engine, name, hook)
            self._listeners = (*self._listeners, listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener not in self._listeners:
                    return
                listeners = list(self._listeners)
                listeners.remove(listener)
                self._listeners = tuple(listeners)
                if not listeners:
                    for name, hook in self._hooks:
                        event.remove(self._engine, name, hook)

        return unsubscribe

    # -- the hooks: run for every statement while someone listens --------------------------------

    def _before(
        self,
        connection: Connection,
        _cursor: Any,
        _statement: str,
        _parameters: Any,
        _context: Any,
        _executemany: bool,
    ) -> None:
        connection.info[_STARTED] = self._clock()

    def _after(
        self,
        connection: Connection,
        cursor: Any,
        statement: str,
        parameters: Any,
        _context: Any,
        executemany: bool,
    ) -> None:
        started = connection.info.pop(_STARTED, None)
        if started is None:  # began before the log opened
            return
        rowcount = getattr(cursor, "rowcount", -1)
        batch = len(parameters) if executemany and isinstance(parameters, list | tuple) else None
        self._hand_out(
            StatementEntry(
                statement=statement,
                duration=max(0.0, self._clock() - started),
                when=datetime.now(UTC),
                rows=rowcount if isinstance(rowcount, int) and rowcount >= 0 else None,
                batch=batch,
            )
        )

    def _failed(self, context: ExceptionContext) -> None:
        connection = context.connection
        started = connection.info.pop(_STARTED, None) if connection is not None else None
        if context.statement is None or started is None:  # connecting, pinging: no statement
            return
        self._hand_out(
            StatementEntry(
                statement=context.statement,
                duration=max(0.0, self._clock() - started),
                when=datetime.now(UTC),
                error=type(context.original_exception).__name__,
            )
        )
        # None: the error goes on unchanged (a value returned here would replace it)

    def _hand_out(self, entry: StatementEntry) -> None:
        for listener in self._listeners:
            try:
                listener(entry)
            except Exception:  # a listener's fault must not fail the user's statement
                log.exception("a SQL log listener failed")
