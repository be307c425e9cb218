"""The statements the app runs, as View → SQL log shows them: a port and what it hands out.

An entry holds the statement's text with its placeholders (``?``, ``$1``, ``%(name)s``) as the
driver received it, and never a parameter, not even in a hidden field: a password hash, an
e-mail or a bio has no way into the log. A failed statement names its error's class only,
because a database's message can quote the values (PostgreSQL's "Key (email)=(…) already
exists"). The infrastructure records only while someone listens (``StatementLog``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StatementEntry:
    """One statement the database ran (or refused)."""

    statement: str  # the SQL text with its placeholders, never the values bound to them
    duration: float  # seconds, from handing it to the driver until it returned or failed
    when: datetime  # when it finished (aware, UTC)
    # rows the driver reports: a write's affected rows (asyncpg counts a SELECT's too), or None
    rows: int | None = None
    batch: int | None = None  # an executemany's number of parameter sets (how many, not which)
    error: str | None = None  # the class name of the error it failed with, e.g. IntegrityError

    @property
    def failed(self) -> bool:
        return self.error is not None


StatementListener = Callable[[StatementEntry], None]


class StatementLog(Protocol):
    """The statements run on one open database, for whoever listens.

    Listeners are called in the thread that ran the statement (a driver's worker context), so
    they must be quick and thread-safe: the SQL log appends to a deque that its window drains.
    With nobody listening nothing is recorded at all (the database's hooks are removed).
    """

    def subscribe(self, listener: StatementListener) -> Callable[[], None]:
        """Call ``listener`` with every statement from now on; returns the function that stops
        it (calling that twice is harmless)."""
        ...

    @property
    def listening(self) -> bool:
        """Whether the database is hooked at all (someone listens)."""
        ...
