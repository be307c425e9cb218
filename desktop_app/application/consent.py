"""Asking before the app changes a database it did not create: the question and its answers.

Opening a file that is not ours (or whose schema is older than this version) must not change it
behind the user's back. The database layer describes the change it needs as a ``ChangeRequest``;
whoever opened the database (the window with a dialog, the CLI with a prompt or ``--yes``)
answers it. The words live here so the dialog and the terminal say the same thing.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

SHOWN_TABLES = 4  # other tables named in the question; the rest are counted


class Change(enum.Enum):
    CREATE = "create"  # the file or database has no users and posts tables
    UPGRADE = "upgrade"  # our schema, at an older revision (or the web backend's, to adopt)


class Answer(enum.Enum):
    PROCEED = "proceed"  # make the change (after the backup, for a SQLite upgrade)
    READ_ONLY = "read-only"  # open it without changing anything
    CANCEL = "cancel"  # leave it alone, do not open it


@dataclass(frozen=True, slots=True)
class ChangeRequest:
    """A change the app needs before it can edit a database, and what the user should know."""

    change: Change
    database: str  # a name for people: "SQLite: /home/ann/notes.db"
    is_sqlite: bool = True
    exists: bool = True  # False: the SQLite file is not there yet
    other_tables: tuple[str, ...] = ()  # tables that are not ours (left as they are)
    revision: str | None = None  # our revision in the database, None if it has none
    head: str | None = None  # the revision this version of the app needs
    backup: str | None = None  # where a SQLite file is copied before an upgrade
    can_read_only: bool = True

    @property
    def title(self) -> str:
        return "Create tables?" if self.change is Change.CREATE else "Upgrade the database?"

    @property
    def accept_text(self) -> str:
        return "Create" if self.change is Change.CREATE else "Upgrade"

    @property
    def question(self) -> str:
        thing = "file" if self.is_sqlite else "database"
        if self.change is Change.CREATE:
            if not self.exists:
                return "This file does not exist. Create a new database there?"
            return f"This {thing} has no users and posts tables. Create them?"
        if self.revision is None:
            return (
                f"This {thing} has users and posts tables that desktop_app has not set up yet. "
                "Add what this version needs?"
            )
        return (
            f"This {thing} has an older desktop_app schema ({self.revision}; this version uses "
            f"{self.head}). Upgrade it?"
        )

    @property
    def details(self) -> str:
        """What will happen, in a few sentences (the dialog's informative text)."""
        parts = [self.database + "."]
        if self.other_tables:
            shown = ", ".join(self.other_tables[:SHOWN_TABLES])
            more = len(self.other_tables) - SHOWN_TABLES
            shown += f" and {more} more" if more > 0 else ""
            parts.append(f"It has other tables ({shown}); they are left as they are.")
        if self.change is Change.CREATE:
            parts.append(
                "Creating adds the tables users and posts, their search tables and triggers, "
                "and the version table desktop_app_alembic_version."
            )
        else:
            parts.append(
                "Upgrading adds indexes, search tables and triggers, and records the version; "
                "an older desktop_app cannot open it afterwards."
            )
            if self.backup:
                parts.append(f"A copy is saved first: {self.backup}")
        if self.can_read_only:
            parts.append("Open read-only to look without changing anything.")
        return " ".join(parts)


# Answers a ChangeRequest: the window shows a dialog, the CLI asks on the terminal.
Ask = Callable[[ChangeRequest], Awaitable[Answer]]
