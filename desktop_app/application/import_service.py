"""Importing users or posts (issue #12): read, check every line, then write all or nothing.

``check`` reads the source a batch of lines at a time and validates each batch against the
file's earlier lines and the database (the dry run: nothing is written, nothing is hashed);
every bad line of the whole file is reported. ``write`` writes in ONE unit of work, batch by
batch (each batch one bulk insert), hashing the passwords of each batch through the injected
PasswordHasher port, concurrently (the port runs each hash off the event loop; a process pool
behind it is bootstrap's choice), and records one ``ChangeSet`` ("Import 1,234 users", or
"Paste 3 users": the caller names the step) so undo removes exactly the rows added and
restores the rows updated. Any error, or ``progress`` returning False, rolls back: the
database is as it was.

A small file's plan keeps its rows, and ``write`` writes them. A big one (over
``import_plan.KEEP_ROWS`` rows) is read a second time by ``write``, each batch planned again
inside the writing transaction and compared with what the check saw (its digest): a file or
a database changed since the check ends in ``ImportChangedError``, nothing written. So a
million-row import holds a batch of rows in memory, not a million, and its undo step goes to
the ``ChangeStore`` (a temporary file) as it is written, instead of a million row changes.
The rows come from a file or from a text in memory (a paste), through the same reader.

New rows go through the repositories' ``add_new``, the fastest insert the database has for rows
that must all be new, in the same transaction as the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import (
    AsyncGenerator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork, UnitOfWorkFactory
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet, ChangeStore, UndoStep
from desktop_app.application.import_lookup import UserLookup, lookup_one_by_one
from desktop_app.application.import_plan import (
    BATCH,
    KEEP_ROWS,
    TURN_EVERY,
    Batch,
    ImportPlan,
    OnDuplicate,
    Planner,
    PostPlanner,
    Replay,
    Seen,
    UserPlanner,
)
from desktop_app.application.import_rows import (
    FileSource,
    ImportProblem,
    Kind,
    LineError,
    ReadResult,
    RowSource,
    SourceRow,
    iter_rows,
)
from desktop_app.application.import_undo import UndoRows
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import DomainError, OperationCancelledError, StaleEditError
from desktop_app.domain.messages import Message
from desktop_app.domain.ports import EmailNormaliser, PasswordHasher

T = TypeVar("T")

HASHES_AT_ONCE = 8
CHUNK = BATCH  # lines read, planned and written together (one bulk insert each)

# progress(done, total) between batches; returning False cancels (rolls back).
Progress = Callable[[int, int], bool]


class ImportFailedError(DomainError):
    """The file has bad lines (``errors``): nothing was written."""

    def __init__(self, errors: Sequence[LineError]) -> None:
        super().__init__(
            ImportProblem.tr("{count} bad line(s): nothing was imported.", count=len(errors))
        )
        self.errors = list(errors)


class ImportChangedError(DomainError):
    """The file, or the rows it meets in the database, changed between the check and the
    write: nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            ImportProblem.tr(
                "The file or the database changed since the check: nothing was imported. "
                "Check the file again."
            )
        )


@dataclass(slots=True)
class ImportCheck:
    """The outcome of checking a file: the plan, and every bad line (empty: all good)."""

    plan: ImportPlan[Any]
    errors: list[LineError] = field(default_factory=list)
    rows_read: int = 0
    ignored_columns: list[str] = field(default_factory=list)


def change_text(plan: ImportPlan[Any], verb: str = "Import") -> Message:
    """ "Import 1,234 users" (or "Paste 3 users"), the undo step's name: a whole message per
    verb and kind, for the translations."""
    n = plan.size
    if verb == "Import":
        if plan.kind == "users":
            return UndoStep.tr("Import %Ln user(s)", "", n)
        return UndoStep.tr("Import %Ln post(s)", "", n)
    if verb == "Paste":
        if plan.kind == "users":
            return UndoStep.tr("Paste %Ln user(s)", "", n)
        return UndoStep.tr("Paste %Ln post(s)", "", n)
    if plan.kind == "users":
        return UndoStep.tr("{verb} %Ln user(s)", "", n, verb=verb)
    return UndoStep.tr("{verb} %Ln post(s)", "", n, verb=verb)


async def source_batches(
    rows: Generator[SourceRow, None, None], stop: threading.Event | None = None
) -> AsyncGenerator[list[SourceRow], None]:
    """``rows`` ``CHUNK`` at a time. The first row is read in a worker thread (it checks a
    whole file's encoding); the rest on the event loop, a turn every ``TURN_EVERY`` rows: a
    reader thread competing for the interpreter's lock with the event loop's thread made the
    loop wait for it, on a busy machine, for a tenth of a second. ``rows`` is closed (its
    file with it) however the batches end; cancelled while the thread reads, they set
    ``stop`` (which the reader checks between blocks) and wait for the thread to end first:
    no reader thread goes on reading, and no file stays open, after the task has ended."""
    reading = asyncio.ensure_future(asyncio.to_thread(next, rows, None))
    try:
        first = await _stopping(reading, stop)
        part = [] if first is None else [first]
        while part:
            while len(part) < CHUNK:
                more = list(itertools.islice(rows, min(TURN_EVERY, CHUNK - len(part))))
                if not more:
                    break
                part += more
                await asyncio.sleep(0)
            yield part
            part = list(itertools.islice(rows, 1))
    finally:
        if reading.done():
            rows.close()
        else:  # cancelled twice: the thread has not stopped yet, and runs the generator
            reading.add_done_callback(lambda _done: rows.close())


async def _stopping(reading: asyncio.Future[T], stop: threading.Event | None) -> T:
    """What the thread ``reading`` returns; when the task is cancelled meanwhile, the thread
    is asked to stop (it cannot be interrupted) and waited for, then CancelledError."""
    try:
        return await asyncio.shield(reading)
    except asyncio.CancelledError:
        if stop is not None:
            stop.set()
        await asyncio.wait([reading])
        if not reading.cancelled():
            reading.exception()  # its own error after the cancel: nobody's news
        raise


def _kept_batches(plan: ImportPlan[Any]) -> Iterator[Batch[Any]]:
    """A kept plan's rows as batches: the new rows, then the updated ones."""
    for start in range(0, len(plan.inserts), CHUNK):
        rows = plan.inserts[start : start + CHUNK]
        passwords = {r.id: plan.passwords[r.id] for r in rows if r.id in plan.passwords}
        yield Batch(inserts=rows, passwords=passwords)
    for start in range(0, len(plan.updates), CHUNK):
        pairs = plan.updates[start : start + CHUNK]
        passwords = {a.id: plan.passwords[a.id] for _, a in pairs if a.id in plan.passwords}
        yield Batch(updates=pairs, passwords=passwords)


class ImportService:
    """``lookup`` finds existing users by e-mail or username in bulk (the infrastructure's
    ``bulk_import.users_matching``); the default asks the repository one value at a time.
    ``change_store`` keeps a big import's undo step out of memory (none: in memory)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        *,
        normalise_email: EmailNormaliser,
        hash_password: PasswordHasher,
        journal: ChangeJournal | None = None,
        lookup: UserLookup = lookup_one_by_one,
        change_store: ChangeStore | None = None,
        keep_rows: int = KEEP_ROWS,
    ) -> None:
        self._uow = uow_factory
        self._lookup = lookup
        self._normalise_email = normalise_email
        self._hash_password = hash_password
        self._journal = journal or ChangeJournal()  # none given: nobody listens
        self._store = change_store
        self._keep_rows = keep_rows

    def _planner(
        self,
        kind: Kind,
        uow: AbstractUnitOfWork,
        on_duplicate: OnDuplicate,
        seen: Seen | None,
        gate: asyncio.Lock | None = None,
    ) -> Planner[Any]:
        if kind == "users":
            return UserPlanner(
                uow,
                normalise_email=self._normalise_email,
                on_duplicate=on_duplicate,
                lookup=self._lookup,
                seen=seen,
                gate=gate,
            )
        return PostPlanner(
            uow, on_duplicate=on_duplicate, lookup=self._lookup, seen=seen, gate=gate
        )

    async def check(
        self,
        kind: Kind,
        source: Path | RowSource,
        *,
        mapping: Mapping[str, str] | None = None,
        on_duplicate: OnDuplicate = "stop",
    ) -> ImportCheck:
        """Read and validate every row of ``source`` (a file, by path or not, or a text)
        against the database, a batch at a time; writes nothing. OSError if the file cannot
        be read, ValueError for an unknown format or mapping."""
        if isinstance(source, Path):
            source = FileSource(source)
        read = ReadResult(whole=source.whole)
        plan: ImportPlan[Any] = ImportPlan(kind)
        errors: list[LineError] = []
        digests: list[int] = []
        matched: set[int] = set()
        rows_read, keeping = 0, True
        seen = Seen()
        try:
            async with self._uow() as uow:
                planner = self._planner(kind, uow, on_duplicate, seen)
                stop = threading.Event()
                rows = iter_rows(source, kind, mapping, read, stop=stop)
                async with contextlib.aclosing(source_batches(rows, stop)) as batches:
                    async for part in batches:
                        rows_read += len(part)
                        batch = await planner.plan(part, errors)
                        if batch.matched:
                            matched.add(len(digests))
                        digests.append(batch.digest)
                        plan.add(batch, keep=keeping)
                        if keeping and plan.size + plan.skipped_rows > self._keep_rows:
                            keeping = False
                            plan.let_go(Replay(source, mapping, on_duplicate, ()))
        finally:
            await seen.release()
        if not keeping:
            plan.replay = Replay(source, mapping, on_duplicate, tuple(digests), frozenset(matched))
        every = sorted([*read.errors, *errors], key=lambda e: e.line)
        return ImportCheck(plan, every, rows_read, read.ignored)

    async def _hashed(self, batch: Batch[User]) -> Batch[User]:
        """The batch with every plain password replaced by its hash, hashed concurrently."""
        if not batch.passwords:
            return batch
        gate = asyncio.Semaphore(HASHES_AT_ONCE)

        async def one(password: str) -> str:
            async with gate:
                return await self._hash_password(password)

        ids = list(batch.passwords)
        hashes = dict(
            zip(ids, await asyncio.gather(*(one(batch.passwords[i]) for i in ids)), strict=True)
        )

        def done(user: User) -> User:
            new = hashes.get(user.id)
            return user if new is None else replace(user, hashed_password=new)

        return Batch(
            inserts=[done(u) for u in batch.inserts],
            updates=[(before, done(after)) for before, after in batch.updates],
            skipped=batch.skipped,
        )

    async def _replayed(
        self, uow: AbstractUnitOfWork, plan: ImportPlan[Any], gate: asyncio.Lock
    ) -> AsyncGenerator[Batch[Any], None]:
        """A big plan's batches, planned again from its source inside ``uow``; each must be
        what the check saw, else ImportChangedError."""
        replay = plan.replay
        assert replay is not None
        read = ReadResult(whole=replay.source.whole)
        errors: list[LineError] = []
        planner = self._planner(plan.kind, uow, replay.on_duplicate, None, gate)
        digests = iter(replay.digests)
        stop = threading.Event()
        rows = iter_rows(replay.source, plan.kind, replay.mapping, read, stop=stop)
        async with contextlib.aclosing(source_batches(rows, stop)) as batches:
            number = -1
            async for part in batches:
                number += 1
                batch = await planner.plan(part, errors, look_up=number in replay.matched)
                if errors or read.errors or batch.digest != next(digests, None):
                    raise ImportChangedError
                yield batch
        if read.errors or next(digests, None) is not None:
            raise ImportChangedError

    async def _write_batch(self, repo: Any, kind: Kind, batch: Batch[Any]) -> None:
        if batch.inserts:
            await repo.add_new(batch.inserts)  # an id taken meanwhile: RowsAddedMeanwhileError
        if batch.updates:
            expected = {before.id: before.updated_at for before, _ in batch.updates}
            await repo.lock(list(expected))
            noun = "User" if kind == "users" else "Post"
            if stale := await repo.stale(expected):
                raise StaleEditError(noun, next(iter(stale)))
            for before, after in batch.updates:
                if not await repo.rewrite(after, expected_updated_at=before.updated_at):
                    raise StaleEditError(noun, before.id)

    async def write(
        self, plan: ImportPlan[Any], *, progress: Progress | None = None, verb: str = "Import"
    ) -> ChangeSet:
        """Write the plan in one transaction and record it as one undoable change, named
        ``verb`` and what it wrote ("Import 3 users"). Each batch is written while the next
        is read and planned (the database works while Python does)."""
        total, done = plan.size, 0
        # a big import's undo step is written to the store as it is made, a batch at a time
        undo = UndoRows(self._store if plan.replay is not None else None, plan.kind)
        try:
            async with self._uow() as uow:
                repo: Any = uow.users if plan.kind == "users" else uow.posts
                writes = _Writes(lambda batch: self._write_batch(repo, plan.kind, batch))
                batches: AsyncGenerator[Batch[Any], None]
                if plan.replay is None:
                    batches = _as_async(_kept_batches(plan))
                else:
                    await repo.lock([])  # SQLite: the write lock now, before the reading
                    batches = self._replayed(uow, plan, writes.gate)
                try:
                    async with contextlib.aclosing(batches):
                        async for each in batches:
                            batch = await self._hashed(each) if plan.kind == "users" else each
                            await writes.start(batch)
                            await undo.add(batch)
                            done += len(batch.inserts) + len(batch.updates)
                            if progress is not None and not progress(done, total):
                                raise OperationCancelledError
                    await writes.wait()
                finally:
                    await writes.settle()  # nothing in flight when the transaction ends
                if done != total:  # the replay met fewer rows than the check counted
                    raise ImportChangedError
                await uow.commit()
        except BaseException:
            await undo.discard()
            raise
        change = await undo.finish(change_text(plan, verb))
        if change.size:  # every row skipped: nothing was done, nothing to undo
            self._journal.record(change)
        return change

    async def run(
        self,
        kind: Kind,
        source: Path | RowSource,
        *,
        mapping: Mapping[str, str] | None = None,
        on_duplicate: OnDuplicate = "stop",
        progress: Progress | None = None,
    ) -> tuple[ImportCheck, ChangeSet]:
        """Check, and write only if every line is good; else ImportFailedError."""
        checked = await self.check(kind, source, mapping=mapping, on_duplicate=on_duplicate)
        if checked.errors:
            raise ImportFailedError(checked.errors)
        return checked, await self.write(checked.plan, progress=progress)


class _Writes:
    """The writes of an import's batches, one in flight at a time, under ``gate`` (which the
    planner takes for its own queries: one unit of work runs one statement at a time)."""

    def __init__(self, write: Callable[[Batch[Any]], Awaitable[None]]) -> None:
        self._write = write
        self.gate = asyncio.Lock()
        self._pending: asyncio.Future[None] | None = None

    async def start(self, batch: Batch[Any]) -> None:
        """Wait for the write before (its error raises here), then start this one."""
        await self.wait()
        self._pending = asyncio.ensure_future(self._locked(batch))

    async def _locked(self, batch: Batch[Any]) -> None:
        async with self.gate:
            await self._write(batch)

    async def wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            await pending

    async def settle(self) -> None:
        """Let a write still in flight end (after an error elsewhere; its own is dropped)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            await asyncio.wait([pending])
            if not pending.cancelled():
                pending.exception()


async def _as_async(batches: Iterator[Batch[Any]]) -> AsyncGenerator[Batch[Any], None]:
    for batch in batches:
        yield batch


__all__ = [
    "ImportChangedError",
    "ImportCheck",
    "ImportFailedError",
    "ImportService",
    "Post",
    "User",
    "change_text",
]
