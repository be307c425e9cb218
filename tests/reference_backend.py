"""The web backend that shares the database with the app, as its reference design declares it.

Its models are copied here column for column (the facts of the reference design; the tests never
read the design document at run time), with their own ``DeclarativeBase`` and their own engine,
so a test can let "the site" create tables and write rows exactly as the real backend does:

* every INSERT sends ``updated_at = NULL`` explicitly (no default, only ``onupdate``), so a
  never-edited row has a NULL ``updated_at``;
* ``created_at`` comes from the server's ``now()``: on SQLite ``CURRENT_TIMESTAMP``, whole
  seconds as ``YYYY-MM-DD HH:MM:SS`` text;
* the first ORM update sets ``updated_at`` to the server's ``now()`` (the same formats).

Nothing from ``desktop_app`` is imported: this is the other program.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    String,
    Text,
    delete,
    event,
    func,
)
from sqlalchemy.dialects.postgresql import UUID as PGUUID
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Not a real hash: the app never verifies the site's passwords in these tests.
SITE_PASSWORD_HASH = "$2b$12$site.backend.hash.of.a.password.nobody.needs.to.know"


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )
    updated_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), onupdate=func.now(), nullable=True
    )


class UserModel(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(
        PGUUID(as_uuid=True), primary_key=True, default=uuid.uuid4
    )
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True, nullable=False)
    username: Mapped[str] = mapped_column(String(50), unique=True, index=True, nullable=False)
    hashed_password: Mapped[str] = mapped_column(String(255), nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)

    posts: Mapped[list[PostModel]] = relationship(back_populates="author", lazy="selectin")


class PostModel(TimestampMixin, Base):
    __tablename__ = "posts"

    id: Mapped[uuid.UUID] = mapped_column(
        PGUUID(as_uuid=True), primary_key=True, default=uuid.uuid4
    )
    title: Mapped[str] = mapped_column(String(255), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    author_id: Mapped[uuid.UUID] = mapped_column(
        PGUUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )

    author: Mapped[UserModel] = relationship(back_populates="posts")


def _foreign_keys_on(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _given(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields a caller set: a ``created_at`` of None means "the server's now()"."""
    return {k: v for k, v in fields.items() if not (k == "created_at" and v is None)}


class WebBackend:
    """The site's data layer over its own async engine: ORM writes, one transaction each.

    ``async with WebBackend(url) as site: ...`` disposes the engine on the way out.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: AsyncEngine = create_async_engine(url, pool_pre_ping=True)
        if make_url(url).get_backend_name() == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _foreign_keys_on)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        await self.engine.dispose()

    async def create_tables(self) -> None:
        """What the site does on a fresh database: ``Base.metadata.create_all``."""
        async with self.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)

    async def add_user(
        self,
        *,
        email: str,
        username: str,
        bio: str | None = None,
        is_active: bool = True,
        created_at: datetime | None = None,
    ) -> uuid.UUID:
        """A sign-up. ``created_at`` left out is the server's ``now()``, as on the site."""
        person = {"email": email, "username": username, "bio": bio, "is_active": is_active}
        return (await self.add_users([person | {"created_at": created_at}]))[0]

    async def add_post(
        self,
        *,
        author_id: uuid.UUID,
        title: str,
        content: str,
        created_at: datetime | None = None,
    ) -> uuid.UUID:
        post = {"author_id": author_id, "title": title, "content": content}
        return (await self.add_posts([post | {"created_at": created_at}]))[0]

    async def add_users(self, people: list[dict[str, Any]]) -> list[uuid.UUID]:
        """Many sign-ups in one transaction (keys as ``add_user``'s arguments)."""
        async with self.sessions() as session:
            users = [
                UserModel(hashed_password=SITE_PASSWORD_HASH, **_given(person)) for person in people
            ]
            session.add_all(users)
            await session.commit()
            return [user.id for user in users]

    async def add_posts(self, posts: list[dict[str, Any]]) -> list[uuid.UUID]:
        async with self.sessions() as session:
            models = [PostModel(**_given(post)) for post in posts]
            session.add_all(models)
            await session.commit()
            return [model.id for model in models]

    async def _update(self, model: type[Base], row_id: uuid.UUID, fields: dict[str, Any]) -> None:
        async with self.sessions() as session:
            row = await session.get(model, row_id)
            if row is None:
                raise LookupError(f"no {model.__tablename__} row {row_id}")
            for name, value in fields.items():
                setattr(row, name, value)
            await session.commit()

    async def update_user(self, user_id: uuid.UUID, **fields: Any) -> None:
        """A profile edit through the ORM: ``onupdate`` sets ``updated_at`` to ``now()``."""
        await self._update(UserModel, user_id, fields)

    async def update_post(self, post_id: uuid.UUID, **fields: Any) -> None:
        await self._update(PostModel, post_id, fields)

    async def delete_user(self, user_id: uuid.UUID) -> int:
        """An account deletion; the database cascades to the user's posts.

        An ORM-enabled DELETE statement: ``session.delete(user)`` with the default relationship
        cascade would first set the loaded posts' ``author_id`` to NULL (the reference models
        declare no ORM cascade), which the NOT NULL column refuses.
        """
        async with self.sessions() as session:
            result = await session.execute(delete(UserModel).where(UserModel.id == user_id))
            await session.commit()
            return int(getattr(result, "rowcount", 0))

    async def delete_post(self, post_id: uuid.UUID) -> None:
        async with self.sessions() as session:
            post = await session.get(PostModel, post_id)
            if post is None:
                raise LookupError(f"no post {post_id}")
            await session.delete(post)
            await session.commit()

    async def get_user(self, user_id: uuid.UUID) -> UserModel | None:
        """The row as the site reads it (detached; its posts loaded by ``selectin``)."""
        async with self.sessions() as session:
            return await session.get(UserModel, user_id)

    async def get_post(self, post_id: uuid.UUID) -> PostModel | None:
        async with self.sessions() as session:
            return await session.get(PostModel, post_id)
