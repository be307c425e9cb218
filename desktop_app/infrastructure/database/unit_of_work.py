"""SQLAlchemyUnitOfWork: one AsyncSession per block, rolled back unless committed.

``AbstractUnitOfWork`` (the port the services use) is defined by the application layer and
re-exported here, where the reference design names both.

The password hasher and e-mail normaliser its user repository uses are injected here by
``bootstrap``; left out (tests), they are ``desktop_app.core``'s.

It is also where driver errors become domain errors: whatever a repository call raised inside
the block leaves it as a DatabaseUnavailableError or ConstraintViolationError with a sentence.
"""

from __future__ import annotations

import contextlib
from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork
from desktop_app.core.emails import normalise_email
from desktop_app.core.security import hash_password_async
from desktop_app.domain.ports import EmailNormaliser, PasswordHasher
from desktop_app.infrastructure.database.error_translation import raise_translated
from desktop_app.infrastructure.database.repositories import (
    SQLAlchemyPostRepository,
    SQLAlchemyUserRepository,
)


class SQLAlchemyUnitOfWork(AbstractUnitOfWork):
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        hash_password: PasswordHasher = hash_password_async,
        normalise_email: EmailNormaliser = normalise_email,
    ) -> None:
        self._session_factory = session_factory
        self._hash_password = hash_password
        self._normalise_email = normalise_email
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its 'async with' block")
        return self._session

    async def __aenter__(self) -> Self:
        self._session = self._session_factory()
        self.users = SQLAlchemyUserRepository(
            self._session,
            hash_password=self._hash_password,
            normalise_email=self._normalise_email,
        )
        self.posts = SQLAlchemyPostRepository(self._session)
        return await super().__aenter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            await super().__aexit__(exc_type, exc, tb)
        except Exception as cleanup_error:  # the connection died: rollback fails too
            if exc is None:
                raise_translated(cleanup_error)
                raise
        finally:
            self._session = None
            with contextlib.suppress(Exception):  # closing a dead connection; the cause is reported
                await session.close()
        if exc is not None:
            raise_translated(exc)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()


__all__ = ["AbstractUnitOfWork", "SQLAlchemyUnitOfWork"]
