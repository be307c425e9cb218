"""What the undo/redo tests share: services that record into a journal, and a dump of both
tables, every column, to compare states exactly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.change_applier import ChangeApplier
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet
from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from desktop_app.infrastructure.database.models import PostModel, UserModel


async def fake_hash(password: str) -> str:
    return f"hashed:{password}"


@dataclass
class App:
    users: UserService
    posts: PostService
    applier: ChangeApplier
    journal: ChangeJournal
    changes: list[ChangeSet] = field(default_factory=list)

    @classmethod
    def over(cls, uow_factory: UnitOfWorkFactory) -> App:
        journal = ChangeJournal()

        def factory() -> Any:
            return uow_factory(hash_password=fake_hash)  # type: ignore[call-arg]

        app = cls(
            users=UserService(factory, hash_password=fake_hash, journal=journal),
            posts=PostService(factory, journal=journal),
            applier=ChangeApplier(factory),
            journal=journal,
        )
        journal.subscribe(app.changes.append)
        return app


Dump = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


async def dump(engine: AsyncEngine) -> Dump:
    """Both tables, every column, ordered by id, as the app's column types read them."""
    async with engine.connect() as connection:
        users = (
            await connection.execute(select(*UserModel.__table__.c).order_by(UserModel.id))
        ).all()
        posts = (
            await connection.execute(select(*PostModel.__table__.c).order_by(PostModel.id))
        ).all()
    return [tuple(row) for row in users], [tuple(row) for row in posts]


async def ids(engine: AsyncEngine) -> tuple[list[UUID], list[UUID]]:
    """The users' and the posts' ids, in id order."""
    async with engine.connect() as connection:
        users = list(await connection.scalars(select(UserModel.id).order_by(UserModel.id)))
        posts = list(await connection.scalars(select(PostModel.id).order_by(PostModel.id)))
    return users, posts


async def empty(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(delete(PostModel))
        await connection.execute(delete(UserModel))
