"""Applying a ``ChangeSet``: undo is ``apply(change.inverse())``, redo is ``apply(change)``.

One unit of work, compare-and-set on every row, all or nothing. The change's rows are read
and written a batch of ``CHUNK`` at a time, never all at once, so a change of a million rows
(kept in a temporary file by the undo history) needs the memory of one batch, and the event
loop gets a turn between any two statements. Four passes keep foreign keys true: users written
(inserted or rewritten), posts written, posts deleted, users deleted. For each batch:

1. lock its rows (PostgreSQL row locks; SQLite's write lock), so nobody can change them
   between the check and the write, and check every row's version in SQL;
2. a row not as the change expects is a conflict, and so is a post whose author is gone;
3. write the batch. Before users are deleted, posts of theirs the change does not know
   (someone added them meanwhile; the cascade would take them) are conflicts too.

After the first conflict nothing more is written, but every later row is still checked, so
``ChangeConflictError`` names all of them, each with the row as it is now, and the transaction
rolls back: nothing of the change is written.

``accept`` is "keep mine": row id -> the version the user saw in the conflict dialog and
chose to overwrite; that row's check compares with it instead. An accepted row the change
would insert but that exists is rewritten; an accepted row it would rewrite but that is gone
is inserted. A row the change deletes that is already gone is no conflict: nobody's change is
lost. ``progress(done, total)`` is called between batches (False cancels:
OperationCancelledError, nothing written). The applier never records into the journal:
undoing is not a new action.

Locks are taken a batch at a time, each batch in id order: two undos of overlapping changes
running at once in two apps can deadlock on PostgreSQL, which then fails one of them (a
storage error, nothing written) rather than waiting forever.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork, UnitOfWorkFactory
from desktop_app.application.change_set import ChangeSet, EntityT, Kind, RowChange
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import ChangeConflictError, OperationCancelledError, RowConflict
from desktop_app.domain.repositories import PostRepository, UserRepository

# Rows read, checked and written per batch. Each write is one executemany whose parameters
# SQLAlchemy prepares on the event loop: at 500 rows that alone held it for 30-60 ms on a busy
# machine (bench/undo.py with a stack sampler); at 150 the longest stall of a 100,000-row
# undo is 15-23 ms, for some 5% fewer rows/s than at 250 (51 ms).
CHUNK = 150

Progress = Callable[[int, int], bool]


@dataclass(slots=True)
class _Plan(Generic[EntityT]):
    """One kind's writes, once checked: what to insert, rewrite (with the version to expect)
    and delete (id -> version)."""

    inserts: list[EntityT] = field(default_factory=list)
    rewrites: list[tuple[EntityT, datetime | None]] = field(default_factory=list)
    deletes: dict[UUID, datetime | None] = field(default_factory=dict)
    conflicts: list[tuple[RowChange[EntityT], bool]] = field(default_factory=list)


class _Progress:
    def __init__(self, total: int, report: Progress | None) -> None:
        self.done = 0
        self.total = total
        self._report = report

    def advance(self, rows: int) -> None:
        self.done += rows
        if self._report is not None and not self._report(min(self.done, self.total), self.total):
            raise OperationCancelledError


def _expected(
    change: RowChange[EntityT], accept: Mapping[UUID, datetime | None]
) -> datetime | None:
    row_id = change.row.id
    if row_id in accept:
        return accept[row_id]
    return change.before.updated_at if change.before is not None else None


async def _plan(
    repo: UserRepository | PostRepository,
    changes: Sequence[RowChange[EntityT]],
    accept: Mapping[UUID, datetime | None],
) -> _Plan[EntityT]:
    """Lock one batch's rows and sort each change into a write or a conflict."""
    plan: _Plan[EntityT] = _Plan()
    if not changes:
        return plan
    present = await repo.lock([c.row.id for c in changes])
    checked = {
        c.row.id: _expected(c, accept)
        for c in changes
        if c.row.id in present and (c.before is not None or c.row.id in accept)
    }
    stale = await repo.stale(checked) if checked else set()
    for change in changes:
        row_id = change.row.id
        exists, accepted = row_id in present, row_id in accept
        if change.after is None:  # delete
            if exists and row_id in stale:
                plan.conflicts.append((change, exists))
            elif exists:
                plan.deletes[row_id] = checked[row_id]
        elif not exists:  # insert, or a rewrite of a row that is gone
            if change.before is None or accepted:
                plan.inserts.append(change.after)
            else:
                plan.conflicts.append((change, exists))
        elif (change.before is None and not accepted) or row_id in stale:
            plan.conflicts.append((change, exists))
        else:
            plan.rewrites.append((change.after, checked[row_id]))
    return plan


async def _batches(
    rows: Sequence[RowChange[EntityT]], *, deletes: bool
) -> AsyncIterator[list[RowChange[EntityT]]]:
    """The deletes (or the other changes) among ``rows``, in order, ``CHUNK`` at a time; a
    slice of ``rows`` is read per turn of the event loop (a kept change reads it from disk)."""
    batch: list[RowChange[EntityT]] = []
    for start in range(0, len(rows), CHUNK):
        batch += [c for c in rows[start : start + CHUNK] if (c.after is None) == deletes]
        while len(batch) >= CHUNK:
            yield batch[:CHUNK]
            batch = batch[CHUNK:]
        await asyncio.sleep(0)
    if batch:
        yield batch


class _Run:
    """One ``apply``: the unit of work, the conflicts found so far and the progress."""

    def __init__(
        self,
        uow: AbstractUnitOfWork,
        accept: Mapping[UUID, datetime | None],
        progress: _Progress,
    ) -> None:
        self.uow = uow
        self.accept = accept
        self.progress = progress
        self.conflicts: list[RowConflict] = []
        # Users the change would insert, once nothing is written any more (a conflict was
        # found): their posts are not orphans.
        self.unwritten_users: set[UUID] = set()

    @property
    def writing(self) -> bool:
        return not self.conflicts

    async def users_written(self, rows: Sequence[RowChange[User]]) -> None:
        async for batch in _batches(rows, deletes=False):
            plan = await _plan(self.uow.users, batch, self.accept)
            await self._conflicts("user", plan)
            if self.writing:
                await _insert(self.uow.users, "user", batch, plan.inserts)
                await _rewrite(self.uow.users, "user", batch, plan.rewrites)
            else:
                self.unwritten_users.update(user.id for user in plan.inserts)
            self.progress.advance(len(batch))

    async def posts_written(self, rows: Sequence[RowChange[Post]]) -> None:
        async for batch in _batches(rows, deletes=False):
            plan = await _plan(self.uow.posts, batch, self.accept)
            await self._conflicts("post", plan)
            await self._orphans(batch, plan)
            if self.writing:
                await _insert(self.uow.posts, "post", batch, plan.inserts)
                await _rewrite(self.uow.posts, "post", batch, plan.rewrites)
            self.progress.advance(len(batch))

    async def posts_deleted(self, rows: Sequence[RowChange[Post]]) -> None:
        async for batch in _batches(rows, deletes=True):
            plan = await _plan(self.uow.posts, batch, self.accept)
            await self._conflicts("post", plan)
            if self.writing:
                await _delete(self.uow.posts, "post", batch, plan.deletes)
            self.progress.advance(len(batch))

    async def users_deleted(self, rows: Sequence[RowChange[User]]) -> None:
        async for batch in _batches(rows, deletes=True):
            plan = await _plan(self.uow.users, batch, self.accept)
            await self._conflicts("user", plan)
            if self.writing and plan.deletes:
                await self._unknown_posts(list(plan.deletes))
            if self.writing:
                await _delete(self.uow.users, "user", batch, plan.deletes)
            self.progress.advance(len(batch))

    async def _conflicts(self, kind: Kind, plan: _Plan[EntityT]) -> None:
        if not plan.conflicts:
            return
        repo: UserRepository | PostRepository = self.uow.users if kind == "user" else self.uow.posts
        ids = [change.row.id for change, exists in plan.conflicts if exists]
        current: dict[UUID, User | Post] = {row.id: row for row in await repo.get_many(ids)}
        self.conflicts += [
            RowConflict(
                kind, change.row.id, change.after, change.before, current.get(change.row.id)
            )
            for change, _exists in plan.conflicts
        ]

    async def _orphans(self, batch: list[RowChange[Post]], plan: _Plan[Post]) -> None:
        """Posts the batch writes whose author is gone (deleted meanwhile) are conflicts and
        are not written. The authors that exist are locked, so they stay until the commit."""
        written = [*plan.inserts, *(post for post, _ in plan.rewrites)]
        authors = {post.author_id for post in written} - self.unwritten_users
        if not authors:
            return
        there = await self.uow.users.lock(list(authors))  # lock sorts
        orphans = {
            post.id for post in written if post.author_id not in there | self.unwritten_users
        }
        if not orphans:
            return
        current = {post.id: post for post in await self.uow.posts.get_many(list(orphans))}
        self.conflicts += [
            RowConflict("post", c.row.id, c.after, c.before, current.get(c.row.id))
            for c in batch
            if c.row.id in orphans
        ]
        plan.inserts = [post for post in plan.inserts if post.id not in orphans]
        plan.rewrites = [(post, v) for post, v in plan.rewrites if post.id not in orphans]

    async def _unknown_posts(self, user_ids: list[UUID]) -> None:
        """Posts still belonging to users about to be deleted, once the change's own posts are
        gone: someone added them after the change was made, and the cascade would take them
        unasked. Conflicts, unless accepted (then deleted at the accepted version)."""
        posts = self.uow.posts
        if not await posts.count_by_authors(user_ids):
            return
        unknown = await posts.get_by_authors_all(user_ids, lock=True)
        accepted = {post.id: self.accept[post.id] for post in unknown if post.id in self.accept}
        refused = [post for post in unknown if post.id not in accepted]
        if accepted:
            stale = await posts.stale(accepted)
            refused += [post for post in unknown if post.id in stale]
        if refused:
            self.conflicts += [RowConflict("post", post.id, None, None, post) for post in refused]
            return
        await _delete(posts, "post", [], accepted)


class ChangeApplier:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    async def current(self, kind: Kind, row_id: UUID) -> User | Post | None:
        """The row as it is in the database now (None: not there), for the conflict dialog."""
        async with self._uow() as uow:
            if kind == "user":
                return await uow.users.get_by_id(row_id)
            return await uow.posts.get_by_id(row_id)

    async def apply(
        self,
        change: ChangeSet,
        *,
        accept: Mapping[UUID, datetime | None] | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Write ``change`` exactly, or nothing: ChangeConflictError names every row someone
        else changed since (see the module's docstring)."""
        async with self._uow() as uow:
            run = _Run(uow, dict(accept or {}), _Progress(change.size, progress))
            await run.users_written(change.users)
            await run.posts_written(change.posts)
            await run.posts_deleted(change.posts)
            await run.users_deleted(change.users)
            if run.conflicts:
                raise ChangeConflictError(run.conflicts)
            run.progress.advance(0)
            await uow.commit()


async def _insert(
    repo: UserRepository | PostRepository,
    kind: Kind,
    batch: Sequence[RowChange[EntityT]],
    rows: list[EntityT],
) -> None:
    if rows and await repo.restore(rows) != len(rows):  # type: ignore[arg-type]
        await _raced(repo, kind, batch, [row.id for row in rows])


async def _rewrite(
    repo: UserRepository | PostRepository,
    kind: Kind,
    batch: Sequence[RowChange[EntityT]],
    rows: list[tuple[EntityT, datetime | None]],
) -> None:
    for row, expected in rows:
        if not await repo.rewrite(row, expected_updated_at=expected):  # type: ignore[arg-type]
            await _raced(repo, kind, batch, [row.id])


async def _delete(
    repo: UserRepository | PostRepository,
    kind: Kind,
    batch: Sequence[RowChange[EntityT]],
    expected: dict[UUID, datetime | None],
) -> None:
    if expected and await repo.delete_versions(expected) != len(expected):
        await _raced(repo, kind, batch, list(expected))


async def _raced(
    repo: UserRepository | PostRepository,
    kind: Kind,
    batch: Sequence[RowChange[EntityT]],
    ids: list[UUID],
) -> None:
    """A write matched fewer rows than checked: someone got past the locks (an insert of
    the same id, or a writer that does not lock). Report what is there now for those rows
    (the whole transaction rolls back)."""
    current = {row.id: row for row in await repo.get_many(ids)}
    known = {c.row.id: c for c in batch}
    raise ChangeConflictError(
        [
            RowConflict(
                kind, row_id, known[row_id].after, known[row_id].before, current.get(row_id)
            )
            if row_id in known
            else RowConflict(kind, row_id, None, None, current.get(row_id))
            for row_id in ids
        ]
    )
