"""How much of the undo history stays in memory: at most ``MEMORY_ROWS`` rows.

Every step holds the rows it changed, before and after, so that undo can put them back
exactly. Small steps stay in memory; once the steps in memory hold more than ``MEMORY_ROWS``
rows, the oldest (a big delete or import at once, being bigger than the budget on its own) are
moved to the database's ``ChangeStore``, a temporary file, in a worker thread, so the window
keeps painting while a million rows are written out. Until that finished the step undoes from
memory; afterwards from the file, a batch at a time. A step taken off the stack lets its rows go.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from desktop_app.application.change_set import ChangeSet, ChangeStore
from desktop_app.domain.errors import StorageError

MEMORY_ROWS = 10_000  # about 7 MB of rows (some 650 bytes a row, bench/undo.py)

log = logging.getLogger(__name__)


class HoldsChange(Protocol):
    change: ChangeSet


class UndoMemory:
    """Moves the oldest in-memory steps of a history to ``store`` while they hold too much."""

    def __init__(self, store: ChangeStore, alive: Callable[[HoldsChange], bool]) -> None:
        self._store = store
        self._alive = alive  # is the step still on the stack?
        self._kept: set[int] = set()  # id() of steps whose change is (being) kept on disk
        self._tasks: set[asyncio.Task[None]] = set()

    def balance(self, steps: Sequence[HoldsChange]) -> None:
        """After a push: keep the oldest steps on disk until memory holds ``MEMORY_ROWS``."""
        in_memory = [step for step in steps if id(step) not in self._kept]
        held = sum(step.change.size for step in in_memory)
        for step in in_memory:
            if held <= MEMORY_ROWS:
                break
            held -= step.change.size
            self._kept.add(id(step))
            task = asyncio.ensure_future(self._keep(step))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _keep(self, step: HoldsChange) -> None:
        change = step.change
        try:
            kept = await asyncio.to_thread(self._store.keep, change)
        except StorageError as error:  # disk full, or the database closed meanwhile
            log.warning("undo step %r stays in memory: %s", change.text, error)
            self._kept.discard(id(step))
            return
        if self._alive(step) and step.change is change:
            step.change = kept  # the rows in memory go with the last reference to them
        else:
            self._forget(kept)

    def dropped(self, step: HoldsChange) -> None:
        """``step`` left the stack (a new action after undo, or the history cleared)."""
        self._kept.discard(id(step))
        self._forget(step.change)

    def _forget(self, change: ChangeSet) -> None:
        with contextlib.suppress(StorageError):  # closed: the file is gone already
            self._store.discard(change)

    async def settled(self) -> None:
        """Wait until every step being moved to disk is there (tests, benchmarks)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks))
