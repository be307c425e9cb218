"""Importing users or posts (issue #12): read, check every line, then write all or nothing.

``check`` reads the file and validates it against the database (the dry run: nothing is
written, nothing is hashed). ``write`` hashes the plan's passwords through the injected
PasswordHasher port, concurrently (the port runs each hash off the event loop; a process pool
behind it is bootstrap's choice), then writes every row in ONE unit of work, in chunks of
``CHUNK`` rows (each chunk one bulk insert), and records one ``ChangeSet``
("Import 1,234 users", or "Paste 3 users": the caller names the step) so undo removes
exactly the rows added and restores the rows updated. The rows come from a file or from a
text in memory (a paste), through the same reader.
Any error, or ``progress`` returning False, rolls back: the database is as it was.

New rows go through the repositories' ``add_new``, the fastest insert the database has for rows
that must all be new, in the same transaction as the rest.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet, RowChange
from desktop_app.application.import_plan import (
    ImportPlan,
    OnDuplicate,
    UserLookup,
    lookup_one_by_one,
    plan_posts,
    plan_users,
)
from desktop_app.application.import_rows import (
    FileSource,
    Kind,
    LineError,
    RowSource,
    read_source,
)
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import DomainError, OperationCancelledError, StaleEditError
from desktop_app.domain.ports import EmailNormaliser, PasswordHasher

CHUNK = 1_000
HASHES_AT_ONCE = 8

# progress(done, total) between chunks; returning False cancels (rolls back).
Progress = Callable[[int, int], bool]


class ImportFailedError(DomainError):
    """The file has bad lines (``errors``): nothing was written."""

    def __init__(self, errors: Sequence[LineError]) -> None:
        super().__init__(f"{len(errors):,} bad line(s): nothing was imported.")
        self.errors = list(errors)


@dataclass(slots=True)
class ImportCheck:
    """The outcome of checking a file: the plan, and every bad line (empty: all good)."""

    plan: ImportPlan[Any]
    errors: list[LineError] = field(default_factory=list)
    rows_read: int = 0
    ignored_columns: list[str] = field(default_factory=list)


def _plural(count: int, kind: Kind) -> str:
    return f"{count:,} {kind if count != 1 else kind[:-1]}"


def change_text(plan: ImportPlan[Any], verb: str = "Import") -> str:
    """ "Import 1,234 users" (or "Paste 3 users"), the undo step's name."""
    return f"{verb} {_plural(plan.size, plan.kind)}"


def _change_of(plan: ImportPlan[Any], verb: str) -> ChangeSet:
    """The undo step of a written plan: its rows added, and its rows updated."""
    rows: tuple[RowChange[Any], ...] = (
        *(RowChange(None, row) for row in plan.inserts),
        *(RowChange(before, after) for before, after in plan.updates),
    )
    if plan.kind == "users":
        return ChangeSet(change_text(plan, verb), users=rows)
    return ChangeSet(change_text(plan, verb), posts=rows)


class ImportService:
    """``lookup`` finds existing users by e-mail or username in bulk (the infrastructure's
    ``bulk_import.users_matching``); the default asks the repository one value at a time."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        *,
        normalise_email: EmailNormaliser,
        hash_password: PasswordHasher,
        journal: ChangeJournal | None = None,
        lookup: UserLookup = lookup_one_by_one,
    ) -> None:
        self._uow = uow_factory
        self._lookup = lookup
        self._normalise_email = normalise_email
        self._hash_password = hash_password
        self._journal = journal or ChangeJournal()  # none given: nobody listens

    async def check(
        self,
        kind: Kind,
        source: Path | RowSource,
        *,
        mapping: Mapping[str, str] | None = None,
        on_duplicate: OnDuplicate = "stop",
    ) -> ImportCheck:
        """Read and validate every row of ``source`` (a file, by path or not, or a text)
        against the database; writes nothing. OSError if the file cannot be read, ValueError
        for an unknown format or mapping."""
        if isinstance(source, Path):
            source = FileSource(source)
        # read and parsed in a worker thread: a big file must not hold the window's loop
        read = await asyncio.to_thread(read_source, source, kind, mapping)
        plan: ImportPlan[Any]
        async with self._uow() as uow:
            if kind == "users":
                plan, errors = await plan_users(
                    read.rows,
                    uow,
                    normalise_email=self._normalise_email,
                    on_duplicate=on_duplicate,
                    lookup=self._lookup,
                )
            else:
                plan, errors = await plan_posts(
                    read.rows, uow, on_duplicate=on_duplicate, lookup=self._lookup
                )
        every = sorted([*read.errors, *errors], key=lambda e: e.line)
        return ImportCheck(plan, every, len(read.rows), read.ignored)

    async def _hashed(self, plan: ImportPlan[User]) -> ImportPlan[User]:
        """The plan with every plain password replaced by its hash, hashed concurrently."""
        if not plan.passwords:
            return plan
        gate = asyncio.Semaphore(HASHES_AT_ONCE)

        async def one(password: str) -> str:
            async with gate:
                return await self._hash_password(password)

        ids = list(plan.passwords)
        hashes = dict(
            zip(ids, await asyncio.gather(*(one(plan.passwords[i]) for i in ids)), strict=True)
        )

        def done(user: User) -> User:
            new = hashes.get(user.id)
            return user if new is None else replace(user, hashed_password=new)

        return ImportPlan(
            "users",
            inserts=[done(u) for u in plan.inserts],
            updates=[(before, done(after)) for before, after in plan.updates],
            skipped=plan.skipped,
        )

    async def write(
        self, plan: ImportPlan[Any], *, progress: Progress | None = None, verb: str = "Import"
    ) -> ChangeSet:
        """Write the plan in one transaction and record it as one undoable change, named
        ``verb`` and what it wrote ("Import 3 users")."""
        if plan.kind == "users":
            plan = await self._hashed(plan)
        total, done = plan.size, 0

        def advance(rows: int) -> None:
            nonlocal done
            done += rows
            if progress is not None and not progress(done, total):
                raise OperationCancelledError

        async with self._uow() as uow:
            repo: Any = uow.users if plan.kind == "users" else uow.posts
            if plan.updates:
                expected = {before.id: before.updated_at for before, _ in plan.updates}
                await repo.lock(list(expected))
                if await repo.stale(expected):
                    kind = "User" if plan.kind == "users" else "Post"
                    raise StaleEditError(kind, next(iter(await repo.stale(expected))))
            for start in range(0, len(plan.inserts), CHUNK):
                part = plan.inserts[start : start + CHUNK]
                await repo.add_new(part)  # an id taken meanwhile: RowsAddedMeanwhileError
                advance(len(part))
            for before, after in plan.updates:
                if not await repo.rewrite(after, expected_updated_at=before.updated_at):
                    raise StaleEditError("User" if plan.kind == "users" else "Post", before.id)
                advance(1)
            await uow.commit()
        # a million rows' undo step takes a second to build: in a worker, off the event loop
        change = await asyncio.to_thread(_change_of, plan, verb)
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


__all__ = ["ImportCheck", "ImportFailedError", "ImportService", "Post", "User", "change_text"]
