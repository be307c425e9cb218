"""Turn driver and SQLAlchemy errors into domain errors a caller can act on.

Their sentences are ``Message``s (``DatabaseErrors.tr``): English in ``str()`` (the command line,
the logs), the window's language in the window. What the driver or the server says of its own
(a constraint's name, the server's reason) is put in as it is.
"""

from __future__ import annotations

import re

from sqlalchemy import exc as sa_exc

from desktop_app.domain.errors import (
    ConstraintViolationError,
    DatabaseUnavailableError,
    DuplicateEmailError,
    DuplicateUsernameError,
    ReadOnlyDatabaseError,
)
from desktop_app.domain.messages import Texts

# SQLSTATE of a statement the server cancelled: statement_timeout, or pg_cancel_backend().
QUERY_CANCELED = "57014"
# SQLSTATE of a write in a read-only transaction (default_transaction_read_only=on).
READ_ONLY_TRANSACTION = "25006"
SQLITE_READONLY = 8  # the primary result code; extended codes keep it in the low byte
# SQLSTATE class of every integrity constraint violation, and the unique one among them.
INTEGRITY_CLASS = "23"
UNIQUE_VIOLATION = "23505"
# PostgreSQL's detail of a unique violation: Key (email)=(ann@example.org) already exists.
_DUPLICATE_KEY = re.compile(
    r"Key \((?P<column>[^)]+)\)=\((?P<value>.*)\) already exists", re.DOTALL
)


class DatabaseErrors(Texts):
    """The translation context of what the database layer says when the database fails."""


class ServerTimeoutError(TimeoutError):
    """The database server did not answer within ``seconds``.

    The engine raises it in place of the driver's bare TimeoutError, which does not say how long
    it waited (see timeouts.py); ``translate`` turns it into the sentence a person reads.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"The database server did not answer within {seconds:g} s")
        self.seconds = seconds


def _reason(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def unique_violation(error: sa_exc.IntegrityError, *, email: str, username: str) -> Exception:
    """Which unique rule on users an IntegrityError broke (SQLite and PostgreSQL word it apart)."""
    reason = _reason(error).lower()
    if "email" in reason:
        return DuplicateEmailError(email)
    if "username" in reason:
        return DuplicateUsernameError(username)
    return refused(error)


def refused(error: BaseException) -> ConstraintViolationError:
    """A change the database refused, in its own words inside ours."""
    return ConstraintViolationError(
        DatabaseErrors.tr("The database refused the change: {reason}", reason=_reason(error))
    )


def duplicate_key(error: BaseException) -> tuple[str, str] | None:
    """(column, value) that a PostgreSQL unique violation names in its detail, or None when
    the error names none (SQLite's do not)."""
    orig = getattr(error, "orig", None) or error
    found = _DUPLICATE_KEY.match(str(getattr(orig, "detail", None) or ""))
    return (found["column"], found["value"]) if found else None


def driver_error(error: Exception, statement: str) -> Exception:
    """What SQLAlchemy would have made of a PostgreSQL error raised by the driver itself
    (for a call that bypasses SQLAlchemy, such as asyncpg's COPY): an IntegrityError for a
    broken constraint, a DBAPIError for any other error the server reported (``translate``
    reads both); anything else (no SQLSTATE: a timeout, a bug) as it is."""
    sqlstate = getattr(error, "sqlstate", None)
    if not isinstance(sqlstate, str):
        return error
    if sqlstate.startswith(INTEGRITY_CLASS):
        return sa_exc.IntegrityError(statement, None, error)
    return sa_exc.DBAPIError(statement, None, error)


def _is_read_only(error: BaseException) -> bool:
    """A write refused because the database is read-only (SQLite ``mode=ro`` or a file we may
    not write; PostgreSQL's read-only transactions)."""
    orig = getattr(error, "orig", None)
    if getattr(orig, "sqlstate", None) == READ_ONLY_TRANSACTION:
        return True
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == SQLITE_READONLY:
        return True
    return isinstance(error, sa_exc.DBAPIError) and "readonly database" in _reason(error)


def translate(error: BaseException) -> Exception | None:
    """A domain error for ``error``, or None when it is not a database condition (a bug)."""
    if isinstance(error, sa_exc.IntegrityError):
        return refused(error)
    if isinstance(error, ServerTimeoutError):
        return DatabaseUnavailableError(
            DatabaseErrors.tr(
                "The database server did not answer within {seconds} s: it may be stopped, "
                "overloaded or unreachable.",
                seconds=error.seconds,
            )
        )
    if isinstance(error, sa_exc.TimeoutError):  # the pool's own wait, not the server's
        return DatabaseUnavailableError(
            DatabaseErrors.tr(
                "Every database connection stayed busy and none came free in time: the server "
                "may be slow or stopped."
            )
        )
    if getattr(getattr(error, "orig", None), "sqlstate", None) == QUERY_CANCELED:
        return DatabaseUnavailableError(
            DatabaseErrors.tr(
                "The database server cancelled the statement: {reason}. It may have run into "
                "the server's statement_timeout, or an administrator cancelled it.",
                reason=_reason(error),
            )
        )
    if _is_read_only(error):
        return ReadOnlyDatabaseError()
    if isinstance(error, sa_exc.DBAPIError):
        # OperationalError (locked, disk I/O, server gone), InterfaceError (connection closed):
        # conditions of the environment, not of the request.
        return DatabaseUnavailableError(
            DatabaseErrors.tr("The database is not available: {reason}", reason=_reason(error))
        )
    if isinstance(error, TimeoutError):  # a bare driver timeout that escaped the engine's hooks
        return DatabaseUnavailableError(
            DatabaseErrors.tr("The database server did not answer in time.")
        )
    if isinstance(error, OSError):
        return DatabaseUnavailableError(
            DatabaseErrors.tr("Could not connect to the database: {reason}", reason=_reason(error))
        )
    return None


def raise_translated(error: BaseException) -> None:
    """Raise the domain error for a database condition; return for anything else (a bug), so
    the caller's bare ``raise`` keeps the original."""
    domain_error = translate(error)
    if domain_error is not None:
        raise domain_error from error
