"""ORM models, column for column compatible with the reference web backend's tables.

Anything added beyond its columns must be additive with a server default, so the backend's own
INSERTs keep working on a database we edited. Relationships are ``lazy="raise"``: under asyncio an
implicit load would fail anyway, so every query says what it loads.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.domain.entities import utcnow
from desktop_app.infrastructure.database.connection import Base
from desktop_app.infrastructure.database.types import UTCDateTime, server_now


class TimestampMixin:
    """created_at / updated_at, as the web backend declares them.

    ``created_at`` is set in Python (microseconds) or by the server (fractional seconds on
    SQLite too, see ``server_now``). ``updated_at`` is nullable with no default: the backend's
    ORM inserts NULL and sets it on the first edit, so NULL means "never edited". The
    repositories set it on every write themselves, as the version their compare-and-set checks
    (no ``onupdate``: the value must be the one the statement compares with).
    """

    created_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, server_default=server_now(), nullable=False
    )
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class UserModel(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(255), unique=True, nullable=False)
    username: Mapped[str] = mapped_column(String(50), unique=True, nullable=False)
    hashed_password: Mapped[str] = mapped_column(String(255), nullable=False)
    is_active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), nullable=False
    )
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)

    posts: Mapped[list[PostModel]] = relationship(
        back_populates="author", lazy="raise", passive_deletes=True
    )

    # One (column, id) index per sortable column, matching the reader's ORDER BY col, id in
    # either direction, so a page at any depth is a seek (migration 0002 adds the last three).
    __table_args__ = (
        Index("ix_users_created_at_id", "created_at", "id"),
        Index("ix_users_updated_at_id", "updated_at", "id"),
        Index("ix_users_is_active_id", "is_active", "id"),
        Index("ix_users_username_id", "username", "id"),
        Index("ix_users_email_id", "email", "id"),
    )


class PostModel(TimestampMixin, Base):
    __tablename__ = "posts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    title: Mapped[str] = mapped_column(String(255), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    author_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )

    author: Mapped[UserModel] = relationship(back_populates="posts", lazy="raise")

    __table_args__ = (
        Index("ix_posts_created_at_id", "created_at", "id"),
        Index("ix_posts_author_id_created_at_id", "author_id", "created_at", "id"),
        Index("ix_posts_updated_at_id", "updated_at", "id"),
        Index("ix_posts_title_id", "title", "id"),
    )


__all__ = ["Base", "PostModel", "TimestampMixin", "UserModel"]
