"""Bounded waits on PostgreSQL: a stopped, frozen or unreachable server becomes an error in seconds.

By default asyncpg waits 60 s for a new connection and forever for an answer, so a frozen server
left a save on "Saving…" for minutes. Here every wait has a limit: connecting (``timeout``),
each statement, including the pool's pre-ping and COMMIT (``command_timeout``), and a free
connection in the pool (``pool_timeout``). A timeout becomes ``ServerTimeoutError``, which says
how long we waited, where the driver's bare TimeoutError would say nothing.

No server-side ``statement_timeout`` is sent: the server cannot enforce it while frozen, and a
startup parameter is refused by poolers such as PgBouncer in transaction mode.

After SQLAlchemy times out waiting, it closes the connection gracefully for up to 2 s more
before dropping it, so a failing statement reports after ``command_timeout`` + 2 s at most.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Dialect
from sqlalchemy.engine.interfaces import ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import ConnectionPoolEntry

from desktop_app.infrastructure.database.error_translation import ServerTimeoutError


def engine_options(*, connect_timeout: float, command_timeout: float) -> dict[str, Any]:
    """``create_async_engine`` keywords that bound every wait on the server."""
    return {
        "connect_args": {"timeout": connect_timeout, "command_timeout": command_timeout},
        # Someone holding a connection is stuck for a statement's timeout at most.
        "pool_timeout": command_timeout,
    }


def report_timeouts(engine: AsyncEngine, *, connect_timeout: float, command_timeout: float) -> None:
    """Make the engine's timeouts raise ServerTimeoutError naming the limit that ran out.

    Three places raise the driver's TimeoutError, each with its own hook: connecting (a
    wrapper around ``asyncpg.connect``), statements (``handle_error``) and the pool's pre-ping,
    which SQLAlchemy runs outside both and lets any non-driver error through unwrapped (the
    wrapper also runs the ping outside a transaction: one round trip instead of three).
    """
    sync_engine = engine.sync_engine
    dialect = sync_engine.dialect
    asyncpg_connect = dialect.loaded_dbapi.asyncpg.connect  # what the dialect would call

    async def connect(*args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncpg_connect(*args, **kwargs)
        except TimeoutError as error:
            raise ServerTimeoutError(connect_timeout) from error

    def on_do_connect(
        _dialect: Dialect,
        _record: ConnectionPoolEntry,
        _cargs: tuple[Any, ...],
        cparams: dict[str, Any],
    ) -> None:
        cparams["async_creator_fn"] = connect  # the asyncpg dialect calls this to connect

    def on_error(context: ExceptionContext) -> BaseException | None:
        original = context.original_exception
        if isinstance(original, TimeoutError) and not isinstance(original, ServerTimeoutError):
            return ServerTimeoutError(command_timeout)
        return None

    plain_ping = dialect.do_ping

    def do_ping(dbapi_connection: Any) -> bool:
        # Outside a transaction the ping is one round trip (";"); inside one the driver wraps
        # it in BEGIN and ROLLBACK, three round trips on every checkout, most of what a page
        # waits for on a server across a network. A restarted server fails it all the same.
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            return plain_ping(dbapi_connection)
        except TimeoutError as error:
            raise ServerTimeoutError(command_timeout) from error
        finally:
            dbapi_connection.autocommit = autocommit

    event.listen(sync_engine, "do_connect", on_do_connect)
    event.listen(sync_engine, "handle_error", on_error)
    # The pre-ping has no event of its own; this dialect object belongs to this engine alone.
    dialect.do_ping = do_ping  # type: ignore[method-assign]
