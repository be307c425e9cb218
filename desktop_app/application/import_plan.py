"""Planning an import (issue #12), a batch of lines at a time: the rows to add, update or skip.

Every line is checked field by field (``import_fields``), then against the file itself (an id,
e-mail or username twice: ``Seen``) and against the database (an existing row, an unknown
author), never stopping at the first bad one. A row that matches an existing one (same id,
e-mail or username) is skipped, updated, or an error, as ``on_duplicate`` says; an update
always gets a new version (``updated_at`` now), so other editors see that the row changed.
A new user needs a password or a hash; an updated one given neither keeps the hash it has.
Passwords are not hashed here: a dry run should cost no hashing, so the plan keeps them for
the writer.

A batch's plan (``Batch``) holds its rows as they will be written. The whole file's plan
(``ImportPlan``) holds the counts, and the rows themselves only for a file of at most
``KEEP_ROWS`` rows: a bigger file is planned again by the writer, batch by batch, in its own
transaction (``Replay``), so memory holds one batch whatever the file's size, and the
interpreter's full garbage collections have no million planned rows to walk. Each batch's
``digest`` (its lines and what was decided for each, against which version of which row)
lets the writer see that the file and the database still say what the check saw.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Literal, Protocol, TypeAlias, TypeVar
from uuid import UUID, uuid4

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork
from desktop_app.application.import_fields import (
    Line,
    post_fields,
    user_fields,
)
from desktop_app.application.import_lookup import UserLookup, authors_named, lookup_one_by_one
from desktop_app.application.import_rows import (
    ImportProblem,
    Kind,
    LineError,
    RowSource,
    SourceRow,
)
from desktop_app.domain.entities import Post, User, utcnow
from desktop_app.domain.ports import EmailNormaliser

OnDuplicate: TypeAlias = Literal["skip", "update", "stop"]
RowT = TypeVar("RowT", User, Post)
T = TypeVar("T")

BATCH = 1_000  # lines planned (and written) together: one lookup and one bulk insert each
KEEP_ROWS = 10_000  # a plan of at most this many rows keeps them; a bigger one is replayed
TURN_EVERY = 100  # lines checked between turns of the event loop
AUTHOR_CACHE = 100_000  # authors remembered across batches (posts by the same few people)


@dataclass(slots=True)
class Batch(Generic[RowT]):
    """One batch's writes: new rows (exactly as they will be stored, ids included), existing
    rows with their replacement, the lines skipped as duplicates, and the plain passwords to
    hash before writing (row id -> password)."""

    inserts: list[RowT] = field(default_factory=list)
    updates: list[tuple[RowT, RowT]] = field(default_factory=list)  # (before, after)
    skipped: list[int] = field(default_factory=list)
    passwords: dict[UUID, str] = field(default_factory=dict)
    digest: int = 0
    matched: bool = False  # some line met an existing row (updated, skipped or refused)


@dataclass(frozen=True, slots=True)
class Replay:
    """How the writer plans a big file again: the same source, mapping and choice, each
    batch's digest as the check saw it, and the batches that met existing rows (the others
    are not looked up again: a row added meanwhile fails the insert, and the whole import)."""

    source: RowSource
    mapping: Mapping[str, str] | None
    on_duplicate: OnDuplicate
    digests: tuple[int, ...]
    matched: frozenset[int] = frozenset()


@dataclass(slots=True)
class ImportPlan(Generic[RowT]):
    """What an import would write: how many rows are new, updated and skipped, and, for a
    small file (``replay`` None), the rows themselves, as a ``Batch`` holds them."""

    kind: Kind
    inserts: list[RowT] = field(default_factory=list)
    updates: list[tuple[RowT, RowT]] = field(default_factory=list)  # (before, after)
    skipped: list[int] = field(default_factory=list)
    passwords: dict[UUID, str] = field(default_factory=dict)
    new_rows: int = 0
    updated_rows: int = 0
    skipped_rows: int = 0
    replay: Replay | None = None

    @property
    def size(self) -> int:
        """Rows to write (new and updated)."""
        return self.new_rows + self.updated_rows

    def add(self, batch: Batch[RowT], *, keep: bool) -> None:
        """Count ``batch``'s rows, and keep them when ``keep``."""
        self.new_rows += len(batch.inserts)
        self.updated_rows += len(batch.updates)
        self.skipped_rows += len(batch.skipped)
        if keep:
            self.inserts += batch.inserts
            self.updates += batch.updates
            self.skipped += batch.skipped
            self.passwords.update(batch.passwords)

    def let_go(self, replay: Replay) -> None:
        """Forget the rows (too many to keep): the writer plans them again from ``replay``."""
        self.inserts, self.updates, self.skipped, self.passwords = [], [], [], {}
        self.replay = replay

    def as_batch(self) -> Batch[RowT]:
        return Batch(self.inserts, self.updates, self.skipped, self.passwords)


async def _turns(items: Iterable[T]) -> AsyncIterator[T]:
    """``items``, giving the event loop a turn every ``TURN_EVERY``."""
    for number, item in enumerate(items, start=1):
        yield item
        if number % TURN_EVERY == 0:
            await asyncio.sleep(0)


SEEN_SHARDS = 1_024
RELEASE_SHARDS = 64  # emptied between two turns of the event loop (some 64,000 entries)


class Seen:
    """Values already taken by earlier lines of the file (compared case-folded): per field, the
    value's 64-bit hash -> the first line that had it. Plain ints, so a million lines cost
    some 100 MB and nothing the garbage collector walks; two different values sharing a hash
    (about one chance in 10^7 for a million lines) would be reported as a duplicate. The
    table is split in ``SEEN_SHARDS`` dicts: one dict of a million grows by copying itself
    whole, which held the event loop for 140 ms at 700,000 lines."""

    def __init__(self) -> None:
        self._lines: dict[str, list[dict[int, int]]] = {}

    async def release(self) -> None:
        """Empty the tables a few at a time, a turn of the event loop in between: dropping a
        million entries at once (when the check ends) held the loop for 40-75 ms."""
        for shards in self._lines.values():
            for start in range(0, len(shards), RELEASE_SHARDS):
                for shard in shards[start : start + RELEASE_SHARDS]:
                    shard.clear()
                await asyncio.sleep(0)
        self._lines.clear()

    def claim(self, line: Line, name: str, value: str | UUID | None) -> None:
        if value is None:
            return
        key = hash(value) if isinstance(value, UUID) else hash(value.casefold())
        shards = self._lines.get(name)
        if shards is None:
            shards = self._lines[name] = [{} for _ in range(SEEN_SHARDS)]
        first = shards[key % SEEN_SHARDS].setdefault(key, line.row.line)
        if first != line.row.line:
            line.fail(
                name,
                ImportProblem.tr(
                    "{value} appears twice in the file (first on line {first})",
                    value=str(value),
                    first=str(first),
                ),
            )


def _digest(rows: Sequence[SourceRow], decisions: list[tuple[Any, ...]]) -> int:
    """What a batch read and decided, as one number (equal for equal batches, in a process)."""
    try:
        return hash((tuple((r.line, *r.values.items()) for r in rows), tuple(decisions)))
    except TypeError:  # a JSON list or object among the values: hashed as text
        return hash((tuple((r.line, repr(r.values)) for r in rows), tuple(decisions)))


class Planner(Protocol[RowT]):
    async def plan(
        self, rows: Sequence[SourceRow], errors: list[LineError], *, look_up: bool = True
    ) -> Batch[RowT]:
        """Plan ``rows``; ``look_up`` False: take every row as new, without asking the
        database (the writer, for a batch where the check found none there: a lookup inside
        a transaction that has just added many rows is slow on PostgreSQL, whose planner
        still takes the table for as small as it was)."""
        ...


class UserPlanner:
    """Plans batches of user lines inside ``uow``; ``seen`` (the check's) finds values a line
    repeats from an earlier one. Every use of ``uow`` is under ``gate``: the writer holds it
    while a batch is being written, and plans the next one meanwhile."""

    def __init__(
        self,
        uow: AbstractUnitOfWork,
        *,
        normalise_email: EmailNormaliser,
        on_duplicate: OnDuplicate,
        lookup: UserLookup,
        seen: Seen | None,
        gate: asyncio.Lock | None = None,
    ) -> None:
        self._uow, self._normalise, self._lookup = uow, normalise_email, lookup
        self._on_duplicate, self._seen = on_duplicate, seen
        self._gate = gate or asyncio.Lock()

    async def plan(
        self, rows: Sequence[SourceRow], errors: list[LineError], *, look_up: bool = True
    ) -> Batch[User]:
        batch: Batch[User] = Batch()
        decided: list[tuple[Any, ...]] = []
        good = []
        async for row in _turns(rows):
            f = user_fields(Line(row, errors), self._normalise)
            if self._seen is not None:
                for name, value in (("id", f.row_id), ("email", f.email)):
                    self._seen.claim(f.line, name, value)
                self._seen.claim(f.line, "username", f.username)
            if f.line.ok:
                good.append(f)
        uow, by_id, known = self._uow, {}, []
        if look_up:
            ids = [f.row_id for f in good if f.row_id]
            async with self._gate:
                by_id = {u.id: u for u in await uow.users.get_many(ids)}
                emails, names = [f.email for f in good], [f.username for f in good]
                known = await self._lookup(uow, emails, names)
        by_email = {u.email.casefold(): u for u in known}
        by_username = {u.username.casefold(): u for u in known}
        async for f in _turns(good):
            line = f.line
            matches: dict[UUID, tuple[str, User]] = {}
            for name, found in (
                ("id", by_id.get(f.row_id) if f.row_id else None),
                ("email", by_email.get(f.email.casefold())),
                ("username", by_username.get(f.username.casefold())),
            ):
                if found is not None:
                    matches.setdefault(found.id, (name, found))
            if len(matches) > 1:
                named = tuple(
                    ImportProblem.tr("{field} matches {username}", field=n, username=u.username)
                    for n, u in matches.values()
                )
                line.fail(
                    "email",
                    ImportProblem.tr("matches more than one existing user ({named})", named=named),
                )
                continue
            if matches:
                name, before = next(iter(matches.values()))
                batch.matched = True
                decided.append((line.row.line, before.id, before.updated_at))
                if self._on_duplicate == "stop":
                    line.fail(
                        name,
                        ImportProblem.tr(
                            "already in the database (user {username})", username=before.username
                        ),
                    )
                elif self._on_duplicate == "skip":
                    batch.skipped.append(line.row.line)
                else:
                    after = replace(
                        before,
                        email=f.email,
                        username=f.username,
                        bio=f.bio if "bio" in line.row.values else before.bio,
                        is_active=before.is_active if f.active is None else f.active,
                        hashed_password=f.hashed or before.hashed_password,
                        created_at=f.created or before.created_at,
                        updated_at=utcnow(),  # a new version, whatever the file says
                    )
                    batch.updates.append((before, after))
                    if f.password is not None:
                        batch.passwords[before.id] = f.password
                continue
            if f.password is None and f.hashed is None:
                line.fail(
                    "password",
                    ImportProblem.tr(
                        "required for a new user: give a password or a hashed_password"
                    ),
                )
                continue
            user = User(
                email=f.email,
                username=f.username,
                hashed_password=f.hashed or "",
                is_active=True if f.active is None else f.active,
                bio=f.bio,
                id=f.row_id or uuid4(),
                created_at=f.created or utcnow(),
                updated_at=f.updated,
            )
            batch.inserts.append(user)
            if f.password is not None:
                batch.passwords[user.id] = f.password
        batch.digest = _digest(rows, decided)
        return batch


class PostPlanner:
    """Plans batches of post lines inside ``uow``, their authors included (looked up once
    each, then remembered); ``seen`` as for users."""

    def __init__(
        self,
        uow: AbstractUnitOfWork,
        *,
        on_duplicate: OnDuplicate,
        lookup: UserLookup,
        seen: Seen | None,
        gate: asyncio.Lock | None = None,
    ) -> None:
        self._uow, self._lookup = uow, lookup
        self._on_duplicate, self._seen = on_duplicate, seen
        self._gate = gate or asyncio.Lock()
        self._authors: dict[str, User | None] = {}

    async def _authors_of(self, references: set[str]) -> dict[str, User | None]:
        if len(self._authors) > AUTHOR_CACHE:
            self._authors.clear()
        missing = references - self._authors.keys()
        if missing:
            async with self._gate:
                found = await authors_named(self._uow, missing, self._lookup)
            self._authors.update({reference: found.get(reference) for reference in missing})
        return self._authors

    async def plan(
        self, rows: Sequence[SourceRow], errors: list[LineError], *, look_up: bool = True
    ) -> Batch[Post]:
        batch: Batch[Post] = Batch()
        decided: list[tuple[Any, ...]] = []
        good = []
        async for row in _turns(rows):
            f = post_fields(Line(row, errors))
            if self._seen is not None:
                self._seen.claim(f.line, "id", f.row_id)
            if f.reference is not None:
                good.append(f)
        authors = await self._authors_of({f.reference for f in good if f.reference})
        ids = [f.row_id for f in good if f.row_id] if look_up else []
        existing = {}
        if ids:
            async with self._gate:
                existing = {p.id: p for p in await self._uow.posts.get_many(ids)}
        async for f in _turns(good):
            line = f.line
            author = authors.get(f.reference or "")
            if author is None:
                line.fail(
                    "author",
                    ImportProblem.tr(
                        "no user with the id, e-mail or username {reference}",
                        reference=repr(f.reference),
                    ),
                )
            if not line.ok or author is None:
                continue
            before = existing.get(f.row_id) if f.row_id else None
            batch.matched = batch.matched or before is not None
            decided.append((line.row.line, author.id, before and before.updated_at))
            if before is None:
                batch.inserts.append(
                    Post(
                        title=f.title,
                        content=f.content,
                        author_id=author.id,
                        author_username=author.username,
                        id=f.row_id or uuid4(),
                        created_at=f.created or utcnow(),
                        updated_at=f.updated,
                    )
                )
            elif self._on_duplicate == "stop":
                line.fail(
                    "id",
                    ImportProblem.tr(
                        "already in the database (post {title})", title=repr(before.title)
                    ),
                )
            elif self._on_duplicate == "skip":
                batch.skipped.append(line.row.line)
            else:
                after = replace(
                    before,
                    title=f.title,
                    content=f.content,
                    author_id=author.id,
                    author_username=author.username,
                    created_at=f.created or before.created_at,
                    updated_at=utcnow(),  # a new version, whatever the file says
                )
                batch.updates.append((before, after))
        batch.digest = _digest(rows, decided)
        return batch


async def _plan_all(
    planner: Planner[RowT], kind: Kind, rows: Sequence[SourceRow]
) -> tuple[ImportPlan[RowT], list[LineError]]:
    plan: ImportPlan[RowT] = ImportPlan(kind)
    errors: list[LineError] = []
    for start in range(0, len(rows), BATCH):
        plan.add(await planner.plan(rows[start : start + BATCH], errors), keep=True)
    errors.sort(key=lambda e: e.line)
    return plan, errors


async def plan_users(
    rows: Sequence[SourceRow],
    uow: AbstractUnitOfWork,
    *,
    normalise_email: EmailNormaliser,
    on_duplicate: OnDuplicate = "stop",
    lookup: UserLookup = lookup_one_by_one,
) -> tuple[ImportPlan[User], list[LineError]]:
    """Check every user row of a list, in the file and against the database, inside ``uow``;
    the plan keeps every row."""
    planner = UserPlanner(
        uow, normalise_email=normalise_email, on_duplicate=on_duplicate, lookup=lookup, seen=Seen()
    )
    return await _plan_all(planner, "users", rows)


async def plan_posts(
    rows: Sequence[SourceRow],
    uow: AbstractUnitOfWork,
    *,
    on_duplicate: OnDuplicate = "stop",
    lookup: UserLookup = lookup_one_by_one,
) -> tuple[ImportPlan[Post], list[LineError]]:
    """Check every post row of a list, its author included, inside ``uow``; the plan keeps
    every row."""
    planner = PostPlanner(uow, on_duplicate=on_duplicate, lookup=lookup, seen=Seen())
    return await _plan_all(planner, "posts", rows)
