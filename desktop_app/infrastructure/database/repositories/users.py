"""Users over an AsyncSession: builds statements and flushes, never commits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from desktop_app.core.security import hash_password_async
from desktop_app.domain.dtos import CreateUserDTO
from desktop_app.domain.entities import User, utcnow
from desktop_app.domain.errors import (
    DuplicateEmailError,
    DuplicateUsernameError,
    UserNotFoundError,
)
from desktop_app.domain.repositories import UserRepository
from desktop_app.infrastructure.database.errors import unique_violation
from desktop_app.infrastructure.database.models import UserModel

PasswordHasher = Callable[[str], Awaitable[str]]


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
        self, session: AsyncSession, *, hash_password: PasswordHasher = hash_password_async
    ) -> None:
        self._session = session
        self._hash_password = hash_password

    async def get_by_id(self, user_id: UUID) -> User | None:
        model = await self._session.get(UserModel, user_id)
        return to_entity(model) if model else None

    async def get_by_email(self, email: str) -> User | None:
        return await self._one_where(func.lower(UserModel.email) == email.strip().lower())

    async def get_by_username(self, username: str) -> User | None:
        return await self._one_where(func.lower(UserModel.username) == username.strip().lower())

    async def _one_where(self, condition: object) -> User | None:
        stmt = select(UserModel).where(condition).limit(1)  # type: ignore[arg-type]
        model = (await self._session.scalars(stmt)).first()
        return to_entity(model) if model else None

    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[User]:
        stmt = (
            select(UserModel)
            .order_by(UserModel.created_at.desc(), UserModel.id.desc())
            .offset(skip)
            .limit(limit)
        )
        return [to_entity(m) for m in await self._session.scalars(stmt)]

    async def count(self) -> int:
        return int(await self._session.scalar(select(func.count()).select_from(UserModel)) or 0)

    async def _check_unique(self, user: User) -> None:
        """Case-insensitive duplicate checks, so 'Ann@x.org' and 'ann@x.org' cannot coexist."""
        same_email = await self.get_by_email(user.email)
        if same_email is not None and same_email.id != user.id:
            raise DuplicateEmailError(user.email)
        same_name = await self.get_by_username(user.username)
        if same_name is not None and same_name.id != user.id:
            raise DuplicateUsernameError(user.username)

    async def _flush(self, user: User) -> None:
        try:
            await self._session.flush()
        except IntegrityError as error:  # a concurrent writer won the race past _check_unique
            raise unique_violation(error, email=user.email, username=user.username) from None

    async def create(self, user: User) -> User:
        await self._check_unique(user)
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
        model = await self._session.get(UserModel, user.id)
        if model is None:
            raise UserNotFoundError(user.id)
        await self._check_unique(user)
        model.email = user.email
        model.username = user.username
        model.hashed_password = user.hashed_password
        model.is_active = user.is_active
        model.bio = user.bio
        model.updated_at = utcnow()
        await self._flush(user)
        return to_entity(model)

    async def delete(self, user_id: UUID) -> bool:
        # A Core DELETE: the database cascades to posts (foreign keys are on for SQLite too),
        # without loading a single post into the session.
        result = await self._session.execute(delete(UserModel).where(UserModel.id == user_id))
        removed = bool(getattr(result, "rowcount", 0))
        if removed:
            self._session.expunge_all()
        return removed
