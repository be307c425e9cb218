"""A change as data: every row it touched, as it was before and as it is after.

Undo, redo, ``--dry-run`` and the conflict dialog all stand on this one description. A
``ChangeSet`` is what a use case did (or would do); its ``inverse()`` is the change that takes
it back. Applying either is one transaction of compare-and-set writes (``ChangeApplier``):

* ``before is None``: the row is inserted exactly as ``after`` (same id, timestamps, hash);
  an existing row with that id is a conflict;
* ``after is None``: the row is deleted, only if it still has ``before``'s version;
* both: the row is rewritten to exactly ``after`` (``updated_at`` included), only if it still
  has ``before``'s version.

Restoring the version as well as the values is what makes undo exact: after undoing an edit,
the row is byte for byte what it was, ``updated_at`` NULL included, so anyone who read it
before still holds a valid version of the same content.

Order matters for deletes and restores: a change lists posts before the users they belong to
when it removes rows, so its inverse re-creates the users before their posts.

A change's rows are any ``Sequence`` of ``RowChange``: a tuple while it is small and fresh, or
rows kept outside memory (``ChangeStore``: the undo history moves big changes to a temporary
file). Such a sequence is ``InvertibleRows``: it gives its own inverse as a view, without
reading every row.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeAlias, TypeVar, runtime_checkable

from desktop_app.domain.entities import Post, User
from desktop_app.domain.messages import Message, Texts

Kind: TypeAlias = Literal["user", "post"]


class UndoStep(Texts):
    """The translation context of undo steps' names ("edit user ann", "delete 3 posts")."""


EntityT = TypeVar("EntityT", User, Post)


@dataclass(frozen=True, slots=True)
class RowChange(Generic[EntityT]):
    """One row: as it was (None: did not exist) and as it is after (None: gone)."""

    before: EntityT | None
    after: EntityT | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a row change needs a before or an after")
        if self.before is not None and self.after is not None and self.before.id != self.after.id:
            raise ValueError("a row change keeps the row's id")

    @property
    def row(self) -> EntityT:
        """The row as it is after, or as it was when the change removed it."""
        return self.after if self.after is not None else self.before  # type: ignore[return-value]

    def inverse(self) -> RowChange[EntityT]:
        return RowChange(before=self.after, after=self.before)


UserChange: TypeAlias = RowChange[User]
PostChange: TypeAlias = RowChange[Post]

# Above this many rows, a change's row list is built in a worker thread: 100,000 RowChange
# objects take some 100 ms of Python, which on the event loop would freeze the window.
BUILD_IN_THREAD_ABOVE = 5_000


def _removed(rows: Sequence[EntityT]) -> tuple[RowChange[EntityT], ...]:
    return tuple(RowChange(row, None) for row in rows)


async def removals(rows: Sequence[EntityT]) -> tuple[RowChange[EntityT], ...]:
    """The row changes of deleting ``rows`` (as they were), off the event loop when many."""
    if len(rows) <= BUILD_IN_THREAD_ABOVE:
        return _removed(rows)
    return await asyncio.to_thread(_removed, rows)


@runtime_checkable
class InvertibleRows(Protocol):
    """Rows that know their inverse (reversed, before and after swapped) without being read."""

    def inverted(self) -> Sequence[RowChange[User]] | Sequence[RowChange[Post]]: ...


def _inverted(rows: Sequence[RowChange[EntityT]]) -> Sequence[RowChange[EntityT]]:
    if isinstance(rows, InvertibleRows):
        return rows.inverted()  # type: ignore[return-value]
    return tuple(change.inverse() for change in reversed(rows))


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one user action did, in the order it was done: ``name`` names it for people
    ("delete 3 users and 12 posts"), e.g. after "Undo " in the Edit menu; ``text`` is that
    name in English."""

    name: Message | str
    users: Sequence[UserChange] = ()
    posts: Sequence[PostChange] = ()

    def inverse(self) -> ChangeSet:
        """The change that takes this one back (users and posts swap the roles of before and
        after; the applier orders the writes so foreign keys hold both ways)."""
        return ChangeSet(name=self.name, users=_inverted(self.users), posts=_inverted(self.posts))

    @property
    def text(self) -> str:
        return str(self.name)

    @property
    def size(self) -> int:
        return len(self.users) + len(self.posts)


class ChangeWriter(Protocol):
    """A change written to a ``ChangeStore`` as it is made, a batch of rows at a time, so
    that a change of a million rows (an import) never sits in memory whole."""

    def add(self, kind: Kind, rows: Sequence[RowChange[User]] | Sequence[RowChange[Post]]) -> None:
        """Append ``rows`` of ``kind`` (in order). StorageError if they cannot be written."""

    def finish(self, name: Message | str) -> ChangeSet:
        """The change made of every row added, read back from the store when asked."""
        ...

    def discard(self) -> None:
        """The change was not made (its transaction rolled back): forget its rows."""


class ChangeStore(Protocol):
    """Where the undo history keeps big changes out of memory (a port: the infrastructure's
    temporary SQLite file). ``keep`` is slow (it writes every row) and runs in a worker
    thread; the change it returns reads its rows back a slice at a time. ``begin`` starts a
    change written there as it is made."""

    def keep(self, change: ChangeSet) -> ChangeSet: ...

    def begin(self) -> ChangeWriter: ...

    def discard(self, change: ChangeSet) -> None:
        """The history no longer holds ``change`` (kept or not): its rows may go."""

    def close(self) -> None:
        """Delete everything kept (the database is closing)."""
