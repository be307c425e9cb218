"""Big changes of the undo history, kept in a temporary SQLite file instead of in memory.

A delete of a million posts is a million rows the history must be able to put back; held as
objects that is most of a gigabyte. ``TemporaryChangeStore.keep`` writes a change's rows to a
private temporary file (one ``(before, after)`` per row, in order) and returns the same
change whose rows are ``KeptRows``: a ``Sequence`` that reads a slice from the file when asked,
and whose inverse is a view (reversed, before and after swapped) that reads nothing. The
applier reads a batch at a time, so undoing that delete needs the memory of one batch.

The file is created on first use in the system's temporary directory, readable by this user
only (it holds password hashes), and deleted when the database closes (``close``). ``keep``
runs in a worker thread while the event loop may read another change: the connection is shared
under a lock taken per ``WRITE_ROWS`` rows, so a read waits for one slice of writing at most.

Rows are stored with ``marshal`` as tuples of plain values (a UUID as its 16 bytes, a
timestamp as its ISO text in a 1-tuple), not pickled: unpickling looks each class up through
``__import__``, which PySide6 wraps in Python, and that alone held the event loop for tens of
milliseconds per batch. The file is only ever read back by the process that wrote it.
"""

from __future__ import annotations

import dataclasses
import itertools
import marshal
import operator
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, overload
from uuid import UUID

from desktop_app.application.change_set import ChangeSet, EntityT, Kind, RowChange
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import StorageError
from desktop_app.domain.messages import Message, Texts


class UndoStore(Texts):
    """The translation context of what the undo history's temporary file says when it fails
    (the system's reason put in as it is)."""


WRITE_ROWS = 5_000  # rows written per hold of the lock
READ_ROWS = 1_000  # rows read per query when iterated

_USERS, _POSTS = 0, 1
_CLASSES: tuple[type[User], type[Post]] = (User, Post)
_FIELDS = tuple(tuple(f.name for f in dataclasses.fields(cls)) for cls in _CLASSES)


def _plain(value: Any) -> Any:
    if isinstance(value, UUID):
        return value.bytes
    if isinstance(value, datetime):
        return (value.isoformat(),)
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, bytes):
        return UUID(bytes=value)
    if isinstance(value, tuple):
        return datetime.fromisoformat(value[0])
    return value


_VALUES = tuple(operator.attrgetter(*names) for names in _FIELDS)


def _encode(kind: int, row: User | Post | None) -> tuple[Any, ...] | None:
    if row is None:
        return None
    # _plain inlined: a million rows of an import are encoded on the event loop's thread
    return tuple(
        [
            value.bytes
            if isinstance(value, UUID)
            else (value.isoformat(),)
            if isinstance(value, datetime)
            else value
            for value in _VALUES[kind](row)
        ]
    )


def _decode(kind: int, values: tuple[Any, ...] | None) -> Any:
    if values is None:
        return None
    return _CLASSES[kind](
        **{name: _typed(v) for name, v in zip(_FIELDS[kind], values, strict=True)}
    )


class TemporaryChangeStore:
    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory
        self._path: Path | None = None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._closed = False

    @property
    def path(self) -> Path | None:
        """The temporary file, once something was kept (for tests and the closing note)."""
        return self._path

    def _open(self) -> sqlite3.Connection:
        if self._closed:
            raise StorageError(UndoStore.tr("the undo history's temporary file is closed"))
        if self._connection is None:
            handle, name = tempfile.mkstemp(
                prefix="desktop-app-undo-", suffix=".sqlite3", dir=self._directory
            )
            os.close(handle)  # mkstemp made it 0600: only this user reads the hashes in it
            self._path = Path(name)
            connection = sqlite3.connect(name, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute(
                "CREATE TABLE rows (change INTEGER, kind INTEGER, seq INTEGER, data BLOB,"
                " PRIMARY KEY (change, kind, seq)) WITHOUT ROWID"
            )
            self._connection = connection
        return self._connection

    def keep(self, change: ChangeSet) -> ChangeSet:
        """Write ``change``'s rows to the file; the same change, reading them from there.
        Slow for a big change: call it in a worker thread. StorageError if the file cannot
        be written (the caller keeps the change in memory)."""
        if isinstance(change.users, KeptRows) or isinstance(change.posts, KeptRows):
            return change
        change_id = next(self._ids)
        try:
            self._write(change_id, _USERS, change.users)
            self._write(change_id, _POSTS, change.posts)
        except (sqlite3.Error, OSError) as error:
            self._delete(change_id)
            raise StorageError(
                UndoStore.tr("could not keep the undo step on disk: {reason}", reason=str(error))
            ) from error
        return ChangeSet(
            change.name,
            users=KeptRows(self, change_id, _USERS, len(change.users)),
            posts=KeptRows(self, change_id, _POSTS, len(change.posts)),
        )

    def begin(self) -> KeptChangeWriter:
        """A change kept here from the start, its rows added as they are made."""
        return KeptChangeWriter(self, next(self._ids))

    def _write(
        self, change_id: int, kind: int, rows: Sequence[RowChange[Any]], first: int = 0
    ) -> None:
        for start in range(0, len(rows), WRITE_ROWS):
            part = rows[start : start + WRITE_ROWS]
            values = [
                (
                    change_id,
                    kind,
                    first + start + n,
                    marshal.dumps((_encode(kind, c.before), _encode(kind, c.after))),
                )
                for n, c in enumerate(part)
            ]
            with self._lock:
                connection = self._open()
                connection.execute("BEGIN")
                connection.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", values)
                connection.execute("COMMIT")

    def read(self, change_id: int, kind: int, start: int, stop: int) -> list[RowChange[Any]]:
        """Rows ``start`` to ``stop`` (not included) of a kept change, in order."""
        with self._lock:
            try:
                cursor = self._open().execute(
                    "SELECT data FROM rows WHERE change = ? AND kind = ? AND seq >= ? AND seq < ?"
                    " ORDER BY seq",
                    (change_id, kind, start, stop),
                )
                blobs = [blob for (blob,) in cursor]
            except sqlite3.Error as error:
                raise StorageError(
                    UndoStore.tr("could not read the undo step back: {reason}", reason=str(error))
                ) from error
        if len(blobs) != max(0, stop - start):
            raise StorageError(UndoStore.tr("the undo step's temporary file lost rows"))
        rows = (marshal.loads(blob) for blob in blobs)
        return [RowChange(_decode(kind, before), _decode(kind, after)) for before, after in rows]

    def discard(self, change: ChangeSet) -> None:
        """Forget a kept change's rows (the history dropped its step); others are ignored."""
        for rows in (change.users, change.posts):
            if isinstance(rows, KeptRows) and rows.store is self:
                self._delete(rows.change_id)
                return

    def _delete(self, change_id: int) -> None:
        with self._lock:
            if self._connection is not None and not self._closed:
                self._connection.execute("DELETE FROM rows WHERE change = ?", (change_id,))

    def close(self) -> None:
        """Delete the file and everything in it; later ``keep`` and reads fail."""
        with self._lock:
            self._closed = True
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            if self._path is not None:
                self._path.unlink(missing_ok=True)


class KeptRows(Sequence[RowChange[EntityT]]):
    """One kind's rows of a kept change, read from the store a slice at a time; ``inverted``
    is the view that reads them backwards with before and after swapped."""

    def __init__(
        self,
        store: TemporaryChangeStore,
        change_id: int,
        kind: int,
        length: int,
        *,
        inverted: bool = False,
    ) -> None:
        self.store, self.change_id, self._kind = store, change_id, kind
        self._length, self._inverted = length, inverted

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> RowChange[EntityT]: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowChange[EntityT]]: ...

    def __getitem__(self, index: int | slice) -> RowChange[EntityT] | list[RowChange[EntityT]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return self._slice(start, max(start, stop))
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError(index)
        return self._slice(position, position + 1)[0]

    def _slice(self, start: int, stop: int) -> list[RowChange[EntityT]]:
        if not self._inverted:
            return self.store.read(self.change_id, self._kind, start, stop)
        rows = self.store.read(
            self.change_id, self._kind, self._length - stop, self._length - start
        )
        return [row.inverse() for row in reversed(rows)]

    def __iter__(self) -> Iterator[RowChange[EntityT]]:
        for start in range(0, self._length, READ_ROWS):
            yield from self._slice(start, min(start + READ_ROWS, self._length))

    def inverted(self) -> KeptRows[EntityT]:
        return KeptRows(
            self.store, self.change_id, self._kind, self._length, inverted=not self._inverted
        )


class KeptChangeWriter:
    """``ChangeWriter`` into a ``TemporaryChangeStore``: rows go to the file as they come."""

    def __init__(self, store: TemporaryChangeStore, change_id: int) -> None:
        self._store, self._change_id = store, change_id
        self._counts = [0, 0]  # rows written so far, per kind

    def add(self, kind: Kind, rows: Sequence[RowChange[Any]]) -> None:
        code = _USERS if kind == "user" else _POSTS
        try:
            self._store._write(self._change_id, code, rows, self._counts[code])
        except (sqlite3.Error, OSError) as error:
            raise StorageError(
                UndoStore.tr("could not keep the undo step on disk: {reason}", reason=str(error))
            ) from error
        self._counts[code] += len(rows)

    def finish(self, name: Message | str) -> ChangeSet:
        store, change_id = self._store, self._change_id
        users, posts = self._counts
        return ChangeSet(
            name,
            users=KeptRows(store, change_id, _USERS, users),
            posts=KeptRows(store, change_id, _POSTS, posts),
        )

    def discard(self) -> None:
        self._store._delete(self._change_id)
