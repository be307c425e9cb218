"""Applying a ``ChangeSet``: undo is ``apply(change.inverse())``, redo is ``apply(change)``.

One unit of work, compare-and-set on every row, all or nothing:

1. lock the change's rows (PostgreSQL row locks; SQLite's write lock), so nobody can change
   them between the check and the write, and check every row's version in SQL;
2. if any row is not as the change expects, write nothing and raise ``ChangeConflictError``
   naming all of them, each with the row as it is now;
3. else write, in the order foreign keys need: insert users, rewrite users, insert posts,
   rewrite posts, delete posts, delete users. Before users are deleted, posts of theirs the
   change does not know (someone added them meanwhile; the cascade would take them) are
   conflicts too.

``accept`` is "keep mine": row id -> the version the user saw in the conflict dialog and
chose to overwrite; that row's check compares with it instead. An accepted row the change
would insert but that exists is rewritten; an accepted row it would rewrite but that is gone
is inserted. A row the change deletes that is already gone is no conflict: nobody's change is
lost. Writes go in chunks, each an awaited statement, with ``progress(done, total)`` between
them (False cancels: OperationCancelledError, nothing written). The applier never records into
the journal: undoing is not a new action.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork, UnitOfWorkFactory
from desktop_app.application.change_set import ChangeSet, EntityT, Kind, RowChange
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import ChangeConflictError, OperationCancelledError, RowConflict
from desktop_app.domain.repositories import PostRepository, UserRepository

# Rows per write call between two progress reports (the repositories split further).
CHUNK = 500  # each is one executemany whose parameters are prepared on the event loop

Progress = Callable[[int, int], bool]
# Rows sorted into writes between two turns of the event loop.
YIELD_EVERY = 2_000


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
    """Lock the rows and sort each change into a write or a conflict."""
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
    for n, change in enumerate(changes, 1):
        if n % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # 100,000 rows are planned in slices, not in one go
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
        accept = dict(accept or {})
        async with self._uow() as uow:
            users = await _plan(uow.users, change.users, accept)
            posts = await _plan(uow.posts, change.posts, accept)
            conflicts = [
                *await self._conflicts(uow, "user", users),
                *await self._conflicts(uow, "post", posts),
            ]
            conflicts += await self._missing_authors(uow, change, users, posts)
            if conflicts:
                raise ChangeConflictError(conflicts)
            await self._write(uow, change, users, posts, accept, _Progress(change.size, progress))
            await uow.commit()

    async def _conflicts(
        self, uow: AbstractUnitOfWork, kind: Kind, plan: _Plan[EntityT]
    ) -> list[RowConflict]:
        if not plan.conflicts:
            return []
        repo: UserRepository | PostRepository = uow.users if kind == "user" else uow.posts
        ids = [change.row.id for change, exists in plan.conflicts if exists]
        current: dict[UUID, User | Post] = {row.id: row for row in await repo.get_many(ids)}
        return [
            RowConflict(
                kind, change.row.id, change.after, change.before, current.get(change.row.id)
            )
            for change, _exists in plan.conflicts
        ]

    async def _missing_authors(
        self,
        uow: AbstractUnitOfWork,
        change: ChangeSet,
        users: _Plan[User],
        posts: _Plan[Post],
    ) -> list[RowConflict]:
        """Posts the change writes whose author is gone (deleted meanwhile): conflicts. The
        authors that exist are locked, so they stay until the commit."""
        written = [*posts.inserts, *(post for post, _ in posts.rewrites)]
        inserted = {user.id for user in users.inserts}
        authors = {post.author_id for post in written} - inserted
        if not authors:
            return []
        there = await uow.users.lock(list(authors))  # lock sorts
        orphans = {post.id for post in written if post.author_id not in there | inserted}
        if not orphans:
            return []
        current = {post.id: post for post in await uow.posts.get_many(list(orphans))}
        return [
            RowConflict("post", c.row.id, c.after, c.before, current.get(c.row.id))
            for c in change.posts
            if c.row.id in orphans
        ]

    async def _write(
        self,
        uow: AbstractUnitOfWork,
        change: ChangeSet,
        users: _Plan[User],
        posts: _Plan[Post],
        accept: Mapping[UUID, datetime | None],
        progress: _Progress,
    ) -> None:
        await self._insert(uow.users, "user", change.users, users.inserts, progress)
        await self._rewrite(uow.users, "user", change.users, users.rewrites, progress)
        await self._insert(uow.posts, "post", change.posts, posts.inserts, progress)
        await self._rewrite(uow.posts, "post", change.posts, posts.rewrites, progress)
        await self._delete(uow.posts, "post", change.posts, posts.deletes, progress)
        if users.deletes:
            await self._unknown_posts(uow, change, list(users.deletes), accept, progress)
        await self._delete(uow.users, "user", change.users, users.deletes, progress)
        progress.advance(0)

    async def _insert(
        self,
        repo: UserRepository | PostRepository,
        kind: Kind,
        changes: Sequence[RowChange[EntityT]],
        rows: list[EntityT],
        progress: _Progress,
    ) -> None:
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            if await repo.restore(part) != len(part):  # type: ignore[arg-type]
                await self._raced(repo, kind, changes, [row.id for row in part])
            progress.advance(len(part))

    async def _rewrite(
        self,
        repo: UserRepository | PostRepository,
        kind: Kind,
        changes: Sequence[RowChange[EntityT]],
        rows: list[tuple[EntityT, datetime | None]],
        progress: _Progress,
    ) -> None:
        for n, (row, expected) in enumerate(rows, 1):
            if not await repo.rewrite(row, expected_updated_at=expected):  # type: ignore[arg-type]
                await self._raced(repo, kind, changes, [row.id])
            if n % CHUNK == 0 or n == len(rows):
                progress.advance(CHUNK if n % CHUNK == 0 else n % CHUNK)

    async def _delete(
        self,
        repo: UserRepository | PostRepository,
        kind: Kind,
        changes: Sequence[RowChange[EntityT]],
        expected: dict[UUID, datetime | None],
        progress: _Progress,
    ) -> None:
        items = list(expected.items())
        for start in range(0, len(items), CHUNK):
            part = dict(items[start : start + CHUNK])
            if await repo.delete_versions(part) != len(part):
                await self._raced(repo, kind, changes, list(part))
            progress.advance(len(part))

    async def _raced(
        self,
        repo: UserRepository | PostRepository,
        kind: Kind,
        changes: Sequence[RowChange[EntityT]],
        ids: list[UUID],
    ) -> None:
        """A write matched fewer rows than checked: someone got past the locks (an insert of
        the same id, or a writer that does not lock). Report what is there now for those rows
        (the whole transaction rolls back)."""
        wanted = set(ids)
        current = {row.id: row for row in await repo.get_many(ids)}
        raise ChangeConflictError(
            [
                RowConflict(kind, c.row.id, c.after, c.before, current.get(c.row.id))
                for c in changes
                if c.row.id in wanted
            ]
        )

    async def _unknown_posts(
        self,
        uow: AbstractUnitOfWork,
        change: ChangeSet,
        user_ids: list[UUID],
        accept: Mapping[UUID, datetime | None],
        progress: _Progress,
    ) -> None:
        """Posts still belonging to users about to be deleted, once the change's own posts are
        gone: someone added them after the change was made, and the cascade would take them
        unasked. Conflicts, unless accepted (then deleted at the accepted version)."""
        if not await uow.posts.count_by_authors(user_ids):
            return
        unknown = await uow.posts.get_by_authors_all(user_ids, lock=True)
        accepted = {post.id: accept[post.id] for post in unknown if post.id in accept}
        refused = [post for post in unknown if post.id not in accepted]
        if accepted:
            stale = await uow.posts.stale(accepted)
            refused += [post for post in unknown if post.id in stale]
        if refused:
            raise ChangeConflictError(
                [RowConflict("post", post.id, None, None, post) for post in refused]
            )
        await self._delete(uow.posts, "post", change.posts, accepted, progress)
