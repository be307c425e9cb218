"""Validating rows to import (issue #12): every bad line reported, then a plan of the writes.

Each field goes through the same checks the services use (``domain.validation``), so an
import accepts exactly what the forms accept. Every line is checked, never stopping at the
first bad one, against the file itself (a username, e-mail or id twice) and against the
database (an existing row, an unknown author). A row that matches an existing one (same id,
e-mail or username) is skipped, updated, or an error, as ``on_duplicate`` says; an update
always gets a new version (``updated_at`` now), so other editors see that the row changed.
A new user needs a password or a hash; an updated one given neither keeps the hash it has.
Passwords are not hashed here: a dry run should cost no hashing, so the plan keeps them for
the writer.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Generic, Literal, Protocol, TypeAlias, TypeVar
from uuid import UUID, uuid4

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork
from desktop_app.application.import_rows import Kind, LineError, SourceRow
from desktop_app.domain.entities import Post, User, utcnow
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.hash_syntax import check_hashed_password
from desktop_app.domain.ports import EmailNormaliser
from desktop_app.domain.validation import (
    check_bio,
    check_content,
    check_email,
    check_password,
    check_title,
    check_username,
)

OnDuplicate: TypeAlias = Literal["skip", "update", "stop"]
_Times: TypeAlias = tuple[datetime | None, datetime | None]
RowT = TypeVar("RowT", User, Post)
T = TypeVar("T")

_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off"}


@dataclass(slots=True)
class ImportPlan(Generic[RowT]):
    """What an import would write: new rows (exactly as they will be stored, ids included),
    existing rows with their replacement, and the lines skipped as duplicates. ``passwords``
    are the plain passwords of rows to hash before writing (row id -> password)."""

    kind: Kind
    inserts: list[RowT] = field(default_factory=list)
    updates: list[tuple[RowT, RowT]] = field(default_factory=list)  # (before, after)
    skipped: list[int] = field(default_factory=list)
    passwords: dict[UUID, str] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.inserts) + len(self.updates)


def _text(values: Mapping[str, Any], name: str) -> str | None:
    """A field's value as text; None when absent, null or blank."""
    value = values.get(name)
    if value is None:
        return None
    text = value if isinstance(value, str) else json_text(value)
    return text if text.strip() else None


def json_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_id(value: str) -> UUID:
    try:
        return UUID(value.strip())
    except ValueError:
        raise ValidationError("id", f"not a valid id (a UUID): {value!r}") from None


def parse_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = json_text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(name, f"not a yes/no value: {value!r} (use true or false)")


def parse_time(name: str, value: str) -> datetime:
    """ISO 8601; a time without an offset is taken as UTC."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            name, f"not an ISO 8601 timestamp: {value!r} (e.g. 2024-05-01T12:00:00+00:00)"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


TURN_EVERY = 1_000  # rows checked between turns of the event loop


async def _turns(items: Iterable[T]) -> AsyncIterator[T]:
    """``items``, giving the event loop a turn every ``TURN_EVERY``: checking 100,000 posts
    held a window's loop for 0.7 s in one piece; in turns, no more than 30 ms."""
    for number, item in enumerate(items, start=1):
        yield item
        if number % TURN_EVERY == 0:
            await asyncio.sleep(0)


class _Line:
    """The checks of one line, collecting an error per field instead of stopping."""

    def __init__(self, row: SourceRow, errors: list[LineError]) -> None:
        self.row, self._errors, self.ok = row, errors, True

    def fail(self, name: str, reason: str) -> None:
        self.ok = False
        self._errors.append(LineError(self.row.line, name, reason))

    def check(self, name: str, check: Callable[[str], Any], *, required: bool = False) -> Any:
        value = _text(self.row.values, name)
        if value is None:
            if required:
                self.fail(name, "required, but empty or missing")
            return None
        try:
            return check(value)
        except ValidationError as error:
            for failed, message in error.errors.items():
                self.fail(failed if failed != "id" else name, message)
            return None

    def flag(self, name: str) -> bool | None:
        value = self.row.values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_bool(name, value)
        except ValidationError as error:
            self.fail(name, error.message)
            return None

    def times(self) -> tuple[datetime | None, datetime | None]:
        created = self.check("created_at", lambda v: parse_time("created_at", v))
        updated = self.check("updated_at", lambda v: parse_time("updated_at", v))
        return created, updated


class _Seen:
    """Values already taken by earlier lines of the file (compared case-folded)."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], int] = {}

    def claim(self, line: _Line, name: str, value: str | UUID | None) -> None:
        if value is None:
            return
        key = (name, str(value).casefold())
        first = self._lines.setdefault(key, line.row.line)
        if first != line.row.line:
            line.fail(name, f"{value} appears twice in the file (first on line {first})")


class UserLookup(Protocol):
    """The existing users whose e-mail or username is one of these (case-insensitively), in
    few queries: a port, so the SQL for a bulk lookup stays in the infrastructure."""

    async def __call__(
        self, uow: AbstractUnitOfWork, emails: Sequence[str], usernames: Sequence[str], /
    ) -> list[User]: ...


async def lookup_one_by_one(
    uow: AbstractUnitOfWork, emails: Sequence[str], usernames: Sequence[str], /
) -> list[User]:
    """UserLookup through the repository, one query a value (fine for small files)."""
    found = [await uow.users.get_by_email(email) for email in emails]
    found += [await uow.users.get_by_username(name) for name in usernames]
    return [user for user in found if user is not None]


@dataclass(frozen=True, slots=True)
class _UserFields:
    line: _Line
    row_id: UUID | None
    email: str
    username: str
    bio: str | None
    active: bool | None
    password: str | None
    hashed: str | None
    created: datetime | None
    updated: datetime | None


def _user_fields(line: _Line, normalise_email: EmailNormaliser) -> _UserFields:
    row_id = line.check("id", parse_id)
    email = line.check("email", lambda v: check_email(v, normalise_email), required=True)
    username = line.check("username", check_username, required=True)
    bio = line.check("bio", check_bio)
    active = line.flag("is_active")
    password = line.check("password", check_password)
    hashed = line.check("hashed_password", check_hashed_password)
    # Neither is fine for a row that updates an existing user (it keeps its hash, as an
    # export without hashes must re-import); whether the row is new is known only once it has
    # been looked up, so plan_users asks a new user for one.
    if password is not None and hashed is not None:
        line.fail("password", "give a password or a hashed_password, not both")
    created, updated = line.times()
    return _UserFields(
        line, row_id, email, username, bio, active, password, hashed, created, updated
    )


async def plan_users(
    rows: Sequence[SourceRow],
    uow: AbstractUnitOfWork,
    *,
    normalise_email: EmailNormaliser,
    on_duplicate: OnDuplicate = "stop",
    lookup: UserLookup = lookup_one_by_one,
) -> tuple[ImportPlan[User], list[LineError]]:
    """Check every user row, in the file and against the database, inside ``uow``: the
    fields line by line, then the existing rows for all lines at once."""
    plan: ImportPlan[User] = ImportPlan("users")
    errors: list[LineError] = []
    seen = _Seen()
    good: list[_UserFields] = []
    async for row in _turns(rows):
        fields = _user_fields(_Line(row, errors), normalise_email)
        for name, value in (("id", fields.row_id), ("email", fields.email)):
            seen.claim(fields.line, name, value)
        seen.claim(fields.line, "username", fields.username)
        if fields.line.ok:
            good.append(fields)
    by_id = {u.id: u for u in await uow.users.get_many([f.row_id for f in good if f.row_id])}
    known = await lookup(uow, [f.email for f in good], [f.username for f in good])
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
            named = ", ".join(f"{n} matches {u.username}" for n, u in matches.values())
            line.fail("email", f"matches more than one existing user ({named})")
            continue
        if matches:
            name, before = next(iter(matches.values()))
            if on_duplicate == "stop":
                line.fail(name, f"already in the database (user {before.username})")
            elif on_duplicate == "skip":
                plan.skipped.append(line.row.line)
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
                plan.updates.append((before, after))
                if f.password is not None:
                    plan.passwords[before.id] = f.password
            continue
        if f.password is None and f.hashed is None:
            line.fail("password", "required for a new user: give a password or a hashed_password")
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
        plan.inserts.append(user)
        if f.password is not None:
            plan.passwords[user.id] = f.password
    errors.sort(key=lambda e: e.line)
    return plan, errors


async def _authors(
    uow: AbstractUnitOfWork, references: set[str], lookup: UserLookup
) -> dict[str, User]:
    """The users posts name, by id, e-mail or username (reference -> user; unknown left out),
    in bulk."""
    ids: dict[str, UUID] = {}
    for reference in references:
        with contextlib.suppress(ValueError):
            ids[reference] = UUID(reference)
    by_id = {u.id: u for u in await uow.users.get_many(list(ids.values()))}
    emails = [r for r in references if r not in ids and "@" in r]
    names = [r for r in references if r not in ids and "@" not in r]
    known = await lookup(uow, emails, names)
    by_email = {u.email.casefold(): u for u in known}
    by_name = {u.username.casefold(): u for u in known}
    found: dict[str, User] = {}
    for reference in references:
        if reference in ids:
            user = by_id.get(ids[reference])
        else:
            user = (by_email if "@" in reference else by_name).get(reference.casefold())
        if user is not None:
            found[reference] = user
    return found


async def plan_posts(
    rows: Sequence[SourceRow],
    uow: AbstractUnitOfWork,
    *,
    on_duplicate: OnDuplicate = "stop",
    lookup: UserLookup = lookup_one_by_one,
) -> tuple[ImportPlan[Post], list[LineError]]:
    """Check every post row, its author included, inside ``uow``: the fields line by line,
    then the authors and the existing posts for all lines at once."""
    plan: ImportPlan[Post] = ImportPlan("posts")
    errors: list[LineError] = []
    seen = _Seen()
    good: list[tuple[_Line, UUID | None, str, str, str, _Times]] = []
    async for row in _turns(rows):
        line = _Line(row, errors)
        row_id = line.check("id", parse_id)
        title = line.check("title", check_title, required=True)
        content = line.check("content", check_content, required=True)
        reference = line.check("author", str.strip, required=True)
        times = line.times()
        seen.claim(line, "id", row_id)
        if reference is not None:
            good.append((line, row_id, title, content, reference, times))
    authors = await _authors(uow, {g[4] for g in good}, lookup)
    existing = {p.id: p for p in await uow.posts.get_many([g[1] for g in good if g[1]])}
    async for line, row_id, title, content, reference, (created, updated) in _turns(good):
        author = authors.get(reference)
        if author is None:
            line.fail("author", f"no user with the id, e-mail or username {reference!r}")
        if not line.ok or author is None:
            continue
        before = existing.get(row_id) if row_id else None
        if before is None:
            plan.inserts.append(
                Post(
                    title=title,
                    content=content,
                    author_id=author.id,
                    author_username=author.username,
                    id=row_id or uuid4(),
                    created_at=created or utcnow(),
                    updated_at=updated,
                )
            )
        elif on_duplicate == "stop":
            line.fail("id", f"already in the database (post {before.title!r})")
        elif on_duplicate == "skip":
            plan.skipped.append(line.row.line)
        else:
            after = replace(
                before,
                title=title,
                content=content,
                author_id=author.id,
                author_username=author.username,
                created_at=created or before.created_at,
                updated_at=utcnow(),  # a new version, whatever the file says
            )
            plan.updates.append((before, after))
    errors.sort(key=lambda e: e.line)
    return plan, errors
