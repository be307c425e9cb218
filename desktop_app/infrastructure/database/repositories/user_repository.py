"""Users over an AsyncSession: builds statements and flushes, never commits.

Every update and delete is a compare-and-set on ``updated_at`` (``versions.py``). Duplicate
emails and usernames are found with Unicode case folding (``Ängel`` = ``ängel``), inside the
writing transaction and under a writers' lock, so two concurrent inserts of ``Bob@x.org`` and
``bob@x.org`` cannot both pass the check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from desktop_app.core.emails import normalise_email
from desktop_app.core.security import hash_password_async
from desktop_app.domain.entities import CreateUserDTO, UpdateUserDTO, User
from desktop_app.domain.errors import (
    DuplicateEmailError,
    DuplicateUsernameError,
    UserNotFoundError,
)
from desktop_app.domain.ports import EmailNormaliser, PasswordHasher
from desktop_app.domain.repositories import UserRepository
from desktop_app.domain.unset import UNSET, Maybe
from desktop_app.domain.validation import validate_create_user, validate_update_user
from desktop_app.infrastructure.database.error_translation import (
    duplicate_key,
    unique_violation,
)
from desktop_app.infrastructure.database.models import UserModel
from desktop_app.infrastructure.database.repositories import exact_writes
from desktop_app.infrastructure.database.search import like_pattern
from desktop_app.infrastructure.database.sort_keys import sort_key
from desktop_app.infrastructure.database.versions import (
    compare_and_set,
    delete_version,
    dialect_of,
    next_version,
    raise_missed,
)

# PostgreSQL advisory lock held by a transaction that checks and writes emails or usernames
# (any fixed number: the app's writers only need to agree on it).
IDENTITY_LOCK = 0x64657370  # "desp"


def _ascii_lower(value: str) -> str:
    """What SQL's lower() makes of ``value`` on both backends: ASCII letters only."""
    return "".join(c.lower() if c.isascii() else c for c in value)


def _folded_candidates(column: Any, value: str) -> ColumnElement[bool]:
    """Rows whose ``column`` may equal ``value`` under Unicode case folding: equal under
    ASCII folding (through migration 0004's index on lower()), or, when ``value`` has other
    letters, alike around them (each non-ASCII letter may fold to more than one letter: ß)."""
    lowered = _ascii_lower(value)
    same = func.lower(column) == lowered
    if lowered.isascii():
        return same
    pattern = "".join("%" if not c.isascii() else like_pattern(c)[1:-1] for c in lowered)
    return or_(same, func.lower(column).like(pattern, escape="\\"))


def _columns(user: User) -> dict[str, Any]:
    """Every column of the user's row, as stored."""
    return {
        "id": user.id,
        "email": user.email,
        "username": user.username,
        "hashed_password": user.hashed_password,
        "is_active": user.is_active,
        "bio": user.bio,
        "created_at": user.created_at,
        "updated_at": user.updated_at,
    }


def to_entity(model: UserModel) -> User:
    return User(
        id=model.id,
        email=model.email,
        username=model.username,
        hashed_password=model.hashed_password,
        is_active=model.is_active,
        bio=model.bio,
        created_at=model.created_at,
        updated_at=model.updated_at,
    )


class SQLAlchemyUserRepository(UserRepository):
    def __init__(
        self,
        session: AsyncSession,
        *,
        hash_password: PasswordHasher = hash_password_async,
        normalise_email: EmailNormaliser = normalise_email,
    ) -> None:
        self._session = session
        self._hash_password = hash_password
        self._normalise_email = normalise_email

    async def _stored_fields(self, user_id: UUID) -> tuple[str, str, str | None] | None:
        """(email, username, bio) as stored, or None when there is no such row."""
        row = (
            await self._session.execute(
                select(UserModel.email, UserModel.username, UserModel.bio).where(
                    UserModel.id == user_id
                )
            )
        ).first()
        return None if row is None else (row[0], row[1], row[2])

    async def _prepare_write(self, user: User, stored: tuple[str, str, str | None] | None) -> None:
        """Judge the fields that change against the services' rules (whoever calls: a script,
        an import), then, if the email or username changes, take the writers' lock and check
        them for duplicates. A row the web backend wrote under other rules can still have its
        other fields edited, and an edit that leaves both alone (a bio, the Active tick)
        neither waits for the lock nor queries for duplicates."""
        email, username, bio = stored if stored is not None else (None, None, None)
        dto = UpdateUserDTO(
            email=user.email if user.email != email else UNSET,
            username=user.username if user.username != username else UNSET,
            bio=user.bio if stored is None or user.bio != bio else UNSET,
        )
        if dto != UpdateUserDTO():
            validate_update_user(dto, self._normalise_email)
        if dto.email is not UNSET or dto.username is not UNSET:
            await self._lock_identities()
            await self._check_unique(user)

    async def get_by_id(self, user_id: UUID) -> User | None:
        # populate_existing: a compare-and-set UPDATE may have changed the row since this
        # session last loaded it.
        model = await self._session.get(UserModel, user_id, populate_existing=True)
        return to_entity(model) if model else None

    async def get_by_email(self, email: str) -> User | None:
        return await self._one_folded(UserModel.email, email.strip())

    async def get_by_username(self, username: str) -> User | None:
        return await self._one_folded(UserModel.username, username.strip())

    async def _one_folded(
        self, column: Any, value: str, exclude: UUID | None = None
    ) -> User | None:
        """The user whose ``column`` equals ``value`` under Unicode case folding."""
        stmt = (
            select(UserModel)
            .where(_folded_candidates(column, value))
            .execution_options(populate_existing=True)
        )
        folded = value.casefold()
        for model in await self._session.scalars(stmt):
            if model.id != exclude and str(getattr(model, column.key)).casefold() == folded:
                return to_entity(model)
        return None

    async def _lock_identities(self) -> None:
        """Serialise writers that check and then write emails and usernames, so the check
        still holds when the write lands: SQLite takes its write lock now (BEGIN IMMEDIATE,
        unless this transaction already writes); PostgreSQL an advisory lock until commit."""
        if dialect_of(self._session) == "postgresql":
            await self._session.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": IDENTITY_LOCK}
            )
            return
        connection = await self._session.connection()
        raw = await connection.get_raw_connection()
        if not getattr(raw.driver_connection, "in_transaction", True):
            await connection.exec_driver_sql("BEGIN IMMEDIATE")

    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[User]:
        # newest first by created_at's sort key (any text format on SQLite), ties by id
        key = sort_key(UserModel.created_at, dialect_of(self._session))
        stmt = select(UserModel).order_by(key.desc(), UserModel.id.desc()).offset(skip).limit(limit)
        return [to_entity(m) for m in await self._session.scalars(stmt)]

    async def count(self) -> int:
        return int(await self._session.scalar(select(func.count()).select_from(UserModel)) or 0)

    async def _check_unique(self, user: User) -> None:
        """Case-insensitive duplicate checks (Unicode case folding), so 'Ann@x.org' and
        'ann@x.org', or 'Ängel' and 'ängel', cannot coexist. Call under ``_lock_identities``."""
        if await self._one_folded(UserModel.email, user.email, user.id) is not None:
            raise DuplicateEmailError(user.email)
        if await self._one_folded(UserModel.username, user.username, user.id) is not None:
            raise DuplicateUsernameError(user.username)

    async def _flush(self, user: User) -> None:
        try:
            await self._session.flush()
        except IntegrityError as error:  # a concurrent writer won the race past _check_unique
            raise unique_violation(error, email=user.email, username=user.username) from None

    async def create(self, user: User) -> User:
        await self._prepare_write(user, None)
        model = UserModel(
            id=user.id,
            email=user.email,
            username=user.username,
            hashed_password=user.hashed_password,
            is_active=user.is_active,
            bio=user.bio,
            created_at=user.created_at,
            updated_at=user.updated_at,
        )
        self._session.add(model)
        await self._flush(user)
        return to_entity(model)

    async def create_user(self, dto: CreateUserDTO) -> User:
        """Validate, hash the password with the injected hasher (off the event loop's thread,
        before this session's first statement, so no lock is held meanwhile) and add the user:
        the one way a user with a password is created."""
        dto = validate_create_user(dto, self._normalise_email)
        hashed = await self._hash_password(dto.password)
        user = User(
            email=dto.email,
            username=dto.username,
            hashed_password=hashed,
            is_active=dto.is_active,
            bio=dto.bio,
        )
        return await self.create(user)

    async def update(self, user: User) -> User:
        """Write every field of ``user`` if the row still has the version ``user`` was read
        with (``user.updated_at``); StaleEditError if someone changed it since, and
        UserNotFoundError if it is gone. Returns the user with its new version."""
        stored = await self._stored_fields(user.id)
        if stored is None:
            raise UserNotFoundError(user.id)
        await self._prepare_write(user, stored)
        version = next_version(user.updated_at)
        stmt = compare_and_set(UserModel, user.id, user.updated_at, version, self._session).values(
            email=user.email,
            username=user.username,
            hashed_password=user.hashed_password,
            is_active=user.is_active,
            bio=user.bio,
        )
        try:
            result = await self._session.execute(stmt)
        except IntegrityError as error:  # a writer outside the app won the race
            raise unique_violation(error, email=user.email, username=user.username) from None
        if not getattr(result, "rowcount", 0):
            await raise_missed(
                self._session, UserModel, user.id, "User", UserNotFoundError(user.id)
            )
        return replace(user, updated_at=version)

    async def delete(
        self, user_id: UUID, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> bool:
        """Delete the user and (by cascade) their posts; False if there was no such user.
        With ``expected_updated_at`` (the version the caller saw), a user changed since is
        left alone: StaleEditError."""
        # A Core DELETE: the database cascades to posts (foreign keys are on for SQLite too),
        # without loading a single post into the session.
        removed = await delete_version(
            self._session, UserModel, user_id, expected_updated_at, "User"
        )
        if removed:
            self._session.expunge_all()
        return removed

    # ----- exact writes, for undo and redo -----

    async def get_many(self, ids: Sequence[UUID]) -> list[User]:
        found: list[User] = []
        for part in exact_writes.chunks(list(ids)):
            stmt = (
                select(UserModel)
                .where(UserModel.id.in_(part))
                .execution_options(populate_existing=True)
            )
            found.extend(to_entity(model) for model in await self._session.scalars(stmt))
        return found

    async def lock(self, ids: Sequence[UUID]) -> set[UUID]:
        return await exact_writes.lock(self._session, UserModel, ids)

    async def stale(self, expected: Mapping[UUID, datetime | None]) -> set[UUID]:
        return await exact_writes.stale(self._session, UserModel, expected)

    async def restore(self, rows: Sequence[User]) -> int:
        """Insert exactly these users; first, under the writers' lock, the same duplicate
        check as any insert (someone may have taken the e-mail or username meanwhile):
        DuplicateEmailError / DuplicateUsernameError."""
        if not rows:
            return 0
        await self._lock_identities()
        await self._check_unique_many(rows)
        return await exact_writes.restore(self._session, UserModel, [_columns(u) for u in rows])

    async def add_new(self, rows: Sequence[User]) -> None:
        """On PostgreSQL, the duplicate check of ``restore`` under the writers' lock, then one
        COPY (see ``exact_writes.copy_new``); elsewhere ``restore``. A writer outside the app
        that takes an e-mail or username meanwhile ends it in DuplicateEmailError /
        DuplicateUsernameError, as the server names the value."""
        if dialect_of(self._session) != "postgresql":
            return await super().add_new(rows)
        if not rows:
            return
        await self._lock_identities()
        await self._check_unique_many(rows)
        try:
            await exact_writes.copy_new(self._session, UserModel, [_columns(u) for u in rows])
        except IntegrityError as error:
            key = duplicate_key(error)
            if key is None:
                raise
            raise unique_violation(error, email=key[1], username=key[1]) from error

    async def _check_unique_many(self, rows: Sequence[User]) -> None:
        """``_check_unique`` for many users: one query a chunk for ASCII names (through the
        lower() indexes), the folded check of one row at a time for the others."""
        for part in exact_writes.chunks(rows, 200):
            plain = [u for u in part if u.email.isascii() and u.username.isascii()]
            for user in part:
                if not (user.email.isascii() and user.username.isascii()):
                    await self._check_unique(user)
            if not plain:
                continue
            stmt = select(UserModel.id, UserModel.email, UserModel.username).where(
                or_(
                    func.lower(UserModel.email).in_({_ascii_lower(u.email) for u in plain}),
                    func.lower(UserModel.username).in_({_ascii_lower(u.username) for u in plain}),
                )
            )
            emails: dict[str, UUID] = {}
            usernames: dict[str, UUID] = {}
            for row_id, email, username in (await self._session.execute(stmt)).all():
                emails[str(email).casefold()] = row_id
                usernames[str(username).casefold()] = row_id
            for user in plain:
                if emails.get(user.email.casefold(), user.id) != user.id:
                    raise DuplicateEmailError(user.email)
                if usernames.get(user.username.casefold(), user.id) != user.id:
                    raise DuplicateUsernameError(user.username)

    async def rewrite(self, row: User, *, expected_updated_at: datetime | None) -> bool:
        """Every column verbatim, if the row is still at ``expected_updated_at``; an e-mail or
        username that changes is checked for duplicates first, as by ``update``."""
        stored = await self._stored_fields(row.id)
        if stored is None:
            return False
        if (row.email, row.username) != stored[:2]:
            await self._lock_identities()
            await self._check_unique(row)
        values = _columns(row)
        del values["id"]
        try:
            return await exact_writes.rewrite(
                self._session, UserModel, row.id, values, expected_updated_at
            )
        except IntegrityError as error:  # a writer outside the app won the race
            raise unique_violation(error, email=row.email, username=row.username) from None

    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int:
        removed = await exact_writes.delete_versions(self._session, UserModel, expected)
        if removed:
            self._session.expunge_all()
        return removed
