"""The abstract unit of work: one transaction, with the repositories that share it.

Leaving the ``async with`` block without ``commit()`` rolls back, so several changes land
together or not at all, and an exception never leaves half a change behind.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from types import TracebackType
from typing import Self

from desktop_app.domain.repositories import PostRepository, UserRepository


class AbstractUnitOfWork(abc.ABC):
    users: UserRepository
    posts: PostRepository

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.rollback()

    @abc.abstractmethod
    async def commit(self) -> None: ...

    @abc.abstractmethod
    async def rollback(self) -> None: ...


UnitOfWorkFactory = Callable[[], AbstractUnitOfWork]
