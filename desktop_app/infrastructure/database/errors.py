"""Turn driver and SQLAlchemy errors into domain errors a caller can act on."""

from __future__ import annotations

import asyncio

from sqlalchemy import exc as sa_exc

from desktop_app.domain.errors import (
    ConstraintViolationError,
    DatabaseUnavailableError,
    DuplicateEmailError,
    DuplicateUsernameError,
)


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
    return ConstraintViolationError(f"The database refused the change: {_reason(error)}")


def translate(error: BaseException) -> Exception | None:
    """A domain error for ``error``, or None when it is not a database condition (a bug)."""
    if isinstance(error, sa_exc.IntegrityError):
        return ConstraintViolationError(f"The database refused the change: {_reason(error)}")
    if isinstance(error, sa_exc.DBAPIError | sa_exc.TimeoutError):
        # OperationalError (locked, disk I/O, server gone), InterfaceError (connection closed),
        # and pool timeouts: conditions of the environment, not of the request.
        return DatabaseUnavailableError(f"The database is not available: {_reason(error)}")
    if isinstance(error, OSError | asyncio.TimeoutError):
        return DatabaseUnavailableError(f"Could not connect to the database: {_reason(error)}")
    return None


def raise_translated(error: BaseException) -> None:
    """Raise the domain error for a database condition; return for anything else (a bug), so
    the caller's bare ``raise`` keeps the original."""
    domain_error = translate(error)
    if domain_error is not None:
        raise domain_error from error
