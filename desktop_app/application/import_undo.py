"""The undo step of an import (issue #12), gathered as the import writes its batches.

Each written batch adds its row changes: a new row (``RowChange(None, row)``) and an updated
one (``RowChange(before, after)``). Given a ``ChangeStore``, every batch goes to it at once
(a temporary file), so the step of a million-row import never sits in memory, and undoing it
reads it back a batch at a time (``ChangeApplier``); without one, the rows stay in memory (a
small import, whose step the undo history keeps or moves itself).
"""

from __future__ import annotations

import asyncio
from typing import Any

from desktop_app.application.change_set import ChangeSet, ChangeStore, ChangeWriter, RowChange
from desktop_app.application.change_set import Kind as ChangeKind
from desktop_app.application.import_plan import Batch
from desktop_app.application.import_rows import Kind
from desktop_app.domain.messages import Message


class UndoRows:
    """The row changes of the batches written so far, for one ``ChangeSet``. Rows go to the
    store in a worker thread, one batch at a time: writing a file of hundreds of megabytes
    can block in the operating system, which must not happen on the event loop's thread."""

    def __init__(self, store: ChangeStore | None, kind: Kind) -> None:
        self._store, self._kind = store, kind
        self._rows: list[RowChange[Any]] = []
        self._writer: ChangeWriter | None = None
        self._pending: asyncio.Future[None] | None = None

    async def add(self, batch: Batch[Any]) -> None:
        rows: list[RowChange[Any]] = [RowChange(None, row) for row in batch.inserts]
        rows += [RowChange(before, after) for before, after in batch.updates]
        if self._store is None:
            self._rows += rows
            return
        await self._settled()  # the batch before is in the store (its error raises here)
        if self._writer is None:
            self._writer = self._store.begin()
        kind: ChangeKind = "user" if self._kind == "users" else "post"
        self._pending = asyncio.ensure_future(asyncio.to_thread(self._writer.add, kind, rows))

    async def _settled(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            await pending

    @property
    def in_memory(self) -> int:
        """Row changes held in memory (the rest are in the store)."""
        return len(self._rows)

    async def finish(self, name: Message) -> ChangeSet:
        """The step, named ``name``."""
        await self._settled()
        if self._writer is not None:
            return self._writer.finish(name)
        rows = tuple(self._rows)
        self._rows = []
        if self._kind == "users":
            return ChangeSet(name, users=rows)
        return ChangeSet(name, posts=rows)

    async def discard(self) -> None:
        """Nothing was written (rolled back): forget what the store holds of it."""
        self._rows = []
        pending, self._pending = self._pending, None
        if pending is not None:  # let the write in flight end before its rows go
            await asyncio.wait([pending])
            if not pending.cancelled():
                pending.exception()
        if self._writer is not None:
            self._writer.discard()
            self._writer = None
